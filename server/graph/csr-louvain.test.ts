/**
 * The CSR Louvain (csr-louvain.ts) against graphology-communities-louvain, which it replaced in the garden's
 * ego analysis: on the real graphs in datasets/ (whole, and the ego network of each one's biggest hub) and on
 * planted-partition graphs, its modularity is at least graphology's less a small tolerance (both are seeded
 * heuristics: over seeds either comes out ahead by a few thousandths), and the ego analysis built on it gives the
 * same clusters and bridges where the partition is clear, and the same brokerage everywhere.
 */
import Graph from 'graphology';
import graphologyLouvain from 'graphology-communities-louvain';
import { describe, expect, it } from 'vitest';
import { analyseEgo, type EgoNetwork } from '../garden/ego-analysis.ts';
import { CsrGraph } from './csr.ts';
import { egoNetworkOf } from './csr-ego.ts';
import { seededRandom } from '../../common/seeded-random.ts';
import { csrFromTies, louvain, modularity } from './csr-louvain.ts';
import { parseEdgeList, readDataset } from './edge-list.ts';

/** Modularity may fall short of graphology's by this much (seed-to-seed spread on GitHub is ~0.01). */
const TOLERANCE = 0.01;

function graphologyOf(net: EgoNetwork): Graph {
  const g = new Graph({ type: 'undirected' });
  for (let i = 0; i < net.n; i++) g.addNode(String(i));
  for (let e = 0; e < net.tieA.length; e++) g.mergeEdge(String(net.tieA[e]), String(net.tieB[e]));
  return g;
}

function graphologyPartition(net: EgoNetwork, seed = 15): { community: Int32Array; modularity: number } {
  const d = graphologyLouvain.detailed(graphologyOf(net), { rng: seededRandom(seed), getEdgeWeight: null });
  const community = new Int32Array(net.n);
  for (const key in d.communities) community[Number(key)] = d.communities[key]!;
  return { community, modularity: d.modularity };
}

/** True when two partitions group the nodes the same way, whatever their labels. */
function samePartition(a: Int32Array, b: Int32Array): boolean {
  const ab = new Map<number, number>(), ba = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    if ((ab.get(a[i]!) ?? b[i]) !== b[i] || (ba.get(b[i]!) ?? a[i]) !== a[i]) return false;
    ab.set(a[i]!, b[i]!);
    ba.set(b[i]!, a[i]!);
  }
  return true;
}

/** k planted communities over n nodes; each node draws `ties` / 2 ties, a share `pin` inside its own community. */
function planted(n: number, k: number, ties: number, pin: number, seed: number): EgoNetwork {
  const rand = seededRandom(seed), size = n / k, seen = new Set<number>(), a: number[] = [], b: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = Math.floor(i / size);
    for (let t = 0; t < ties / 2; t++) {
      const j = rand() < pin ? c * size + Math.floor(rand() * size) : Math.floor(rand() * n);
      const lo = Math.min(i, j), hi = Math.max(i, j);
      if (j === i || seen.has(lo * n + hi)) continue;
      seen.add(lo * n + hi);
      a.push(lo);
      b.push(hi);
    }
  }
  return { n, tieA: Int32Array.from(a), tieB: Int32Array.from(b) };
}

function real(name: 'ego-facebook' | 'github-musae'): { whole: EgoNetwork; hubEgo: EgoNetwork } {
  const list = name === 'ego-facebook' ? parseEdgeList(readDataset('ego-facebook/facebook_combined.txt.gz'), ' ') : parseEdgeList(readDataset('github-musae/musae_git_edges.csv.gz'), ',');
  const csr = CsrGraph.fromEdges(list.n, list.src, list.dst);
  let hub = 0;
  for (let i = 0; i < list.n; i++) if (csr.degree(i) > csr.degree(hub)) hub = i;
  const ego = egoNetworkOf(csr, hub);
  // The whole graph's ties once each, as the CSR holds them (the files may list a tie twice).
  const a: number[] = [], b: number[] = [];
  for (let u = 0; u < csr.n; u++) {
    for (const v of csr.neighbours(u)) {
      if (u >= v) continue;
      a.push(u);
      b.push(v);
    }
  }
  return { whole: { n: csr.n, tieA: Int32Array.from(a), tieB: Int32Array.from(b) }, hubEgo: { n: ego.alters.length, tieA: ego.tieA, tieB: ego.tieB } };
}

