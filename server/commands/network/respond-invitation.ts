import { eq, sql } from 'drizzle-orm';
import { invitations, type InvitationStatus } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { conflict, notFound } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { connectMembers } from './connect.ts';
import type { NetworkDeps } from './deps.ts';
import { lockMembers } from './locks.ts';
import { flagPoorReputation } from '../../screening/auto-flags.ts';
import { loadSenderFacts } from '../../screening/sender-facts.ts';
import { checkConnectionLimits, senderWithdrew } from './send-invitation.ts';

export type InvitationAnswer = 'accept' | 'ignore' | 'dont-know' | 'withdraw';

/** Who may give each answer, and the status it leads to. */
const ANSWERS: Record<InvitationAnswer, { by: 'recipient' | 'sender'; status: InvitationStatus }> = {
  accept: { by: 'recipient', status: 'accepted' },
  ignore: { by: 'recipient', status: 'ignored' },
  'dont-know': { by: 'recipient', status: 'dont_know' },
  withdraw: { by: 'sender', status: 'withdrawn' },
};

const WHY_NOT: Partial<Record<InvitationStatus, [string, string]>> = {
  accepted: ['invitation_accepted', 'This invitation has already been accepted.'],
  withdrawn: ['invitation_withdrawn', 'This invitation was withdrawn.'],
  expired: ['invitation_expired', 'This invitation has expired.'],
  dont_know: ['invitation_declined', 'This invitation was declined.'],
  blocked: ['invitation_closed', 'This invitation is no longer open.'],
};

/**
 * Answers (or withdraws) an invitation under both members' locks. Repeating the same answer is a no-op,
 * so a retried request is safe; an answer to an invitation that is no longer open is a 409 with a code
 * saying why. Invitations are addressed privately: anyone but the sender and recipient gets 404.
 */
export async function answerInvitation(deps: NetworkDeps, actorId: number, invitationId: number, answer: InvitationAnswer): Promise<void> {
  const rule = ANSWERS[answer];
  const [found] = await deps.db
    .select({ senderId: invitations.senderId, recipientId: invitations.recipientId, folder: invitations.folder })
    .from(invitations)
    .where(eq(invitations.id, invitationId));
  if (!found || (rule.by === 'recipient' ? found.recipientId : found.senderId) !== actorId) throw notFound('Invitation');
  // An invitation the platform holds does not exist for its recipient until an operator releases it.
  if (rule.by === 'recipient' && found.folder === 'held') throw notFound('Invitation');

  await inTransaction(deps.db, async (tx, onCommit) => {
    await lockMembers(tx, found.senderId, found.recipientId);
    const [inv] = await tx.select().from(invitations).where(eq(invitations.id, invitationId));
    if (!inv) throw notFound('Invitation');
    if (inv.status === rule.status) return;
    // "I don't know this person" is silent: to its sender the invitation is open until it expires, like an
    // ignored one. Withdrawing it closes it for them and keeps the answer (see senderWithdrew).
    const silent = rule.by === 'sender' && inv.status === 'dont_know';
    if (silent && senderWithdrew(inv)) return;
    const open = inv.status === 'pending' || inv.status === 'ignored' || silent;
    // Expiry is lazy (and swept periodically): past its date an open invitation is expired already.
    if (open && inv.expiresAt.getTime() <= Date.now()) throw conflict('invitation_expired', 'This invitation has expired.');
    // An ignored invitation can still be accepted or declined later; a closed one cannot change.
    if (!open) {
      const [code, message] = WHY_NOT[inv.status] ?? ['invitation_not_open', 'This invitation is no longer open.'];
      throw conflict(code, message);
    }
    if (silent) {
      await tx.update(invitations).set({ expiresAt: sql`now()`, respondedAt: sql`now()` }).where(eq(invitations.id, inv.id));
      return;
    }
    if (answer === 'accept') {
      await checkConnectionLimits(tx, deps, inv.recipientId, inv.senderId);
      await connectMembers(tx, onCommit, deps.graph, inv.senderId, inv.recipientId, { context: inv.context, invitationId: inv.id });
    }
    if (answer === 'dont-know') {
      // A reputation signal for screening: recorded against the sender.
      await recordAudit(tx, { actorId, action: 'invitation.dont_know', subjectType: 'member', subjectId: inv.senderId, data: { invitationId: inv.id } });
    }
    await tx.update(invitations).set({ status: rule.status, respondedAt: sql`now()` }).where(eq(invitations.id, inv.id));
    if (answer === 'dont-know') await flagPoorReputation(tx, inv.senderId, (await loadSenderFacts(tx, inv.senderId)).history);
  });
}
