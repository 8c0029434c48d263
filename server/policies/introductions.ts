/**
 * Who may ask whom for an introduction, and who may take a step of one, decided on facts the commands
 * read under their locks (commands/introductions). Whether the chosen path still runs through the network,
 * and whether a request is already open, are the commands' to check against the graph and the tables.
 */
import type { IntroductionRow, StepRow } from '../queries/introductions/facts.ts';
import { type AppError, badRequest, conflict, notFound } from '../errors.ts';
import { blockedRefusal, type PersonFacts } from './people.ts';

/** Why the viewer may not ask for an introduction to this member; null when they may. */
export function introductionRefusal(viewerId: number, f: Pick<PersonFacts, 'id' | 'block'> & { connected: boolean; degree: number | null }): AppError | null {
  if (f.id === viewerId) return badRequest('introduction_self');
  // A target who blocked the requester does not exist for them, as everywhere.
  const blocked = blockedRefusal(f.block);
  if (blocked) return blocked;
  if (f.connected) return conflict('introduction_connected');
  if (f.degree === null || f.degree > 3) return badRequest('introduction_unreachable');
  return null;
}

export type StepAction = 'forward' | 'decline' | 'accept';

/**
 * Why the member may not take this step of an introduction now; null when they may. A member with no step,
 * or whose turn has not come, is told the introduction does not exist: nothing about it reaches them before
 * the previous person forwards. Its requester, who knows it exists, is told it is not their turn.
 */
export function stepRefusal(
  memberId: number,
  intro: Pick<IntroductionRow, 'requesterId' | 'status' | 'expiresAt'>,
  mine: Pick<StepRow, 'status' | 'role'> | undefined,
  action: StepAction,
  now: number,
): AppError | null {
  if (!mine) return intro.requesterId === memberId ? conflict('introduction_not_your_turn') : notFound('introduction');
  if (mine.status === 'forwarded' || mine.status === 'accepted' || mine.status === 'declined') return conflict('introduction_answered');
  if (intro.status === 'expired' || mine.status === 'expired' || (intro.status === 'open' && intro.expiresAt.getTime() <= now)) {
    return conflict('introduction_expired');
  }
  if (intro.status !== 'open') return conflict('introduction_closed');
  if ((action === 'forward' && mine.role !== 'introducer') || (action === 'accept' && mine.role !== 'target')) return conflict('introduction_not_your_turn');
  return null;
}
