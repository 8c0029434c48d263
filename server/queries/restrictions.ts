import { and, inArray, sql } from 'drizzle-orm';
import type { RestrictionView } from '../../common/schemas/admin.ts';
import type { DbOrTx } from '../db/connection.ts';
import { memberRestrictions } from '../db/schema.ts';

/**
 * A restriction applies while it is neither lifted nor past its end. Every reader uses this (the SQL in
 * queries/screening/allowance.ts and queries/screening/sender-facts.ts spells out the same condition), so
 * a restriction stops at its end to the second, not when the hourly sweep gets to it.
 */
export const restrictionApplies = sql`${memberRestrictions.liftedAt} IS NULL AND (${memberRestrictions.endsAt} IS NULL OR ${memberRestrictions.endsAt} > now())`;

/** The active restrictions of many members, for the moderation queue, the members list and the member's own view. */
export async function activeRestrictions(db: DbOrTx, memberIds: number[]): Promise<(RestrictionView & { memberId: number })[]> {
  if (memberIds.length === 0) return [];
  const found = await db
    .select({
      memberId: memberRestrictions.memberId,
      kind: memberRestrictions.kind,
      reason: memberRestrictions.reason,
      since: memberRestrictions.createdAt,
      until: memberRestrictions.endsAt,
    })
    .from(memberRestrictions)
    .where(and(inArray(memberRestrictions.memberId, memberIds), restrictionApplies))
    .orderBy(memberRestrictions.createdAt);
  return found.map((r) => ({ ...r, since: r.since.toISOString(), until: r.until?.toISOString() ?? null }));
}
