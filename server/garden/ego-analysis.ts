/**
 * The structure of one member's ego network, as pure arithmetic over local indices: clusters (Louvain),
 * bridges, and Burt's effective size and constraint. No I/O, no ids: the caller (csr-ego.ts, in a graph
 * worker) hands in the alters 0..n-1 and the ties among them; ego-structure.ts turns the answer into people.
 *
 * Everything is computed on the ego network alone (ego, its alters and the ties among alters), which is
 * the data Burt's measures are defined on: an alter's degree below is its degree *inside* the ego network
 * (its tie to ego plus its ties to other alters), not in the whole community.
 */
import { seededRandom } from '../../common/seeded-random.ts';
import { csrFromTies, louvain } from '../graph/csr-louvain.ts';

/** The ego network: n alters (local indices 0..n-1) and the undirected ties among them, each once. */
export interface EgoNetwork {
  n: number;
  tieA: Int32Array;
  tieB: Int32Array;
}

export interface EgoAnalysis {
  /** Cluster of each alter: 0 is the largest cluster, then by size; -1 for an alter in no cluster (tied to no other alter, or alone in its community). */
  cluster: Int32Array;
  /** Size of each cluster, largest first. */
  clusterSizes: number[];
  /**
   * Each alter's bridging score: the participation coefficient 1 − Σ_c (k_c / k)², where k_c counts its ties
   * into cluster c and k all its ties among alters. 0 when every tie stays in one cluster; it grows as the
   * ties spread evenly over more clusters (0.5 for ties split evenly between two).
   */
  bridgeScore: Float64Array;
  /** The bridges, best first: alters with at least MIN_BRIDGE_TIES ties into each of at least two clusters. */
  bridges: number[];
  /** Burt's effective size, n − 2t/n for binary ties (t ties among n alters): how many non-redundant contacts ego has. */
  effectiveSize: number;
  /** Burt's aggregate constraint Σ_j (p_ij + Σ_q p_iq p_qj)²: 1 when one closed group holds ego, near 0 for a broker among many separate contacts. */
  constraint: number;
}

/** A connection bridges when it holds at least this many ties into each of two clusters: one stray tie makes no bridge. */
export const MIN_BRIDGE_TIES = 2;

/** Re-exported: the seeded PRNG lives beside the Louvain that uses it. */
export { seededRandom };

export const DEFAULT_SEED = 15;

export function analyseEgo(ego: EgoNetwork, seed = DEFAULT_SEED): EgoAnalysis {
  const { n, tieA, tieB } = ego;
  const t = tieA.length;
  const deg = new Int32Array(n);
  for (let e = 0; e < t; e++) {
    deg[tieA[e]!]!++;
    deg[tieB[e]!]!++;
  }
  const cluster = clustersOf(ego, deg, seed);
  const clusterSizes: number[] = [];
  for (let i = 0; i < n; i++) if (cluster[i]! >= 0) clusterSizes[cluster[i]!] = (clusterSizes[cluster[i]!] ?? 0) + 1;
  const { bridgeScore, bridges } = bridgesOf(ego, deg, cluster, clusterSizes.length);
  return { cluster, clusterSizes, bridgeScore, bridges, ...brokerage(ego, deg) };
}

/**
 * Louvain over the alters that have ties (an isolated alter is its own community and would only add noise),
 * seeded; communities renumbered largest first (ties broken by their lowest alter), singletons to -1.
 */
function clustersOf(ego: EgoNetwork, deg: Int32Array, seed: number): Int32Array {
  const { n, tieA, tieB } = ego;
  const cluster = new Int32Array(n).fill(-1);
  if (tieA.length === 0) return cluster;
  // Louvain over a CSR built straight from the ties (server/graph/csr-louvain.ts): no graphology graph to build,
  // which had cost more than the clustering (bench/ego-structure.bench.ts). Isolated alters stay singletons.
  const found = louvain(csrFromTies(n, tieA, tieB), { seed });
  const raw = found.community, count = found.count;
  const size = new Int32Array(count), first = new Int32Array(count).fill(n);
  for (let i = 0; i < n; i++) {
    if (deg[i] === 0) continue;
    const c = raw[i]!;
    size[c]!++;
    if (i < first[c]!) first[c] = i;
  }
  const order = Array.from({ length: count }, (_, c) => c)
    .filter((c) => size[c]! >= 2)
    .sort((a, b) => size[b]! - size[a]! || first[a]! - first[b]!);
  const renumber = new Int32Array(count).fill(-1);
  order.forEach((c, k) => (renumber[c] = k));
  for (let i = 0; i < n; i++) if (deg[i]! > 0) cluster[i] = renumber[raw[i]!]!;
  return cluster;
}

function bridgesOf(ego: EgoNetwork, deg: Int32Array, cluster: Int32Array, k: number): { bridgeScore: Float64Array; bridges: number[] } {
  const { n, tieA, tieB } = ego;
  const bridgeScore = new Float64Array(n);
  if (k < 2) return { bridgeScore, bridges: [] };
  // Ties per (alter, cluster): a dense n×k table is fine for the few clusters Louvain finds, but a hub's
  // ego network can have many small ones, so count in a map keyed alter*k+cluster.
  const per = new Map<number, number>();
  const add = (a: number, c: number): void => {
    if (c < 0) return;
    const key = a * k + c;
    per.set(key, (per.get(key) ?? 0) + 1);
  };
  for (let e = 0; e < tieA.length; e++) {
    add(tieA[e]!, cluster[tieB[e]!]!);
    add(tieB[e]!, cluster[tieA[e]!]!);
  }
  const sumSq = new Float64Array(n), strongClusters = new Int32Array(n);
  for (const [key, count] of per) {
    const a = Math.floor(key / k);
    sumSq[a]! += count * count;
    if (count >= MIN_BRIDGE_TIES) strongClusters[a]!++;
  }
  const bridges: number[] = [];
  for (let a = 0; a < n; a++) {
    const d = deg[a]!;
    // Ties to alters in no cluster count in k but in no k_c: they leave the score as if spread out, which they are.
    bridgeScore[a] = d === 0 ? 0 : 1 - sumSq[a]! / (d * d);
    if (strongClusters[a]! >= 2) bridges.push(a);
  }
  bridges.sort((a, b) => bridgeScore[b]! - bridgeScore[a]! || deg[b]! - deg[a]! || a - b);
  return { bridgeScore, bridges };
}

/**
 * Burt's measures for ego with binary symmetric ties. p_iq = 1/n for every alter q; p_qj = 1/d_q where d_q is
 * q's degree in the ego network (1 for the tie to ego plus its ties among alters). The indirect part of the
 * constraint ego's tie to j suffers, Σ_q p_iq p_qj, runs over the alters q tied to j: one pass over the ties.
 */
function brokerage(ego: EgoNetwork, deg: Int32Array): { effectiveSize: number; constraint: number } {
  const { n, tieA, tieB } = ego;
  if (n === 0) return { effectiveSize: 0, constraint: 0 };
  const indirect = new Float64Array(n);
  for (let e = 0; e < tieA.length; e++) {
    const a = tieA[e]!, b = tieB[e]!;
    indirect[b]! += 1 / n / (deg[a]! + 1);
    indirect[a]! += 1 / n / (deg[b]! + 1);
  }
  let constraint = 0;
  for (let j = 0; j < n; j++) constraint += (1 / n + indirect[j]!) ** 2;
  return { effectiveSize: n - (2 * tieA.length) / n, constraint };
}
