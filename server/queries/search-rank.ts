import type { Degree } from '../graph/graph-index.ts';
import type { SearchCandidate } from './search-members.ts';

/** A hit's place in the ranking, which is also the search cursor: degree bucket, text score, id. */
export interface RankKey {
  /** 1–3 for the degree, 4 for everyone else (out of network, and the viewer themself). */
  b: number;
  s: number;
  i: number;
}

/** Closeness first, as LinkedIn ranks people: 1st, 2nd and 3rd degree ahead of everyone else. */
export function degreeBucket(degree: Degree): number {
  return degree === 1 || degree === 2 || degree === 3 ? degree : 4;
}

/** Orders by bucket, then better score, then id: a total order, so pages never repeat or skip a hit. */
export function compareRank(a: RankKey, b: RankKey): number {
  return a.b - b.b || b.s - a.s || a.i - b.i;
}

/**
 * People search, second half: ranks a candidate pool by degree bucket, then text score, then id, and cuts
 * the page after the cursor. `degrees` is in the candidates' order (one graph call for the pool);
 * `wanted` keeps only one degree. Returns the page and the cursor of its last hit when the pool has more.
 */
export function rankCandidates(
  candidates: readonly SearchCandidate[],
  degrees: readonly Degree[],
  options: { after: RankKey | null; limit: number; wanted: 1 | 2 | 3 | null },
): { page: RankKey[]; next: RankKey | null } {
  const { after, limit, wanted } = options;
  const keys: RankKey[] = [];
  candidates.forEach((c, n) => {
    const degree = degrees[n] ?? null;
    if (wanted !== null && degree !== wanted) return;
    const key = { b: degreeBucket(degree), s: c.score, i: c.id };
    if (!after || compareRank(key, after) > 0) keys.push(key);
  });
  keys.sort(compareRank);
  const page = keys.slice(0, limit);
  return { page, next: keys.length > limit ? page[page.length - 1]! : null };
}
