/**
 * A member's own view of a conversation: accept a request, archive, mute, read, delete for me. Each changes
 * that member's row only, and records an event when something changed (repeating is harmless and silent).
 * The route has checked that the member can see the conversation (policies/messages.ts).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { conversationMembers } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordEvent } from '../../events/record.ts';

const mine = (memberId: number, conversationId: number) =>
  and(eq(conversationMembers.conversationId, conversationId), eq(conversationMembers.memberId, memberId));

/** Moves a request to the inbox. */
export async function acceptConversation(db: Db, memberId: number, conversationId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [moved] = await tx
      .update(conversationMembers)
      .set({ folder: 'inbox' })
      .where(and(mine(memberId, conversationId), eq(conversationMembers.folder, 'requests')))
      .returning({ id: conversationMembers.conversationId });
    if (moved) await recordEvent(tx, { kind: 'conversation.accepted', actorId: memberId, subjectId: null, data: { conversationId } });
  });
}

export type Toggle = 'archived' | 'unarchived' | 'muted' | 'unmuted';

/** Archives (or brings back) or mutes (or unmutes) a conversation for this member. */
export async function toggleConversation(db: Db, memberId: number, conversationId: number, change: Toggle): Promise<void> {
  const on = change === 'archived' || change === 'muted';
  const archive = change === 'archived' || change === 'unarchived';
  const column = archive ? conversationMembers.archived : conversationMembers.muted;
  await inTransaction(db, async (tx) => {
    const [changed] = await tx
      .update(conversationMembers)
      .set(archive ? { archived: on } : { muted: on })
      .where(and(mine(memberId, conversationId), sql`${column} <> ${on}`))
      .returning({ id: conversationMembers.conversationId });
    if (changed) await recordEvent(tx, { kind: 'conversation.updated', actorId: memberId, subjectId: null, data: { conversationId, change } });
  });
}

/** Marks everything delivered to this member as read. */
export async function markRead(db: Db, memberId: number, conversationId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [read] = await tx
      .update(conversationMembers)
      .set({ lastReadMessageId: sql`${conversationMembers.lastMessageId}` })
      .where(and(mine(memberId, conversationId), sql`${conversationMembers.lastMessageId} > coalesce(${conversationMembers.lastReadMessageId}, 0)`))
      .returning({ upTo: conversationMembers.lastMessageId });
    if (read?.upTo) await recordEvent(tx, { kind: 'conversation.updated', actorId: memberId, subjectId: null, data: { conversationId, change: 'read', upTo: read.upTo } });
  });
}

/**
 * Deletes the conversation's history for this member only: nothing up to its latest message is shown to
 * them again, and it leaves their lists until a new message reaches them. The others keep theirs.
 */
export async function clearForMe(db: Db, memberId: number, conversationId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const latest = sql`(SELECT max(m.id) FROM messages m WHERE m.conversation_id = ${conversationId})`;
    const [cleared] = await tx
      .update(conversationMembers)
      .set({ clearedBeforeMessageId: latest, lastReadMessageId: sql`greatest(${conversationMembers.lastReadMessageId}, ${latest})` })
      .where(and(mine(memberId, conversationId), sql`${conversationMembers.clearedBeforeMessageId} IS DISTINCT FROM ${latest}`))
      .returning({ id: conversationMembers.conversationId });
    if (cleared) await recordEvent(tx, { kind: 'conversation.updated', actorId: memberId, subjectId: null, data: { conversationId, change: 'cleared' } });
  });
}
