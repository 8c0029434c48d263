/**
 * The same five queries on graphology, written the way a developer would with its API: neighbour
 * iteration, Sets and Maps. Degrees are a 2-hop ball from the viewer plus a look at each target's
 * neighbours (BFS to depth 3, stopped early); paths meet in the middle (bidirectional BFS, one hop from
 * each end); mutuals intersect neighbour sets. Rankings are simpler than the CSR's (paths are not scored,
 * mutuals are ordered by degree), which only flatters graphology.
 *
 * Graphology keys are strings, so ids are turned into strings once, up front.
 */
import { UndirectedGraph } from 'graphology';
import type { EdgeList } from '../../server/graph/edge-list.ts';
import type { SyncEngine } from './engines.ts';

type Graph = UndirectedGraph;

export function buildGraphology(list: EdgeList): Graph {
  const g = new UndirectedGraph({ allowSelfLoops: false, multi: false });
  for (let u = 0; u < list.n; u++) g.addNode(String(u));
  for (let i = 0; i < list.src.length; i++) {
    const a = list.src[i]!, b = list.dst[i]!;
    if (a !== b) g.mergeEdge(String(a), String(b));
  }
  return g;
}

export function graphologyEngine(g: Graph): SyncEngine {
  const key = (u: number): string => String(u);

  const firstAndSecond = (v: string): { n1: Set<string>; n2: Set<string> } => {
    const n1 = new Set(g.neighbors(v));
    const n2 = new Set<string>();
    for (const x of n1) {
      g.forEachNeighbor(x, (z) => {
        if (z !== v && !n1.has(z)) n2.add(z);
      });
    }
    return { n1, n2 };
  };

  const degreeOf = (v: string, t: string, n1: Set<string>, n2: Set<string>): number | null => {
    if (t === v) return 0;
    if (n1.has(t)) return 1;
    if (n2.has(t)) return 2;
    return g.someNeighbor(t, (y) => n1.has(y) || n2.has(y)) ? 3 : null;
  };

  const mutualIds = (a: string, b: string): string[] => {
    if (a === b) return [];
    const [small, large] = g.degree(a) <= g.degree(b) ? [a, b] : [b, a];
    const out: string[] = [];
    g.forEachNeighbor(small, (z) => {
      if (g.areNeighbors(large, z)) out.push(z);
    });
    return out;
  };

  const topMutuals = (a: string, b: string, limit: number): { count: number; first: string[] } => {
    const all = mutualIds(a, b);
    const first = all.sort((x, y) => g.degree(x) - g.degree(y)).slice(0, limit);
    return { count: all.length, first };
  };

  return {
    secondDegree: (v) => [...firstAndSecond(key(v)).n2],
    degrees: (v, targets) => {
      const vk = key(v);
      const { n1, n2 } = firstAndSecond(vk);
      return targets.map((t) => degreeOf(vk, key(t), n1, n2));
    },
    paths: (v, t) => {
      const vk = key(v), tk = key(t);
      if (vk === tk) return [];
      if (g.areNeighbors(vk, tk)) return [[vk, tk]];
      const nv = new Set(g.neighbors(vk)), nt = new Set(g.neighbors(tk));
      const found: string[][] = [];
      for (const x of nv) if (nt.has(x)) found.push([vk, x, tk]);
      if (found.length === 0) {
        for (const x of nv) {
          g.forEachNeighbor(x, (y) => {
            if (nt.has(y)) found.push([vk, x, y, tk]);
          });
        }
      }
      return found.slice(0, 3);
    },
    mutuals: (a, b) => topMutuals(key(a), key(b), 3),
    pymk: (v) => {
      const vk = key(v);
      const n1 = new Set(g.neighbors(vk));
      const acc = new Map<string, number>();
      const cnt = new Map<string, number>();
      for (const x of n1) {
        const w = 1 / Math.log(Math.max(2, g.degree(x)));
        g.forEachNeighbor(x, (z) => {
          if (z === vk || n1.has(z)) return;
          acc.set(z, (acc.get(z) ?? 0) + w);
          cnt.set(z, (cnt.get(z) ?? 0) + 1);
        });
      }
      const top = [...acc.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20);
      return top.map(([z, score]) => ({ id: z, score, mutualCount: cnt.get(z) ?? 0, mutuals: topMutuals(vk, z, 2).first }));
    },
  };
}
