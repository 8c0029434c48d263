/**
 * What operators do to the job queue, each audited in the same transaction: retry a dead job (a full set of
 * attempts again, due now) or discard it, and run the weekly digest's schedule now.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows, type Tx } from '../db/connection.ts';
import { conflict, notFound } from '../errors.ts';
import { announce, enqueueJob } from '../jobs/enqueue.ts';
import { isoWeek } from '../jobs/schedule.ts';
import { recordAudit } from './audit.ts';

/** Who acted: an operator on the admin page, or null for the `rapport jobs` command line (the platform). */
export interface Operator {
  id: number;
  ip?: string | null;
}

/** The dead job, locked; 404 when there is none, 409 when it is not dead. */
async function lockDead(tx: Tx, id: number): Promise<{ kind: string; attempts: number; lastError: string | null }> {
  const [job] = await rows<{ kind: string; status: string; attempts: number; last_error: string | null }>(
    tx,
    sql`SELECT kind, status, attempts, last_error FROM jobs WHERE id = ${id} FOR UPDATE`,
  );
  if (!job) throw notFound('job');
  if (job.status !== 'dead') throw conflict('job_not_dead');
  return { kind: job.kind, attempts: job.attempts, lastError: job.last_error };
}

/** Puts a dead job back in the queue with its attempts reset; the workers are woken after commit. */
export async function retryJob(tx: Tx, operator: Operator | null, id: number): Promise<void> {
  const job = await lockDead(tx, id);
  await tx.execute(sql`UPDATE jobs SET status = 'queued', attempts = 0, run_at = now(), updated_at = now(), finished_at = NULL WHERE id = ${id}`);
  await recordAudit(tx, { actorId: operator?.id ?? null, action: 'job.retry', subjectType: 'job', subjectId: id, data: { kind: job.kind, attempts: job.attempts }, ip: operator?.ip ?? null });
  await announce(tx);
}

/** Deletes a dead job for good. */
export async function discardJob(tx: Tx, operator: Operator | null, id: number): Promise<void> {
  const job = await lockDead(tx, id);
  await tx.execute(sql`DELETE FROM jobs WHERE id = ${id}`);
  await recordAudit(tx, {
    actorId: operator?.id ?? null,
    action: 'job.discard',
    subjectType: 'job',
    subjectId: id,
    data: { kind: job.kind, attempts: job.attempts, lastError: job.lastError?.slice(0, 300) ?? null },
    ip: operator?.ip ?? null,
  });
}

/**
 * Runs the weekly digest's schedule now (for operators and tests): members due a digest who have none for
 * this week get one; those who have one already do not get another.
 */
export async function runDigestNow(tx: DbOrTx, operator: Operator | null, now = new Date()): Promise<{ jobId: number; week: string }> {
  const week = isoWeek(now);
  // No unique key: each run looks again; the digests themselves are unique per member and week.
  const jobId = (await enqueueJob(tx, 'digest.schedule', { week }, { maxAttempts: 3 }))!;
  await recordAudit(tx, { actorId: operator?.id ?? null, action: 'job.run_digest', subjectType: 'job', subjectId: jobId, data: { kind: 'digest.schedule', week }, ip: operator?.ip ?? null });
  return { jobId, week };
}
