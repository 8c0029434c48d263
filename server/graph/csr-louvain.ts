/**
 * Louvain community detection straight over typed arrays (a weighted CSR), seeded and deterministic.
 *
 * Why not graphology-communities-louvain: building a graphology Graph from the CSR (string keys, an object
 * per node and per edge) cost more than Louvain itself — for a hub's ego network of 10,000 connections and
 * ~100,000 ties about two thirds of the analysis (bench/ego-structure.bench.ts) — and the community-wide
 * run (server/structure) would need a million-node graphology graph. Here the graph stays as Int32Arrays.
 *
 * The algorithm is Blondel et al.'s: local moving (each node to the neighbouring community with the best
 * modularity gain, until none moves) then aggregation (each community becomes one node, its internal ties a
 * self-loop), repeated while a level moves anything. Local moving uses a queue ("fast local moves", as
 * graphology's default): after a move only the neighbours outside the new community are looked at again.
 * The first order is a seeded shuffle, so the same graph and seed give the same communities on every run.
 */

import { seededRandom } from '../../common/seeded-random.ts';

/**
 * An undirected weighted graph as CSR: node i's row is nbr[off[i], off[i+1]) with weights w (null: all 1).
 * Each tie appears in both rows; a self-loop appears once in its node's row, with weight counted as the
 * degree it adds (twice the loop's weight), so a node's degree is always the sum of its row.
 */
export interface WeightedCsr {
  n: number;
  off: Int32Array;
  nbr: Int32Array;
  w: Float64Array | null;
}

export interface LouvainOptions {
  seed?: number;
  /** Modularity resolution γ (1: the usual modularity). */
  resolution?: number;
  /** Safety bound on aggregation levels (each level at least halves nothing in theory, but in practice far more). */
  maxLevels?: number;
}

export interface LouvainResult {
  /** Community of each node, 0..count-1, numbered in order of each community's lowest node. */
  community: Int32Array;
  count: number;
  /** Newman–Girvan modularity of the partition on the input graph (with the given resolution). */
  modularity: number;
  /** Aggregation levels that moved something. */
  levels: number;
}

/** A CSR from a list of undirected ties (each once, no self-loops), weights all 1. */
export function csrFromTies(n: number, tieA: Int32Array, tieB: Int32Array): WeightedCsr {
  const off = new Int32Array(n + 1);
  for (let e = 0; e < tieA.length; e++) {
    off[tieA[e]! + 1]!++;
    off[tieB[e]! + 1]!++;
  }
  for (let i = 0; i < n; i++) off[i + 1]! += off[i]!;
  const fill = off.slice(0, n);
  const nbr = new Int32Array(off[n]!);
  for (let e = 0; e < tieA.length; e++) {
    const a = tieA[e]!, b = tieB[e]!;
    nbr[fill[a]!++] = b;
    nbr[fill[b]!++] = a;
  }
  return { n, off, nbr, w: null };
}

function degreesOf(g: WeightedCsr): { k: Float64Array; m2: number } {
  const { n, off, w } = g;
  const k = new Float64Array(n);
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    if (w) for (let p = off[i]!, e = off[i + 1]!; p < e; p++) s += w[p]!;
    else s = off[i + 1]! - off[i]!;
    k[i] = s;
    m2 += s;
  }
  return { k, m2 };
}

/** Modularity Σ_c [in_c / 2m − γ (tot_c / 2m)²] of a partition of g. */
export function modularity(g: WeightedCsr, community: Int32Array, resolution = 1): number {
  const { n, off, nbr, w } = g;
  const { k, m2 } = degreesOf(g);
  if (m2 === 0) return 0;
  let count = 0;
  for (let i = 0; i < n; i++) if (community[i]! + 1 > count) count = community[i]! + 1;
  const tot = new Float64Array(count);
  let inside = 0;
  for (let i = 0; i < n; i++) {
    const c = community[i]!;
    tot[c]! += k[i]!;
    for (let p = off[i]!, e = off[i + 1]!; p < e; p++) if (community[nbr[p]!] === c) inside += w ? w[p]! : 1;
  }
  let expected = 0;
  for (let c = 0; c < count; c++) expected += tot[c]! * tot[c]!;
  return inside / m2 - (resolution * expected) / (m2 * m2);
}

/**
 * One level of local moving. comm starts as singletons; on return it holds each node's community (ids are
 * node ids of a member, not dense). Returns whether any node moved.
 */
