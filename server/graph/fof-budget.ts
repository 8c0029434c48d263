/**
 * A bound on the friends-of-friends walk behind people you may know.
 *
 * The walk visits Σ deg(x) over the viewer's connections x. For most members that is a few thousand edges,
 * but an open networker with 10,000 connections, many of them open networkers too, would visit tens of
 * millions (over a second at 1 M members). Their suggestions do not need it: Adamic–Adar gives a mutual x
 * the weight 1/ln(deg x), so the largest neighbours add the least to any one candidate and the most work.
 * Above the budget, the walk keeps the viewer's neighbours from the smallest degree up, as far as the
 * budget allows, and leaves the rest out. Below it (nearly every member) the walk is exact.
 */
import type { CsrGraph } from './csr.ts';

/** Edge visits one suggestion walk may spend: about 10–25 ms at 1 M members (bench:graph). */
export const SUGGEST_WORK = 150_000;

/**
 * The largest neighbour degree the walk from `v` should expand, or Infinity when the whole walk fits in
 * `budget`. Neighbours of exactly the cut-off degree are all kept, so the result is deterministic and at
 * least one neighbour (the smallest) is always expanded.
 */
export function degreeCutoff(g: CsrGraph, v: number, budget: number): number {
  const lo = g.rowLo(v), hi = g.rowHi(v), arr = g.rowArr(v);
  let total = 0;
  for (let p = lo; p < hi && total <= budget; p++) total += g.degree(arr[p]!);
  if (total <= budget) return Infinity;
  const degrees = new Int32Array(hi - lo);
  for (let p = lo; p < hi; p++) degrees[p - lo] = g.degree(arr[p]!);
  degrees.sort();
  let spent = 0;
  let cutoff = degrees[0] ?? 0;
  for (let i = 0; i < degrees.length; i++) {
    const d = degrees[i]!;
    if (spent + d > budget && d > cutoff) break;
    spent += d;
    cutoff = d;
  }
  return cutoff;
}
