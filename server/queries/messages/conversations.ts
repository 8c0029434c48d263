/**
 * Conversations as one of their members sees them: the skeleton of a list (newest activity first, by the
 * last message delivered to the member), one conversation, the member's place in it, and the badge's counts.
 * Routes hydrate the people (hydration/conversations.ts) and present them (views/conversation.ts).
 */
import { type SQL, sql } from 'drizzle-orm';
import { LIMITS } from '../../../common/limits.ts';
import type { ConversationList, RequestWarning, UnreadCounts } from '../../../common/schemas/messages.ts';
import { rows } from '../../db/connection.ts';
import type { MemberFolder } from '../../db/tables/messages.ts';
import { intArray } from '../../graph/sql.ts';
import { decodeCursor, type KeysetPage, keysetPage, lookahead } from '../../http/cursor.ts';
import type { MembershipFacts } from '../../policies/messages.ts';
import type { Lens } from '../../viewer/viewer.ts';

/** Unread counts stop here: a list shows "99+" past it, and counting further would cost a scan. */
export const UNREAD_COUNT_CAP = 100;

/** One conversation's row for its member: their own view of it, the other members, its last message and unread count. */
export interface ConversationRow extends MembershipFacts {
  id: number;
  createdAt: Date;
  archived: boolean;
  muted: boolean;
  warnings: RequestWarning[];
  /** Everyone else in it, in the order they joined. */
  memberIds: number[];
  /**
   * The last message the member can see, cut to messagePreviewMax characters; `senderDeleted` when its
   * sender deleted their account (a tombstone: its text is wiped).
   */
  last: { id: number; senderId: number; text: string; createdAt: Date; removed: boolean; senderDeleted: boolean } | null;
  unread: number;
  /** The list's sort key: the last message delivered to the member. */
  lastMessageId: number;
}

interface RawRow {
  id: string | number;
  kind: 'direct' | 'group';
  createdAt: Date | string;
  folder: MemberFolder;
  archived: boolean;
  muted: boolean;
  warnings: RequestWarning[] | string | null;
  peerVisible: boolean | null;
  peerDeleted: boolean | null;
  memberIds: number[] | null;
  lastMessageId: string | number | null;
  lastId: string | number | null;
  lastSenderId: number | null;
  lastText: string | null;
  lastRemoved: boolean | null;
  lastSenderDeleted: boolean | null;
  lastAt: Date | string | null;
  unread: number;
}

const avoided = (lens: Lens) => sql`${intArray(lens.avoid)}::int[]`;

/**
 * Whether the other member of a one-to-one is someone the viewer may meet: active and on neither side of a
 * block (null in a group). The rule itself is policies/messages.ts `conversationVisible`.
 */
const peerVisible = (lens: Lens) =>
  sql`CASE WHEN cm.peer_id IS NULL THEN NULL ELSE (pm.status = 'active' AND NOT (cm.peer_id = ANY(${avoided(lens)}))) END`;

/** Whether the other member of a one-to-one deleted their account: the conversation stays, read-only. */
const peerDeleted = sql`coalesce(pm.status = 'deleted', false)`;

/** The same rule in a WHERE clause. */
const visible = (lens: Lens) =>
  sql`cm.folder <> 'dropped' AND (cm.peer_id IS NULL OR pm.status = 'deleted' OR (pm.status = 'active' AND NOT (cm.peer_id = ANY(${avoided(lens)}))))`;

/** Senders whose messages are shown: active members, and deleted ones as tombstones (never suspended ones). */
const shownSender = sql`s.status IN ('active', 'deleted')`;

/**
 * A conversation row for the viewer, in one statement however many conversations: their row, the other
 * members' ids, the last message they can see (an index probe on messages_conversation_idx) and their
 * unread count up to UNREAD_COUNT_CAP. Messages from members on either side of a block with the viewer, or
 * suspended, are left out of both; nothing up to what the viewer deleted for themself is counted.
 */
