/** A conversation's messages as one of its members sees them: the skeleton of a page, newest first. */
import { sql } from 'drizzle-orm';
import { rows } from '../../db/connection.ts';
import { intArray } from '../../graph/sql.ts';
import { decodeCursor, type KeysetPage, keysetPage, lookahead } from '../../http/cursor.ts';
import type { Lens } from '../../viewer/viewer.ts';

export interface MessageRow {
  id: number;
  conversationId: number;
  senderId: number;
  text: string;
  linkUrl: string | null;
  createdAt: Date;
  image: { id: number; alt: string; width: number; height: number } | null;
  /** Removed by an operator: its text, link and image are gone. */
  removed: boolean;
  /** Its sender deleted their account: a tombstone (the purge wiped it and marked it removed). */
  senderDeleted: boolean;
}

/**
 * A page of messages, newest first; the cursor pages back to older ones. Nothing up to what the viewer
 * deleted for themself (`clearedBefore`) is shown, nor messages from a member suspended or on either side of
 * a block with the viewer. A deleted member's messages stay, as tombstones, so the history reads. The viewer's membership is the caller's to check first (loadMembership).
 */
export async function listMessages(
  lens: Lens,
  conversationId: number,
  clearedBefore: number,
  query: { cursor?: string | undefined; limit: number },
): Promise<KeysetPage<MessageRow>> {
  const after = decodeCursor(query.cursor, { m: 'bigId' });
  type Image = { id: string | number; alt: string; width: number; height: number };
  const found = await rows<{
    id: string | number;
    conversationId: string | number;
    senderId: number;
    text: string;
    linkUrl: string | null;
    createdAt: Date | string;
    image: Image | string | null;
    removed: boolean;
    senderDeleted: boolean;
  }>(
    lens.db,
    sql`SELECT m.id, m.conversation_id AS "conversationId", m.sender_id AS "senderId", m.text, m.link_url AS "linkUrl", m.created_at AS "createdAt",
               m.removed_at IS NOT NULL AS removed, s.status = 'deleted' AS "senderDeleted",
               (SELECT json_build_object('id', md.id, 'alt', md.alt, 'width', md.width, 'height', md.height)
                  FROM media md WHERE md.message_id = m.id AND m.removed_at IS NULL) AS image
          FROM messages m JOIN members s ON s.id = m.sender_id
         WHERE m.conversation_id = ${conversationId} AND m.id > ${clearedBefore}
           AND s.status IN ('active', 'deleted') AND NOT (m.sender_id = ANY(${intArray(lens.avoid)}::int[]))
           ${after ? sql`AND m.id < ${after.m}` : sql``}
         ORDER BY m.id DESC
         LIMIT ${lookahead(query.limit)}`,
  );
  const page = keysetPage(found, query.limit, (last) => ({ m: Number(last.id) }));
  return {
    rows: page.rows.map((r) => {
      const image = typeof r.image === 'string' ? (JSON.parse(r.image) as Image) : r.image;
      return {
        ...r,
        id: Number(r.id),
        conversationId: Number(r.conversationId),
        createdAt: new Date(r.createdAt),
        image: image && { ...image, id: Number(image.id) },
      };
    }),
    nextCursor: page.nextCursor,
  };
}
