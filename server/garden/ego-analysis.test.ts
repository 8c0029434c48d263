import { describe, expect, it } from 'vitest';
import { CsrGraph } from '../graph/csr.ts';
import { egoStructureOf } from '../graph/csr-ego.ts';
import { analyseEgo, type EgoNetwork } from './ego-analysis.ts';

/** An ego network from local index pairs. */
function network(n: number, ties: [number, number][]): EgoNetwork {
  return { n, tieA: Int32Array.from(ties, ([a, b]) => Math.min(a, b)), tieB: Int32Array.from(ties, ([a, b]) => Math.max(a, b)) };
}

function clique(members: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) out.push([members[i]!, members[j]!]);
  return out;
}

// Two cliques of five (0–4 and 5–9) and alter 10, tied to two members of each: the one bridge between them.
const A = [0, 1, 2, 3, 4], B = [5, 6, 7, 8, 9], X = 10;
const planted = network(11, [...clique(A), ...clique(B), [X, 0], [X, 1], [X, 5], [X, 6]]);

describe('analyseEgo', () => {
  it('finds the two planted cliques and the one bridge between them', () => {
    const r = analyseEgo(planted);
    expect(r.clusterSizes.length).toBe(2);
    const a = r.cluster[0]!, b = r.cluster[5]!;
    expect(a).not.toBe(b);
    for (const i of A) expect(r.cluster[i]).toBe(a);
    for (const i of B) expect(r.cluster[i]).toBe(b);
    expect([a, b]).toContain(r.cluster[X]);
    expect(r.bridges).toEqual([X]);
    // X's four ties split two and two: participation 1 − (½² + ½²) = ½. A clique member tied to X across has less.
    expect(r.bridgeScore[X]).toBeCloseTo(0.5, 12);
    expect(Math.max(...A.map((i) => r.bridgeScore[i]!), ...B.map((i) => r.bridgeScore[i]!))).toBeLessThan(0.5);
  });

  it('is deterministic (seeded)', () => {
    const one = analyseEgo(planted), two = analyseEgo(planted);
    expect(Array.from(two.cluster)).toEqual(Array.from(one.cluster));
    expect(two.bridges).toEqual(one.bridges);
  });

  it("matches hand-computed effective size and constraint (Burt, as networkx's on the ego graph)", () => {
    // Ego with alters 0–3 and ties 0–1, 1–2; alter 3 is tied to ego only. In the ego network d0 = 2, d1 = 3,
    // d2 = 2, d3 = 1 (counting the tie to ego), p_iq = ¼.
    // constraint: (¼ + ¼·⅓)² + (¼ + ¼·½ + ¼·½)² + (¼ + ¼·⅓)² + (¼)² = 1/9 + 1/4 + 1/9 + 1/16 = 0.534722…
    // effective size: n − 2t/n = 4 − 4/4 = 3.
    const r = analyseEgo(network(4, [[0, 1], [1, 2]]));
    expect(r.constraint).toBeCloseTo(1 / 9 + 1 / 4 + 1 / 9 + 1 / 16, 12);
    expect(r.effectiveSize).toBe(3);
    // Alone in their community, 3 is in no cluster; 0–1–2 make one cluster.
    expect(r.cluster[3]).toBe(-1);
  });

  it('gives a closed group constraint above a broker among separate contacts', () => {
    const closed = analyseEgo(network(4, clique([0, 1, 2, 3])));
    const open = analyseEgo(network(4, []));
    // Four separate contacts: 4 × (¼)² = ¼, effective size 4; a clique of four: effective size 4 − 6·2/4 = 1.
    expect(open.constraint).toBeCloseTo(0.25, 12);
    expect(open.effectiveSize).toBe(4);
    expect(closed.effectiveSize).toBe(1);
    expect(closed.constraint).toBeGreaterThan(open.constraint);
    expect(open.clusterSizes).toEqual([]);
    expect(open.bridges).toEqual([]);
  });

  it('handles an empty network', () => {
    const r = analyseEgo(network(0, []));
    expect(r).toMatchObject({ clusterSizes: [], bridges: [], effectiveSize: 0, constraint: 0 });
  });
});

describe('egoStructureOf (CSR)', () => {
  it('reads the ego network off the graph, leaving avoided members out', () => {
    // Ego 20 connected to ids 100 + i for the planted alters; 300 is a stranger tied to alter 100.
    const id = (i: number): number => 100 + i;
    const edges: [number, number][] = [...Array.from({ length: 11 }, (_, i): [number, number] => [20, id(i)]), ...planted.tieA.reduce<[number, number][]>((acc, a, e) => [...acc, [id(a), id(planted.tieB[e]!)]], []), [id(0), 300]];
    const g = CsrGraph.fromEdges(301, Int32Array.from(edges, (e) => e[0]), Int32Array.from(edges, (e) => e[1]));
    const r = egoStructureOf(g, 20);
    expect(Array.from(r.alters)).toEqual(Array.from({ length: 11 }, (_, i) => id(i)));
    expect(r.tieA.length).toBe(planted.tieA.length);
    expect(r.bridges.map((i) => r.alters[i])).toEqual([id(X)]);
    const without = egoStructureOf(g, 20, new Set([id(X)]));
    expect(Array.from(without.alters)).not.toContain(id(X));
    expect(without.bridges).toEqual([]);
    expect(without.clusterSizes).toEqual([5, 5]);
  });
});
