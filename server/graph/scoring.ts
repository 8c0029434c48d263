/**
 * The ranking formulas both implementations share. The implementations compute the graph facts
 * independently (typed arrays vs SQL); these pure functions turn facts into an order, so the two agree
 * bit for bit. Every ranking ends with a tie-break on ids, so results are deterministic.
 */

export const DAY_MS = 86_400_000;
/** Edge timestamps are stored as whole days since 2000-01-01 UTC, in a Uint16 (good until 2179). */
export const EPOCH_2000_MS = Date.UTC(2000, 0, 1);
export const MAX_DAY = 65_535;

/** The index's day for a timestamp: days since 2000-01-01, clamped to the Uint16 range. */
export function toDay(ms: number): number {
  if (!Number.isFinite(ms)) return 0;
  const d = Math.floor((ms - EPOCH_2000_MS) / DAY_MS);
  return d < 0 ? 0 : d > MAX_DAY ? MAX_DAY : d;
}

/** 1 for a tie made today, 1/2 after a year, 1/3 after two: hyperbolic, so old ties fade but never vanish. */
export function recency(day: number, nowDay: number): number {
  const age = nowDay > day ? nowDay - day : 0;
  return 1 / (1 + age / 365);
}

/**
 * Strength of one tie (u, w): embeddedness times recency. Embeddedness is the number of common neighbours
 * of u and w (Granovetter's and Onnela et al.'s proxy for tie strength: people with friends in common
 * know each other better), on a log scale so that 0 mutuals is not zero strength and 100 is not 100×
 * stronger than 1. The count includes avoided members: it is a property of the tie, not of the viewer.
 */
export function hopStrength(mutualCount: number, day: number, nowDay: number): number {
  return Math.log2(2 + mutualCount) * recency(day, nowDay);
}

const UNKNOWN_ACTIVITY = 0.5;

/** 0.5 for an inactive intermediary up to 1.5 for a very active one; 1 when unknown. */
export function activityFactor(activity: ArrayLike<number> | null, id: number): number {
  if (!activity || id >= activity.length) return 0.5 + UNKNOWN_ACTIVITY;
  const a = activity[id] ?? UNKNOWN_ACTIVITY;
  return 0.5 + (a !== a ? UNKNOWN_ACTIVITY : a < 0 ? 0 : a > 1 ? 1 : a);
}

/**
 * Score of an introduction path [v, x1, …, t] (all candidates have the same, shortest length). Each
 * introduction must succeed hop by hop, so the score is the product of the hop strengths (a chain is as
 * good as its links, and one weak link drags it down), times each intermediary's activity factor (an
 * active member is likelier to answer and pass the request on). Ties break on the ids, lexicographically.
 *
 * `mutualCounts[i]` and `days[i]` describe hop i (nodes[i], nodes[i+1]).
 */
export function pathScore(
  nodes: readonly number[],
  mutualCounts: readonly number[],
  days: readonly number[],
  nowDay: number,
  activity: ArrayLike<number> | null,
): number {
  let s = 1;
  for (let i = 0; i + 1 < nodes.length; i++) s *= hopStrength(mutualCounts[i] ?? 0, days[i] ?? 0, nowDay);
  for (let i = 1; i + 1 < nodes.length; i++) s *= activityFactor(activity, nodes[i] ?? 0);
  return s;
}

/** Best first: higher score, then lexicographically smaller id sequence. */
export function comparePaths(a: { score: number; nodes: readonly number[] }, b: { score: number; nodes: readonly number[] }): number {
  if (a.score !== b.score) return b.score - a.score;
  for (let i = 0; i < a.nodes.length && i < b.nodes.length; i++) {
    const d = (a.nodes[i] ?? 0) - (b.nodes[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.nodes.length - b.nodes.length;
}

/**
 * Relevance of a mutual connection z of a and b: Adamic–Adar's degree normalisation (a mutual with few
 * connections is a more telling shared contact than an open networker with thousands) times the mean
 * recency of the two ties. Ties break on the smaller id.
 */
export function mutualRelevance(degreeZ: number, dayA: number, dayB: number, nowDay: number): number {
  return (recency(dayA, nowDay) + recency(dayB, nowDay)) / 2 / Math.log2(1 + (degreeZ > 1 ? degreeZ : 1));
}

/** Adamic–Adar weight of a mutual connection of degree d (≥ 2 for any mutual). */
export function adamicAdarWeight(degree: number): number {
  return 1 / Math.log(degree > 2 ? degree : 2);
}

/**
 * People-you-may-know score. `adamicAdar` is Σ 1/ln(deg z) over the mutual connections z, summed in
 * ascending id order (both implementations do, so the floats agree).
 *
 * Shaping toward moderately weak ties. Granovetter ("The strength of weak ties", 1973) found that new
 * information and opportunities arrive through weak ties, and the LinkedIn field experiment of Rajkumar et
 * al. (Science, 2022) found the relationship inverted-U: moderately weak ties (some, but not many, mutual
 * connections) helped job mobility most. Adamic–Adar alone favours the most embedded candidates, people
 * already deep in the viewer's cluster who add little new reach (and whom the viewer probably already
 * knows about). So we measure the candidate's embeddedness as neighbourhood overlap
 * o = mutualCount / min(deg viewer, deg candidate) ∈ (0, 1] and multiply by (1 − o/2): a candidate sharing
 * most of a network is discounted by up to half, a candidate bridging to a different circle through a few
 * mutuals keeps its full score. Evidence still counts: 5 mutuals always beat 1 unless the 5 are the
 * candidate's whole network. Ties break on the smaller id.
 */
export function suggestionScore(adamicAdar: number, mutualCount: number, viewerDegree: number, candidateDegree: number): number {
  const smaller = Math.max(1, Math.min(viewerDegree, candidateDegree));
  const overlap = Math.min(1, mutualCount / smaller);
  return adamicAdar * (1 - overlap / 2);
}

/** Minutes-resolution "now" is not needed; ranks use whole days. */
export function nowDayOf(nowMs: number | undefined): number {
  return toDay(nowMs ?? Date.now());
}