function summaries(lens: Lens, where: SQL, tail: SQL = sql``): SQL {
  const me = lens.actor.id;
  return sql`SELECT c.id, c.kind, c.created_at AS "createdAt", cm.folder, cm.archived, cm.muted, cm.warnings,
                    ${peerVisible(lens)} AS "peerVisible", ${peerDeleted} AS "peerDeleted", cm.last_message_id AS "lastMessageId",
                    (SELECT array_agg(o.member_id ORDER BY o.joined_at, o.member_id) FROM conversation_members o
                      WHERE o.conversation_id = cm.conversation_id AND o.member_id <> ${me}) AS "memberIds",
                    l.id AS "lastId", l.sender_id AS "lastSenderId", l.text AS "lastText", l.created_at AS "lastAt", l.removed AS "lastRemoved", l.sender_deleted AS "lastSenderDeleted",
                    u.n AS unread
               FROM conversation_members cm
               JOIN conversations c ON c.id = cm.conversation_id
               LEFT JOIN members pm ON pm.id = cm.peer_id
               LEFT JOIN LATERAL (
                 SELECT m.id, m.sender_id, left(m.text, ${LIMITS.messagePreviewMax}) AS text, m.created_at, m.removed_at IS NOT NULL AS removed,
                        s.status = 'deleted' AS sender_deleted
                   FROM messages m JOIN members s ON s.id = m.sender_id
                  WHERE m.conversation_id = cm.conversation_id AND m.id > coalesce(cm.cleared_before_message_id, 0)
                    AND ${shownSender} AND NOT (m.sender_id = ANY(${avoided(lens)}))
                  ORDER BY m.id DESC LIMIT 1) l ON true
               CROSS JOIN LATERAL (
                 SELECT count(*)::int AS n FROM (
                   SELECT 1 FROM messages m
                    WHERE m.conversation_id = cm.conversation_id
                      AND m.id > greatest(coalesce(cm.last_read_message_id, 0), coalesce(cm.cleared_before_message_id, 0))
                      AND m.sender_id <> ${me} AND NOT (m.sender_id = ANY(${avoided(lens)}))
                    LIMIT ${UNREAD_COUNT_CAP}) x) u
              WHERE cm.member_id = ${me} AND ${where}
              ${tail}`;
}

function toRow(r: RawRow): ConversationRow {
  // text[] comes back parsed from both drivers; be strict about the shape either way.
  const warnings = typeof r.warnings === 'string' ? (r.warnings.replace(/[{}]/g, '').split(',').filter(Boolean) as RequestWarning[]) : (r.warnings ?? []);
  return {
    id: Number(r.id),
    kind: r.kind,
    createdAt: new Date(r.createdAt),
    folder: r.folder,
    archived: r.archived,
    muted: r.muted,
    warnings,
    peerVisible: r.peerVisible,
    peerDeleted: r.peerDeleted === true,
    memberIds: r.memberIds ?? [],
    last:
      r.lastId === null || r.lastSenderId === null || r.lastAt === null
        ? null
        : { id: Number(r.lastId), senderId: r.lastSenderId, text: r.lastText ?? '',
            createdAt: new Date(r.lastAt),
            removed: r.lastRemoved === true,
            senderDeleted: r.lastSenderDeleted === true,
          },
    unread: r.unread,
    lastMessageId: r.lastMessageId === null ? 0 : Number(r.lastMessageId),
  };
}

/**
 * A page of the viewer's conversations, newest activity first: the inbox and Requests without the archived
 * ones, or the archived ones of both. A conversation the viewer deleted for themself is left out until a new
 * message reaches them. The keyset is the last message delivered to the viewer (an id: unique in the list).
 */
