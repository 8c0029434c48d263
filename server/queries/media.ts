/** Images as served: the bytes and the facts the rule needs (policies/media.ts), in one statement. */
import { sql } from 'drizzle-orm';
import type { MemberFolder } from '../db/tables/messages.ts';
import { rows } from '../db/connection.ts';
import { intArray } from '../graph/sql.ts';
import type { MediaFacts } from '../policies/media.ts';
import type { Lens } from '../viewer/viewer.ts';
import { LIMITS } from '../../common/limits.ts';
import { postFacts } from './posts/facts.ts';

export interface ServedMedia {
  content: Buffer;
  mimeType: string;
  etag: string;
  facts: MediaFacts;
}

interface Row {
  ownerId: number;
  content: Buffer | Uint8Array;
  mimeType: string;
  etag: string;
  postId: string | number | null;
  messageId: string | number | null;
  expired: boolean;
  senderId: number | null;
  senderActive: boolean | null;
  folder: MemberFolder | null;
  kind: 'direct' | 'group' | null;
  peerVisible: boolean | null;
  cleared: string | number | null;
}

/** One image with what decides who sees it, or null when there is no such image. */
export async function loadServedMedia(lens: Lens, id: number): Promise<ServedMedia | null> {
  const avoid = intArray(lens.avoid);
  const [r] = await rows<Row>(
    lens.db,
    sql`SELECT md.owner_id AS "ownerId", md.content, md.mime_type AS "mimeType", md.etag, md.post_id AS "postId", md.message_id AS "messageId",
               (md.post_id IS NULL AND md.message_id IS NULL AND md.created_at <= now() - ${sql.raw(`interval '${LIMITS.uploadTtlHours} hours'`)}) AS expired,
               msg.sender_id AS "senderId", (sm.status = 'active') AS "senderActive",
               cm.folder, c.kind, cm.cleared_before_message_id AS cleared,
               CASE WHEN cm.peer_id IS NULL THEN NULL ELSE (pm.status = 'active' AND NOT (cm.peer_id = ANY(${avoid}::int[]))) END AS "peerVisible"
          FROM media md
          LEFT JOIN messages msg ON msg.id = md.message_id
          LEFT JOIN members sm ON sm.id = msg.sender_id
          LEFT JOIN conversations c ON c.id = msg.conversation_id
          LEFT JOIN conversation_members cm ON cm.conversation_id = msg.conversation_id AND cm.member_id = ${lens.actor.id}
          LEFT JOIN members pm ON pm.id = cm.peer_id
         WHERE md.id = ${id}`,
  );
  if (!r) return null;
  const post = r.postId === null ? null : await postFacts(lens.db, lens.actor.id, Number(r.postId));
  // An image whose post went in between the two statements is gone with it.
  if (r.postId !== null && !post) return null;
  return {
    content: Buffer.isBuffer(r.content) ? r.content : Buffer.from(r.content),
    mimeType: r.mimeType,
    etag: r.etag,
    facts: {
      ownerId: r.ownerId,
      expired: r.expired,
      post,
      message:
        r.messageId === null
          ? null
          : {
              messageId: Number(r.messageId),
              senderId: r.senderId ?? 0,
              senderActive: r.senderActive === true,
              membership:
                r.folder === null || r.kind === null
                  ? null
                  : { folder: r.folder, kind: r.kind, peerVisible: r.peerVisible, clearedBeforeMessageId: r.cleared === null ? 0 : Number(r.cleared) },
            },
    },
  };
}
