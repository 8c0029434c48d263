/**
 * Records a message's approaches to new connections and raises the connect-then-pitch flag when they make
 * the pattern (server/screening/pitch.ts). Runs in the sender's transaction, before the message is gated, so
 * the message that completes the pattern is already judged as from a flagged sender. What it does depends on
 * the sender's own messages and connections only, never on where the message lands for anyone.
 */
import type { Tx } from '../../db/connection.ts';
import { messageApproaches } from '../../db/schema.ts';
import { approachedMembers, earlierApproaches, loadPitchRecord } from '../../queries/screening/approaches.ts';
import { approachCopies, type EarlierApproach, judgeApproach } from '../../screening/pitch.ts';
import { flagPitching } from './auto-flags.ts';

export async function recordApproaches(
  tx: Tx,
  message: { senderId: number; conversationId: number; messageId: number; text: string },
  memberIds: readonly number[],
): Promise<void> {
  const approached = await approachedMembers(tx, message.senderId, message.conversationId, memberIds);
  if (approached.length === 0) return;
  const earlier: EarlierApproach[] = await earlierApproaches(tx, message.senderId);
  const values = approached.map((a) => {
    const judged = judgeApproach(message.text, { sender: a.senderName, recipient: a.recipientName }, a.connectedAt.getTime(), a.now.getTime());
    const copies = approachCopies(judged.signature, a.recipientId, earlier);
    // A group message to several new connections: each counts the ones before it.
    if (judged.signature) earlier.unshift({ recipientId: a.recipientId, signature: judged.signature });
    return {
      senderId: message.senderId,
      recipientId: a.recipientId,
      messageId: message.messageId,
      connectedAt: a.connectedAt,
      signature: judged.signature,
      copies,
      pitch: judged.pitch,
      fast: judged.fast,
    };
  });
  await tx.insert(messageApproaches).values(values);
  // Only a pitch can complete the pattern that flags.
  if (values.some((v) => v.pitch)) await flagPitching(tx, message.senderId, await loadPitchRecord(tx, message.senderId));
}
