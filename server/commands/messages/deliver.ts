/**
 * Delivering one message to the members of its conversation, inside the sender's transaction: every member's
 * place in it is locked, each recipient's settings judge the sender where they have not accepted the
 * conversation yet, and one statement writes where it landed for everyone. The same statements run whatever
 * the settings decide, so neither the answer nor its timing tells the sender where it went.
 */
import { sql } from 'drizzle-orm';
import type { RequestWarning } from '../../../common/schemas/messages.ts';
import { rows, type Tx } from '../../db/connection.ts';
import { messages } from '../../db/schema.ts';
import type { MemberFolder } from '../../db/tables/messages.ts';
import { recordEvent } from '../../events/record.ts';
import type { GraphIndex } from '../../graph/graph-index.ts';
import { type Arrival, arrive, gateMessage, type MemberState, senderKinds } from '../../policies/messages.ts';
import { blocksAmong } from '../../queries/network/blocks.ts';
import { gatingFacts } from '../../queries/messages/settings.ts';
import type { ImageAttach } from '../../../common/schemas/media.ts';
import { attachToMessage } from '../media/uploads.ts';
import { lockMembers } from '../network/locks.ts';
import { recordApproaches } from '../screening/approaches.ts';

/** A conversation locked for one message: its kind, every member's place, and its last message so far. */
export interface LockedConversation {
  id: number;
  kind: 'direct' | 'group';
  members: MemberState[];
  /** The conversation's last message so far (0: none yet). */
  latestMessageId: number;
}

interface StateRow {
  memberId: number;
  kind: 'direct' | 'group';
  folder: MemberFolder;
  archived: boolean;
  muted: boolean;
  warnings: RequestWarning[] | null;
  lastMessageId: string | number | null;
  lastReadMessageId: string | number | null;
  clearedBeforeMessageId: string | number | null;
  latest: string | number | null;
}

const num = (v: string | number | null) => (v === null ? null : Number(v));

/**
 * Locks a conversation's members (the network's member locks, so a block between two of them and a message
 * between them cannot interleave) and their rows, and reads them. Null when no such conversation exists.
 */
export async function lockConversation(tx: Tx, conversationId: number): Promise<LockedConversation | null> {
  const ids = await rows<{ memberId: number }>(tx, sql`SELECT member_id AS "memberId" FROM conversation_members WHERE conversation_id = ${conversationId}`);
  if (ids.length === 0) return null;
  await lockMembers(tx, ...ids.map((r) => r.memberId));
  const found = await rows<StateRow>(
    tx,
    sql`SELECT cm.member_id AS "memberId", c.kind, cm.folder, cm.archived, cm.muted, cm.warnings,
               cm.last_message_id AS "lastMessageId", cm.last_read_message_id AS "lastReadMessageId",
               cm.cleared_before_message_id AS "clearedBeforeMessageId",
               (SELECT max(m.id) FROM messages m WHERE m.conversation_id = c.id) AS latest
          FROM conversation_members cm JOIN conversations c ON c.id = cm.conversation_id
         WHERE cm.conversation_id = ${conversationId}
         ORDER BY cm.member_id
           FOR UPDATE OF cm`,
  );
  const first = found[0];
  if (!first) return null;
  return {
    id: conversationId,
    kind: first.kind,
    latestMessageId: num(first.latest) ?? 0,
    members: found.map((r) => ({
      memberId: r.memberId,
      folder: r.folder,
      archived: r.archived,
      muted: r.muted,
      warnings: r.warnings ?? [],
      lastMessageId: num(r.lastMessageId),
      lastReadMessageId: num(r.lastReadMessageId),
      clearedBeforeMessageId: num(r.clearedBeforeMessageId),
    })),
  };
}

export interface Delivered {
  messageId: number;
  /** Whether this message moved the sender's own request to their inbox (replying accepts). */
  senderAccepted: boolean;
}

/**
 * Writes a message from `senderId` into a locked conversation and delivers it: see policies/messages.ts
 * `arrive` for where it lands for each member. Records `message.sent` (and `conversation.accepted` when the
 * sender replied to a request), from which the interactions between the sender and each member follow.
 */