export async function listConversations(
  lens: Lens,
  query: { folder: ConversationList; cursor?: string | undefined; limit: number },
): Promise<KeysetPage<ConversationRow>> {
  const after = decodeCursor(query.cursor, { m: 'bigId' });
  const list =
    query.folder === 'archived' ? sql`cm.folder IN ('inbox', 'requests') AND cm.archived` : sql`cm.folder = ${query.folder} AND NOT cm.archived`;
  const filters = [list, visible(lens), sql`cm.last_message_id > coalesce(cm.cleared_before_message_id, 0)`];
  if (after) filters.push(sql`cm.last_message_id < ${after.m}`);
  const found = await rows<RawRow>(
    lens.db,
    summaries(lens, sql.join(filters, sql` AND `), sql`ORDER BY cm.last_message_id DESC LIMIT ${lookahead(query.limit)}`),
  );
  return keysetPage(found.map(toRow), query.limit, (last) => ({ m: last.lastMessageId }));
}

/** One conversation as the viewer sees it; null when they are not in it. Whether they may see it is the policy's. */
export async function loadConversation(lens: Lens, conversationId: number): Promise<ConversationRow | null> {
  const [found] = await rows<RawRow>(lens.db, summaries(lens, sql`cm.conversation_id = ${conversationId}`));
  return found ? toRow(found) : null;
}

/**
 * The id of the viewer's one-to-one with the member who has this handle, if they are in one (whether they may
 * see it is the policy's, as for any conversation); null otherwise. One index probe (peer_id is unique per member).
 */
export async function findDirectConversation(lens: Lens, handle: string): Promise<number | null> {
  const [found] = await rows<{ id: string | number }>(
    lens.db,
    sql`SELECT cm.conversation_id AS id FROM conversation_members cm JOIN members p ON p.id = cm.peer_id
         WHERE cm.member_id = ${lens.actor.id} AND p.handle = ${handle}`,
  );
  return found ? Number(found.id) : null;
}

/** The viewer's place in a conversation, without its messages: what routes check before acting. */
export interface Membership extends MembershipFacts {
  clearedBeforeMessageId: number;
}

/** The viewer's place in one conversation, in one statement; null when they are not in it. */
export async function loadMembership(lens: Lens, conversationId: number): Promise<Membership | null> {
  const [found] = await rows<{
    folder: MemberFolder;
    kind: 'direct' | 'group';
    peerVisible: boolean | null;
    peerDeleted: boolean | null;
    cleared: string | number | null;
  }>(
    lens.db,
    sql`SELECT cm.folder, c.kind, ${peerVisible(lens)} AS "peerVisible", ${peerDeleted} AS "peerDeleted", cm.cleared_before_message_id AS cleared
          FROM conversation_members cm
          JOIN conversations c ON c.id = cm.conversation_id
          LEFT JOIN members pm ON pm.id = cm.peer_id
         WHERE cm.conversation_id = ${conversationId} AND cm.member_id = ${lens.actor.id}`,
  );
  if (!found) return null;
  return {
    folder: found.folder,
    kind: found.kind,
    peerVisible: found.peerVisible,
    peerDeleted: found.peerDeleted === true,
    clearedBeforeMessageId: found.cleared === null ? 0 : Number(found.cleared),
  };
}

/**
 * The header badge, in one statement: inbox conversations with something unread (muted and archived ones
 * left out; conversation_members_unread_idx holds exactly those), and the requests waiting.
 */
export async function countUnread(lens: Lens): Promise<UnreadCounts> {
  const me = lens.actor.id;
  const [found] = await rows<UnreadCounts>(
    lens.db,
    sql`SELECT (SELECT count(*)::int FROM conversation_members cm LEFT JOIN members pm ON pm.id = cm.peer_id
                 WHERE cm.member_id = ${me} AND cm.folder = 'inbox' AND NOT cm.archived AND NOT cm.muted
                   AND cm.last_message_id > coalesce(cm.last_read_message_id, 0) AND ${visible(lens)}) AS inbox,
               (SELECT count(*)::int FROM conversation_members cm LEFT JOIN members pm ON pm.id = cm.peer_id
                 WHERE cm.member_id = ${me} AND cm.folder = 'requests' AND NOT cm.archived
                   AND cm.last_message_id > coalesce(cm.cleared_before_message_id, 0) AND ${visible(lens)}) AS requests`,
  );
  return found ?? { inbox: 0, requests: 0 };
}
