/**
 * Clusters of look-alike sign-ups: at least clusterMin active accounts that signed up from the same subnet
 * within clusterWindowMs of each other, all with thin profiles, linked by similar names or near-identical
 * headlines. Pure: server/queries/screening/clusters.ts loads the sign-ups around one, and
 * server/commands/screening/clusters.ts records the flag and holds the members.
 */
import { type Reason, reason } from '../../common/reasons.ts';
import { components, jaccard, nameSkeleton, trigrams } from './similarity.ts';

/** Below this profile strength (out of 100: LinkedIn's "Beginner") an account counts as thin. */
export const THIN_PROFILE = 35;
/** Trigram likeness at which two names or two headlines count as the same recipe. */
const NAME_ALIKE = 0.7;
const HEADLINE_ALIKE = 0.7;
/** Headlines shorter than this say too little to compare (new accounts have none at all). */
const HEADLINE_MIN = 8;
/** How many sign-ups around one are examined at most; a subnet busier than this is a burst anyway. */
export const CANDIDATES_MAX = 300;

/** A sign-up near the one examined, as loaded. */
export interface NearbySignup {
  id: number;
  name: string;
  headline: string;
  profileStrength: number;
}

interface Candidate {
  id: number;
  name: string;
  headline: string;
  skeleton: string;
  nameGrams: Set<string>;
  headlineGrams: Set<string> | null;
}

export interface Cluster {
  /** Its members, in ascending id order. */
  memberIds: number[];
  reasons: Reason[];
}

function alike(a: Candidate, b: Candidate): boolean {
  if (a.skeleton !== '' && a.skeleton === b.skeleton) return true;
  if (jaccard(a.nameGrams, b.nameGrams) >= NAME_ALIKE) return true;
  return a.headlineGrams !== null && b.headlineGrams !== null && jaccard(a.headlineGrams, b.headlineGrams) >= HEADLINE_ALIKE;
}

/** Examples quoted in a reason at most. */
const EXAMPLES = 3;

function clusterReasons(group: Candidate[], subnet: string, windowMs: number): Reason[] {
  const examples = (xs: string[]) => [...new Set(xs)].slice(0, EXAMPLES);
  const reasons = [
    reason('cluster.same_network', { count: group.length, subnet, minutes: Math.round(windowMs / 60_000) }),
    reason('cluster.thin_profiles', { strength: THIN_PROFILE }),
    reason('cluster.similar_names', { examples: examples(group.map((c) => c.name)) }),
  ];
  const headlines = group.filter((c) => c.headlineGrams).map((c) => c.headline);
  if (headlines.length >= 2) reasons.push(reason('cluster.similar_headlines', { examples: examples(headlines) }));
  return reasons;
}

/**
 * The cluster around `memberId` among the sign-ups near it (same subnet and window, nearest first), or
 * null: the thin ones, grouped by likeness, must number at least `clusterMin` with the member among them.
 */
export function findCluster(memberId: number, nearby: readonly NearbySignup[], subnet: string, config: { clusterMin: number; clusterWindowMs: number }): Cluster | null {
  if (nearby.length < config.clusterMin) return null;
  const thin: Candidate[] = nearby
    .filter((p) => p.profileStrength < THIN_PROFILE)
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
  return { memberIds: group.map((c) => c.id).sort((a, b) => a - b), reasons: clusterReasons(group, subnet, config.clusterWindowMs) };
}

/** A cluster flag's score: higher the more accounts it holds. */
export const clusterScore = (members: number) => Math.min(100, 60 + 4 * members);

/** Why a member of a cluster is held, as the restriction records it. */
export const clusterHoldReason = (flagId: number) => `Signed up in a cluster of similar accounts (flag #${flagId}).`;
