import { inArray } from 'drizzle-orm';
import type { IntroductionCreate } from '../../../common/schemas/introductions.ts';
import type { Actor } from '../../auth/actor.ts';
import { introductions, introductionSteps, members } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordEvent } from '../../events/record.ts';
import { AppError, conflict, notFound } from '../../errors.ts';
import { anyBlockAmong, chainConnected, openRequestTo, requestsThisWeek } from '../../queries/introductions/facts.ts';
import { areConnected } from '../../queries/network/connections.ts';
import { blockBetween, blocksAmong } from '../../queries/network/blocks.ts';
import { computeAllowance } from '../../queries/screening/allowance.ts';
import { lockMembers } from '../network/locks.ts';
import { introductionRefusal } from '../../policies/introductions.ts';
import type { NetworkDeps } from '../network/deps.ts';

const WEEK_MS = 7 * 86_400_000;

/**
 * Asks for an introduction to `target` along `via` (the introducers, in order). Everything is checked
 * against the network as it is now, under every member's lock: the target is 2 or 3 hops away, each hop of
 * the chosen path is a connection, no block stands between two of its people (a target who blocked the
 * requester is "not found", as everywhere), and the requester's weekly quota (5 for New accounts, 15 for
 * others; config) has room. Only the first introducer learns of it.
 */
export async function requestIntroduction(deps: NetworkDeps, requester: Actor, input: IntroductionCreate): Promise<{ id: number }> {
  const handles = [input.target, ...input.via];
  const found = await deps.db
    .select({ id: members.id, handle: members.handle, status: members.status })
    .from(members)
    .where(inArray(members.handle, handles));
  const byHandle = new Map(found.filter((m) => m.status === 'active').map((m) => [m.handle, m.id]));
  const targetId = byHandle.get(input.target);
  if (targetId === undefined) throw notFound('member');
  const toSelf = introductionRefusal(requester.id, { id: targetId, block: null, connected: false, degree: 2 });
  if (toSelf) throw toSelf;
  const via = input.via.map((h) => byHandle.get(h));
  const chain = [requester.id, ...via, targetId];

  return inTransaction(deps.db, async (tx) => {
    await lockMembers(tx, ...chain.filter((id): id is number => id !== undefined));
    const block = await blockBetween(tx, requester.id, targetId);
    const connected = block === null && (await areConnected(tx, requester.id, targetId));
    const avoid = new Set((await blocksAmong(tx, requester.id, [targetId])).keys());
    const [degree] = block === null && !connected ? await deps.graph.index.degrees(requester.id, [targetId], { avoid }) : [null];
    const refusal = introductionRefusal(requester.id, { id: targetId, block, connected, degree: degree ?? null });
    if (refusal) throw refusal;

    const ids = chain.filter((id): id is number => id !== undefined);
    const valid =
      ids.length === chain.length &&
      new Set(ids).size === ids.length &&
      (await chainConnected(tx, ids)) &&
      !(await anyBlockAmong(tx, ids));
    if (!valid) throw conflict('introduction_path_invalid');
    if (await openRequestTo(tx, requester.id, targetId)) throw conflict('introduction_pending');

    await checkQuota(deps, requester.id);
    const path = ids.slice(1, -1);
    const [created] = await tx
      .insert(introductions)
      .values({
        requesterId: requester.id,
        targetId,
        path,
        blurb: input.blurb,
        expiresAt: new Date(Date.now() + deps.limits.introductionExpiryMs),
      })
      .returning({ id: introductions.id });
    const id = created!.id;
    const now = new Date();
    await tx.insert(introductionSteps).values([
      ...path.map((memberId, position) => ({
        introductionId: id,
        position,
        memberId,
        role: 'introducer' as const,
        status: position === 0 ? ('waiting' as const) : ('pending' as const),
        reachedAt: position === 0 ? now : null,
      })),
      { introductionId: id, position: path.length, memberId: targetId, role: 'target' as const, status: 'pending' as const },
    ]);
    await recordEvent(tx, { kind: 'introduction.requested', actorId: requester.id, subjectId: targetId, data: { introductionId: id, path } });
    return { id };

    /** The weekly quota, by the trust level invitations use (server/screening/allowance.ts). */
    async function checkQuota(d: NetworkDeps, memberId: number): Promise<void> {
      const week = await requestsThisWeek(tx, memberId);
      const level = (await computeAllowance(tx, memberId, d.limits)).trustLevel;
      const weekly = level === 0 ? d.limits.weeklyIntroductionsNew : d.limits.weeklyIntroductionsEstablished;
      if (week.count < weekly) return;
      const freeAt = (week.oldest?.getTime() ?? Date.now()) + WEEK_MS;
      const seconds = Math.max(1, Math.ceil((freeAt - Date.now()) / 1000));
      throw new AppError(429, 'introduction_quota', { params: { weekly, days: Math.ceil(seconds / 86_400) }, headers: { 'retry-after': String(seconds) } });
    }
  });
}
