/**
 * One member's ego network read off the CSR (their connections and the ties among them), and its structure
 * (server/garden/ego-analysis.ts). Runs in a graph worker for large networks (worker-pool.ts op `egoStructure`)
 * and inline for small ones, over the same typed arrays.
 *
 * The ties among connections are found by walking each connection's sorted row and binary-searching the
 * ego's sorted row: Σ deg(x) log deg(ego) work, no per-query array of the community's size.
 */
import { analyseEgo, type EgoAnalysis } from '../garden/ego-analysis.ts';
import type { CsrGraph } from './csr.ts';

export interface EgoResult extends EgoAnalysis {
  /** The ego's connections (avoided members left out), ascending; index i here is alter i in the analysis. */
  alters: Int32Array;
  /** Ties among the alters, as local index pairs (tieA[e] < tieB[e]). */
  tieA: Int32Array;
  tieB: Int32Array;
}

/** Index of x in the sorted `arr[lo, hi)`, or -1. */
function search(arr: Int32Array, lo: number, hi: number, x: number): number {
  hi--;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = arr[mid]!;
    if (v < x) lo = mid + 1;
    else if (v > x) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** The ego network of v: alters (ascending ids, without the avoided) and each tie among them once. */
export function egoNetworkOf(g: CsrGraph, v: number, avoid?: ReadonlySet<number>): { alters: Int32Array; tieA: Int32Array; tieB: Int32Array } {
  if (!(v >= 0 && v < g.n)) return { alters: new Int32Array(0), tieA: new Int32Array(0), tieB: new Int32Array(0) };
  const row = g.neighbours(v);
  const alters = avoid && avoid.size > 0 ? row.filter((x) => !avoid.has(x)) : row;
  const n = alters.length;
  let cap = 1024, t = 0;
  let tieA = new Int32Array(cap), tieB = new Int32Array(cap);
  for (let i = 0; i < n; i++) {
    const x = alters[i]!, arr = g.rowArr(x);
    // Only neighbours above x: each tie is found once, from its lower end.
    for (let p = g.rowLo(x), e = g.rowHi(x); p < e; p++) {
      const y = arr[p]!;
      if (y <= x) continue;
      const j = search(alters, i + 1, n, y);
      if (j < 0) continue;
      if (t === cap) {
        cap *= 2;
        const a = new Int32Array(cap), b = new Int32Array(cap);
        a.set(tieA);
        b.set(tieB);
        tieA = a;
        tieB = b;
      }
      tieA[t] = i;
      tieB[t] = j;
      t++;
    }
  }
  return { alters, tieA: tieA.slice(0, t), tieB: tieB.slice(0, t) };
}

export function egoStructureOf(g: CsrGraph, v: number, avoid?: ReadonlySet<number>, seed?: number): EgoResult {
  const ego = egoNetworkOf(g, v, avoid);
  return { ...ego, ...analyseEgo({ n: ego.alters.length, tieA: ego.tieA, tieB: ego.tieB }, seed) };
}
