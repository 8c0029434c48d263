/** The recent notes of many senders in one statement, for template detection (server/screening/template.ts). */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/connection.ts';
import { intArray } from '../../graph/sql.ts';
import { type EarlierNote, TEMPLATE_LOOK_BACK, TEMPLATE_WINDOW_DAYS } from '../../screening/template.ts';

/**
 * Each sender's notes with a signature from the template window, newest first: the newest
 * TEMPLATE_LOOK_BACK + 1, so that one invitation left out of the comparison (its own) still leaves enough.
 */
export async function loadRecentNotes(db: DbOrTx, senderIds: readonly number[]): Promise<Map<number, EarlierNote[]>> {
  const notes = new Map<number, EarlierNote[]>();
  const ids = [...new Set(senderIds)];
  if (ids.length === 0) return notes;
  const found = await rows<{ senderId: number; invitationId: string | number; recipientId: number; sig: number[] }>(
    db,
    sql`SELECT s.id AS "senderId", e.id AS "invitationId", e.recipient_id AS "recipientId", e.note_minhash AS sig
          FROM unnest(${intArray(ids)}::int[]) WITH ORDINALITY AS s(id, ord),
               LATERAL (SELECT id, recipient_id, note_minhash, created_at FROM invitations
                         WHERE sender_id = s.id AND note_minhash IS NOT NULL AND created_at > now() - ${TEMPLATE_WINDOW_DAYS} * interval '1 day'
                         ORDER BY created_at DESC, id DESC LIMIT ${TEMPLATE_LOOK_BACK + 1}) e
         ORDER BY s.ord, e.created_at DESC, e.id DESC`,
  );
  for (const r of found) {
    let list = notes.get(r.senderId);
    if (!list) notes.set(r.senderId, (list = []));
    list.push({ invitationId: Number(r.invitationId), recipientId: r.recipientId, signature: r.sig });
  }
  return notes;
}
