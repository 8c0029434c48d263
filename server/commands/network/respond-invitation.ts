import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { rows, type Tx } from '../../db/connection.ts';
import { auditEvents, invitations, type InvitationStatus, moderationFlags } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordEvent } from '../../events/record.ts';
import { type AppError, conflict, notFound } from '../../errors.ts';
import { recordAudit } from '../audit.ts';
import { connectMembers } from './connect.ts';
import type { NetworkDeps } from './deps.ts';
import { lockMembers } from './locks.ts';
import { loadOneSenderFacts } from '../../queries/screening/sender-facts.ts';
import { DONT_KNOW_FLAG } from '../../screening/auto-flags.ts';
import { flagPoorReputation } from '../screening/auto-flags.ts';
import { openFlagFor } from '../../queries/moderation-flags.ts';
import { blockBetween } from '../../queries/network/blocks.ts';
import { areConnected } from '../../queries/network/connections.ts';
import { checkConnectionLimits } from './send-invitation.ts';
import { pairOf, senderWithdrew } from '../../queries/network/invitation-pair.ts';

export type InvitationAnswer = 'accept' | 'ignore' | 'dont-know' | 'withdraw';

/** Who may give each answer, and the status it leads to. */
const ANSWERS: Record<InvitationAnswer, { by: 'recipient' | 'sender'; status: InvitationStatus }> = {
  accept: { by: 'recipient', status: 'accepted' },
  ignore: { by: 'recipient', status: 'ignored' },
  'dont-know': { by: 'recipient', status: 'dont_know' },
  withdraw: { by: 'sender', status: 'withdrawn' },
};

/** How each answer is told in the invitation.answered event. */
const ANSWERED = { accept: 'accepted', ignore: 'ignored', 'dont-know': 'dont_know', withdraw: 'withdrawn' } as const;

const WHY_NOT: Partial<Record<InvitationStatus, () => AppError>> = {
  accepted: () => conflict('invitation_accepted'),
  withdrawn: () => conflict('invitation_withdrawn'),
  expired: () => conflict('invitation_expired'),
  dont_know: () => conflict('invitation_declined'),
  blocked: () => conflict('invitation_closed'),
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
  if (!found || (rule.by === 'recipient' ? found.recipientId : found.senderId) !== actorId) throw notFound('invitation');
  // An invitation the platform holds does not exist for its recipient until an operator releases it.
  if (rule.by === 'recipient' && found.folder === 'held') throw notFound('invitation');

  await inTransaction(deps.db, async (tx) => {
    await lockMembers(tx, found.senderId, found.recipientId);
    const [inv] = await tx.select().from(invitations).where(eq(invitations.id, invitationId));
    if (!inv) throw notFound('invitation');
    if (inv.status === rule.status) return;
    // "I don't know this person" is silent: to its sender the invitation is open until it expires, like an
    // ignored one. Withdrawing it closes it for them and keeps the answer (see senderWithdrew).
    const silent = rule.by === 'sender' && inv.status === 'dont_know';
    if (silent && senderWithdrew(inv)) return;
    const open = inv.status === 'pending' || inv.status === 'ignored' || silent;
    // Expiry is lazy (and swept periodically): past its date an open invitation is expired already.
    if (open && inv.expiresAt.getTime() <= Date.now()) throw conflict('invitation_expired');
    // An ignored invitation can still be accepted or declined later; a closed one cannot change.
    if (!open) {
      throw WHY_NOT[inv.status]?.() ?? conflict('invitation_not_open', { key: 'closed' });
    }
    const other = actorId === inv.senderId ? inv.recipientId : inv.senderId;
    await recordEvent(tx, { kind: 'invitation.answered', actorId, subjectId: other, data: { invitationId: inv.id, answer: ANSWERED[answer] } });
    if (silent) {
      await tx.update(invitations).set({ expiresAt: sql`now()`, respondedAt: sql`now()` }).where(eq(invitations.id, inv.id));
      return;
    }
    if (answer === 'accept') {
      await checkConnectionLimits(tx, deps, inv.recipientId, inv.senderId);
      await connectMembers(tx, inv.recipientId, inv.senderId, { context: inv.context, invitationId: inv.id });
    }
    if (answer === 'dont-know') {
      await declineAsUnknown(tx, actorId, inv);
      return;
    }
    await tx.update(invitations).set({ status: rule.status, respondedAt: sql`now()` }).where(eq(invitations.id, inv.id));
  });
}

/**
 * How long after "I don't know this person" the recipient may take it back. The web app offers Undo for
 * 10 seconds; the server allows a little longer, so an Undo clicked at the last moment on a slow
 * connection still counts.
 */
export const DONT_KNOW_UNDO_SECONDS = 30;

type Invitation = typeof invitations.$inferSelect;

/**
 * "I don't know this person": the invitation is declined, the sender can never invite this member again,
 * and it counts against the sender's reputation (their allowance and the risk others see are computed
 * from these answers), which may put them in the moderation queue. The audit row keeps what undo needs
 * to put everything back: the status before, and the flag this answer raised, if it raised one.
 */
