/**
 * Mutual connections: the common connections of one pair, ranked, and the mutual counts of a whole page
 * of people from one viewer. Kernels over the scratch (csr-scratch.ts); csr-queries.ts is their facade.
 */
import type { Mutuals } from './graph-index.ts';
import { GALLOP_RATIO, intersectRows } from './csr-intersect.ts';
import type { CsrScratch } from './csr-scratch.ts';
import { TopK } from './csr-topk.ts';
import { mutualRelevance, recency } from './scoring.ts';

/** log2(1 + 2^k): the relevance divisor of a mutual whose degree is at least 2^k (csr.ts `logDeg`). */
const LOG2_1P_POW2 = Float64Array.from({ length: 33 }, (_, k) => Math.log2(1 + 2 ** k));

export function mutuals(s: CsrScratch, a: number, b: number, limit: number, avoid: ReadonlySet<number> | undefined, nowDay: number): Mutuals {
  const g = s.g;
  if (a === b || !(a >= 0 && a < g.n) || !(b >= 0 && b < g.n)) return { count: 0, first: [] };
  s.begin(avoid);
  const m = mutualsLoaded(s, a, b, limit, nowDay);
  s.end();
  return m;
}

/**
 * Mutuals with the avoid set already loaded. The first `limit` by relevance, (recency part) /
 * log2(1 + degree): with degree ≥ 2^⌊log2 degree⌋ from the cached `logDeg` byte, a mutual whose bound
 * cannot beat the current k-th best is skipped without reading its degree (a likely cache miss). Days
 * are read only for the matches, so the day rows are not streamed in full.
 */
export function mutualsLoaded(s: CsrScratch, a: number, b: number, limit: number, nowDay: number): Mutuals {
  const g = s.g, m = s.matches;
  const count = intersectRows(g, a, b, m, s.hasAvoid ? s.bitsX : null);
  if (limit <= 0 || count === 0) return { count, first: [] };
  const ids = m.ids, posA = m.posA, posB = m.posB, daysA = g.rowDays(a), daysB = g.rowDays(b), logDeg = g.logDeg;
  const top = new TopK(limit);
  for (let k = 0; k < count; k++) {
    const z = ids[k]!, da = daysA[posA[k]!]!, db = daysB[posB[k]!]!;
    if (top.full) {
      // Every mutual has degree ≥ 2 (a and b), so ⌊log2⌋ ≥ 1; the pad absorbs rounding.
      const bound = (recency(da, nowDay) + recency(db, nowDay)) / 2 / LOG2_1P_POW2[Math.max(1, logDeg[z]!)]!;
      if (bound * (1 + 1e-12) < top.worst) continue;
    }
    top.offer(z, mutualRelevance(g.degree(z), da, db, nowDay));
  }
  return { count, first: top.ids };
}

/**
 * `mutuals(viewer, other).count` for each other, in order (0 for the viewer, unknown ids and invalid ones).
 * The viewer's non-avoided connections are marked once; each other is then counted from the cheaper side:
 * its own row scanned against those marks (deg(other) bit tests), or, when its row is over GALLOP_RATIO×
 * the viewer's, the viewer's row galloped through it. A page of 20–50 people costs about one pass over
 * their rows.
 */
export function mutualCounts(s: CsrScratch, v: number, others: readonly number[], avoid: ReadonlySet<number> | undefined): number[] {
  const g = s.g, n = g.n, T = others.length;
  const counts = new Array<number>(T).fill(0);
  if (!(v >= 0 && v < n) || T === 0) return counts;
  s.begin(avoid);
  const A = s.bitsA, dv = g.degree(v), skip = s.hasAvoid ? s.bitsX : null;
  s.markRow(v, A, true);
  for (let i = 0; i < T; i++) {
    const o = others[i]!;
    if (o === v || !(o >= 0 && o < n && (o | 0) === o)) continue;
    counts[i] = g.degree(o) > GALLOP_RATIO * dv ? intersectRows(g, v, o, null, skip) : s.countMarked(o, A);
  }
  s.unmarkRow(v, A);
  s.end();
  return counts;
}
