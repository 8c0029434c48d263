/**
 * People you may know over the CSR: a kernel over the scratch (csr-scratch.ts); csr-queries.ts is its facade.
 */
import type { Suggestion } from './graph-index.ts';
import { mutualsLoaded } from './csr-mutuals.ts';
import type { CsrScratch } from './csr-scratch.ts';
import { TopK } from './csr-topk.ts';
import { degreeCutoff } from './fof-budget.ts';
import { adamicAdarWeight, suggestionScore } from './scoring.ts';

/**
 * Friends of friends by shaped Adamic–Adar (scoring.ts `suggestionScore`), best first, with reasons.
 * Candidates accumulate in a sparse set (dense arrays indexed by discovery order, plus one slot per
 * member that needs no clearing), so each visited edge costs one random access; v's neighbours are
 * visited in ascending id, so each candidate's sum adds in the same order as the SQL reference.
 * A score is at most its Adamic–Adar sum, so candidates whose sum cannot beat the current k-th best
 * are skipped before their degree is read. An open networker's walk is bounded by `work` edge visits
 * (fof-budget.ts).
 */
export function suggest(
  s: CsrScratch,
  v: number,
  limit: number,
  avoid: ReadonlySet<number> | undefined,
  exclude: ReadonlySet<number> | undefined,
  nowDay: number,
  work: number,
): Suggestion[] {
  const g = s.g;
  if (!(v >= 0 && v < g.n) || limit <= 0) return [];
  s.begin(avoid);
  const n = g.n, E = s.bitsB, X = s.bitsX, skip = s.hasAvoid;
  // Never candidates: v, N(v), the avoided and the excluded.
  E[v >>> 5]! |= 1 << (v & 31);
  s.markRow(v, E, false);
  if (skip) for (const a of s.avoidList) E[a >>> 5]! |= 1 << (a & 31);
  if (exclude) for (const x of exclude) if (x >= 0 && x < n && (x | 0) === x) E[x >>> 5]! |= 1 << (x & 31);
  const slot = s.slot, candId = s.candId, acc = s.candAcc, cnt = s.candCnt;
  let count = 0;
  const varr = g.rowArr(v);
  const maxDegree = degreeCutoff(g, v, work);
  for (let p = g.rowLo(v), pe = g.rowHi(v); p < pe; p++) {
    const x = varr[p]!;
    if (skip && (X[x >>> 5]! >>> (x & 31)) & 1) continue;
    const dx = g.degree(x);
    if (dx > maxDegree) continue;
    const w = adamicAdarWeight(dx);
    const arr = g.rowArr(x);
    for (let q = g.rowLo(x), e = g.rowHi(x); q < e; q++) {
      const z = arr[q]!;
      if ((E[z >>> 5]! >>> (z & 31)) & 1) continue;
      const k = slot[z]!;
      if (k < count && candId[k] === z) {
        acc[k]! += w;
        cnt[k]!++;
      } else {
        slot[z] = count;
        candId[count] = z;
        acc[count] = w;
        cnt[count] = 1;
        count++;
      }
    }
  }
  s.unmarkRow(v, E);
  E[v >>> 5] = 0;
  for (const a of s.avoidList) E[a >>> 5] = 0;
  if (exclude) for (const x of exclude) if (x >= 0 && x < n && (x | 0) === x) E[x >>> 5] = 0;
  const dv = g.degree(v);
  const top = new TopK(limit);
  for (let k = 0; k < count; k++) {
    const a = acc[k]!;
    if (top.full && a <= top.worst) continue;
    top.offer(candId[k]!, suggestionScore(a, cnt[k]!, dv, g.degree(candId[k]!)));
  }
  const result = top.ids.map((id, i) => ({
    id,
    score: top.scores[i]!,
    mutualCount: cnt[slot[id]!]!,
    mutuals: mutualsLoaded(s, v, id, 2, nowDay).first,
  }));
  s.end();
  return result;
}
