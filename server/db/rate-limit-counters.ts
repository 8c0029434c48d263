/**
 * The rate limits' counters on the database (table rate_limit_counters, migration 20261228-0042), shared by
 * every app process on it. Each call is one statement, so counting a request costs one round trip.
 *
 * A window starts at a key's first request and lasts `windowMs`, as in @fastify/rate-limit's own memory and
 * Redis stores, so a client sees the same Retry-After whichever store counts it. Time is the database's
 * (now()), never a process's clock: processes whose clocks disagree still agree on when a window ends.
 */
import { sql } from 'drizzle-orm';
import { type Db, rows } from './connection.ts';

export interface CounterState {
  /** Requests counted in the current window (0 when none is open). */
  current: number;
  /** Milliseconds until the window ends (0 when none is open). */
  ttl: number;
}

const msInterval = (ms: number) => sql`make_interval(secs => ${ms / 1000})`;

/**
 * Counts one request under `key`: starts a window if none is open (or the last one has ended), else adds one.
 * INSERT … ON CONFLICT DO UPDATE takes the row's lock, so concurrent requests from any process each get their
 * own count, none lost.
 */
export async function incrementCounter(db: Db, key: string, windowMs: number): Promise<CounterState> {
  const [row] = await rows<{ count: number; ttl: number }>(
    db,
    sql`INSERT INTO rate_limit_counters AS c (key, window_start, expires_at, count)
        VALUES (${key}, now(), now() + ${msInterval(windowMs)}, 1)
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN c.expires_at <= now() THEN 1 ELSE c.count + 1 END,
          window_start = CASE WHEN c.expires_at <= now() THEN excluded.window_start ELSE c.window_start END,
          expires_at = CASE WHEN c.expires_at <= now() THEN excluded.expires_at ELSE c.expires_at END
        RETURNING c.count, ceil(extract(epoch FROM c.expires_at - now()) * 1000)::int AS ttl`,
  );
  return { current: row?.count ?? 1, ttl: Math.max(0, row?.ttl ?? windowMs) };
}

/** The state of `key`'s window without counting anything: a check before work that only a failure counts. */
export async function readCounter(db: Db, key: string): Promise<CounterState> {
  const [row] = await rows<{ count: number; ttl: number }>(
    db,
    sql`SELECT count, ceil(extract(epoch FROM expires_at - now()) * 1000)::int AS ttl
          FROM rate_limit_counters WHERE key = ${key} AND expires_at > now()`,
  );
  return row ? { current: row.count, ttl: Math.max(0, row.ttl) } : { current: 0, ttl: 0 };
}

/**
 * Deletes the rows whose window has ended, a batch at a time (the hourly `rate-limits.sweep` job). A
 * key that comes back later simply starts a new window, so deleting never changes an answer. The outer
 * condition is checked again on each row: a window restarted since the inner select is not deleted.
 */
export async function sweepRateLimitCounters(db: Db, batch = 10_000): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await rows<{ one: number }>(
      db,
      sql`DELETE FROM rate_limit_counters WHERE key IN (
            SELECT key FROM rate_limit_counters WHERE expires_at <= now() LIMIT ${batch}
          ) AND expires_at <= now() RETURNING 1 AS one`,
    );
    total += deleted.length;
    if (deleted.length < batch) return total;
  }
}
