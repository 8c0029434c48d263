import type { PersonAbilities } from '../../common/schemas/abilities.ts';
import type { ConnectionState } from '../../common/schemas/search.ts';
import type { Actor } from '../auth/actor.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../errors.ts';
import { allow } from './index.ts';

/**
 * Everything the rules about one person need, already loaded (by hydration for reads, by the command in
 * its transaction for writes). The functions below decide on these facts alone and never touch the
 * database, so a read and the write it offers can never disagree.
 */
export interface PersonFacts {
  id: number;
  status: 'active' | 'suspended' | 'deleted';
  visibility: 'signed_in' | 'network';
  whoCanFollow: 'everyone' | 'connections';
  connectionsVisibility: 'connections' | 'only_me';
  /** The viewer's degree to them (null beyond 3 hops or across a block). */
  degree: number | null;
  block: 'i_blocked' | 'they_blocked' | null;
  connection: ConnectionState;
  following: boolean;
}

/** The facts a follow decision needs (a command loads just these under its lock). */
export type FollowFacts = Pick<PersonFacts, 'id' | 'block' | 'whoCanFollow'> & { connected: boolean };

/** A block stops every approach: one who blocked the viewer is answered as if they did not exist. */
export function blockedRefusal(block: PersonFacts['block']): AppError | null {
  if (block === 'they_blocked') return notFound('member');
  if (block === 'i_blocked') return conflict('blocked');
  return null;
}

/**
 * Whether a write that names a member by handle may reach them: not when they blocked the viewer, who is
 * answered as for a handle nobody has (404), so that unfollowing, disconnecting, dismissing a suggestion,
 * blocking or unblocking cannot tell them the member exists. A block the viewer made is theirs to undo, so
 * with blocks both ways (`i_blocked` wins) they may still unblock.
 */
export function hiddenByBlockRefusal(block: PersonFacts['block']): AppError | null {
  return block === 'they_blocked' ? notFound('member') : null;
}

/** Why the viewer may not follow them, as the error the API answers; null when they may. */
export function followRefusal(viewerId: number, f: FollowFacts): AppError | null {
  if (f.id === viewerId) return badRequest('follow_self');
  const blocked = blockedRefusal(f.block);
  if (blocked) return blocked;
  if (f.whoCanFollow === 'connections' && !f.connected) {
    return forbidden('follow_not_allowed');
  }
  return null;
}

/**
 * Why the viewer may not invite them to connect; null when they may. (An invitation already open either
 * way is the command's to settle: inviting back accepts it.)
 */
export function inviteRefusal(viewerId: number, f: Pick<PersonFacts, 'id' | 'block'> & { connected: boolean }): AppError | null {
  if (f.id === viewerId) return badRequest('invitation_self');
  const blocked = blockedRefusal(f.block);
  if (blocked) return blocked;
  if (f.connected) return conflict('already_connected');
  return null;
}

/** Why the viewer may not block them; null when they may (blocking again is idempotent). */
export function blockRefusal(viewerId: number, otherId: number): AppError | null {
  return otherId === viewerId ? badRequest('block_self') : null;
}

/** Whether the member exists for the viewer at all (see `member.see`). */
export function canSee(actor: Actor, f: Pick<PersonFacts, 'id' | 'status' | 'block'>): boolean {
  return allow(actor, 'member.see', { kind: 'presence', memberId: f.id, status: f.status, block: f.block });
}

/** Whether the viewer sees the whole profile: the degree rule, and never across a block they made. */
export function canSeeFullProfile(actor: Actor, f: Pick<PersonFacts, 'id' | 'visibility' | 'degree' | 'block'>): boolean {
  if (f.block === 'i_blocked') return false;
  return allow(actor, 'profile.viewFull', { kind: 'profile', memberId: f.id, visibility: f.visibility, degree: f.degree });
}

/** What the viewer may do with one person: the answer every list, card and profile shows. */
export function personAbilities(actor: Actor, f: PersonFacts): PersonAbilities {
  const self = f.id === actor.id;
  const active = actor.status === 'active';
  const free = !self && active && f.block === null;
  const connected = f.connection === 'connected';
  return {
    canConnect: active && f.connection === 'none' && inviteRefusal(actor.id, { id: f.id, block: f.block, connected: false }) === null,
    canAccept: free && f.connection === 'pending_received',
    canWithdraw: !self && active && f.connection === 'pending_sent',
    canFollow: free && !f.following && followRefusal(actor.id, { id: f.id, block: f.block, whoCanFollow: f.whoCanFollow, connected }) === null,
    canUnfollow: !self && active && f.following,
    // Whether a conversation could be started with them, never whether it would reach their inbox: their
    // message settings are theirs, and the sender must not learn them (policies/messages.ts).
    canMessage: free && f.status === 'active',
    canBlock: !self && active && f.block !== 'i_blocked',
    canUnblock: !self && active && f.block === 'i_blocked',
    canSeeConnections: allow(actor, 'connections.list', {
      kind: 'connections',
      memberId: f.id,
      visibility: f.connectionsVisibility,
      degree: f.degree,
    }),
    canSeeFullProfile: canSeeFullProfile(actor, f),
    canReport: !self && active,
  };
}