async function declineAsUnknown(tx: Tx, actorId: number, inv: Invitation): Promise<void> {
  const flagBefore = await openFlagFor(tx, 'reputation', inv.senderId);
  // As text, to the microsecond: a JS Date would round the ignored-at time it may have to restore.
  const [before] = await rows<{ at: string | null }>(tx, sql`SELECT responded_at::text AS at FROM invitations WHERE id = ${inv.id}`);
  await tx.update(invitations).set({ status: 'dont_know', respondedAt: sql`now()` }).where(eq(invitations.id, inv.id));
  await flagPoorReputation(tx, inv.senderId, (await loadOneSenderFacts(tx, inv.senderId)).history);
  const flagAfter = flagBefore ? undefined : await openFlagFor(tx, 'reputation', inv.senderId);
  await recordAudit(tx, {
    actorId,
    action: 'invitation.dont_know',
    subjectType: 'member',
    subjectId: inv.senderId,
    data: {
      invitationId: inv.id,
      previousStatus: inv.status,
      previousRespondedAt: before?.at ?? null,
      ...(flagAfter ? { raisedFlagId: flagAfter.id } : {}),
    },
  });
}

/**
 * Takes back "I don't know this person" within DONT_KNOW_UNDO_SECONDS: the invitation is open again as it
 * was (pending, or ignored), so the sender's record, allowance and risk no longer count it, they are no
 * longer barred from inviting, and a reputation flag raised by this answer alone leaves the queue. The
 * audit log is append-only: an `invitation.dont_know_undone` row follows the original. Undoing twice is
 * a no-op; too late is 409 `undo_expired`; if the pair has since connected, blocked or opened another
 * invitation, 409 `undo_conflict`.
 */
export async function undoDontKnow(deps: NetworkDeps, actorId: number, invitationId: number): Promise<void> {
  const [found] = await deps.db
    .select({ senderId: invitations.senderId, recipientId: invitations.recipientId })
    .from(invitations)
    .where(eq(invitations.id, invitationId));
  if (!found || found.recipientId !== actorId) throw notFound('invitation');

  await inTransaction(deps.db, async (tx) => {
    await lockMembers(tx, found.senderId, found.recipientId);
    const [inv] = await tx
      .select({ status: invitations.status, undoable: sql<boolean>`${invitations.respondedAt} > now() - make_interval(secs => ${DONT_KNOW_UNDO_SECONDS})` })
      .from(invitations)
      .where(eq(invitations.id, invitationId));
    if (!inv) throw notFound('invitation');
    if (inv.status === 'pending' || inv.status === 'ignored') return;
    if (inv.status !== 'dont_know') throw conflict('invitation_not_declined');
    const [declined] = await tx
      .select({ data: auditEvents.data })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'invitation.dont_know'), eq(auditEvents.actorId, actorId), sql`${auditEvents.data} @> ${JSON.stringify({ invitationId })}::jsonb`))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    if (!inv.undoable || !declined) throw conflict('undo_expired', { params: { seconds: DONT_KNOW_UNDO_SECONDS } });
    await checkPairUnchanged(tx, found.senderId, found.recipientId);

    const previous = declined.data as { previousStatus?: string; previousRespondedAt?: string | null; raisedFlagId?: number };
    const status = previous.previousStatus === 'ignored' ? 'ignored' : 'pending';
    const respondedAt = status === 'ignored' && previous.previousRespondedAt ? sql`${previous.previousRespondedAt}::timestamptz` : null;
    await tx.update(invitations).set({ status, respondedAt }).where(eq(invitations.id, invitationId));
    await recordEvent(tx, { kind: 'invitation.answered', actorId, subjectId: found.senderId, data: { invitationId, answer: 'dont_know_undone', restored: status } });

    // The sender's record no longer counts this answer. A flag that still has grounds is refreshed with
    // the new numbers; one this answer raised, without grounds now, is withdrawn before anyone acts on it.
    const history = (await loadOneSenderFacts(tx, found.senderId)).history;
    if (history.dontKnow >= DONT_KNOW_FLAG) await flagPoorReputation(tx, found.senderId, history);
    else if (previous.raisedFlagId) {
      await tx.delete(moderationFlags).where(and(eq(moderationFlags.id, previous.raisedFlagId), eq(moderationFlags.status, 'open')));
    }
    await recordAudit(tx, { actorId, action: 'invitation.dont_know_undone', subjectType: 'member', subjectId: found.senderId, data: { invitationId } });
  });
}

/**
 * Undo puts an invitation back only into the situation it left: no block, no connection, and no other
 * open invitation between the two (the declined one held the pair's only open slot, so any open one is newer).
 */
async function checkPairUnchanged(tx: Tx, senderId: number, recipientId: number): Promise<void> {
  const [open] = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(pairOf(senderId, recipientId), inArray(invitations.status, ['pending', 'ignored'])))
    .limit(1);
  if (open || (await blockBetween(tx, recipientId, senderId)) || (await areConnected(tx, senderId, recipientId))) {
    throw conflict('undo_conflict');
  }
}
