/**
 * "Ask for context": before answering, the recipient can ask the sender a question, and the sender can
 * reply. The short thread stays with the invitation, and so with the connection if it is accepted.
 */
import { count, eq, sql } from 'drizzle-orm';
import { SCREENING_LIMITS } from '../../../common/schemas/screening.ts';
import { invitationMessages, invitations } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { conflict, notFound } from '../../errors.ts';
import type { NetworkDeps } from './deps.ts';
import { lockMembers } from './locks.ts';
import { senderWithdrew } from '../../queries/network/invitation-pair.ts';

export async function postThreadMessage(deps: NetworkDeps, actorId: number, invitationId: number, body: string): Promise<number> {
  const [found] = await deps.db
    .select({ senderId: invitations.senderId, recipientId: invitations.recipientId, folder: invitations.folder })
    .from(invitations)
    .where(eq(invitations.id, invitationId));
  const party = found && (found.senderId === actorId || (found.recipientId === actorId && found.folder !== 'held'));
  if (!found || !party) throw notFound('invitation');

  return inTransaction(deps.db, async (tx) => {
    // The pair's lock orders this against an answer or a withdrawal arriving at the same moment.
    await lockMembers(tx, found.senderId, found.recipientId);
    const [inv] = await tx
      .select({ status: invitations.status, expiresAt: invitations.expiresAt, respondedAt: invitations.respondedAt })
      .from(invitations)
      .where(eq(invitations.id, invitationId));
    // "I don't know this person" is silent: its sender may still reply, as to an ignored invitation.
    const silent = inv?.status === 'dont_know' && actorId === found.senderId && !senderWithdrew(inv);
    if (!inv || !(inv.status === 'pending' || inv.status === 'ignored' || silent) || inv.expiresAt.getTime() <= Date.now()) {
      throw conflict('invitation_not_open', { key: 'thread' });
    }
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(invitationMessages).where(eq(invitationMessages.invitationId, invitationId));
    if (n === 0 && actorId === found.senderId) {
      throw conflict('thread_not_started');
    }
    if (n >= SCREENING_LIMITS.threadMax) {
      throw conflict('thread_full', { params: { max: SCREENING_LIMITS.threadMax } });
    }
    const [created] = await tx
      .insert(invitationMessages)
      .values({ invitationId, authorId: actorId, body, createdAt: sql`clock_timestamp()` })
      .returning({ id: invitationMessages.id });
    return created!.id;
  });
}
