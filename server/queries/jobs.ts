/** The job queue as operators see it (routes/admin/jobs.ts, `rapport jobs`): counts per status, and the dead jobs. */
import { sql } from 'drizzle-orm';
import { JOB_STATUSES, type JobStatus } from '../../common/jobs.ts';
import type { DeadJob, JobCounts } from '../../common/schemas/jobs.ts';
import { type DbOrTx, rows } from '../db/connection.ts';
import { decodeCursor, type KeysetPage, keysetPage, lookahead } from '../http/cursor.ts';

const zero = (): Record<JobStatus, number> => ({ queued: 0, running: 0, done: 0, dead: 0 });

/** How many jobs are in each status, in all and per kind. */
export async function countJobs(db: DbOrTx): Promise<JobCounts> {
  const found = await rows<{ kind: string; status: JobStatus; n: number }>(db, sql`SELECT kind, status, count(*)::int AS n FROM jobs GROUP BY kind, status ORDER BY kind`);
  const total = zero();
  const kinds = new Map<string, Record<JobStatus, number>>();
  for (const r of found) {
    if (!JOB_STATUSES.includes(r.status)) continue;
    total[r.status] += r.n;
    const k = kinds.get(r.kind) ?? zero();
    k[r.status] += r.n;
    kinds.set(r.kind, k);
  }
  return { total, kinds: [...kinds].map(([kind, counts]) => ({ kind, ...counts })) };
}

/** Dead jobs, the most recently failed first (by id, newest first, which the partial index serves). */
export async function deadJobs(db: DbOrTx, query: { cursor?: string | undefined; limit: number }): Promise<KeysetPage<DeadJob>> {
  const after = decodeCursor(query.cursor, { i: 'bigId' });
  const found = await rows<{ id: string | number; kind: string; payload: Record<string, unknown>; attempts: number; max_attempts: number; last_error: string | null; created_at: Date | string; updated_at: Date | string }>(
    db,
    sql`SELECT id, kind, payload, attempts, max_attempts, last_error, created_at, updated_at FROM jobs
         WHERE status = 'dead' ${after ? sql`AND id < ${after.i}` : sql``}
         ORDER BY id DESC LIMIT ${lookahead(query.limit)}`,
  );
  const page = keysetPage(found, query.limit, (last) => ({ i: Number(last.id) }));
  return {
    rows: page.rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      payload: r.payload,
      attempts: r.attempts,
      maxAttempts: r.max_attempts,
      lastError: r.last_error,
      createdAt: new Date(r.created_at).toISOString(),
      failedAt: new Date(r.updated_at).toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}
