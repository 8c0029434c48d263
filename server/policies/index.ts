import type { Actor } from '../auth/actor.ts';
import { forbidden } from '../errors.ts';

/**
 * Who may do what, in one place. Routes call authorize(); the UI receives abilities() so it only offers
 * what is allowed. Degree-based privacy and blocks (graph issue) are decided here too.
 */
export type Subject =
  | { kind: 'profile'; memberId: number; visibility: 'signed_in' | 'network'; degree: number | null }
  | {
      kind: 'member';
      memberId: number;
      role: 'member' | 'admin';
      status?: 'active' | 'suspended' | 'deleted';
      /** Operators able to act (active admins), counted under the role lock: the last one is never demoted. */
      activeOperators?: number;
    }
  | { kind: 'connections'; memberId: number; visibility: 'connections' | 'only_me'; degree: number | null }
  /** A member as anyone may meet them anywhere (a profile, a photo): their standing and any block between the two. */
  | { kind: 'presence'; memberId: number; status: 'active' | 'suspended' | 'deleted'; block: 'i_blocked' | 'they_blocked' | null }
  | { kind: 'site' };

export type Action =
  | 'member.see'
  | 'profile.viewFull'
  | 'profile.edit'
  | 'connections.list'
  | 'admin.access'
  | 'member.suspend'
  | 'member.promote'
  | 'member.demote'
  | 'moderation.act'
  | 'jobs.manage'
  | 'content.remove'
  | 'community.analytics'
  | 'community.help';

export function allow(actor: Actor | null, action: Action, subject: Subject): boolean {
  if (!actor || actor.status !== 'active') return false;
  switch (action) {
    case 'member.see':
      // Whether the member exists for the viewer at all. One who blocked the viewer is gone for them,
      // operators included (they review accounts in the Admin page, not as members); the blocker still
      // meets the member they blocked (a name card, to unblock). A suspended member is gone for everyone
      // but operators.
      if (subject.kind !== 'presence') return false;
      if (subject.memberId === actor.id) return true;
      if (subject.block === 'they_blocked') return false;
      return subject.status === 'active' || actor.role === 'admin';
    case 'profile.viewFull':
      if (subject.kind !== 'profile') return false;
      if (subject.memberId === actor.id || actor.role === 'admin') return true;
      // "Only my network": anyone within three degrees (degree is null beyond that, and across a block).
      return subject.visibility === 'signed_in' || (subject.degree !== null && subject.degree <= 3);
    case 'connections.list':
      // A member's connection list: their own always; otherwise their connections, unless they chose "only me".
      if (subject.kind !== 'connections') return false;
      if (subject.memberId === actor.id) return true;
      return subject.visibility === 'connections' && subject.degree === 1;
    case 'profile.edit':
      return subject.kind === 'profile' && subject.memberId === actor.id;
    case 'admin.access':
      return actor.role === 'admin';
    case 'community.analytics':
      // The community's aggregates, newcomers, clusters and bridges (Admin → Community): operators only;
      // members never see who bridges whom.
      return actor.role === 'admin' && subject.kind === 'site';
    case 'community.help':
      // Helping a newcomer in (introduction suggestions, a welcome post): an operator, for another member.
      return actor.role === 'admin' && subject.kind === 'member' && subject.memberId !== actor.id;
    case 'jobs.manage':
      // The job queue's dead letters, retried or discarded, and the digest run on demand: operators only.
      return actor.role === 'admin' && subject.kind === 'site';
    case 'moderation.act':
      // Warn, restrict or dismiss: operators only, and never about themselves (suspension has its own rule).
      return actor.role === 'admin' && (subject.kind === 'site' || (subject.kind === 'member' && subject.memberId !== actor.id));
    case 'content.remove':
      // Remove a post, comment or message (the subject is its author): operators only, anyone's but their own,
      // which they delete themselves.
      return actor.role === 'admin' && subject.kind === 'member' && subject.memberId !== actor.id;
    case 'member.suspend':
      // Operators cannot suspend themselves or another operator: an instance must keep one working operator.
      return actor.role === 'admin' && subject.kind === 'member' && subject.role !== 'admin' && subject.memberId !== actor.id;
    case 'member.promote':
      // Any operator may make an active member an operator; a suspended one must be reinstated first.
      return actor.role === 'admin' && subject.kind === 'member' && subject.role === 'member' && subject.status === 'active';
    case 'member.demote':
      // Any operator may make an operator (themselves included) a member again, unless that would leave
      // the community without an operator.
      return actor.role === 'admin' && subject.kind === 'member' && subject.role === 'admin' && (subject.activeOperators ?? 0) > 1;
  }
}

export function authorize(actor: Actor | null, action: Action, subject: Subject): void {
  if (!allow(actor, action, subject)) {
    throw forbidden('forbidden');
  }
}

/** The abilities the web client uses to decide what to show. */
export function abilities(actor: Actor) {
  return {
    admin: allow(actor, 'admin.access', { kind: 'site' }),
    editProfile: actor.status === 'active',
  };
}
