/**
 * The authentication throttles' attempts on the database (table auth_attempts, migration 20261228-0043),
 * shared by every app process on it (server/auth/attempt-log.ts). Time is the database's, so processes
 * whose clocks disagree still agree on a window. Each call is one statement.
 */
import { sql } from 'drizzle-orm';
import type { AttemptBackend } from '../auth/attempt-log.ts';
import { type Db, rows } from './connection.ts';

/** Attempts older than this reach no window (the longest is a day's sign-up probes) and are swept… */
const KEPT_MS = 2 * 24 * 3_600_000;
/** …except the addresses members signed in from, kept as long as the sign-in throttle remembers them. */
const KNOWN_KEPT_MS = 90 * 24 * 3_600_000;

const msInterval = (ms: number) => sql`make_interval(secs => ${ms / 1000})`;

export class DatabaseAttempts implements AttemptBackend {
  constructor(private readonly db: Db) {}

  async recent(key: string, windowMs: number): Promise<{ now: number; times: number[] }> {
    const [row] = await rows<{ now: number; times: number[] | null }>(
      this.db,
      sql`SELECT (extract(epoch FROM now()) * 1000)::float8 AS now,
                 (SELECT json_agg((extract(epoch FROM at) * 1000)::float8 ORDER BY at)
                    FROM auth_attempts WHERE key = ${key} AND at > now() - ${msInterval(windowMs)}) AS times`,
    );
    return { now: Number(row?.now ?? Date.now()), times: (row?.times ?? []).map(Number) };
  }

  async record(key: string): Promise<void> {
    await this.db.execute(sql`INSERT INTO auth_attempts (key) VALUES (${key})`);
  }

  async clear(key: string): Promise<void> {
    await this.db.execute(sql`DELETE FROM auth_attempts WHERE key = ${key}`);
  }
}

/** Deletes the attempts no window reaches any more, a batch at a time (the hourly `rate-limits.sweep` job). */
export async function sweepAuthAttempts(db: Db, batch = 10_000): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await rows<{ one: number }>(
      db,
      sql`DELETE FROM auth_attempts WHERE ctid IN (
            SELECT ctid FROM auth_attempts
             WHERE at < now() - ${msInterval(KNOWN_KEPT_MS)}
                OR (at < now() - ${msInterval(KEPT_MS)} AND key NOT LIKE '%-known:%')
             LIMIT ${batch}
          ) RETURNING 1 AS one`,
    );
    total += deleted.length;
    if (deleted.length < batch) return total;
  }
}
