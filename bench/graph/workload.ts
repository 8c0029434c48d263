/**
 * The inputs every engine answers in one run: the same random viewers, badge targets, path targets,
 * mutual pairs and hub viewers, so CSR, SQL and graphology times compare query for query.
 */
import type { CsrGraph } from '../../server/graph/csr.ts';
import { makeRandom } from './generate.ts';

export interface Workload {
  viewers: number[];
  badges: { v: number; targets: number[] }[];
  paths: { v: number; t: number }[];
  /** Pairs two hops apart (a friend of a friend), so most have mutuals. */
  mutuals: { v: number; t: number }[];
  /** Untimed warm-up inputs of each kind. */
  warm: Pick<Workload, 'viewers' | 'badges' | 'paths' | 'mutuals'>;
  /** Members with ≥ hubMinDegree connections (or the top 20 by degree when there are none). */
  hubs: number[];
  hubMinDegree: number;
  /** True when the graph has members with ≥ 5,000 connections; false for the top-by-degree fallback. */
  hubsReachTarget: boolean;
  /** Hub-viewer inputs, cycling over the hubs. */
  hub: { viewers: number[]; badges: { v: number; targets: number[] }[]; paths: { v: number; t: number }[]; mutuals: { v: number; t: number }[] };
}

export const HUB_DEGREE = 5000;

export function makeWorkload(g: CsrGraph, viewers: number, warmup: number, hubSamples = 400, seed = 42): Workload {
  const rand = makeRandom(seed);
  const anyMember = (): number => {
    for (;;) {
      const v = Math.floor(rand() * g.n);
      if (g.degree(v) > 0) return v;
    }
  };
  const neighbourOf = (v: number): number => g.rowArr(v)[g.rowLo(v) + Math.floor(rand() * g.degree(v))]!;
  const target = (): number => Math.floor(rand() * g.n);
  const inputs = (vs: number[]) => ({
    viewers: vs,
    badges: vs.map((v) => ({ v, targets: Array.from({ length: 50 }, target) })),
    paths: vs.map((v) => ({ v, t: target() })),
    mutuals: vs.map((v) => ({ v, t: neighbourOf(neighbourOf(v)) })),
  });
  const main = inputs(Array.from({ length: viewers }, anyMember));
  const warm = inputs(Array.from({ length: warmup }, anyMember));

  let hubs: number[] = [];
  for (let u = 0; u < g.n; u++) if (g.degree(u) >= HUB_DEGREE) hubs.push(u);
  const hubsReachTarget = hubs.length > 0;
  if (!hubsReachTarget) {
    const byDegree = Array.from({ length: g.n }, (_, u) => u).sort((a, b) => g.degree(b) - g.degree(a));
    hubs = byDegree.slice(0, 20).filter((u) => g.degree(u) > 0);
  }
  // At most 64 distinct hubs, spread over the degree range (every hub counts, not just the biggest).
  if (hubs.length > 64) hubs = Array.from({ length: 64 }, (_, i) => hubs[Math.floor((i * hubs.length) / 64)]!);
  const hubViewers = hubs.length ? Array.from({ length: hubSamples }, (_, i) => hubs[i % hubs.length]!) : [];
  return {
    ...main,
    warm,
    hubs,
    hubMinDegree: hubs.length ? Math.min(...hubs.map((h) => g.degree(h))) : 0,
    hubsReachTarget,
    hub: inputs(hubViewers),
  };
}

/** The first k inputs of each kind (and hk hub inputs), for slower engines that run fewer viewers. */
export function sliceWorkload(w: Workload, k: number, hk: number, warm = 20): Workload {
  const cut = <T>(xs: T[], m: number): T[] => xs.slice(0, m);
  return {
    viewers: cut(w.viewers, k),
    badges: cut(w.badges, k),
    paths: cut(w.paths, k),
    mutuals: cut(w.mutuals, k),
    warm: { viewers: cut(w.warm.viewers, warm), badges: cut(w.warm.badges, warm), paths: cut(w.warm.paths, warm), mutuals: cut(w.warm.mutuals, warm) },
    hubs: w.hubs,
    hubMinDegree: w.hubMinDegree,
    hubsReachTarget: w.hubsReachTarget,
    hub: { viewers: cut(w.hub.viewers, hk), badges: cut(w.hub.badges, hk), paths: cut(w.hub.paths, hk), mutuals: cut(w.hub.mutuals, hk) },
  };
}
