/**
 * "Widen my garden": a re-ranking of people you may know that trades a little relevance for variety.
 *
 * Blau's index of a group, 1 − Σ p², is the chance that two people drawn from it differ (by organisation,
 * industry…). A member's suggestions usually mirror their own network, so its index is low. The re-ranking
 * picks the list greedily, best first, each time taking the candidate with the highest
 *
 *   relevance − λ · share of their category among (the member's network + the people already picked)
 *
 * where relevance is the candidate's score scaled to [0, 1] across the window considered (the relevance
 * model's top WIDEN_WINDOW_FACTOR × limit). A candidate from a group the member barely knows pays almost
 * nothing; one more person from the member's own employer pays up to λ. With λ = 0.5 a candidate at the top
 * of the relevance range still beats a novel one in the bottom half, so precision stays close (measured in
 * docs/performance.md, "People you may know: precision@10"). A candidate of unknown category pays the
 * neutral half share: it neither widens nor narrows.
 */

export const WIDEN_LAMBDA = 0.5;
export const WIDEN_WINDOW_FACTOR = 3;
const UNKNOWN_SHARE = 0.5;

export interface WidenItem {
  id: number;
  score: number;
  /** Organisation, industry…: null when unknown. */
  category: string | null;
}

/** Blau's index 1 − Σ p² over the known categories (0 for an empty group). */
export function blau(categories: Iterable<string | null>): number {
  const counts = new Map<string, number>();
  let n = 0;
  for (const c of categories) {
    if (c === null) continue;
    counts.set(c, (counts.get(c) ?? 0) + 1);
    n++;
  }
  if (n === 0) return 0;
  let sum = 0;
  for (const k of counts.values()) sum += (k / n) ** 2;
  return 1 - sum;
}

/**
 * Picks `limit` items from `ranked` (best first) by the greedy rule above; `network` holds the categories
 * of the member's own connections. Deterministic: ties keep the relevance order.
 */
export function widen<T extends WidenItem>(ranked: readonly T[], network: Iterable<string | null>, limit: number, lambda = WIDEN_LAMBDA): T[] {
  const window = ranked.slice(0, Math.max(limit, limit * WIDEN_WINDOW_FACTOR));
  if (window.length === 0) return [];
  const counts = new Map<string, number>();
  let total = 0;
  for (const c of network) {
    if (c === null) continue;
    counts.set(c, (counts.get(c) ?? 0) + 1);
    total++;
  }
  let hi = -Infinity, lo = Infinity;
  for (const r of window) {
    hi = Math.max(hi, r.score);
    lo = Math.min(lo, r.score);
  }
  const span = hi > lo ? hi - lo : 1;
  const left = [...window];
  const picked: T[] = [];
  while (picked.length < limit && left.length > 0) {
    let best = 0, bestGain = -Infinity;
    for (let i = 0; i < left.length; i++) {
      const r = left[i]!;
      const share = r.category === null ? UNKNOWN_SHARE : total > 0 ? (counts.get(r.category) ?? 0) / total : 0;
      const gain = (r.score - lo) / span - lambda * share;
      if (gain > bestGain) {
        bestGain = gain;
        best = i;
      }
    }
    const [r] = left.splice(best, 1);
    picked.push(r!);
    if (r!.category !== null) {
      counts.set(r!.category, (counts.get(r!.category) ?? 0) + 1);
      total++;
    }
  }
  return picked;
}
