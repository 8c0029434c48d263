/**
 * A member's relationship tags: a name, a colour from the fixed palette and an optional cadence for everyone
 * who carries it. Changing or removing a tag's cadence moves the due dates of its cards in the same transaction.
 */
import { sql } from 'drizzle-orm';
import { LIMITS } from '../../../common/limits.ts';
import type { Cadence, TagColour } from '../../../common/relationships.ts';
import type { TagView } from '../../../common/schemas/relationships.ts';
import { type Db, rows, type Tx } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { conflict, notFound } from '../../errors.ts';
import { refreshDue } from './cards.ts';

const RETURNING = sql`RETURNING id, name, colour, cadence`;

/** Serialises a member's tag writes, so the count limit and the unique name hold under racing requests. */
async function lockTags(tx: Tx, memberId: number): Promise<void> {
  await tx.execute(sql`SELECT 1 FROM members WHERE id = ${memberId} FOR UPDATE`);
}

async function nameTaken(tx: Tx, memberId: number, name: string, except: number | null): Promise<boolean> {
  const [r] = await rows<{ taken: boolean }>(
    tx,
    sql`SELECT EXISTS (SELECT 1 FROM relationship_tags WHERE member_id = ${memberId} AND lower(name) = lower(${name}) AND id IS DISTINCT FROM ${except}::int) AS taken`,
  );
  return r?.taken ?? false;
}

export async function createTag(db: Db, memberId: number, tag: { name: string; colour: TagColour; cadence?: Cadence | null | undefined }): Promise<TagView> {
  return inTransaction(db, async (tx) => {
    await lockTags(tx, memberId);
    const [n] = await rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM relationship_tags WHERE member_id = ${memberId}`);
    if ((n?.n ?? 0) >= LIMITS.tagsMax) throw conflict('tags_limit', { params: { max: LIMITS.tagsMax } });
    if (await nameTaken(tx, memberId, tag.name, null)) throw conflict('tag_name_taken');
    const [row] = await rows<TagView>(
      tx,
      sql`INSERT INTO relationship_tags (member_id, name, colour, cadence) VALUES (${memberId}, ${tag.name}, ${tag.colour}, ${tag.cadence ?? null}) ${RETURNING}`,
    );
    return { ...row!, count: 0 };
  });
}

export async function updateTag(
  db: Db,
  memberId: number,
  tagId: number,
  change: { name?: string | undefined; colour?: TagColour | undefined; cadence?: Cadence | null | undefined },
): Promise<TagView> {
  return inTransaction(db, async (tx) => {
    await lockTags(tx, memberId);
    if (change.name !== undefined && (await nameTaken(tx, memberId, change.name, tagId))) throw conflict('tag_name_taken');
    const sets = [];
    if (change.name !== undefined) sets.push(sql`name = ${change.name}`);
    if (change.colour !== undefined) sets.push(sql`colour = ${change.colour}`);
    if (change.cadence !== undefined) sets.push(sql`cadence = ${change.cadence}`);
    if (sets.length === 0) sets.push(sql`name = name`);
    const [row] = await rows<TagView>(tx, sql`UPDATE relationship_tags SET ${sql.join(sets, sql`, `)} WHERE id = ${tagId} AND member_id = ${memberId} ${RETURNING}`);
    if (!row) throw notFound('tag');
    if (change.cadence !== undefined) await refreshDue(tx, memberId, { tagId });
    return row;
  });
}

export async function deleteTag(db: Db, memberId: number, tagId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const carried = await rows<{ otherId: number }>(tx, sql`SELECT other_id AS "otherId" FROM relationship_card_tags WHERE member_id = ${memberId} AND tag_id = ${tagId}`);
    const gone = await rows<{ id: number }>(tx, sql`DELETE FROM relationship_tags WHERE id = ${tagId} AND member_id = ${memberId} RETURNING id`);
    if (gone.length === 0) throw notFound('tag');
    if (carried.length) await refreshDue(tx, memberId, { otherIds: carried.map((c) => c.otherId) });
  });
}
