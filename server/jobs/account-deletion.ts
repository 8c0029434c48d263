import type { Db } from '../db/connection.ts';
import { inTransaction } from '../db/transaction.ts';
import { purgeMember } from '../commands/deletion/purge.ts';
import { dueDeletions } from '../queries/deletion.ts';
import { enqueueJob } from './enqueue.ts';
import type { JobQueue } from './queue.ts';
import { type Schedule, schedule } from './schedule.ts';

/** Hourly: members whose grace period has passed get a purge job each (docs/account-deletion.md). */
export const DELETION_SWEEP_SCHEDULE: Schedule = schedule({ kind: 'deletions.sweep', every: 'hour', payload: (slot) => ({ slot }) });

/**
 * The sweep enqueues one `account.purge` per due member (unique per member, so two sweeps never queue two),
 * and each purge runs in its own transaction: one member's failure is retried by the queue without holding
 * back the others. A purge that finds nothing to do (done already, cancelled) succeeds quietly.
 */
export function registerAccountDeletion(jobs: JobQueue, db: Db): void {
  jobs
    .register('deletions.sweep', async () => {
      await sweepDeletions(db);
    })
    .register('account.purge', async ({ memberId }) => {
      await inTransaction(db, (tx) => purgeMember(tx, memberId));
    });
}

/** Enqueues a purge for every member whose grace has passed; returns how many were due. */
export async function sweepDeletions(db: Db, now: Date = new Date()): Promise<number> {
  const due = await dueDeletions(db, now);
  if (due.length === 0) return 0;
  await inTransaction(db, async (tx) => {
    for (const memberId of due) await enqueueJob(tx, 'account.purge', { memberId }, { uniqueKey: `purge:${memberId}`, maxAttempts: 8 });
  });
  return due.length;
}
