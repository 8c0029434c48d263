/**
 * A deterministic synthetic professional network for the graph benchmarks: power-law degrees (Pareto tail,
 * exponent ≈ 2.6), communities of power-law sizes with most edges inside them, a few open-networker hubs
 * with ≥ 5,000 connections, and connection dates over 2005–2025. Chung–Lu style: each member draws half its
 * target degree in partners, chosen in proportion to degree (uniform over "stubs"), inside its community
 * with probability 0.85. Ids are shuffled at the end so communities are not contiguous in memory.
 */

export interface GeneratedGraph {
  n: number;
  src: Int32Array;
  dst: Int32Array;
  days: Uint16Array;
  hubs: number[];
}

export interface GenerateOptions {
  avgDegree?: number;
  seed?: number;
  hubs?: number;
  /** Pareto tail index of the degree distribution (P(deg > x) ∝ x^-alpha). */
  alpha?: number;
  maxDegree?: number;
  intraCommunity?: number;
}

/** xorshift128+ reduced to 32-bit outputs: fast and deterministic. */
export function makeRandom(seed: number): () => number {
  let s0 = (seed * 2654435761) >>> 0 || 1, s1 = (seed ^ 0x9e3779b9) >>> 0 || 2, s2 = 0x85ebca6b, s3 = 0xc2b2ae35;
  return () => {
    const t = s0 ^ (s0 << 11);
    s0 = s1;
    s1 = s2;
    s2 = s3;
    s3 = (s3 ^ (s3 >>> 19) ^ t ^ (t >>> 8)) >>> 0;
    return s3 / 4294967296;
  };
}

export function generateGraph(n: number, opts: GenerateOptions = {}): GeneratedGraph {
  const avg = opts.avgDegree ?? 100, alpha = opts.alpha ?? 1.6, pIntra = opts.intraCommunity ?? 0.85;
  const maxDegree = opts.maxDegree ?? Math.min(20_000, Math.max(50, n >> 4));
  const rand = makeRandom(opts.seed ?? 1);
  // Degrees: Pareto with the scale solved (bisection) so the capped mean is avg.
  const raw = new Float64Array(n);
  for (let i = 0; i < n; i++) raw[i] = Math.pow(1 - rand(), -1 / alpha);
  let lo = 1, hi = avg;
  for (let it = 0; it < 40; it++) {
    const mid = (lo + hi) / 2;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += Math.min(maxDegree, mid * raw[i]!);
    if (sum / n < avg) lo = mid;
    else hi = mid;
  }
  const deg = new Int32Array(n);
  for (let i = 0; i < n; i++) deg[i] = Math.max(1, Math.round(Math.min(maxDegree, lo * raw[i]!)));
  const hubCount = opts.hubs ?? (n >= 100_000 ? 12 : 0);
  const hubs: number[] = [];
  for (let h = 0; h < hubCount; h++) {
    const u = Math.floor(rand() * n);
    deg[u] = 6_000 + Math.floor(rand() * 14_000);
    hubs.push(u);
  }
  // Communities over consecutive (pre-shuffle) ids, sizes Pareto between 50 and 20,000.
  const comm = new Int32Array(n);
  const commStart: number[] = [];
  for (let u = 0, c = 0; u < n; c++) {
    const size = Math.min(20_000, Math.round(50 * Math.pow(1 - rand(), -1 / 1.1)));
    commStart.push(u);
    const end = Math.min(n, u + size);
    for (; u < end; u++) comm[u] = c;
  }
  commStart.push(n);
  // Stubs: member u appears deg[u] times; a community's stubs are contiguous.
  const stubStart = new Float64Array(n + 1);
  for (let u = 0; u < n; u++) stubStart[u + 1] = stubStart[u]! + deg[u]!;
  const totalStubs = stubStart[n]!;
  const stubs = new Int32Array(totalStubs);
  for (let u = 0, p = 0; u < n; u++) for (let k = 0; k < deg[u]!; k++) stubs[p++] = u;
  let m = 0;
  // Each member draws ~0.65 × its degree: about a quarter of the draws are lost as duplicates within
  // communities, which leaves the average degree near the target.
  const draws = (u: number): number => Math.max(1, Math.round(deg[u]! * 0.65));
  for (let u = 0; u < n; u++) m += draws(u);
  const src = new Int32Array(m), dst = new Int32Array(m), days = new Uint16Array(m);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  let e = 0;
  for (let u = 0; u < n; u++) {
    const c = comm[u]!;
    const cs = stubStart[commStart[c]!]!, ce = stubStart[commStart[c + 1]!]!;
    const intra = deg[u]! < (ce - cs) / 8 ? pIntra : 0.3;
    for (let k = draws(u); k > 0; k--) {
      const w = rand() < intra ? stubs[cs + Math.floor(rand() * (ce - cs))]! : stubs[Math.floor(rand() * totalStubs)]!;
      src[e] = perm[u]!;
      dst[e] = perm[w]!;
      // Days since 2000: 2005–2025, skewed toward recent years.
      days[e] = 1826 + Math.floor(Math.sqrt(rand()) * 7300);
      e++;
    }
  }
  return { n, src, dst, days, hubs: hubs.map((h) => perm[h]!) };
}