export async function deliverMessage(
  tx: Tx,
  graph: GraphIndex,
  conversation: LockedConversation,
  message: { senderId: number; text: string; linkUrl: string | null; image?: ImageAttach | undefined; started: boolean },
): Promise<Delivered> {
  const { senderId } = message;
  const others = conversation.members.filter((m) => m.memberId !== senderId).map((m) => m.memberId);
  const blocked = await blocksAmong(tx, senderId, others);
  const [inserted] = await tx
    .insert(messages)
    .values({ conversationId: conversation.id, senderId, text: message.text, linkUrl: message.linkUrl })
    .returning({ id: messages.id });
  const messageId = inserted!.id;
  // Before anything else is written for it: an image that is not the sender's waiting upload rolls it all back.
  if (message.image) await attachToMessage(tx, senderId, messageId, message.image);
  // Connect-then-pitch detection first: a message that completes the pattern is gated as from a flagged sender.
  await recordApproaches(tx, { senderId, conversationId: conversation.id, messageId, text: message.text }, others);

  // Every recipient is judged, including those who accepted already, so the work does not depend on it.
  const facts = await gatingFacts(tx, senderId, others);
  const degrees = await Promise.all(
    others.map(async (id) => (await graph.degrees(id, [senderId], { avoid: facts.recipients.get(id)?.avoid ?? new Set() }))[0] ?? null),
  );
  const degreeOf = new Map(others.map((id, i) => [id, degrees[i] ?? null]));

  const before = new Map(conversation.members.map((m) => [m.memberId, m]));
  const arrivalOf = (memberId: number): Arrival => {
    if (memberId === senderId) return { as: 'sender' };
    const recipient = facts.recipients.get(memberId);
    if (blocked.has(memberId) || !recipient) return { as: 'blocked' };
    const kinds = senderKinds({ connected: recipient.connected, degree: degreeOf.get(memberId) ?? null, ...facts.sender });
    return { as: 'recipient', gated: gateMessage(recipient.settings, kinds) };
  };
  const after = conversation.members.map((state) => arrive(state, arrivalOf(state.memberId), messageId, conversation.latestMessageId));

  await tx.execute(sql`
    UPDATE conversation_members cm
       SET folder = v.folder, archived = v.archived, warnings = v.warnings, last_message_id = v.last_message_id,
           last_read_message_id = v.last_read_message_id, cleared_before_message_id = v.cleared_before_message_id
      FROM jsonb_to_recordset(${JSON.stringify(
        after.map((s) => ({
          member_id: s.memberId,
          folder: s.folder,
          archived: s.archived,
          warnings: s.warnings,
          last_message_id: s.lastMessageId,
          last_read_message_id: s.lastReadMessageId,
          cleared_before_message_id: s.clearedBeforeMessageId,
        })),
      )}::jsonb) AS v(member_id int, folder text, archived boolean, warnings text[], last_message_id bigint,
                      last_read_message_id bigint, cleared_before_message_id bigint)
     WHERE cm.conversation_id = ${conversation.id} AND cm.member_id = v.member_id`);

  const delivered = after.filter(
    (s): s is MemberState & { folder: 'inbox' | 'requests' } => s.memberId !== senderId && s.folder !== 'dropped' && s.lastMessageId === messageId,
  );
  await recordEvent(tx, {
    kind: 'message.sent',
    actorId: senderId,
    subjectId: null,
    data: {
      conversationId: conversation.id,
      messageId,
      started: message.started,
      delivered: delivered.map((s) => ({ memberId: s.memberId, folder: s.folder, muted: s.muted })),
      // The interactions between the sender and each member follow from it (relationships/from-events.ts).
      others,
    },
  });
  const senderAccepted = before.get(senderId)?.folder === 'requests';
  if (senderAccepted) await recordEvent(tx, { kind: 'conversation.accepted', actorId: senderId, subjectId: null, data: { conversationId: conversation.id } });
  return { messageId, senderAccepted };
}
