import type { z } from 'zod';
import type { adminMember } from '../../common/schemas/admin.ts';
import type { Actor } from '../auth/actor.ts';
import type { AdminMemberRecord } from '../hydration/admin-members.ts';
import { adminMemberAbilities } from '../policies/admin-members.ts';

/** A member as the operators' list shows them: the record and what the operator may do to them. */
export function presentAdminMember(actor: Actor, m: AdminMemberRecord, activeOperators: number): z.infer<typeof adminMember> {
  return { ...m, can: adminMemberAbilities(actor, { ...m, hasRestrictions: m.restrictions.length > 0, activeOperators }) };
}
