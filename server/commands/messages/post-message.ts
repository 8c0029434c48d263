import { eq } from 'drizzle-orm';
import type { MessageCreate } from '../../../common/schemas/messages.ts';
import { members } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { notFound } from '../../errors.ts';
import { conversationVisible } from '../../policies/messages.ts';
import { blocksAmong } from '../../queries/network/blocks.ts';
import { deliverMessage, lockConversation } from './deliver.ts';
import { imageOf, type MessageDeps } from './deps.ts';

/**
 * Adds a message to a conversation the sender is in and can see; 404 otherwise, the same whether it does
 * not exist, they are not in it, it was never delivered to them, or it is a one-to-one across a block.
 * Replying to a request accepts it.
 */
export async function postMessage(
  deps: MessageDeps,
  senderId: number,
  conversationId: number,
  input: MessageCreate,
): Promise<{ id: number }> {
  return inTransaction(deps.db, async (tx) => {
    const locked = await lockConversation(tx, conversationId);
    const mine = locked?.members.find((m) => m.memberId === senderId);
    if (!locked || !mine) throw notFound('conversation');
    let peerVisible: boolean | null = null;
    if (locked.kind === 'direct') {
      // The same rule the reads apply (queries/messages/conversations.ts), read again under the locks.
      const peerId = locked.members.find((m) => m.memberId !== senderId)?.memberId;
      const [peer] = peerId === undefined ? [] : await tx.select({ status: members.status }).from(members).where(eq(members.id, peerId));
      peerVisible = peer?.status === 'active' && (await blocksAmong(tx, senderId, [peerId!])).size === 0;
    }
    if (!conversationVisible({ folder: mine.folder, kind: locked.kind, peerVisible })) throw notFound('conversation');
    const { messageId } = await deliverMessage(tx, deps.graph.index, locked, {
      senderId,
      text: input.text,
      linkUrl: input.link ?? null,
      image: imageOf(input),
      started: false,
    });
    return { id: messageId };
  });
}
