/**
 * The steps of an introduction: an introducer forwards it (with a note) or declines (with a reason), the
 * target accepts or declines, and an introducer may leave the conversation it opened. Each runs in one
 * transaction on the introduction's row lock, so a replay or a race answers a 409 with nothing written.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.ts';
import { conversationMembers, conversations, introductions, introductionSteps } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordEvent } from '../../events/record.ts';
import { conflict, notFound } from '../../errors.ts';
import { anyBlockAmong, type IntroductionRow, lockIntroduction, type StepRow } from '../../queries/introductions/facts.ts';
import { deliverMessage, lockConversation } from '../messages/deliver.ts';
import type { MessageDeps } from '../messages/deps.ts';
import { lockMembers } from '../network/locks.ts';
import { type StepAction, stepRefusal } from '../../policies/introductions.ts';

export type { StepAction };

interface Turn {
  intro: IntroductionRow;
  steps: StepRow[];
  mine: StepRow;
}

/** The member's step, once the policy lets them take it now (policies/introductions.ts). */
async function takeTurn(tx: Tx, memberId: number, id: number, action: StepAction): Promise<Turn> {
  const locked = await lockIntroduction(tx, id);
  if (!locked) throw notFound('introduction');
  const { intro, steps } = locked;
  const mine = steps.find((s) => s.memberId === memberId && s.status !== 'pending');
  const refusal = stepRefusal(memberId, intro, mine, action, Date.now());
  if (refusal) throw refusal;
  return { intro, steps, mine: mine! };
}

const people = (intro: IntroductionRow) => [intro.requesterId, ...intro.path, intro.targetId];

export async function forwardIntroduction(deps: MessageDeps, memberId: number, id: number, note: string | undefined): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const { intro, steps, mine } = await takeTurn(tx, memberId, id, 'forward');
    await lockMembers(tx, ...people(intro));
    // A block since the request (among any two of its people) ends the path: it cannot go further.
    if (await anyBlockAmong(tx, people(intro))) throw conflict('introduction_path_invalid');
    const next = steps[mine.position + 1]!;
    await tx
      .update(introductionSteps)
      .set({ status: 'forwarded', note: note?.trim() ? note.trim() : null, actedAt: sql`now()` })
      .where(and(eq(introductionSteps.introductionId, id), eq(introductionSteps.position, mine.position)));
    await tx
      .update(introductionSteps)
      .set({ status: 'waiting', reachedAt: sql`now()` })
      .where(and(eq(introductionSteps.introductionId, id), eq(introductionSteps.position, next.position)));
    // The week before a reminder starts again for the next person.
    await tx.update(introductions).set({ remindedAt: null }).where(eq(introductions.id, id));
    await recordEvent(tx, {
      kind: 'introduction.forwarded',
      actorId: memberId,
      subjectId: intro.targetId,
      data: { introductionId: id, requesterId: intro.requesterId, position: mine.position, nextId: next.memberId, nextIsTarget: next.role === 'target' },
    });
  });
}

export async function declineIntroduction(deps: MessageDeps, memberId: number, id: number, input: { reason?: string | undefined; dontKnow?: boolean | undefined }): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const { intro, steps, mine } = await takeTurn(tx, memberId, id, 'decline');
    const dontKnow = input.dontKnow === true;
    await tx
      .update(introductionSteps)
      .set({ status: 'declined', reason: input.reason?.trim() ? input.reason.trim() : null, dontKnow, actedAt: sql`now()` })
      .where(and(eq(introductionSteps.introductionId, id), eq(introductionSteps.position, mine.position)));
    await tx.update(introductions).set({ status: 'declined', closedAt: sql`now()` }).where(eq(introductions.id, id));
    const forwardedBy = steps.filter((s) => s.status === 'forwarded').map((s) => s.memberId);
    await recordEvent(tx, {
      kind: 'introduction.declined',
      actorId: memberId,
      subjectId: intro.requesterId,
      data: { introductionId: id, role: mine.role, dontKnow, forwardedBy },
    });
  });
}

/**
 * The target accepts: the introduction closes, and a group conversation opens with the requester, the
 * introducers and the target, everyone's inbox (all of them said yes), its first message the requester's
 * blurb. Any block among them since the request refuses it.
 */
export async function acceptIntroduction(deps: MessageDeps, memberId: number, id: number): Promise<{ conversationId: number }> {
  return inTransaction(deps.db, async (tx) => {
    const { intro, mine } = await takeTurn(tx, memberId, id, 'accept');
    const everyone = people(intro);
    await lockMembers(tx, ...everyone);
    if (await anyBlockAmong(tx, everyone)) throw conflict('introduction_path_invalid');
    await tx
      .update(introductionSteps)
      .set({ status: 'accepted', actedAt: sql`now()` })
      .where(and(eq(introductionSteps.introductionId, id), eq(introductionSteps.position, mine.position)));

    const [created] = await tx.insert(conversations).values({ kind: 'group', createdBy: intro.requesterId }).returning({ id: conversations.id });
    const conversationId = created!.id;
    await tx.insert(conversationMembers).values(everyone.map((m) => ({ conversationId, memberId: m, peerId: null, folder: 'inbox' as const })));
    const locked = await lockConversation(tx, conversationId);
    if (!locked) throw new Error(`conversation ${conversationId} vanished under its locks`);
    await deliverMessage(tx, deps.graph.index, locked, { senderId: intro.requesterId, text: intro.blurb, linkUrl: null, started: true });

    await tx.update(introductions).set({ status: 'accepted', closedAt: sql`now()`, conversationId }).where(eq(introductions.id, id));
    await recordEvent(tx, {
      kind: 'introduction.accepted',
      actorId: memberId,
      subjectId: intro.requesterId,
      data: { introductionId: id, path: intro.path, conversationId },
    });
    return { conversationId };
  });
}

/** An introducer leaves the conversation the introduction opened: they are no longer one of its members. */
export async function leaveIntroduction(deps: MessageDeps, memberId: number, id: number): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const locked = await lockIntroduction(tx, id);
    const intro = locked?.intro;
    const mine = locked?.steps.find((s) => s.memberId === memberId && s.status !== 'pending');
    if (intro && intro.requesterId === memberId) throw conflict('introduction_no_conversation');
    if (!intro || !mine) throw notFound('introduction');
    if (mine.role !== 'introducer' || intro.conversationId === null) throw conflict('introduction_no_conversation');
    const conversationId = intro.conversationId;
    await lockConversation(tx, conversationId);
    const left = await tx
      .delete(conversationMembers)
      .where(and(eq(conversationMembers.conversationId, conversationId), eq(conversationMembers.memberId, memberId)))
      .returning({ memberId: conversationMembers.memberId });
    if (left.length === 0) throw conflict('introduction_no_conversation');
  });
}
