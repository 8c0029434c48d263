import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { LIMITS } from '../../../common/limits.ts';
import { reason, toStored } from '../../../common/reasons.ts';
import type { InvitationCreate, InvitationSource } from '../../../common/schemas/network.ts';
import type { Tx } from '../../db/connection.ts';
import { type InvitationContext, invitations, members, profiles } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordEvent } from '../../events/record.ts';
import { AppError, conflict, notFound } from '../../errors.ts';
import { suggestPeople } from '../../queries/suggestions.ts';
import { inviteRefusal } from '../../policies/people.ts';
import { blockBetween } from '../../queries/network/blocks.ts';
import { connectMembers } from './connect.ts';
import { areConnected, connectionCount } from '../../queries/network/connections.ts';
import type { NetworkDeps } from './deps.ts';
import { lockMembers } from './locks.ts';
import { screenInvitation } from './screen-invitation.ts';
import type { Actor } from '../../auth/actor.ts';
import { commentInvitationRefusal } from '../../policies/posts.ts';
import { commentFacts } from '../../queries/posts/facts.ts';
import { pairOf, senderWithdrew } from '../../queries/network/invitation-pair.ts';
import { acceptedIntroductionBetween } from '../../queries/introductions/facts.ts';

export interface SendResult {
  outcome: 'invited' | 'connected';
  invitationId: number;
}

const OPEN = ['pending', 'ignored'] as const;

/**
 * Invites a member to connect. When the recipient had already invited the sender, the two are simply
 * connected (their invitation is accepted). Every rule is checked under both members' locks, so racing
 * invitations between one pair end as exactly one connection.
 *
 * Sent from a comment (`commentId`), the sender must see the comment and invite its author or its post's
 * author (commentInvitationRefusal); the context is then `comment`, with the comment kept as the origin.
 */
export async function sendInvitation(deps: NetworkDeps, sender: Actor, input: InvitationCreate, server: { context?: 'import' } = {}): Promise<SendResult> {
  const senderId = sender.id;
  const [recipient] = await deps.db
    .select({ id: members.id, status: members.status, handle: members.handle, role: members.role, email: members.email, name: profiles.name })
    .from(members)
    .innerJoin(profiles, eq(profiles.memberId, members.id))
    .where(eq(members.handle, input.to));
  if (!recipient || recipient.status !== 'active') throw notFound('member');
  const toSelf = inviteRefusal(senderId, { id: recipient.id, block: null, connected: false });
  if (toSelf) throw toSelf;
  const fromComment = input.commentId !== undefined;
  // A context no client may name (an import's contact) is set by the server's own route, never from the body.
  const origin = fromComment ? 'comment' : (server.context ?? (await checkedOrigin(deps, senderId, recipient.id, input.context)));

  return inTransaction(deps.db, async (tx) => {
    await lockMembers(tx, senderId, recipient.id);
    if (input.commentId !== undefined) {
      const wrongComment = commentInvitationRefusal(sender, await commentFacts(tx, senderId, input.commentId), recipient.id);
      if (wrongComment) throw wrongComment;
    }
    // The facts under the lock, then the one rule the "Connect" button is drawn from.
    const block = await blockBetween(tx, senderId, recipient.id);
    const refusal = inviteRefusal(senderId, { id: recipient.id, block, connected: await areConnected(tx, senderId, recipient.id) });
    if (refusal) throw refusal;
    await expireStale(tx, senderId, recipient.id);

    const [open] = await tx
      .select({ id: invitations.id, senderId: invitations.senderId })
      .from(invitations)
      .where(and(pairOf(senderId, recipient.id), inArray(invitations.status, OPEN)));
    if (open && open.senderId === senderId) throw conflict('invitation_pending');
    if (open) {
      // They invited us first: inviting back is accepting.
      await checkConnectionLimits(tx, deps, senderId, recipient.id);
      const [inv] = await tx.select({ context: invitations.context }).from(invitations).where(eq(invitations.id, open.id));
      await connectMembers(tx, senderId, recipient.id, { context: inv!.context, invitationId: open.id });
      await tx.update(invitations).set({ status: 'accepted', respondedAt: sql`now()` }).where(eq(invitations.id, open.id));
      await recordEvent(tx, { kind: 'invitation.answered', actorId: senderId, subjectId: recipient.id, data: { invitationId: open.id, answer: 'accepted' } });
      return { outcome: 'connected' as const, invitationId: open.id };
    }

    // After an accepted introduction between the two, that is how they met, whatever surface this came from.
    const introductionId = await acceptedIntroductionBetween(tx, senderId, recipient.id);
    const context: InvitationContext = introductionId === null ? origin : 'introduction';
    const delivery = await checkHistory(tx, deps, senderId, recipient.id);
    await checkConnectionLimits(tx, deps, senderId, recipient.id);
    // Screened like any other, so the sender meets the same allowance, caps and refusals either way.
    const screened = await screenInvitation(tx, deps, senderId, recipient, input);
    const undelivered = delivery === 'undeliverable';
    const auto = !undelivered && screened.folder === 'auto';

    const [created] = await tx
      .insert(invitations)
      .values({
        senderId,
        recipientId: recipient.id,
        note: input.note,
        context,
        commentId: input.commentId ?? null,
        introductionId,
        expiresAt: sql`now() + ${`${deps.limits.invitationExpiryMs} milliseconds`}::interval`,
        folder: undelivered ? 'held' : screened.folder,
        placement: toStored(undelivered ? reason('placement.undelivered') : screened.placement),
        riskScore: screened.judgement.risk.score,
        // Stored in English for operators and the abuse simulation; the API gives the codes (common/reasons.ts).
        riskReasons: screened.judgement.risk.reasons.map((r) => r.text),
        template: screened.judgement.evidence.note.kind === 'template',
        noteMinhash: screened.signature,
        // "A weak tie at the time" for the opportunity report: screening already walked the graph for it.
        degreeAtSend: screened.judgement.facts.degree ?? 0,
        ...(auto ? { status: 'accepted' as const, respondedAt: sql`now()` } : {}),
        // The recipient's earlier answer stands: it reaches nobody, and to its sender it waits like any other.
        ...(undelivered ? { status: 'dont_know' as const, respondedAt: sql`now()` } : {}),
      })
      .returning({ id: invitations.id });
    const sent = { invitationId: created!.id, context, folder: undelivered ? ('held' as const) : screened.folder, delivered: !undelivered };
    await recordEvent(tx, { kind: 'invitation.sent', actorId: senderId, subjectId: recipient.id, data: sent });
    if (auto) {
      // The recipient's open policy (or one of their rules) accepted it on arrival.
      await connectMembers(tx, senderId, recipient.id, { context, invitationId: created!.id });
      return { outcome: 'connected' as const, invitationId: created!.id };
    }
    return { outcome: 'invited' as const, invitationId: created!.id };
  });
}

