import { eq, inArray } from 'drizzle-orm';
import type { RestrictionView } from '../../common/schemas/admin.ts';
import type { DbOrTx } from '../db/connection.ts';
import { members, profiles } from '../db/schema.ts';
import { countActiveOperators } from '../queries/operators.ts';
import { activeRestrictions } from '../queries/restrictions.ts';

/** What the operators' members list shows of one member, and its rules need. */
export interface AdminMemberRecord {
  id: number;
  handle: string;
  name: string;
  email: string;
  role: 'member' | 'admin';
  status: 'active' | 'suspended' | 'deleted';
  emailVerified: boolean;
  createdAt: string;
  restrictions: RestrictionView[];
}

/** A page of members hydrated for an operator, with the one fact about the site their rules need. */
export interface HydratedAdminMembers {
  members: AdminMemberRecord[];
  /** How many operators can act: an operator may be demoted only while another remains. */
  activeOperators: number;
}

/**
 * Hydrates a page of members for the operators' list, in the order of `ids`, suspended ones included (an
 * operator reinstates them from here) and whatever blocks the operator made (moderation sees everyone).
 * One statement for the records, one for their active restrictions and one for the operator count,
 * whatever the page size.
 */
export async function hydrateAdminMembers(db: DbOrTx, ids: readonly number[]): Promise<HydratedAdminMembers> {
  const activeOperators = await countActiveOperators(db);
  if (ids.length === 0) return { members: [], activeOperators };
  const found = await db
    .select({ m: members, name: profiles.name })
    .from(members)
    .innerJoin(profiles, eq(profiles.memberId, members.id))
    .where(inArray(members.id, [...ids]));
  const restrictions = await activeRestrictions(db, [...ids]);
  const byId = new Map(found.map((r) => [r.m.id, r]));
  return {
    activeOperators,
    members: ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      const { m } = r;
      return [
        {
          id: m.id,
          handle: m.handle,
          name: r.name,
          email: m.email,
          role: m.role,
          status: m.status,
          emailVerified: m.emailVerifiedAt !== null,
          createdAt: m.createdAt.toISOString(),
          restrictions: restrictions.filter((x) => x.memberId === id).map(({ kind, reason, since, until }) => ({ kind, reason, since, until })),
        },
      ];
    }),
  };
}
