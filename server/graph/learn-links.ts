/**
 * Learning people-you-may-know weights from a community's own history (link-model.ts explains the model),
 * and the ranking that uses them. The same procedure serves the `suggestions.learn` job and the
 * link-prediction benchmark (bench/link-prediction.ts), so what the benchmark measures is what production runs.
 *
 * The split respects time: the most recent tenth of the connections are hidden when the ties carry real
 * dates (the question a member's suggestions answer is "who will I connect with next?"); a random tenth when
 * they do not. Candidates are ranked within a pool: the best few dozen by Adamic–Adar, by resource allocation
 * and by the local path index (cn + 0.01·A³), so the model starts from what the classic scores find and
 * re-orders it, and the work per member stays one walk plus a few dozen feature vectors.
 */
import { CsrGraph } from './csr.ts';
import { TopK } from './csr-topk.ts';
import { type Adjacency, type Attributes, FEATURE_COUNT, type FeatureContext, FeatureScratch, writeFeatures } from './link-features.ts';
import { DEFAULT_MODEL, fitPairwise, type LinkModel, modelScore, PairSet } from './link-model.ts';

export interface Edges {
  n: number;
  src: Int32Array;
  dst: Int32Array;
  /** Index days of each edge (scoring.ts); real dates only when `dated`. */
  days?: Uint16Array;
}

/** Deterministic xorshift32: the same seed gives the same split and sample on every machine. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 0x9e3779b9;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** Each undirected edge once (smaller id first), self-loops dropped, the earliest day kept for duplicates. */
export function dedupe(e: Edges): Edges {
  const seen = new Map<number, number>();
  const src: number[] = [], dst: number[] = [], days: number[] = [];
  for (let i = 0; i < e.src.length; i++) {
    const a = Math.min(e.src[i]!, e.dst[i]!), b = Math.max(e.src[i]!, e.dst[i]!);
    if (a === b) continue;
    const key = a * e.n + b;
    const at = seen.get(key);
    const day = e.days?.[i] ?? 0;
    if (at !== undefined) {
      if (day < days[at]!) days[at] = day;
      continue;
    }
    seen.set(key, src.length);
    src.push(a);
    dst.push(b);
    days.push(day);
  }
  return { n: e.n, src: Int32Array.from(src), dst: Int32Array.from(dst), ...(e.days ? { days: Uint16Array.from(days) } : {}) };
}

export interface Split {
  train: Edges;
  /** Hidden pairs as keys a·n + b (a < b). */
  hidden: Set<number>;
  /** Members who lost at least one connection and kept at least one. */
  lost: number[];
  /** "Now" for recency features: the day of the newest kept connection (null without real dates). */
  nowDay: number | null;
}

export const pairKey = (n: number, a: number, b: number): number => (a < b ? a * n + b : b * n + a);

/** Hides `share` of the (deduplicated) edges: the most recent ones when `dated`, else a seeded random set. */
export function splitEdges(e: Edges, share: number, seed: number, dated: boolean): Split {
  const m = e.src.length;
  const order = Array.from({ length: m }, (_, i) => i);
  if (dated && e.days) {
    const days = e.days;
    order.sort((a, b) => days[a]! - days[b]! || a - b);
  } else {
    const r = rng(seed);
    for (let i = m - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
  }
  const keep = m - Math.round(m * share);
  const hidden = new Set<number>();
  const tsrc = new Int32Array(keep), tdst = new Int32Array(keep), tdays = new Uint16Array(keep);
  let nowDay = 0;
  for (let k = 0; k < m; k++) {
    const i = order[k]!;
    if (k < keep) {
      tsrc[k] = e.src[i]!;
      tdst[k] = e.dst[i]!;
      tdays[k] = e.days?.[i] ?? 0;
      if (tdays[k]! > nowDay) nowDay = tdays[k]!;
    } else hidden.add(pairKey(e.n, e.src[i]!, e.dst[i]!));
  }
  const deg = new Int32Array(e.n);
  for (let k = 0; k < keep; k++) {
    deg[tsrc[k]!]!++;
    deg[tdst[k]!]!++;
  }
  const lostSet = new Set<number>();
  for (let k = keep; k < m; k++) {
    const i = order[k]!;
    for (const u of [e.src[i]!, e.dst[i]!]) if (deg[u]! > 0) lostSet.add(u);
  }
  const lost = [...lostSet].sort((a, b) => a - b);
  return { train: { n: e.n, src: tsrc, dst: tdst, days: tdays }, hidden, lost, nowDay: dated ? nowDay : null };
}

/** A seeded sample of `k` items (all of them when there are fewer), in ascending order. */
export function sample(items: readonly number[], k: number, seed: number): number[] {
  if (items.length <= k) return [...items];
  const r = rng(seed);
  const a = [...items];
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(r() * (a.length - i));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, k).sort((x, y) => x - y);
}

