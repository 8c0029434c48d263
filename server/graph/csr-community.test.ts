import { describe, expect, it } from 'vitest';
import { communityStructureOf, MIN_CLUSTER_SIZE } from './csr-community.ts';
import { CsrGraph } from './csr.ts';
import { CsrGraphIndex } from './csr-index.ts';
import { WorkerGraphIndex } from './worker-index.ts';

function clique(ids: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) out.push([ids[i]!, ids[j]!]);
  return out;
}

describe('the community structure over the CSR', () => {
  // Two cliques of five (1–5, 6–10); 11 ties into two of each (the bridge); 12 does the same but is excluded; 13 has no ties.
  const edges = [...clique([1, 2, 3, 4, 5]), ...clique([6, 7, 8, 9, 10]), [11, 1], [11, 2], [11, 6], [11, 7], [12, 3], [12, 4], [12, 8], [12, 9]] as [number, number][];
  const g = CsrGraph.fromEdges(14, Int32Array.from(edges, (e) => e[0]), Int32Array.from(edges, (e) => e[1]));

  it('finds the planted clusters and the bridge, leaving the excluded member out of everything', () => {
    const s = communityStructureOf(g, Int32Array.from([12]), 15);
    expect(s.clusterSizes.sort()).toEqual([5, 6]);
    expect(s.connections).toBe(20 + 4);
    expect(s.cluster[12]).toBe(-1);
    expect(s.cluster[13]).toBe(-1);
    expect(s.cluster[1]).not.toBe(s.cluster[6]);
    expect(Array.from(s.bridges)).toEqual([11]);
    expect(s.bridgeScores[0]).toBeCloseTo(0.5, 12);
    expect(Array.from(s.bridgeClusters.subarray(s.bridgeClusterOff[0], s.bridgeClusterOff[1]))).toEqual([0, 1]);
    expect(s.modularity).toBeGreaterThan(0.3);
  });

  it('names no cluster below the minimum size and is deterministic', () => {
    const small = CsrGraph.fromEdges(3, Int32Array.from([0]), Int32Array.from([1]));
    expect(MIN_CLUSTER_SIZE).toBeGreaterThan(2);
    expect(communityStructureOf(small, null, 15).clusterSizes).toEqual([]);
    const one = communityStructureOf(g, null, 15), two = communityStructureOf(g, null, 15);
    expect(Array.from(two.cluster)).toEqual(Array.from(one.cluster));
    expect(Array.from(two.bridges)).toEqual(Array.from(one.bridges));
  });

  it('answers in a graph worker exactly as inline', async () => {
    const index = new WorkerGraphIndex(new CsrGraphIndex(g), { size: 1, inlineWork: 0 });
    await index.ready();
    try {
      const remote = await index.communityStructure({ exclude: new Set([12]), seed: 15 });
      const local = communityStructureOf(g, Int32Array.from([12]), 15);
      expect(index.routed.communityStructure).toMatchObject({ pool: 1, fallback: 0 });
      expect(Array.from(remote.cluster)).toEqual(Array.from(local.cluster));
      expect(Array.from(remote.bridges)).toEqual(Array.from(local.bridges));
      expect(remote.modularity).toBe(local.modularity);
    } finally {
      await index.close();
    }
  });
});
