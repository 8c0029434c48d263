import type { Actor } from '../auth/actor.ts';
import { allow } from './index.ts';

/** Everything the rules about an operator's actions on one member need, already loaded by hydration. */
export interface AdminMemberFacts {
  id: number;
  role: 'member' | 'admin';
  status: 'active' | 'suspended' | 'deleted';
  hasRestrictions: boolean;
  /** Operators who can act, site-wide: the last one may not be demoted. */
  activeOperators: number;
}

/** What the signed-in operator may do to one member: the answer the members list shows and its commands check. */
export function adminMemberAbilities(actor: Actor, f: AdminMemberFacts) {
  const subject = { kind: 'member' as const, memberId: f.id, role: f.role, status: f.status, activeOperators: f.activeOperators };
  const maySuspend = allow(actor, 'member.suspend', subject);
  return {
    suspend: maySuspend && f.status === 'active',
    reinstate: maySuspend && f.status === 'suspended',
    promote: allow(actor, 'member.promote', subject),
    demote: allow(actor, 'member.demote', subject),
    liftRestrictions: f.hasRestrictions && allow(actor, 'moderation.act', subject),
  };
}
