/**
 * Writes to a member's relationship cards (docs/relationships.md), each in one transaction. A card is made
 * the first time the member sets something on a person, with the last interaction read from the ledger at that
 * moment; from then on recording an interaction keeps it current (relationships/record.ts).
 */
import { sql } from 'drizzle-orm';
import { LIMITS } from '../../../common/limits.ts';
import type { RelationshipPatch } from '../../../common/schemas/relationships.ts';
import { type Db, rows, type Tx } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { badRequest, conflict } from '../../errors.ts';
import { intArray } from '../../graph/sql.ts';
import { daysOf } from '../../relationships/cadence.ts';

/** Makes the card of a pair if there is none, its last interaction read from the ledger. */
export async function ensureCard(tx: Tx, memberId: number, otherId: number): Promise<void> {
  await tx.execute(sql`
    INSERT INTO relationship_cards (member_id, other_id, last_interaction_at)
    SELECT ${memberId}::int, ${otherId}::int, (SELECT max(at) FROM interactions WHERE member_id = ${memberId} AND other_id = ${otherId})
    ON CONFLICT (member_id, other_id) DO NOTHING`);
}

/**
 * Recomputes the effective cadence and the due date of some of a member's cards (those of `otherIds`, or
 * those carrying `tagId`): the card's own cadence, else the shortest of its tags'; due one cadence after the
 * last interaction (or after the card was made), unless snoozed past that. A reminder already sent stands
 * only while the due date it was for does.
 */
export async function refreshDue(tx: Tx, memberId: number, scope: { otherIds: readonly number[] } | { tagId: number }): Promise<void> {
  const which =
    'tagId' in scope
      ? sql`EXISTS (SELECT 1 FROM relationship_card_tags ct WHERE ct.member_id = c.member_id AND ct.other_id = c.other_id AND ct.tag_id = ${scope.tagId})`
      : sql`c.other_id = ANY(${intArray(scope.otherIds)}::int[])`;
  await tx.execute(sql`
    WITH effective AS (
      SELECT c.other_id,
             COALESCE(${daysOf(sql`c.cadence`)},
                      (SELECT min(${daysOf(sql`t.cadence`)}) FROM relationship_card_tags ct JOIN relationship_tags t ON t.id = ct.tag_id
                        WHERE ct.member_id = c.member_id AND ct.other_id = c.other_id)) AS days
        FROM relationship_cards c
       WHERE c.member_id = ${memberId} AND ${which}
    ), due AS (
      SELECT c.other_id, e.days,
             CASE WHEN e.days IS NULL THEN NULL
                  ELSE GREATEST(COALESCE(c.last_interaction_at, c.created_at) + make_interval(days => e.days), COALESCE(c.snoozed_until, '-infinity'::timestamptz))
             END AS due_at
        FROM relationship_cards c JOIN effective e ON e.other_id = c.other_id
       WHERE c.member_id = ${memberId}
    )
    UPDATE relationship_cards c
       SET cadence_days = due.days, due_at = due.due_at, updated_at = now(),
           reminded_at = CASE WHEN due.due_at IS NOT DISTINCT FROM c.due_at THEN c.reminded_at END
      FROM due
     WHERE c.member_id = ${memberId} AND c.other_id = due.other_id`);
}

/** Refuses tag ids that are not the member's own (the first one, by its id), before anything is written. */
export async function checkOwnTags(tx: Tx, memberId: number, tagIds: readonly number[]): Promise<void> {
  if (tagIds.length === 0) return;
  const own = new Set(
    (await rows<{ id: number }>(tx, sql`SELECT id FROM relationship_tags WHERE member_id = ${memberId} AND id = ANY(${intArray(tagIds)}::int[])`)).map((r) => r.id),
  );
  const unknown = tagIds.find((id) => !own.has(id));
  if (unknown !== undefined) throw badRequest('tag_unknown', { params: { id: unknown } });
}

/** Applies a change to my card on a person (the route has checked that I may keep one). */
export async function patchRelationship(db: Db, memberId: number, otherId: number, patch: RelationshipPatch): Promise<void> {
  await inTransaction(db, async (tx) => {
    const tagIds = patch.tags === undefined ? undefined : [...new Set(patch.tags)];
    if (tagIds) {
      if (tagIds.length > LIMITS.cardTagsMax) throw conflict('tags_limit', { params: { max: LIMITS.cardTagsMax } });
      await checkOwnTags(tx, memberId, tagIds);
    }
    await ensureCard(tx, memberId, otherId);
    const sets = [sql`updated_at = now()`];
    if (patch.howWeMet === null) sets.push(sql`met_text = NULL, met_on = NULL, met_edited_at = NULL`);
    else if (patch.howWeMet) sets.push(sql`met_text = ${patch.howWeMet.text}, met_on = ${patch.howWeMet.date ?? null}::date, met_edited_at = now()`);
    if (patch.cadence !== undefined) sets.push(sql`cadence = ${patch.cadence}`);
    if (patch.snoozeDays === null) sets.push(sql`snoozed_until = NULL`);
    else if (patch.snoozeDays !== undefined) sets.push(sql`snoozed_until = now() + make_interval(days => ${patch.snoozeDays}::int)`);
    await tx.execute(sql`UPDATE relationship_cards SET ${sql.join(sets, sql`, `)} WHERE member_id = ${memberId} AND other_id = ${otherId}`);
    if (tagIds) {
      await tx.execute(sql`DELETE FROM relationship_card_tags WHERE member_id = ${memberId} AND other_id = ${otherId} AND NOT (tag_id = ANY(${intArray(tagIds)}::int[]))`);
      if (tagIds.length)
        await tx.execute(sql`INSERT INTO relationship_card_tags (member_id, other_id, tag_id)
                             SELECT ${memberId}::int, ${otherId}::int, unnest(${intArray(tagIds)}::int[]) ON CONFLICT DO NOTHING`);
    }
    await refreshDue(tx, memberId, { otherIds: [otherId] });
  });
}