function moveNodes(g: WeightedCsr, k: Float64Array, m2: number, comm: Int32Array, rand: () => number, resolution: number): boolean {
  const { n, off, nbr, w } = g;
  const tot = Float64Array.from(k);
  // Weight from the current node into each neighbouring community; `stamp` marks which entries are live for it.
  const neighW = new Float64Array(n), stamp = new Int32Array(n).fill(-1), touched = new Int32Array(n);
  const queue = new Int32Array(n), queued = new Uint8Array(n);
  for (let i = 0; i < n; i++) queue[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = queue[i]!;
    queue[i] = queue[j]!;
    queue[j] = t;
  }
  queued.fill(1);
  let head = 0, size = n, moved = false, visit = 0;
  const scale = resolution / m2;
  while (size > 0) {
    const i = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    size--;
    queued[i] = 0;
    const ki = k[i]!;
    if (ki === 0) continue;
    const ci = comm[i]!;
    visit++;
    let nt = 0;
    stamp[ci] = visit;
    neighW[ci] = 0;
    touched[nt++] = ci;
    for (let p = off[i]!, e = off[i + 1]!; p < e; p++) {
      const j = nbr[p]!;
      if (j === i) continue;
      const c = comm[j]!;
      if (stamp[c] !== visit) {
        stamp[c] = visit;
        neighW[c] = 0;
        touched[nt++] = c;
      }
      neighW[c]! += w ? w[p]! : 1;
    }
    tot[ci]! -= ki;
    let best = ci, bestGain = neighW[ci]! - tot[ci]! * ki * scale;
    for (let t = 1; t < nt; t++) {
      const c = touched[t]!;
      const gain = neighW[c]! - tot[c]! * ki * scale;
      // A strict margin: ties keep the node where it is, so moves always raise modularity and the loop ends.
      if (gain > bestGain + 1e-12) {
        best = c;
        bestGain = gain;
      }
    }
    tot[best]! += ki;
    if (best === ci) continue;
    comm[i] = best;
    moved = true;
    for (let p = off[i]!, e = off[i + 1]!; p < e; p++) {
      const j = nbr[p]!;
      if (queued[j] || comm[j] === best || j === i) continue;
      queued[j] = 1;
      let tail = head + size;
      if (tail >= n) tail -= n;
      queue[tail] = j;
      size++;
    }
  }
  return moved;
}

/** Renumbers comm densely (0..count-1, in order of first node) in place; returns count. */
function renumber(comm: Int32Array): number {
  const map = new Int32Array(comm.length).fill(-1);
  let count = 0;
  for (let i = 0; i < comm.length; i++) {
    const c = comm[i]!;
    if (map[c] === -1) map[c] = count++;
    comm[i] = map[c]!;
  }
  return count;
}

/** The graph of communities: one node per community, the ties between them summed, internal ties a self-loop. */
function aggregate(g: WeightedCsr, comm: Int32Array, count: number): WeightedCsr {
  const { n, off, nbr, w } = g;
  // Members grouped by community (counting sort).
  const start = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) start[comm[i]! + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, count), members = new Int32Array(n);
  for (let i = 0; i < n; i++) members[fill[comm[i]!]!++] = i;
  const acc = new Float64Array(count), stamp = new Int32Array(count).fill(-1), touched = new Int32Array(count);
  const newOff = new Int32Array(count + 1);
  // At most one entry per old entry: allocate that bound, trim at the end.
  let newNbr = new Int32Array(Math.max(nbr.length, 1)), newW = new Float64Array(Math.max(nbr.length, 1)), used = 0;
  for (let c = 0; c < count; c++) {
    let nt = 0;
    for (let q = start[c]!, qe = start[c + 1]!; q < qe; q++) {
      const i = members[q]!;
      for (let p = off[i]!, e = off[i + 1]!; p < e; p++) {
        const d = comm[nbr[p]!]!;
        if (stamp[d] !== c) {
          stamp[d] = c;
          acc[d] = 0;
          touched[nt++] = d;
        }
        acc[d]! += w ? w[p]! : 1;
      }
    }
    if (used + nt > newNbr.length) {
      const a = new Int32Array((used + nt) * 2), b = new Float64Array((used + nt) * 2);
      a.set(newNbr);
      b.set(newW);
      newNbr = a;
      newW = b;
    }
    for (let t = 0; t < nt; t++) {
      newNbr[used] = touched[t]!;
      newW[used] = acc[touched[t]!]!;
      used++;
    }
    newOff[c + 1] = used;
  }
  return { n: count, off: newOff, nbr: newNbr.slice(0, used), w: newW.slice(0, used) };
}

export function louvain(g: WeightedCsr, opts: LouvainOptions = {}): LouvainResult {
  const resolution = opts.resolution ?? 1, maxLevels = opts.maxLevels ?? 32;
  const rand = seededRandom(opts.seed ?? 15);
  const community = new Int32Array(g.n);
  for (let i = 0; i < g.n; i++) community[i] = i;
  let level = g, levels = 0;
  const { m2 } = degreesOf(g);
  if (m2 === 0) {
    return { community, count: g.n, modularity: 0, levels: 0 };
  }
  while (levels < maxLevels) {
    const { k } = degreesOf(level);
    const comm = new Int32Array(level.n);
    for (let i = 0; i < level.n; i++) comm[i] = i;
    if (!moveNodes(level, k, m2, comm, rand, resolution)) break;
    levels++;
    const count = renumber(comm);
    for (let i = 0; i < g.n; i++) community[i] = comm[community[i]!]!;
    if (count === level.n) break;
    level = aggregate(level, comm, count);
  }
  const count = renumber(community);
  return { community, count, modularity: modularity(g, community, resolution), levels };
}
