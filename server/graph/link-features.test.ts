import { describe, expect, it } from 'vitest';
import { CsrGraph } from './csr.ts';
import { FEATURE_COUNT, FeatureScratch, writeFeatures } from './link-features.ts';
import { DEFAULT_MODEL, fitPairwise, modelScore, PairSet } from './link-model.ts';
import { dedupe, learnLinkModel, splitEdges } from './learn-links.ts';

/** Builds a graph from pairs (each once). */
function graph(n: number, pairs: [number, number][], days?: number[]): CsrGraph {
  return CsrGraph.fromEdges(n, Int32Array.from(pairs, (p) => p[0]), Int32Array.from(pairs, (p) => p[1]), days ? Uint16Array.from(days) : undefined);
}

describe('link features', () => {
  // 0–1, 0–2, 1–3, 2–3, 3–4, 1–5: from 0, member 3 is two hops away twice, 4 three hops away (0–1–3–4, 0–2–3–4),
  // 5 two hops away once.
  const g = graph(6, [[0, 1], [0, 2], [1, 3], [2, 3], [3, 4], [1, 5]]);

  it('counts 2- and 3-hop paths with their Adamic–Adar and resource-allocation weights', () => {
    const s = new FeatureScratch(g.n);
    s.walk(g, 0);
    expect(s.candidates().sort()).toEqual([3, 4, 5]);
    expect([s.cn[3], s.cn[4], s.cn[5]]).toEqual([2, 0, 1]);
    // deg 1 = 3, deg 2 = 2: AA = 1/ln 3 + 1/ln 2, RA = 1/3 + 1/2.
    expect(s.aa[3]).toBeCloseTo(1 / Math.log(3) + 1 / Math.log(2), 12);
    expect(s.ra[3]).toBeCloseTo(1 / 3 + 1 / 2, 12);
    expect(s.p3[4]).toBe(2);
    // Σ over v–x–y–c of 1/(deg x · deg y): (1/3 + 1/2) / deg 3 (= 3).
    expect(s.ra3[4]).toBeCloseTo((1 / 3 + 1 / 2) / 3, 12);
  });

  it('never walks through or returns an avoided member, and a second walk forgets the first', () => {
    const s = new FeatureScratch(g.n);
    s.walk(g, 0, { avoid: new Set([1]) });
    expect(s.candidates().sort()).toEqual([3, 4]);
    expect(s.cn[3]).toBe(1);
    s.walk(g, 5);
    expect(s.candidates().sort()).toEqual([0, 3, 2, 4].sort());
    expect(s.cn[0]).toBe(1);
    s.walk(g, 0);
    expect(s.candidates().sort()).toEqual([3, 4, 5]);
  });

  it('writes log-scaled features, and recency ones only when days are real', () => {
    const dated = graph(6, [[0, 1], [0, 2], [1, 3], [2, 3], [3, 4], [1, 5]], [100, 100, 200, 100, 100, 100]);
    const s = new FeatureScratch(dated.n);
    s.walk(dated, 0);
    const f = new Float64Array(FEATURE_COUNT);
    writeFeatures(s, dated, 0, 3, { nowDay: null }, f, 0);
    expect(f[0]).toBeCloseTo(Math.log1p(2), 12);
    expect(f[7]).toBe(0);
    writeFeatures(s, dated, 0, 3, { nowDay: 130 }, f, 0);
    // Newest path 0–1–3 dates from its older tie (day 100): 30 days before "now".
    expect(f[7]).toBeCloseTo(0.5, 12);
    expect(modelScore(DEFAULT_MODEL, f)).toBeCloseTo(f[1]! + 0.01 * f[3]!, 12);
  });
});

describe('the learner', () => {
  it('fits weights that put the feature telling connected from unconnected first', () => {
    // Feature 2 separates every pair; feature 0 is noise around 0.
    const pairs = new PairSet();
    const f = new Float64Array(2 * FEATURE_COUNT);
    for (let k = 0; k < 200; k++) {
      f.fill(0);
      f[0] = k % 2 ? 1 : -1;
      f[2] = 1 + (k % 3);
      pairs.add(f, 0, FEATURE_COUNT);
    }
    const w = fitPairwise(pairs);
    expect(w[2]).toBeGreaterThan(0);
    expect(Math.abs(w[0]!)).toBeLessThan(0.1);
    expect(w.filter((_, i) => i !== 0 && i !== 2).every((x) => x === 0)).toBe(true);
  });

  it('hides the most recent ties when dated, and is deterministic for a seed', () => {
    const n = 400;
    const src: number[] = [], dst: number[] = [], days: number[] = [];
    // Planted communities of 20: dense inside, new ties (later days) close triangles inside them.
    let s = 7;
    const r = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let c = 0; c < n / 20; c++) {
      for (let i = 0; i < 20; i++)
        for (let j = i + 1; j < 20; j++)
          if (r() < 0.35) {
            src.push(c * 20 + i);
            dst.push(c * 20 + j);
            days.push(1000 + Math.floor(r() * 1000));
          }
    }
    for (let k = 0; k < 200; k++) {
      src.push(Math.floor(r() * n));
      dst.push(Math.floor(r() * n));
      days.push(1000 + Math.floor(r() * 1000));
    }
    const edges = dedupe({ n, src: Int32Array.from(src), dst: Int32Array.from(dst), days: Uint16Array.from(days) });
    const split = splitEdges(edges, 0.1, 1, true);
    const kept = Math.max(...split.train.days!);
    for (const key of split.hidden) {
      const a = Math.floor(key / n), b = key % n;
      const i = [...edges.src].findIndex((x, k) => x === a && edges.dst[k] === b);
      expect(edges.days![i]).toBeGreaterThanOrEqual(kept);
    }
    const one = learnLinkModel(edges, { dated: true, seed: 3 });
    const two = learnLinkModel(edges, { dated: true, seed: 3 });
    expect(one).toEqual(two);
    expect(one.model.learned).toBe(true);
    // Common neighbours tell who closes a triangle next in a planted community.
    expect(one.model.weights[0]! + one.model.weights[1]! + one.model.weights[2]!).toBeGreaterThan(0);
  });

  it('keeps the defaults when there is too little history', () => {
    const edges = { n: 4, src: Int32Array.from([0, 1, 2]), dst: Int32Array.from([1, 2, 3]), days: Uint16Array.from([1, 2, 3]) };
    expect(learnLinkModel(edges, { dated: true }).model).toEqual(DEFAULT_MODEL);
  });
});
