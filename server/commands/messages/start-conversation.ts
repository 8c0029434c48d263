import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ConversationCreate } from '../../../common/schemas/messages.ts';
import { conversationMembers, conversations, members } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { messageRefusal, startRefusal } from '../../policies/messages.ts';
import { blocksAmong } from '../../queries/network/blocks.ts';
import { activeRestrictions } from '../../queries/restrictions.ts';
import { rows } from '../../db/connection.ts';
import { intArray } from '../../graph/sql.ts';
import { deliverMessage, lockConversation } from './deliver.ts';
import { imageOf, type MessageDeps } from './deps.ts';
import { lockMembers } from '../network/locks.ts';

/**
 * Starts a conversation with the members named in `to`, or, for one member, continues the one-to-one the
 * two already have (even one the sender deleted for themself). The answer is the same whatever the
 * recipients' message settings do with it: their inbox, their Requests, or nowhere.
 *
 * Refused, with nothing written: a handle no member the sender may message has (unknown, suspended, or
 * who blocked the sender: one 400 naming it), the sender's own handle, a member the sender blocked (409),
 * and, for a held or invitation-restricted sender, a conversation that reaches anyone not connected to them.
 */
export async function startConversation(deps: MessageDeps, senderId: number, input: ConversationCreate): Promise<{ id: number; messageId: number }> {
  const found = await deps.db.select({ id: members.id, handle: members.handle, status: members.status }).from(members).where(inArray(members.handle, input.to));
  const byHandle = new Map(found.map((m) => [m.handle, m]));
  // In the order given, so the first bad handle is the one named; blocks are read under the locks below.
  input.to.forEach((handle, i) => {
    const r = byHandle.get(handle);
    const refusal = messageRefusal(senderId, handle, i, r && { ...r, block: null });
    if (refusal) throw refusal;
  });
  const recipients = input.to.map((h) => byHandle.get(h)!.id);

  return inTransaction(deps.db, async (tx) => {
    await lockMembers(tx, senderId, ...recipients);
    const blocks = await blocksAmong(tx, senderId, recipients);
    input.to.forEach((handle, i) => {
      const r = byHandle.get(handle)!;
      const refusal = messageRefusal(senderId, handle, i, { ...r, block: blocks.get(r.id) ?? null });
      if (refusal) throw refusal;
    });
    const connected = await rows<{ id: number }>(
      tx,
      sql`SELECT other_id AS id FROM connections WHERE member_id = ${senderId} AND other_id = ANY(${intArray(recipients)}::int[])`,
    );
    if (connected.length < recipients.length) {
      const refusal = startRefusal(await activeRestrictions(tx, [senderId]), true);
      if (refusal) throw refusal;
    }

    const direct = recipients.length === 1;
    const [existing] = direct
      ? await tx
          .select({ id: conversationMembers.conversationId })
          .from(conversationMembers)
          .where(and(eq(conversationMembers.memberId, senderId), eq(conversationMembers.peerId, recipients[0]!)))
      : [];
    let conversationId = existing?.id;
    if (conversationId === undefined) {
      const [created] = await tx
        .insert(conversations)
        .values({ kind: direct ? 'direct' : 'group', createdBy: senderId })
        .returning({ id: conversations.id });
      conversationId = created!.id;
      const peerOf = (memberId: number) => (direct ? (memberId === senderId ? recipients[0]! : senderId) : null);
      // Recipients start outside every folder: delivering the first message puts each where their settings say.
      await tx.insert(conversationMembers).values([
        { conversationId, memberId: senderId, peerId: peerOf(senderId), folder: 'inbox' as const },
        ...recipients.map((memberId) => ({ conversationId: conversationId!, memberId, peerId: peerOf(memberId), folder: 'dropped' as const })),
      ]);
    }
    const locked = await lockConversation(tx, conversationId);
    if (!locked) throw new Error(`conversation ${conversationId} vanished under its locks`);
    const { messageId } = await deliverMessage(tx, deps.graph.index, locked, {
      senderId,
      text: input.text,
      linkUrl: input.link ?? null,
      image: imageOf(input),
      started: existing === undefined,
    });
    return { id: conversationId, messageId };
  });
}
