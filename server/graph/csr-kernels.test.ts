/**
 * The CSR ranking kernels against plain references on random graphs: introduction paths (every shortest
 * path of at most 3 hops scored with scoring.ts and sorted), mutuals (every common member ranked by
 * relevance) and the bitset-side mutual count of a tie. The references share no code with the kernels
 * beyond the formulas.
 * Graphs have skewed degrees (a few hubs joined to a large share of the members), so the gallop, the
 * near-side counts of the enumeration and the bounds are all exercised, on a built base and on an overlay.
 */
import { describe, expect, it } from 'vitest';
import { BfsReference } from './bfs-reference.ts';
import { CsrGraph } from './csr.ts';
import { countCommonMarked } from './csr-intersect.ts';
import { CsrQueries } from './csr-queries.ts';
import { comparePaths, mutualRelevance, pathScore } from './scoring.ts';
import { seededRandom } from '../../common/seeded-random.ts';

const NOW_DAY = 9000;

const rng = seededRandom;

interface RandomGraph {
  n: number;
  ref: BfsReference;
  day: Map<string, number>;
  src: Int32Array;
  dst: Int32Array;
  days: Uint16Array;
}

const key = (a: number, b: number): string => (a < b ? `${a},${b}` : `${b},${a}`);

/** n members, a sparse random background, and `hubs` members each joined to about a third of everyone. */
function randomGraph(seed: number, n: number, edges: number, hubs: number): RandomGraph {
  const rand = rng(seed);
  const ref = new BfsReference(n);
  const day = new Map<string, number>();
  const add = (a: number, b: number): void => {
    if (a === b || day.has(key(a, b))) return;
    ref.add(a, b);
    // Days around "now", a few after it (recency clamps those to 1).
    day.set(key(a, b), 1800 + Math.floor(rand() * 7400));
  };
  for (let i = 0; i < edges; i++) add(Math.floor(rand() * n), Math.floor(rand() * n));
  for (let h = 0; h < hubs; h++) for (let u = 0; u < n; u++) if (rand() < 0.35) add(h, u);
  const pairs = [...day.keys()].map((k) => k.split(',').map(Number) as [number, number]);
  return {
    n,
    ref,
    day,
    src: Int32Array.from(pairs, (p) => p[0]),
    dst: Int32Array.from(pairs, (p) => p[1]),
    days: Uint16Array.from(pairs, (p) => day.get(key(p[0], p[1]))!),
  };
}

/** The graph built from 80% of the edges, the rest added through the overlay: both row kinds in play. */
function buildCsr(r: RandomGraph, overlay: boolean): CsrGraph {
  if (!overlay) return CsrGraph.fromEdges(r.n, r.src, r.dst, r.days);
  const cut = Math.floor(r.src.length * 0.8);
  const g = CsrGraph.fromEdges(r.n, r.src.subarray(0, cut), r.dst.subarray(0, cut), r.days.subarray(0, cut));
  for (let i = cut; i < r.src.length; i++) g.addConnection(r.src[i]!, r.dst[i]!, Date.UTC(2000, 0, 1) + r.days[i]! * 86_400_000);
  return g;
}

/** Every shortest path of at most 3 hops avoiding `avoid`, scored exactly as the product does, best k. */
function referencePaths(r: RandomGraph, v: number, t: number, k: number, avoid: ReadonlySet<number>, act: ArrayLike<number> | null): number[][] {
  const adj = r.ref.adj;
  if (v === t || avoid.has(v) || avoid.has(t)) return [];
  if (adj[v]!.has(t)) return [[v, t]];
  let found: number[][] = [];
  for (const x of adj[v]!) if (!avoid.has(x) && adj[x]!.has(t)) found.push([v, x, t]);
  if (found.length === 0) {
    for (const x of adj[v]!) {
      if (avoid.has(x)) continue;
      for (const y of adj[x]!) if (y !== v && !avoid.has(y) && adj[y]!.has(t)) found.push([v, x, y, t]);
    }
  }
  const scored = found.map((nodes) => {
    const hops = nodes.slice(1).map((w, i) => [nodes[i]!, w] as const);
    const score = pathScore(nodes, hops.map(([a, b]) => r.ref.mutualCount(a, b)), hops.map(([a, b]) => r.day.get(key(a, b))!), NOW_DAY, act);
    return { nodes, score };
  });
  found = scored.sort(comparePaths).slice(0, k).map((p) => p.nodes);
  return found;
}

