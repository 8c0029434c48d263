/**
 * The hourly upkeep, as scheduled jobs: each runs once an hour across every process on the database (the
 * hour is its unique key), is retried like any job, and shows on the admin page if it keeps failing.
 */
import { sql } from 'drizzle-orm';
import { deleteExpiredUploads } from '../commands/media/uploads.ts';
import { endExpiredRestrictions } from '../commands/moderation/restrictions.ts';
import { scanRecentClusters } from '../commands/screening/clusters.ts';
import { sweepIntroductions } from '../commands/introductions/sweep.ts';
import { sweepExports } from '../commands/exports/sweep.ts';
import type { Config } from '../config.ts';
import { type Db, rows } from '../db/connection.ts';
import { sweepAuthAttempts } from '../db/auth-attempts.ts';
import { sweepRateLimitCounters } from '../db/rate-limit-counters.ts';
import { inTransaction } from '../db/transaction.ts';
import { expireInvitations } from './expire-invitations.ts';
import type { JobQueue } from './queue.ts';
import { type Schedule, schedule } from './schedule.ts';

/** Finished jobs are kept this long (the admin page's counts, and the unique keys that make enqueueing idempotent). */
export const JOB_RETENTION_DAYS = 14;

export const MAINTENANCE_SCHEDULES: Schedule[] = [
  schedule({ kind: 'invitations.expire', every: 'hour', payload: (slot) => ({ slot }) }),
  schedule({ kind: 'restrictions.expire', every: 'hour', payload: (slot) => ({ slot }) }),
  // Profiles fill in after sign-up, so look-alike clusters can appear later than the sign-ups themselves.
  schedule({ kind: 'clusters.scan', every: 'hour', payload: (slot) => ({ slot }) }),
  schedule({ kind: 'jobs.prune', every: 'hour', payload: (slot) => ({ slot }) }),
  // Images uploaded for a post or message that was never sent expire after a day.
  schedule({ kind: 'uploads.expire', every: 'hour', payload: (slot) => ({ slot }) }),
  schedule({ kind: 'introductions.sweep', every: 'hour', payload: (slot) => ({ slot }) }),
  // Members' exports are kept seven days, then their rows and files go.
  schedule({ kind: 'exports.sweep', every: 'hour', payload: (slot) => ({ slot }) }),
  // The rate limits' ended windows, when they are counted on the database (RATE_LIMIT_STORE=postgres).
  schedule({ kind: 'rate-limits.sweep', every: 'hour', payload: (slot) => ({ slot }) }),
];

export function registerMaintenance(jobs: JobQueue, db: Db, config: Config): void {
  jobs
    .register('invitations.expire', async () => {
      await expireInvitations(db);
    })
    .register('restrictions.expire', async () => {
      await inTransaction(db, (tx) => endExpiredRestrictions(tx));
    })
    .register('clusters.scan', async () => {
      await scanRecentClusters(db, config.screening);
    })
    .register('jobs.prune', async () => {
      await pruneFinishedJobs(db);
    })
    .register('uploads.expire', async () => {
      await deleteExpiredUploads(db);
    })
    .register('introductions.sweep', async () => {
      await sweepIntroductions(db, config.network);
    })
    .register('exports.sweep', async () => {
      await sweepExports(db, config.exportsDir);
    })
    .register('rate-limits.sweep', async () => {
      await sweepRateLimitCounters(db);
      await sweepAuthAttempts(db);
    });
}

/** Deletes jobs finished more than JOB_RETENTION_DAYS ago, a batch at a time; dead ones stay until an operator acts. */
export async function pruneFinishedJobs(db: Db, days = JOB_RETENTION_DAYS): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await rows<{ id: number }>(
      db,
      sql`DELETE FROM jobs WHERE id IN (SELECT id FROM jobs WHERE status = 'done' AND finished_at < now() - make_interval(days => ${days}) LIMIT 5000) RETURNING 1 AS id`,
    );
    const n = deleted.length;
    total += n;
    if (n < 5000) return total;
  }
}