describe('CSR Louvain', () => {
  it('computes modularity by hand on two triangles joined by one tie', () => {
    // m = 7; each triangle holds 3 ties (in_c = 6 of 2m = 14) and half the degree: Q = 2 (6/14 − ¼) = 5/14.
    const net = { n: 6, tieA: Int32Array.from([0, 0, 1, 3, 3, 4, 2]), tieB: Int32Array.from([1, 2, 2, 4, 5, 5, 3]) };
    const r = louvain(csrFromTies(net.n, net.tieA, net.tieB));
    expect(r.count).toBe(2);
    expect(Array.from(r.community)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(r.modularity).toBeCloseTo(5 / 14, 12);
    expect(modularity(csrFromTies(net.n, net.tieA, net.tieB), Int32Array.from([0, 0, 0, 0, 0, 0]))).toBeCloseTo(0, 12);
  });

  it('is deterministic for a seed and leaves isolated nodes alone', () => {
    const net = planted(600, 6, 12, 0.7, 3);
    const csr = csrFromTies(net.n + 2, net.tieA, net.tieB);
    const one = louvain(csr, { seed: 7 }), two = louvain(csr, { seed: 7 });
    expect(Array.from(two.community)).toEqual(Array.from(one.community));
    expect(two.modularity).toBe(one.modularity);
    const isolated = new Set([one.community[600], one.community[601]]);
    expect(isolated.size).toBe(2);
    for (let i = 0; i < 600; i++) expect(isolated.has(one.community[i]!)).toBe(false);
  });

  it('handles an empty graph', () => {
    expect(louvain(csrFromTies(0, new Int32Array(0), new Int32Array(0)))).toMatchObject({ count: 0, modularity: 0 });
    expect(louvain(csrFromTies(3, new Int32Array(0), new Int32Array(0)))).toMatchObject({ count: 3, modularity: 0 });
  });

  describe.each([
    ['5 × 400, 90% inside', 2000, 5, 20, 0.9, 1],
    ['4 × 250, 80% inside', 1000, 4, 16, 0.8, 2],
    ['25 × 40, 85% inside', 1000, 25, 14, 0.85, 4],
  ] as const)('on a planted partition (%s)', (_name, n, k, ties, pin, seed) => {
    const net = planted(n, k, ties, pin, seed);
    it("finds the planted communities, as graphology does, and the ego analysis's bridges and brokerage follow", () => {
      const ours = louvain(csrFromTies(net.n, net.tieA, net.tieB), { seed: 15 });
      const theirs = graphologyPartition(net);
      const truth = Int32Array.from({ length: n }, (_, i) => Math.floor(i / (n / k)));
      expect(samePartition(ours.community, truth)).toBe(true);
      expect(samePartition(theirs.community, truth)).toBe(true);
      expect(ours.modularity).toBeCloseTo(theirs.modularity, 9);
      // The analysis on top: one cluster per planted community, and bridges exactly those alters with two or more
      // ties into each of two planted communities (what the graphology-based analysis gave on the same partition).
      const r = analyseEgo(net);
      expect(r.clusterSizes).toEqual(Array.from({ length: k }, () => n / k));
      const into = new Map<number, number>();
      for (let e = 0; e < net.tieA.length; e++) {
        const a = net.tieA[e]!, b = net.tieB[e]!;
        into.set(a * k + truth[b]!, (into.get(a * k + truth[b]!) ?? 0) + 1);
        into.set(b * k + truth[a]!, (into.get(b * k + truth[a]!) ?? 0) + 1);
      }
      const expected = new Set<number>();
      for (let a = 0; a < n; a++) {
        let strong = 0;
        for (let c = 0; c < k; c++) if ((into.get(a * k + c) ?? 0) >= 2) strong++;
        if (strong >= 2) expected.add(a);
      }
      expect(new Set(r.bridges)).toEqual(expected);
    });
  });

  describe.each(['ego-facebook', 'github-musae'] as const)('on %s', (name) => {
    const { whole, hubEgo } = real(name);
    it.each([
      ['the whole graph', whole],
      ["the biggest hub's ego network", hubEgo],
    ] as const)('reaches graphology’s modularity on %s (within the tolerance)', (_what, net) => {
      const ours = louvain(csrFromTies(net.n, net.tieA, net.tieB), { seed: 15 });
      const theirs = graphologyPartition(net);
      expect(ours.modularity).toBeGreaterThanOrEqual(theirs.modularity - TOLERANCE);
      // Its own figure is the partition's true modularity.
      expect(ours.modularity).toBeCloseTo(modularity(csrFromTies(net.n, net.tieA, net.tieB), ours.community), 12);
    });

    it("leaves the hub's effective size and constraint as they were (they do not depend on the clusters)", () => {
      const r = analyseEgo(hubEgo);
      const snapshot = name === 'ego-facebook' ? { effectiveSize: 993.8038277511962, constraint: 0.0038596019301932157 } : { effectiveSize: 9444.634595051808, constraint: 0.002764081218666235 };
      expect(r.effectiveSize).toBeCloseTo(snapshot.effectiveSize, 9);
      expect(r.constraint).toBeCloseTo(snapshot.constraint, 12);
    });
  });
});