/**
 * The origin a connection will keep ("how we met"), decided here rather than taken from the client: the
 * client names the surface it sent the invitation from, and that is checked where it can be. "suggestion"
 * holds only for someone among the sender's current "People you may know" (as many as a client can be
 * shown); anyone else could have been invited from their profile, which is what is recorded.
 * 'import', 'introduction' and 'comment' are never a client's to claim (the request schema refuses them).
 */
export async function checkedOrigin(deps: NetworkDeps, senderId: number, recipientId: number, named: InvitationSource): Promise<InvitationContext> {
  if (named !== 'suggestion') return named;
  const current = await suggestPeople({ db: deps.db, graph: deps.graph.index }, senderId, LIMITS.pageSizeMax, { reinviteWaitMs: deps.limits.reinviteWaitMs });
  return current.some((s) => s.memberId === recipientId) ? 'suggestion' : 'profile';
}

/** Open invitations past their date become expired, so the pair is free again. */
async function expireStale(tx: Tx, a: number, b: number): Promise<void> {
  await tx
    .update(invitations)
    .set({ status: 'expired', respondedAt: sql`now()` })
    .where(and(pairOf(a, b), inArray(invitations.status, OPEN), sql`${invitations.expiresAt} <= now()`));
}

/** Where a re-invitation goes: to the recipient, or nowhere because they answered "I don't know this person". */
type Delivery = 'deliver' | 'undeliverable';

/**
 * The pair's history, as the sender may know it. "I don't know this person" is silent: until it expires
 * or is withdrawn, such an invitation is "already invited" exactly as an ignored one is, and after that a
 * new invitation is accepted but never delivered (the answer stands). A withdrawal, of either, makes the
 * sender wait before trying again.
 */
async function checkHistory(tx: Tx, deps: NetworkDeps, senderId: number, recipientId: number): Promise<Delivery> {
  const refusals = await tx
    .select({ status: invitations.status, expiresAt: invitations.expiresAt, respondedAt: invitations.respondedAt })
    .from(invitations)
    .where(and(eq(invitations.senderId, senderId), eq(invitations.recipientId, recipientId), eq(invitations.status, 'dont_know')));
  if (refusals.some((r) => r.expiresAt.getTime() > Date.now() && !senderWithdrew(r))) throw conflict('invitation_pending');
  const [withdrawn] = await tx
    .select({ at: invitations.respondedAt })
    .from(invitations)
    .where(
      and(
        eq(invitations.senderId, senderId),
        eq(invitations.recipientId, recipientId),
        or(eq(invitations.status, 'withdrawn'), and(eq(invitations.status, 'dont_know'), sql`${invitations.expiresAt} = ${invitations.respondedAt}`)),
      ),
    )
    .orderBy(desc(invitations.respondedAt))
    .limit(1);
  const waitUntil = withdrawn?.at ? withdrawn.at.getTime() + deps.limits.reinviteWaitMs : 0;
  if (waitUntil > Date.now()) {
    const seconds = Math.ceil((waitUntil - Date.now()) / 1000);
    const days = Math.ceil(seconds / 86_400);
    throw new AppError(409, 'invitation_cooldown', { params: { days }, headers: { 'retry-after': String(seconds) } });
  }
  return refusals.length > 0 ? 'undeliverable' : 'deliver';
}

export async function checkConnectionLimits(tx: Tx, deps: NetworkDeps, senderId: number, recipientId: number): Promise<void> {
  const max = deps.limits.maxConnections;
  if ((await connectionCount(tx, senderId)) >= max) {
    throw conflict('connection_limit', { key: 'you', params: { max } });
  }
  if ((await connectionCount(tx, recipientId)) >= max) {
    throw conflict('connection_limit', { key: 'them', params: { max } });
  }
}
