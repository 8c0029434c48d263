/** What cluster detection (server/screening/clusters.ts) looks at: the sign-ups around one, and busy subnets. */
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/connection.ts';
import { members, moderationFlags, signupEvents } from '../../db/schema.ts';
import { CANDIDATES_MAX, type NearbySignup } from '../../screening/clusters.ts';
import { profileStrength } from '../../views/profile.ts';
import { loadProfiles } from '../profiles.ts';

/**
 * The member's sign-up subnet and the active members who signed up from it within `windowMs` either
 * side, nearest first, with their profiles. Null when the sign-up has no counted subnet. Cheap: one
 * indexed look-up by subnet, then a few rows.
 */
export async function loadSignupsAround(db: DbOrTx, memberId: number, windowMs: number): Promise<{ subnet: string; nearby: NearbySignup[] } | null> {
  const [event] = await db
    .select({ subnet: signupEvents.subnet, at: signupEvents.createdAt })
    .from(signupEvents)
    .where(eq(signupEvents.memberId, memberId));
  if (!event?.subnet) return null;
  const window = sql`${windowMs} * interval '1 millisecond'`;
  const at = sql`${event.at.toISOString()}::timestamptz`;
  const found = await db
    .select({ id: signupEvents.memberId })
    .from(signupEvents)
    .innerJoin(members, eq(members.id, signupEvents.memberId))
    .where(
      and(
        eq(signupEvents.subnet, event.subnet),
        gte(signupEvents.createdAt, sql`${at} - ${window}`),
        lte(signupEvents.createdAt, sql`${at} + ${window}`),
        eq(members.status, 'active'),
        eq(members.role, 'member'),
        // An operator who dismissed a cluster has vouched for its members; they are not flagged again.
        sql`NOT EXISTS (SELECT 1 FROM moderation_flags f WHERE f.kind = 'cluster' AND f.status = 'dismissed' AND f.member_ids @> ARRAY[${members.id}])`,
      ),
    )
    .orderBy(sql`abs(extract(epoch FROM ${signupEvents.createdAt} - ${at}))`)
    .limit(CANDIDATES_MAX);
  const profiles = await loadProfiles(db, found.map((n) => n.id));
  return { subnet: event.subnet, nearby: profiles.map((p) => ({ id: p.id, name: p.name, headline: p.headline, profileStrength: profileStrength(p).score })) };
}

/** Subnets with at least `min` sign-ups within the look-back, and those sign-ups' members. */
export async function loadBusySubnets(db: Db, min: number, lookbackMs: number): Promise<{ subnet: string; memberIds: number[] }[]> {
  const since = gte(signupEvents.createdAt, sql`now() - ${lookbackMs} * interval '1 millisecond'`);
  const busy = await db
    .select({ subnet: signupEvents.subnet, latest: sql<number>`max(${signupEvents.memberId})` })
    .from(signupEvents)
    .where(and(sql`${signupEvents.subnet} IS NOT NULL`, since))
    .groupBy(signupEvents.subnet)
    .having(sql`count(*) >= ${min}`);
  const out: { subnet: string; memberIds: number[] }[] = [];
  for (const { subnet } of busy) {
    const ids = await db.select({ id: signupEvents.memberId }).from(signupEvents).where(and(eq(signupEvents.subnet, subnet!), since));
    out.push({ subnet: subnet!, memberIds: ids.map((r) => r.id) });
  }
  return out;
}

/** The oldest open cluster flag sharing a member with `ids`, to extend rather than repeat. */
export async function loadOpenClusterFlag(db: DbOrTx, ids: readonly number[]): Promise<{ id: number; memberIds: number[] } | null> {
  const [open] = await db
    .select({ id: moderationFlags.id, memberIds: moderationFlags.memberIds })
    .from(moderationFlags)
    .where(and(eq(moderationFlags.kind, 'cluster'), eq(moderationFlags.status, 'open'), sql`${moderationFlags.memberIds} && ${sqlIntArray(ids)}`))
    .orderBy(moderationFlags.id)
    .limit(1);
  return open ?? null;
}

export const sqlIntArray = (ids: readonly number[]) => sql`ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::integer[]`;
