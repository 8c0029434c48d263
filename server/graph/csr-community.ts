/**
 * The community's structure for operators (issue 15, Admin → Community): Louvain over the whole connection
 * graph (csr-louvain.ts), the clusters it finds, and the members who bridge them. Pure arithmetic over the
 * CSR; the job (commands/community/structure.ts) adds the database facts and runs this in a graph worker
 * (GraphService.communityStructure), since at a million members it takes seconds.
 *
 * Two steps, so a worker can keep the first one short: `copyForLouvain` reads the live CSR into a private
 * weighted CSR (the only part that must see one consistent graph, validated by the worker's seqlock), and
 * `structureOf` clusters that copy, however long it takes, while the graph keeps changing.
 */
import type { CsrGraph } from './csr.ts';
import { louvain, type WeightedCsr } from './csr-louvain.ts';

/** Clusters smaller than this are noise at the scale of a community (a pair, a triangle): not named. */
export const MIN_CLUSTER_SIZE = 3;
/** At most this many clusters are named (largest first); members of smaller ones count in none. */
export const MAX_CLUSTERS = 40;
/** At most this many bridges are kept (strongest first). */
export const MAX_BRIDGES = 100;
/** A member bridges when they hold at least this many ties into each of two named clusters. */
export const MIN_BRIDGE_TIES = 2;

export interface CommunityStructure {
  /** Members in the graph that were counted (not excluded), with or without ties. */
  members: number;
  /** Connections between counted members. */
  connections: number;
  /** 2E / (N (N − 1)) over the counted members; 0 below two members. */
  density: number;
  modularity: number;
  /** Named clusters' sizes, largest first; cluster ids are indices here. */
  clusterSizes: number[];
  /** Cluster of each member id (index = id), -1 for none (excluded, isolated, or in a cluster too small). */
  cluster: Int32Array;
  /** Bridges, strongest first: member ids, scores (participation over named clusters), and the clusters each reaches (CSR-like, into bridgeClusters). */
  bridges: Int32Array;
  bridgeScores: Float64Array;
  bridgeClusterOff: Int32Array;
  bridgeClusters: Int32Array;
}

/** The live graph without the excluded members (and their ties), as a private copy Louvain can run on. */
export function copyForLouvain(g: CsrGraph, exclude: Int32Array | null): { csr: WeightedCsr; members: number } {
  const n = g.n;
  const out = new Uint8Array(n);
  if (exclude) for (const id of exclude) if (id >= 0 && id < n) out[id] = 1;
  const off = new Int32Array(n + 1);
  let total = 0, members = 0;
  for (let u = 0; u < n; u++) {
    off[u] = total;
    if (out[u]) continue;
    members++;
    const arr = g.rowArr(u);
    for (let p = g.rowLo(u), e = g.rowHi(u); p < e; p++) if (!out[arr[p]!]) total++;
  }
  off[n] = total;
  const nbr = new Int32Array(total);
  for (let u = 0, k = 0; u < n; u++) {
    if (out[u]) continue;
    const arr = g.rowArr(u);
    for (let p = g.rowLo(u), e = g.rowHi(u); p < e; p++) {
      const v = arr[p]!;
      if (!out[v]) nbr[k++] = v;
    }
  }
  return { csr: { n, off, nbr, w: null }, members };
}

/** Louvain over the copy, then the named clusters (largest first) and the bridges between them. */
export function structureOf(csr: WeightedCsr, members: number, seed: number): CommunityStructure {
  const { n, off, nbr } = csr;
  const found = louvain(csr, { seed });
  const raw = found.community;
  const size = new Int32Array(found.count), first = new Int32Array(found.count).fill(n);
  for (let i = 0; i < n; i++) {
    if (off[i + 1] === off[i]) continue;
    const c = raw[i]!;
    size[c]!++;
    if (i < first[c]!) first[c] = i;
  }
  const named = Array.from({ length: found.count }, (_, c) => c)
    .filter((c) => size[c]! >= MIN_CLUSTER_SIZE)
    .sort((a, b) => size[b]! - size[a]! || first[a]! - first[b]!)
    .slice(0, MAX_CLUSTERS);
  const renumber = new Int32Array(found.count).fill(-1);
  named.forEach((c, k) => (renumber[c] = k));
  const cluster = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) if (off[i + 1]! > off[i]!) cluster[i] = renumber[raw[i]!]!;

  // Bridges: ties into each named cluster, counted per member in a small scratch (k ≤ MAX_CLUSTERS).
  const k = named.length, per = new Int32Array(Math.max(k, 1));
  const candidates: { id: number; score: number; degree: number; reaches: number[] }[] = [];
  if (k >= 2) {
    for (let i = 0; i < n; i++) {
      const d = off[i + 1]! - off[i]!;
      if (d < 2 * MIN_BRIDGE_TIES) continue;
      per.fill(0);
      for (let p = off[i]!, e = off[i + 1]!; p < e; p++) {
        const c = cluster[nbr[p]!]!;
        if (c >= 0) per[c]!++;
      }
      const reaches: number[] = [];
      let sumSq = 0;
      for (let c = 0; c < k; c++) {
        sumSq += per[c]! * per[c]!;
        if (per[c]! >= MIN_BRIDGE_TIES) reaches.push(c);
      }
      if (reaches.length < 2) continue;
      candidates.push({ id: i, score: 1 - sumSq / (d * d), degree: d, reaches });
    }
  }
  candidates.sort((a, b) => b.score - a.score || b.degree - a.degree || a.id - b.id);
  const kept = candidates.slice(0, MAX_BRIDGES);
  const bridgeClusterOff = new Int32Array(kept.length + 1);
  kept.forEach((b, j) => (bridgeClusterOff[j + 1] = bridgeClusterOff[j]! + b.reaches.length));
  const bridgeClusters = Int32Array.from(kept.flatMap((b) => b.reaches));
  const connections = nbr.length / 2;
  return {
    members,
    connections,
    density: members < 2 ? 0 : (2 * connections) / (members * (members - 1)),
    modularity: found.modularity,
    clusterSizes: named.map((c) => size[c]!),
    cluster,
    bridges: Int32Array.from(kept, (b) => b.id),
    bridgeScores: Float64Array.from(kept, (b) => b.score),
    bridgeClusterOff,
    bridgeClusters,
  };
}

/** Both steps at once, for the main thread (no workers) and tests. */
export function communityStructureOf(g: CsrGraph, exclude: Int32Array | null, seed: number): CommunityStructure {
  const { csr, members } = copyForLouvain(g, exclude);
  return structureOf(csr, members, seed);
}
