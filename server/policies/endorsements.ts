import type { Actor } from '../auth/actor.ts';
import { type AppError, badRequest, forbidden, notFound } from '../errors.ts';
import { blockedRefusal, type PersonFacts } from './people.ts';

/**
 * Endorsements and recommendations pass between 1st-degree connections only, never across a block. The
 * facts are loaded by the command under its lock (writes) or by hydration (the profile's buttons), so the
 * button and the write cannot disagree.
 */
export type BetweenFacts = Pick<PersonFacts, 'id' | 'block'> & { connected: boolean };

/** Why the viewer may not endorse one of their skills; null when they may. */
export function endorseRefusal(viewerId: number, f: BetweenFacts): AppError | null {
  if (f.id === viewerId) return badRequest('endorse_self');
  return blockedRefusal(f.block) ?? (f.connected ? null : forbidden('not_connected'));
}

/**
 * Why the viewer may not take back an endorsement: never, except their own skills and one who blocked them
 * (who does not exist for the viewer). A removed connection or a block the viewer made does not stop it.
 */
export function unendorseRefusal(viewerId: number, f: Pick<PersonFacts, 'id' | 'block'>): AppError | null {
  if (f.id === viewerId) return badRequest('endorse_self');
  return f.block === 'they_blocked' ? notFound('member') : null;
}

/** Why the viewer may not ask them for a recommendation, or write them one; null when they may. */
export function recommendRefusal(viewerId: number, f: BetweenFacts): AppError | null {
  if (f.id === viewerId) return badRequest('recommendation_self');
  return blockedRefusal(f.block) ?? (f.connected ? null : forbidden('not_connected'));
}

/** Whether the profile offers "Endorse" and the recommendation buttons: the same rule, from the read's facts. */
export function canEndorseOrRecommend(actor: Actor, f: Pick<PersonFacts, 'id' | 'block' | 'degree'>): boolean {
  return actor.status === 'active' && endorseRefusal(actor.id, { id: f.id, block: f.block, connected: f.degree === 1 }) === null;
}
