/**
 * Link-prediction features for people you may know: for one viewer v, every member within three hops who is
 * not v's connection, with the path counts that predict a future connection.
 *
 *   cn   = A²[v,c]                       common neighbours (2-hop paths)
 *   aa   = Σ_z 1/ln deg z                 Adamic–Adar over the common neighbours z
 *   ra   = Σ_z 1/deg z                    resource allocation
 *   p3   = A³[v,c]                        3-hop walks (the local path index is cn + ε·p3; truncated Katz at
 *                                         length 3 ranks the same way with ε = β, since A[v,c] = 0 here)
 *   ra3  = Σ_{v–x–y–c} 1/(deg x · deg y)  resource allocation along 3-hop paths (a path through hubs tells little)
 *   fresh = the newest day among the 2-hop paths, each path dated by its older tie (recent triadic closure)
 *
 * Why 3 hops: two people who share no connection yet, or only one, but are tied by many short chains sit in the
 * same region of the graph; 2-hop scores are blind to them, and among 2-hop candidates they separate ties that
 * Adamic–Adar scores equally. Lü, Jin and Zhou ("Similarity index based on local paths", Phys. Rev. E 2009)
 * show the local path index beating Adamic–Adar on most real networks at a small extra cost.
 *
 * Cost: pass 1 visits Σ deg x over v's connections x (the friends-of-friends walk people you may know already
 * does); pass 2 visits Σ deg y over the 2-hop set. An optional `hubCutoff` leaves members of larger degree out
 * of the third hop (they add many weak walks and most of the work), so a walk from an open networker stays bounded.
 */

/** The read side of the graph this needs: CsrGraph satisfies it (rows sorted ascending). */
export interface Adjacency {
  readonly n: number;
  degree(u: number): number;
  rowArr(u: number): Int32Array;
  rowDays(u: number): Uint16Array;
  rowLo(u: number): number;
  rowHi(u: number): number;
}

/** Per-member accumulators, reused across viewers: allocate one per thread and graph size. */
export class FeatureScratch {
  readonly cn: Int32Array;
  readonly aa: Float64Array;
  readonly ra: Float64Array;
  readonly p3: Float64Array;
  readonly ra3: Float64Array;
  readonly fresh: Int32Array;
  /** 1 for v and v's connections (never candidates), 0 otherwise. */
  readonly skip: Uint8Array;
  /** Discovery order: members touched at step 2, then the candidates found only at step 3. */
  readonly seen: Int32Array;
  readonly seenAt: Uint8Array;
  seenCount = 0;
  /** The 2-hop set's end in `seen` (its members, including v's connections reached in two hops). */
  twoHopCount = 0;
  constructor(readonly n: number) {
    this.cn = new Int32Array(n);
    this.aa = new Float64Array(n);
    this.ra = new Float64Array(n);
    this.p3 = new Float64Array(n);
    this.ra3 = new Float64Array(n);
    this.fresh = new Int32Array(n).fill(-1);
    this.skip = new Uint8Array(n);
    this.seen = new Int32Array(n);
    this.seenAt = new Uint8Array(n);
  }
  private touch(u: number): void {
    if (this.seenAt[u] === 0) {
      this.seenAt[u] = 1;
      this.seen[this.seenCount++] = u;
    }
  }
  /** Members whose `skip` the last walk set (the viewer, their connections, the avoided): cleared from this list, not from the rows, which may have changed since. */
  private readonly marked: number[] = [];
  /** Clears only what the last walk touched. */
  reset(): void {
    for (let i = 0; i < this.seenCount; i++) {
      const u = this.seen[i]!;
      this.cn[u] = 0;
      this.aa[u] = 0;
      this.ra[u] = 0;
      this.p3[u] = 0;
      this.ra3[u] = 0;
      this.fresh[u] = -1;
      this.seenAt[u] = 0;
    }
    this.seenCount = 0;
    this.twoHopCount = 0;
    for (const u of this.marked) this.skip[u] = 0;
    this.marked.length = 0;
  }
  /**
   * Runs both passes from v (see the file comment), first clearing what the last walk left. Avoided members
   * (blocks either way) are neither intermediaries nor candidates. `work` bounds the edge visits: pass 1
   * expands v's connections up to `maxDegree` (fof-budget.ts picks it), pass 2 stops once the budget is spent.
   */
  walk(g: Adjacency, v: number, opts: { avoid?: ReadonlySet<number>; maxDegree?: number; work?: number } = {}): void {
    this.reset();
    if (!(v >= 0 && v < g.n) || g.n > this.n) return;
    const { cn, aa, ra, p3, ra3, fresh, skip, marked } = this;
    // 2 marks an avoided member: never walked through, never a candidate.
    if (opts.avoid) {
      for (const a of opts.avoid) {
        if (a >= 0 && a < this.n && (a | 0) === a && a !== v) {
          skip[a] = 2;
          marked.push(a);
        }
      }
    }
    skip[v] = 1;
    marked.push(v);
    const varr = g.rowArr(v), vdays = g.rowDays(v);
    const vlo = g.rowLo(v), vhi = g.rowHi(v);
    for (let p = vlo; p < vhi; p++) {
      const x = varr[p]!;
      if (skip[x] === 0) {
        skip[x] = 1;
        marked.push(x);
      }
    }
    const maxDegree = opts.maxDegree ?? Infinity;
    let budget = opts.work ?? Infinity;
    // Pass 1: 2-hop paths v–x–y.
    for (let p = vlo; p < vhi; p++) {
      const x = varr[p]!;
      const dx = g.degree(x);
      if (skip[x] === 2 || dx > maxDegree) continue;
      const waa = 1 / Math.log(dx > 2 ? dx : 2), wra = 1 / dx;
      const dvx = vdays[p]!;
      const arr = g.rowArr(x), days = g.rowDays(x);
      for (let q = g.rowLo(x), e = g.rowHi(x); q < e; q++) {
        const y = arr[q]!;
        if (y === v || skip[y] === 2) continue;
        this.touch(y);
        cn[y]!++;
        aa[y]! += waa;
        ra[y]! += wra;
        const d = days[q]! < dvx ? days[q]! : dvx;
        if (d > fresh[y]!) fresh[y] = d;
      }
    }
    this.twoHopCount = this.seenCount;
    // Pass 2: extend every 2-hop walk v–x–y by one tie y–c. A 2-hop walk count of y is cn[y]; its
    // resource-allocation weight along the way is ra[y] (Σ 1/deg x), divided by deg y at the next step.
    for (let i = 0; i < this.twoHopCount && budget > 0; i++) {
      const y = this.seen[i]!;
      const dy = g.degree(y);
      if (dy > maxDegree) continue;
      budget -= dy;
      const walks = cn[y]!, w3 = ra[y]! / dy;
      const arr = g.rowArr(y);
      for (let q = g.rowLo(y), e = g.rowHi(y); q < e; q++) {
        const c = arr[q]!;
        if (skip[c] !== 0) continue;
        this.touch(c);
        p3[c]! += walks;
        ra3[c]! += w3;
      }
    }
  }
  /** The candidates of the last walk: touched members that are neither v nor v's connections. */
  candidates(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.seenCount; i++) {
      const u = this.seen[i]!;
      if (this.skip[u] === 0) out.push(u);
    }
    return out;
  }
}

