import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { ScreeningConfig } from '../config.ts';
import { lockModeration } from '../commands/moderation/locks.ts';
import { sendNotice } from '../commands/moderation/notices.ts';
import { applyRestriction } from '../commands/moderation/restrictions.ts';
import type { Db, Tx } from '../db/connection.ts';
import { members, moderationFlags, signupEvents } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { loadProfiles } from '../queries/profiles.ts';
import { profileStrength } from '../views/profile.ts';
import { HELD_NOTICE } from './registration.ts';
import { components, jaccard, nameSkeleton, trigrams } from './similarity.ts';

/** Below this profile strength (out of 100: LinkedIn's "Beginner") an account counts as thin. */
export const THIN_PROFILE = 35;
/** Trigram likeness at which two names or two headlines count as the same recipe. */
const NAME_ALIKE = 0.7;
const HEADLINE_ALIKE = 0.7;
/** Headlines shorter than this say too little to compare (new accounts have none at all). */
const HEADLINE_MIN = 8;
/** How many sign-ups around one are examined at most; a subnet busier than this is a burst anyway. */
const CANDIDATES_MAX = 300;

interface Candidate {
  id: number;
  name: string;
  headline: string;
  skeleton: string;
  nameGrams: Set<string>;
  headlineGrams: Set<string> | null;
}

export interface ClusterFinding {
  flagId: number;
  memberIds: number[];
  reasons: string[];
  /** Members held by this finding who were not held before. */
  newlyHeld: number[];
}

/**
 * Looks for a cluster around one sign-up: at least clusterMin active accounts that signed up from the
 * same subnet within clusterWindowMs of each other, all with thin profiles, linked by similar names or
 * near-identical headlines. A cluster gets one open 'cluster' flag (an open flag sharing members is
 * extended) and its members are held. Cheap: one indexed look-up by subnet, then work on a few rows.
 */
export async function detectClusterAround(tx: Tx, memberId: number, config: ScreeningConfig): Promise<ClusterFinding | null> {
  const [event] = await tx
    .select({ subnet: signupEvents.subnet, at: signupEvents.createdAt })
    .from(signupEvents)
    .where(eq(signupEvents.memberId, memberId));
  if (!event?.subnet) return null;
  const window = sql`${config.clusterWindowMs} * interval '1 millisecond'`;
  const at = sql`${event.at.toISOString()}::timestamptz`;
  const nearby = await tx
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
  if (nearby.length < config.clusterMin) return null;

  const profiles = await loadProfiles(tx, nearby.map((n) => n.id));
  const thin: Candidate[] = profiles
    .filter((p) => profileStrength(p).score < THIN_PROFILE)
    .map((p) => ({
      id: p.id,
      name: p.name,
      headline: p.headline,
      skeleton: nameSkeleton(p.name),
      nameGrams: trigrams(p.name),
      headlineGrams: p.headline.trim().length >= HEADLINE_MIN ? trigrams(p.headline) : null,
    }));
  const group = components(thin, alike).find((g) => g.some((c) => c.id === memberId));
  if (!group || group.length < config.clusterMin) return null;
  return recordCluster(tx, group, event.subnet, config);
}

/**
 * The job's entry point: re-examines recent sign-ups (profiles may have filled in since), one
 * transaction per subnet. Returns the findings.
 */
export async function scanRecentClusters(db: Db, config: ScreeningConfig, lookbackMs = 24 * 3_600_000): Promise<ClusterFinding[]> {
  const busy = await db
    .select({ subnet: signupEvents.subnet, latest: sql<number>`max(${signupEvents.memberId})` })
    .from(signupEvents)
    .where(and(sql`${signupEvents.subnet} IS NOT NULL`, gte(signupEvents.createdAt, sql`now() - ${lookbackMs} * interval '1 millisecond'`)))
    .groupBy(signupEvents.subnet)
    .having(sql`count(*) >= ${config.clusterMin}`);
  const findings: ClusterFinding[] = [];
  for (const { subnet } of busy) {
    const ids = await db
      .select({ id: signupEvents.memberId })
      .from(signupEvents)
      .where(and(eq(signupEvents.subnet, subnet!), gte(signupEvents.createdAt, sql`now() - ${lookbackMs} * interval '1 millisecond'`)));
    const seen = new Set<number>();
    for (const { id } of ids) {
      if (seen.has(id)) continue;
      const found = await inTransaction(db, (tx) => detectClusterAround(tx, id, config));
      if (found) {
        found.memberIds.forEach((m) => seen.add(m));
        findings.push(found);
      }
    }
  }
  return findings;
}

