/**
 * The weekly keep-in-touch reminder (docs/relationships.md): once a week the schedule finds the members with
 * people due a word and not yet reminded of that due date, through the partial index on `due_at` (so the work
 * is O(due cards), never O(members)), and for each records `relationship.reminded` in a transaction that marks
 * those cards reminded: the notification and its email (through the job queue) follow from the event, once.
 * An interaction moves the due date and clears `reminded_at` (relationships/record.ts), so the person leaves
 * the list and is reminded of again only when due again.
 */
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../db/connection.ts';
import { inTransaction } from '../db/transaction.ts';
import { recordEvent } from '../events/record.ts';
import type { JobQueue } from './queue.ts';
import { type Schedule, schedule } from './schedule.ts';

const BATCH = 500;

export const KEEP_IN_TOUCH_SCHEDULE: Schedule = schedule({ kind: 'relationships.remind', every: 'week', payload: (week) => ({ week }), maxAttempts: 3 });

export function registerKeepInTouch(jobs: JobQueue, deps: { db: Db }): void {
  jobs.register('relationships.remind', async ({ week }) => {
    await remindDue(deps.db, week);
  });
}

/**
 * Reminds every member with due, unreminded cards; returns how many were reminded. Each member is one
 * transaction: their cards are marked and their event recorded together, so a rerun after a crash picks up
 * exactly those not yet reminded.
 */
export async function remindDue(db: Db, week: string): Promise<number> {
  let reminded = 0;
  for (;;) {
    // The partial index holds only due dates not yet reminded of; those up to now are the work.
    const due = await rows<{ memberId: number }>(
      db,
      sql`SELECT DISTINCT c.member_id AS "memberId"
            FROM relationship_cards c
           WHERE c.due_at IS NOT NULL AND c.reminded_at IS NULL AND c.due_at <= now()
           LIMIT ${BATCH}`,
    );
    if (due.length === 0) break;
    for (const { memberId } of due) {
      await inTransaction(db, async (tx) => {
        // People the member can no longer see (blocked either way, suspended) are marked but not counted.
        const [marked] = await rows<{ n: number }>(
          tx,
          sql`WITH marked AS (
                UPDATE relationship_cards c SET reminded_at = now()
                 WHERE c.member_id = ${memberId} AND c.due_at IS NOT NULL AND c.reminded_at IS NULL AND c.due_at <= now()
                RETURNING c.other_id)
              SELECT count(*)::int AS n FROM marked
               WHERE EXISTS (SELECT 1 FROM members m WHERE m.id = marked.other_id AND m.status = 'active')
                 AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = ${memberId} AND b.blocked_id = marked.other_id)
                                                       OR (b.blocker_id = marked.other_id AND b.blocked_id = ${memberId}))`,
        );
        const count = marked?.n ?? 0;
        if (count === 0) return;
        await recordEvent(tx, { kind: 'relationship.reminded', actorId: null, subjectId: memberId, data: { week, count } });
        reminded += 1;
      });
    }
  }
  return reminded;
}
