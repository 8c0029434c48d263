/** What a member does with their own contacts: dismiss a match, keep a note, tag. Private writes. */
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/connection.ts';
import { notFound } from '../../errors.ts';
import { intArray } from '../../graph/sql.ts';

/** "Not now" on a match: it leaves "are here"; the contact stays. Dismissing twice is harmless. */
export async function dismissContact(db: Db, memberId: number, contactId: number): Promise<void> {
  await db.execute(sql`UPDATE contacts SET dismissed_at = COALESCE(dismissed_at, now()), updated_at = now() WHERE id = ${contactId} AND member_id = ${memberId}`);
}

export async function addContactNote(db: Db, memberId: number, contactId: number, text: string): Promise<{ id: number }> {
  const [row] = await rows<{ id: string | number }>(
    db,
    sql`INSERT INTO contact_notes (member_id, contact_id, text, noted_on)
        SELECT member_id, id, ${text}, current_date FROM contacts WHERE id = ${contactId} AND member_id = ${memberId} RETURNING id`,
  );
  if (!row) throw notFound('contact');
  return { id: Number(row.id) };
}

/** The contact's tags become exactly these of the member's own tags (others' ids are ignored). */
export async function setContactTags(db: Db, memberId: number, contactId: number, tagIds: readonly number[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`DELETE FROM contact_tags WHERE contact_id = ${contactId} AND member_id = ${memberId}`);
    if (tagIds.length)
      await tx.execute(
        sql`INSERT INTO contact_tags (member_id, contact_id, tag_id)
            SELECT ${memberId}, ${contactId}, t.id FROM relationship_tags t WHERE t.member_id = ${memberId} AND t.id = ANY(${intArray(tagIds)}::int[])
            ON CONFLICT DO NOTHING`,
      );
  });
}