/** The common members of a and b (avoided ones left out), ranked by relevance, best `limit`. */
function referenceMutuals(r: RandomGraph, a: number, b: number, limit: number, avoid: ReadonlySet<number>): { count: number; first: number[] } {
  const adj = r.ref.adj;
  if (a === b) return { count: 0, first: [] };
  const common = [...adj[a]!].filter((z) => !avoid.has(z) && adj[b]!.has(z));
  const ranked = common
    .map((z) => ({ z, s: mutualRelevance(adj[z]!.size, r.day.get(key(a, z))!, r.day.get(key(b, z))!, NOW_DAY) }))
    .sort((p, q) => q.s - p.s || p.z - q.z);
  return { count: common.length, first: ranked.slice(0, limit).map((p) => p.z) };
}

describe('CSR ranking kernels against references on random graphs', () => {
  const cases = [
    { seed: 1, n: 160, edges: 420, hubs: 3 },
    { seed: 2, n: 400, edges: 700, hubs: 2 },
    { seed: 3, n: 250, edges: 1500, hubs: 4 },
  ];

  for (const c of cases) {
    for (const overlay of [false, true]) {
      it(`paths equal every shortest path scored and sorted (seed ${c.seed}, ${overlay ? 'with overlay' : 'base only'})`, () => {
        const r = randomGraph(c.seed, c.n, c.edges, c.hubs);
        const q = new CsrQueries(buildCsr(r, overlay));
        const rand = rng(c.seed * 31);
        const act = Float64Array.from({ length: c.n }, () => rand());
        let nonEmpty = 0;
        for (let i = 0; i < 150; i++) {
          const v = Math.floor(rand() * c.n), t = Math.floor(rand() * c.n), k = 1 + Math.floor(rand() * 4);
          const avoid = new Set<number>(i % 3 === 0 ? [Math.floor(rand() * c.n), Math.floor(rand() * c.hubs)] : []);
          q.activity = i % 2 === 0 ? act : null;
          const got = q.paths(v, t, k, avoid, NOW_DAY);
          expect(got, `paths(${v}, ${t}, ${k})`).toEqual(referencePaths(r, v, t, k, avoid, q.activity));
          if (got.length > 0) nonEmpty++;
        }
        expect(nonEmpty).toBeGreaterThan(50);
      });

      it(`mutuals equal every common member ranked by relevance (seed ${c.seed}, ${overlay ? 'with overlay' : 'base only'})`, () => {
        const r = randomGraph(c.seed, c.n, c.edges, c.hubs);
        const q = new CsrQueries(buildCsr(r, overlay));
        const rand = rng(c.seed * 17);
        for (let i = 0; i < 200; i++) {
          // Half the pairs between hubs and others, where the counts run into the dozens.
          const a = i % 2 === 0 ? Math.floor(rand() * c.hubs) : Math.floor(rand() * c.n), b = Math.floor(rand() * c.n);
          const limit = [1, 3, 10][i % 3]!;
          const avoid = new Set<number>(i % 4 === 0 ? [Math.floor(rand() * c.n), Math.floor(rand() * c.n)] : []);
          expect(q.mutuals(a, b, limit, avoid, NOW_DAY), `mutuals(${a}, ${b}, ${limit})`).toEqual(referenceMutuals(r, a, b, limit, avoid));
        }
      });
    }
  }

  it('countCommonMarked equals the set intersection, scanning or galloping', () => {
    const r = randomGraph(7, 300, 900, 3);
    const g = buildCsr(r, true);
    const q = new CsrQueries(g);
    const s = q.scratch;
    s.begin(undefined);
    for (let w = 0; w < r.n; w++) {
      s.markRow(w, s.bitsA, false);
      for (let u = 0; u < r.n; u += 7) expect(countCommonMarked(g, u, w, s.bitsA), `|N(${u}) ∩ N(${w})|`).toBe(u === w ? g.degree(w) : r.ref.mutualCount(u, w));
      s.unmarkRow(w, s.bitsA);
    }
    s.end();
  });
});