export const graphOf = (e: Edges): CsrGraph => CsrGraph.fromEdges(e.n, e.src, e.dst, e.days ?? new Uint16Array(e.src.length));

/** Candidates for the model: the union of the top `size` by Adamic–Adar, resource allocation and local path index. */
export const POOL_SIZE = 50;
export const LPI_EPSILON = 0.01;

/** The pool of the last `s.walk(g, v)` (ascending ids). */
export function pool(s: FeatureScratch, size = POOL_SIZE): number[] {
  const byAa = new TopK(size), byRa = new TopK(size), byLpi = new TopK(size);
  for (const c of s.candidates()) {
    if (s.cn[c]! > 0) {
      byAa.offer(c, s.aa[c]!);
      byRa.offer(c, s.ra[c]!);
    }
    byLpi.offer(c, s.cn[c]! + LPI_EPSILON * s.p3[c]!);
  }
  return [...new Set([...byAa.ids, ...byRa.ids, ...byLpi.ids])].sort((a, b) => a - b);
}

export interface Ranked {
  ids: number[];
  scores: number[];
  /** Feature vectors of `ids`, FEATURE_COUNT numbers each, in the same order. */
  features: Float64Array;
}

/** The viewer's pool ranked by the model, best first (ties on the smaller id); walks the scratch itself. */
export function rankByModel(s: FeatureScratch, g: Adjacency, v: number, model: LinkModel, ctx: FeatureContext, hubCutoff = Infinity): Ranked {
  s.walk(g, v, { maxDegree: hubCutoff });
  const ids = pool(s);
  const f = new Float64Array(ids.length * FEATURE_COUNT);
  ids.forEach((c, i) => writeFeatures(s, g, v, c, ctx, f, i * FEATURE_COUNT));
  const order = ids.map((id, i) => ({ id, i, score: modelScore(model, f, i * FEATURE_COUNT) })).sort((a, b) => b.score - a.score || a.id - b.id);
  const features = new Float64Array(f.length);
  order.forEach((o, k) => features.set(f.subarray(o.i * FEATURE_COUNT, (o.i + 1) * FEATURE_COUNT), k * FEATURE_COUNT));
  return { ids: order.map((o) => o.id), scores: order.map((o) => o.score), features };
}

export interface LearnOptions {
  /** Whether the edges' days are real connection dates (time-respecting split and recency features). */
  dated: boolean;
  attrs?: Attributes;
  seed?: number;
  /** Share of connections hidden to learn from. */
  holdout?: number;
  /** Members sampled among those who lost a connection. */
  members?: number;
  /** Negatives paired with each hidden connection found in a pool. */
  negativesPerPositive?: number;
  hubCutoff?: number;
}

export interface Learned {
  model: LinkModel;
  /** Hidden connections found in the sampled members' pools (the evidence). */
  positives: number;
  pairs: number;
  members: number;
}

/** Below this many positives the defaults stand: too little history to learn a dozen weights from. */
export const MIN_POSITIVES = 50;

/** Learns the model from a community's connections (see the file comment); deterministic for a seed. */
export function learnLinkModel(edges: Edges, opts: LearnOptions): Learned {
  const seed = opts.seed ?? 1;
  const e = dedupe(edges);
  const split = splitEdges(e, opts.holdout ?? 0.1, seed, opts.dated);
  const g = graphOf(split.train);
  const members = sample(split.lost, opts.members ?? 2000, seed + 1);
  const s = new FeatureScratch(e.n);
  const ctx: FeatureContext = { nowDay: split.nowDay, ...(opts.attrs ? { attrs: opts.attrs } : {}) };
  const pairs = new PairSet();
  const r = rng(seed + 2);
  const perPos = opts.negativesPerPositive ?? 10;
  let positives = 0;
  for (const v of members) {
    const ranked = rankByModel(s, g, v, DEFAULT_MODEL, ctx, opts.hubCutoff);
    const pos: number[] = [], neg: number[] = [];
    ranked.ids.forEach((c, i) => (split.hidden.has(pairKey(e.n, v, c)) ? pos : neg).push(i * FEATURE_COUNT));
    positives += pos.length;
    if (neg.length === 0) continue;
    for (const p of pos) for (let k = 0; k < perPos; k++) pairs.add(ranked.features, p, neg[Math.floor(r() * neg.length)]!);
  }
  if (positives < MIN_POSITIVES) return { model: DEFAULT_MODEL, positives, pairs: pairs.count, members: members.length };
  return { model: { weights: fitPairwise(pairs), learned: true }, positives, pairs: pairs.count, members: members.length };
}