/** Optional member attributes a community may have (organisation, place); absent ones give 0 features. */
export interface Attributes {
  /** Organisation ids of each member (current and past employers and schools), sorted ascending. */
  orgs?: readonly (readonly number[] | undefined)[];
  /** A place id per member (−1 for unknown). */
  place?: Int32Array;
}

/** The model's inputs, in this order (link-model.ts names them in FEATURES). */
export const FEATURE_COUNT = 11;

/** Ties read per candidate for `recentShare`: a hub's share is estimated from a fixed sample of its row. */
const RECENT_SAMPLE = 64;

/**
 * The share of c's ties at most `window` days older than `nowDay`. Rows are sorted by member id, not by date,
 * so an evenly strided sample of RECENT_SAMPLE ties estimates it without reading a hub's whole row.
 */
function recentShare(g: Adjacency, c: number, nowDay: number, window: number): number {
  const d = g.degree(c);
  if (d === 0) return 0;
  const days = g.rowDays(c);
  const lo = g.rowLo(c), step = d > RECENT_SAMPLE ? d / RECENT_SAMPLE : 1;
  let k = 0, seen = 0;
  for (let i = 0; i < d; i += step, seen++) if (nowDay - days[lo + Math.floor(i)]! <= window) k++;
  return k / seen;
}

function sharesOrg(a: readonly number[] | undefined, b: readonly number[] | undefined): number {
  if (!a || !b) return 0;
  let i = 0, j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) return 1;
    if (a[i]! < b[j]!) i++;
    else j++;
  }
  return 0;
}

export interface FeatureContext {
  /** "Now" in index days: recency features measure against it. Null when the graph's days are not real dates. */
  nowDay: number | null;
  attrs?: Attributes;
}

/** Ties younger than this count as recent for `recentShare` (a quarter). */
export const RECENT_WINDOW_DAYS = 90;

/**
 * Writes candidate c's feature vector into `out` at `at` (FEATURE_COUNT numbers): log-scaled counts, so a
 * linear model weighs orders of magnitude, not raw counts. Reads the scratch of the last `walk(g, v)`.
 */
export function writeFeatures(s: FeatureScratch, g: Adjacency, v: number, c: number, ctx: FeatureContext, out: Float64Array, at: number): void {
  const dv = g.degree(v), dc = g.degree(c);
  const cn = s.cn[c]!;
  out[at] = Math.log1p(cn);
  out[at + 1] = s.aa[c]!;
  out[at + 2] = s.ra[c]!;
  out[at + 3] = Math.log1p(s.p3[c]!);
  out[at + 4] = Math.log1p(100 * s.ra3[c]!);
  out[at + 5] = Math.log1p(dc);
  out[at + 6] = cn / Math.max(1, Math.min(dv, dc));
  const now = ctx.nowDay;
  out[at + 7] = now !== null && s.fresh[c]! >= 0 ? 1 / (1 + Math.max(0, now - s.fresh[c]!) / 30) : 0;
  out[at + 8] = now !== null ? recentShare(g, c, now, RECENT_WINDOW_DAYS) : 0;
  out[at + 9] = sharesOrg(ctx.attrs?.orgs?.[v], ctx.attrs?.orgs?.[c]);
  const pl = ctx.attrs?.place;
  out[at + 10] = pl && pl[v]! >= 0 && pl[v] === pl[c] ? 1 : 0;
}