function alike(a: Candidate, b: Candidate): boolean {
  if (a.skeleton !== '' && a.skeleton === b.skeleton) return true;
  if (jaccard(a.nameGrams, b.nameGrams) >= NAME_ALIKE) return true;
  return a.headlineGrams !== null && b.headlineGrams !== null && jaccard(a.headlineGrams, b.headlineGrams) >= HEADLINE_ALIKE;
}

function clusterReasons(group: Candidate[], subnet: string, config: ScreeningConfig): string[] {
  const reasons = [
    `${group.length} accounts signed up from the same network (${subnet}) within ${Math.round(config.clusterWindowMs / 60_000)} minutes of each other.`,
    `All of them have thin profiles (profile strength below ${THIN_PROFILE} of 100).`,
  ];
  const quoted = (xs: string[]) => [...new Set(xs)].slice(0, 3).map((x) => `"${x}"`).join(', ');
  reasons.push(`Their names follow one pattern, such as ${quoted(group.map((c) => c.name))}.`);
  const headlines = group.filter((c) => c.headlineGrams).map((c) => c.headline);
  if (headlines.length >= 2) reasons.push(`Near-identical headlines, such as ${quoted(headlines)}.`);
  return reasons;
}

/** One open flag per cluster: an open cluster flag that shares members is extended rather than repeated. */
async function recordCluster(tx: Tx, group: Candidate[], subnet: string, config: ScreeningConfig): Promise<ClusterFinding> {
  const ids = group.map((c) => c.id).sort((a, b) => a - b);
  await lockModeration(tx, ...ids);
  const reasons = clusterReasons(group, subnet, config);
  const [open] = await tx
    .select({ id: moderationFlags.id, memberIds: moderationFlags.memberIds })
    .from(moderationFlags)
    .where(and(eq(moderationFlags.kind, 'cluster'), eq(moderationFlags.status, 'open'), sql`${moderationFlags.memberIds} && ${sqlIntArray(ids)}`))
    .orderBy(moderationFlags.id)
    .limit(1);
  const memberIds = [...new Set([...(open?.memberIds ?? []), ...ids])].sort((a, b) => a - b);
  const score = Math.min(100, 60 + 4 * memberIds.length);
  let flagId: number;
  if (open) {
    await tx.update(moderationFlags).set({ memberIds, score, reasons }).where(eq(moderationFlags.id, open.id));
    flagId = open.id;
  } else {
    const [created] = await tx.insert(moderationFlags).values({ kind: 'cluster', memberIds, score, reasons }).returning({ id: moderationFlags.id });
    flagId = created!.id;
  }
  const newlyHeld: number[] = [];
  for (const id of ids) {
    if (await applyRestriction(tx, id, 'held', `Signed up in a cluster of similar accounts (flag #${flagId}).`, null)) {
      newlyHeld.push(id);
      await sendNotice(tx, id, 'restriction', HELD_NOTICE);
    }
  }
  // Their single-account registration flags are now part of this one: the queue shows the cluster once.
  await tx
    .update(moderationFlags)
    .set({ status: 'actioned', resolvedAt: sql`now()`, resolution: `Merged into cluster flag #${flagId}.` })
    .where(and(eq(moderationFlags.kind, 'registration'), eq(moderationFlags.status, 'open'), sql`${moderationFlags.memberIds} <@ ${sqlIntArray(memberIds)}`));
  return { flagId, memberIds, reasons, newlyHeld };
}

const sqlIntArray = (ids: number[]) => sql`ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::integer[]`;
