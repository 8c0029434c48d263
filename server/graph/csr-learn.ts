/**
 * Learning the people-you-may-know weights (learn-links.ts) from the graph index rather than from a table scan:
 * the index already holds every connection with its day, so the weekly job neither reads millions of rows into
 * JavaScript objects nor learns on the event loop (GraphService.learnLinks runs this in a graph worker).
 */
import type { CsrGraph } from './csr.ts';
import { type Edges, type Learned, learnLinkModel } from './learn-links.ts';

/** The index's connections as an edge list, each once (a < b), with the day each was made. */
export function edgesOfCsr(g: CsrGraph): Edges {
  const n = g.n;
  let count = 0;
  for (let u = 0; u < n; u++) {
    const arr = g.rowArr(u);
    for (let p = g.rowLo(u), e = g.rowHi(u); p < e; p++) if (arr[p]! > u) count++;
  }
  const src = new Int32Array(count), dst = new Int32Array(count), days = new Uint16Array(count);
  for (let u = 0, k = 0; u < n; u++) {
    const arr = g.rowArr(u), rowDays = g.rowDays(u);
    for (let p = g.rowLo(u), e = g.rowHi(u); p < e; p++) {
      const v = arr[p]!;
      if (v <= u) continue;
      src[k] = u;
      dst[k] = v;
      days[k++] = rowDays[p]!;
    }
  }
  return { n, src, dst, days };
}

export interface LearnArgs {
  seed: number;
  /** How many members to sample for training pairs. */
  members: number;
}

/** The learned model, and how many connections it learned from. */
export type LearnedFromIndex = Learned & { connections: number };

/** Learns from a copy of the index's edges (made consistent by the caller, e.g. under the worker's seqlock). */
export function learnFromEdges(edges: Edges, args: LearnArgs): LearnedFromIndex {
  return { ...learnLinkModel(edges, { dated: true, seed: args.seed, members: args.members }), connections: edges.src.length };
}
