/**
 * Writes the interactions an event is (from-events.ts) in the event's own transaction (called by recordEvent,
 * beside the notifications), and moves the stay-in-touch clock of the cards the pairs have: one statement,
 * and none for the many events that are no interaction. Cards exist only where a member set something, so
 * for most pairs the UPDATE finds nothing.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connection.ts';
import type { StoredEvent } from '../events/types.ts';
import { interactionsFor } from './from-events.ts';

export async function recordInteractions(tx: Tx, event: StoredEvent): Promise<void> {
  const rows = interactionsFor(event);
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((r) => ({ member_id: r.memberId, other_id: r.otherId, kind: r.kind, ref_id: r.refId, at: r.at.toISOString() })));
  // The interaction resets the clock: due one cadence after it (a snooze before it is spent), and a reminder
  // already sent was for the old due date. A logged meeting dated before the last interaction moves nothing.
  await tx.execute(sql`
    WITH input AS (
      SELECT v.member_id, v.other_id, v.kind, v.ref_id, v.at
        FROM jsonb_to_recordset(${json}::jsonb) AS v(member_id int, other_id int, kind text, ref_id bigint, at timestamptz)
    ), written AS (
      INSERT INTO interactions (member_id, other_id, kind, ref_id, at)
      SELECT member_id, other_id, kind, ref_id, at FROM input
    ), latest AS (
      SELECT member_id, other_id, max(at) AS at FROM input GROUP BY member_id, other_id
    )
    UPDATE relationship_cards c
       SET last_interaction_at = latest.at,
           due_at = CASE WHEN c.cadence_days IS NULL THEN NULL ELSE latest.at + make_interval(days => c.cadence_days) END,
           snoozed_until = NULL,
           reminded_at = NULL
      FROM latest
     WHERE c.member_id = latest.member_id AND c.other_id = latest.other_id
       AND (c.last_interaction_at IS NULL OR c.last_interaction_at < latest.at)`);
}
