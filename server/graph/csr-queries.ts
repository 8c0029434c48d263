/**
 * Query algorithms over a CsrGraph, synchronous and allocation-light. One CsrQueries per thread: it owns
 * the scratch buffers (epoch-stamped marks instead of Sets, so nothing is cleared between queries) and
 * the LRU of hub viewers' 2-hop balls. It reads the graph only through typed arrays, so a worker holding a
 * CsrGraph over the same SharedArrayBuffers could run it unchanged.
 */
import type { CsrGraph } from './csr.ts';
import type { Degree, Mutuals, Suggestion } from './graph-index.ts';
import { adamicAdarWeight, comparePaths, hopStrength, activityFactor, mutualRelevance, pathScore, suggestionScore } from './scoring.ts';

/** A viewer whose 2-hop expansion costs more than this many edge visits is a hub: its ball is worth caching. */
const HUB_WORK = 200_000;
/** After this many cold badge queries for the same hub viewer, build and cache its ball. */
const HUB_BUILD_AFTER = 3;

interface Ball {
  viewer: number;
  /** Graph version the ball is known valid for. */
  version: number;
  /** N(viewer) ∪ 2nd degree, avoided members excluded, as a bitset over ids. */
  bits: Uint32Array;
  /** The 2nd-degree list, as secondDegree returns it. */
  second: Int32Array;
}

export interface CsrQueryOptions {
  /** Hub balls kept (each n/8 bytes plus its list); default 32. */
  hubCacheSize?: number;
}

/** Best-first top-k by (score desc, id asc) without sorting everything. */
class TopK {
  readonly ids: number[] = [];
  readonly scores: number[] = [];
  constructor(private readonly k: number) {}
  offer(id: number, score: number): void {
    const ids = this.ids, scores = this.scores;
    let i = ids.length;
    if (i === this.k) {
      const ws = scores[i - 1]!;
      if (score < ws || (score === ws && id > ids[i - 1]!)) return;
      i--;
      ids.pop();
      scores.pop();
    }
    while (i > 0 && (scores[i - 1]! < score || (scores[i - 1] === score && ids[i - 1]! > id))) i--;
    ids.splice(i, 0, id);
    scores.splice(i, 0, score);
  }
}

interface PathCandidate {
  nodes: number[];
  ub: number;
  score: number;
}

export class CsrQueries {
  /** Distance stamps: mark[u] - markBase ∈ {0, 1, 2} when u is at that distance in the current query. */
  private mark = new Int32Array(0);
  private markBase = 0;
  /** Second mark array (the target's side of a bidirectional query). */
  private markT = new Int32Array(0);
  private markTBase = 0;
  /** blk[u] === blkBase + 1: avoided; blkBase + 2: excluded (not a candidate, may be an intermediary). */
  private blk = new Int32Array(0);
  private blkBase = 0;
  private acc = new Float64Array(0);
  private cnt = new Int32Array(0);
  private out = new Int32Array(0);
  private tmpA = new Int32Array(0);
  private tmpB = new Int32Array(0);
  private ubV = new Float64Array(0);
  private ubT = new Float64Array(0);
  private readonly balls = new Map<string, Ball>();
  private readonly coldHubHits = new Map<number, number>();
  private readonly hubCacheSize: number;
  activity: ArrayLike<number> | null = null;

  constructor(
    private readonly g: CsrGraph,
    opts: CsrQueryOptions = {},
  ) {
    this.hubCacheSize = opts.hubCacheSize ?? 32;
  }

  /** Forgets every cached hub ball (the benchmark's "cold"). */
  clearCache(): void {
    this.balls.clear();
    this.coldHubHits.clear();
  }

  private scratch(): void {
    const cap = this.g.off.length - 1;
    if (this.mark.length >= cap) return;
    this.mark = new Int32Array(cap);
    this.markT = new Int32Array(cap);
    this.blk = new Int32Array(cap);
    this.acc = new Float64Array(cap);
    this.cnt = new Int32Array(cap);
    this.out = new Int32Array(cap);
    this.tmpA = new Int32Array(cap);
    this.tmpB = new Int32Array(cap);
    this.ubV = new Float64Array(cap);
    this.ubT = new Float64Array(cap);
    this.markBase = this.markTBase = this.blkBase = 0;
  }

  private nextMark(): number {
    if (this.markBase > 0x3fff_fff0) {
      this.mark.fill(0);
      this.markBase = 0;
    }
    return (this.markBase += 4);
  }
  private nextMarkT(): number {
    if (this.markTBase > 0x3fff_fff0) {
      this.markT.fill(0);
      this.markTBase = 0;
    }
    return (this.markTBase += 4);
  }
  /** Stamps avoided (base+1) and excluded (base+2) members; returns the base. */
  private loadAvoid(avoid: ReadonlySet<number> | undefined, exclude?: ReadonlySet<number>): number {
    if (this.blkBase > 0x3fff_fff0) {
      this.blk.fill(0);
      this.blkBase = 0;
    }
    const b = (this.blkBase += 4);
    const n = this.g.n, blk = this.blk;
    if (avoid) for (const x of avoid) if (x >= 0 && x < n) blk[x] = b + 1;
    if (exclude) for (const x of exclude) if (x >= 0 && x < n && blk[x] !== b + 1) blk[x] = b + 2;
    return b;
  }

  // ---- 2-hop balls of hub viewers ----

  private ballKey(v: number, avoid: ReadonlySet<number> | undefined): string {
    if (!avoid || avoid.size === 0) return `${v}`;
    return `${v}|${[...avoid].sort((a, b) => a - b).join(',')}`;
  }

  private cachedBall(key: string, v: number): Ball | null {
    const ball = this.balls.get(key);
    if (!ball) return null;
    const g = this.g;
    if (ball.version !== g.version) {
      // Valid unless a change since touched the viewer or a member of its ball (conservative).
      let ok = g.version - ball.version <= g.changeA.length;
      const bits = ball.bits;
      for (let i = ball.version; ok && i < g.version; i++) {
        const a = g.changeA[i & 4095]!, b = g.changeB[i & 4095]!;
        if (a === v || b === v || ((bits[a >>> 5] ?? 0) >>> (a & 31)) & 1 || ((bits[b >>> 5] ?? 0) >>> (b & 31)) & 1) ok = false;
      }
      if (!ok) {
        this.balls.delete(key);
        return null;
      }
      ball.version = g.version;
    }
    this.balls.delete(key);
    this.balls.set(key, ball);
    return ball;
  }

  private storeBall(key: string, v: number, second: Int32Array): Ball {
    const g = this.g;
    const bits = new Uint32Array((g.n + 31) >>> 5);
    for (let i = 0; i < second.length; i++) {
      const z = second[i]!;
      bits[z >>> 5]! |= 1 << (z & 31);
    }
    const arr = g.rowArr(v), blk = this.blk, ab = this.blkBase + 1;
    for (let p = g.rowLo(v), e = g.rowHi(v); p < e; p++) {
      const x = arr[p]!;
      if (blk[x] !== ab) bits[x >>> 5]! |= 1 << (x & 31);
    }
    const ball: Ball = { viewer: v, version: g.version, bits, second };
    this.balls.set(key, ball);
    while (this.balls.size > this.hubCacheSize) {
      const oldest = this.balls.keys().next().value;
      if (oldest === undefined) break;
      this.balls.delete(oldest);
    }
    return ball;
  }

  /** 2-hop expansion cost of v: Σ deg(x) over its non-avoided neighbours. Expects loadAvoid done. */
  private twoHopWork(v: number): number {
    const g = this.g, arr = g.rowArr(v), blk = this.blk, ab = this.blkBase + 1;
    let work = 0;
    for (let p = g.rowLo(v), e = g.rowHi(v); p < e; p++) {
      const x = arr[p]!;
      if (blk[x] !== ab) work += g.degree(x);
    }
    return work;
  }

  // ---- 2nd degree ----

  secondDegree(v: number, avoid?: ReadonlySet<number>): Int32Array {
    const g = this.g;
    if (v < 0 || v >= g.n) return new Int32Array(0);
    this.scratch();
    const ab = this.loadAvoid(avoid) + 1;
    const work = this.twoHopWork(v);
    const key = work >= HUB_WORK ? this.ballKey(v, avoid) : '';
    if (key) {
      const ball = this.cachedBall(key, v);
      if (ball) return ball.second.slice();
    }
    const second = this.expand(v, ab);
    if (key) this.storeBall(key, v, second.slice());
    return second;
  }

  /** Marks v (base), N(v) (base+1), the 2nd degree (base+2) and returns the 2nd degree. */
  private expand(v: number, ab: number): Int32Array {
    const g = this.g, mark = this.mark, blk = this.blk, out = this.out;
    const base = this.nextMark();
    mark[v] = base;
    const varr = g.rowArr(v), vlo = g.rowLo(v), vhi = g.rowHi(v);
    for (let p = vlo; p < vhi; p++) mark[varr[p]!] = base + 1;
    let count = 0;
    for (let p = vlo; p < vhi; p++) {
      const x = varr[p]!;
      if (blk[x] === ab) continue;
      const arr = g.rowArr(x);
      for (let q = g.rowLo(x), e = g.rowHi(x); q < e; q++) {
        const z = arr[q]!;
        if (mark[z]! >= base || blk[z] === ab) continue;
        mark[z] = base + 2;
        out[count++] = z;
      }
    }
    return out.slice(0, count);
  }

  // ---- degree badges ----

  /**
   * Degrees of many targets. Three strategies, chosen per query:
   * - a cached ball for this (hub) viewer: O(deg t) per target;
   * - the viewer's side: mark the viewer's 2-hop ball once (cost Σ deg over N(v)), then each target is a
   *   mark lookup plus a scan of N(t) for a ball member (3rd degree);
   * - the targets' side, for hub viewers from cold, where the ball would be ~10^5–10^6 members: mark N(v)
   *   only; 2nd degree ⇔ N(t) meets N(v); 3rd ⇔ some y ∈ N(t) has a neighbour in N(v), scanned with early
   *   exit (a hub's N(v) is dense enough that a hit comes within ~n/deg(v) probes).
   * The viewer side wins when Σ deg N(v) < |targets| × (avg degree + n/deg(v)), the expected per-target
   * cost of the other.
   */
  degrees(v: number, targets: readonly number[], avoid?: ReadonlySet<number>): Degree[] {
    const g = this.g;
    const res: Degree[] = new Array<Degree>(targets.length);
    if (v < 0 || v >= g.n) {
      for (let i = 0; i < targets.length; i++) res[i] = targets[i] === v ? 0 : null;
      return res;
    }
    this.scratch();
    const ab = this.loadAvoid(avoid) + 1;
    const blk = this.blk, mark = this.mark, n = g.n;
    const work = this.twoHopWork(v);
    const dv = g.degree(v);
    const key = work >= HUB_WORK ? this.ballKey(v, avoid) : '';
    let ball = key ? this.cachedBall(key, v) : null;
    const perTarget = targets.length * (g.directedEdges / Math.max(1, n) + n / Math.max(1, dv));
    if (!ball && key && perTarget < work) {
      const hits = (this.coldHubHits.get(v) ?? 0) + 1;
      this.coldHubHits.set(v, hits);
      if (this.coldHubHits.size > 4 * this.hubCacheSize) this.coldHubHits.clear();
      if (hits >= HUB_BUILD_AFTER) {
        this.coldHubHits.delete(v);
        ball = this.storeBall(key, v, this.expand(v, ab));
      }
    }
    if (ball) {
      const base = this.nextMark();
      const varr = g.rowArr(v);
      for (let p = g.rowLo(v), e = g.rowHi(v); p < e; p++) mark[varr[p]!] = base + 1;
      const bits = ball.bits;
      for (let i = 0; i < targets.length; i++) {
        const t = targets[i]!;
        if (t === v) res[i] = 0;
        else if (t < 0 || t >= n || blk[t] === ab) res[i] = null;
        else if (mark[t] === base + 1) res[i] = 1;
        else if (((bits[t >>> 5] ?? 0) >>> (t & 31)) & 1) res[i] = 2;
        else res[i] = this.touchesBits(t, bits) ? 3 : null;
      }
      return res;
    }
    if (perTarget >= work) {
      this.expand(v, ab);
      const base = this.markBase;
      for (let i = 0; i < targets.length; i++) {
        const t = targets[i]!;
        if (t === v) res[i] = 0;
        else if (t < 0 || t >= n || blk[t] === ab) res[i] = null;
        else {
          const d = mark[t]! - base;
          if (d === 1 || d === 2) res[i] = d;
          else {
            let found = false;
            const arr = g.rowArr(t);
            for (let p = g.rowLo(t), e = g.rowHi(t); p < e; p++) {
              const y = arr[p]!;
              const dy = mark[y]! - base;
              if ((dy === 1 || dy === 2) && blk[y] !== ab) {
                found = true;
                break;
              }
            }
            res[i] = found ? 3 : null;
          }
        }
      }
      return res;
    }
    // Targets' side (hub viewer, cold).
    const base = this.nextMark();
    mark[v] = base;
    const varr = g.rowArr(v);
    for (let p = g.rowLo(v), e = g.rowHi(v); p < e; p++) {
      const x = varr[p]!;
      if (blk[x] !== ab) mark[x] = base + 1;
    }
    const hit = base + 1;
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i]!;
      if (t === v) res[i] = 0;
      else if (t < 0 || t >= n || blk[t] === ab) res[i] = null;
      else if (g.hasEdge(v, t)) res[i] = 1;
      else {
        const arr = g.rowArr(t), lo = g.rowLo(t), hi = g.rowHi(t);
        let d: Degree = null;
        for (let p = lo; p < hi; p++) {
          if (mark[arr[p]!] === hit) {
            d = 2;
            break;
          }
        }
        for (let p = lo; d === null && p < hi; p++) {
          const y = arr[p]!;
          if (y === v || blk[y] === ab) continue;
          const yarr = g.rowArr(y);
          for (let q = g.rowLo(y), e = g.rowHi(y); q < e; q++) {
            if (mark[yarr[q]!] === hit) {
              d = 3;
              break;
            }
          }
        }
        res[i] = d;
      }
    }
    return res;
  }

  private touchesBits(t: number, bits: Uint32Array): boolean {
    const g = this.g, arr = g.rowArr(t);
    for (let p = g.rowLo(t), e = g.rowHi(t); p < e; p++) {
      const y = arr[p]!;
      if (((bits[y >>> 5] ?? 0) >>> (y & 31)) & 1) return true;
    }
    return false;
  }

  // ---- mutuals ----

  /**
   * Common neighbours of a and b by sorted merge, or by galloping through the longer row when it is over 16×
   * the shorter (a hub and a regular member). Leaves ids in `out`, a's days in tmpA, b's in tmpB; returns the count.
   */
  private intersect(a: number, b: number, ab: number): number {
    const g = this.g, blk = this.blk, out = this.out, ta = this.tmpA, tb = this.tmpB;
    let A = a, B = b;
    if (g.degree(A) > g.degree(B)) {
      A = b;
      B = a;
    }
    const aArr = g.rowArr(A), aDay = g.rowDays(A), bArr = g.rowArr(B), bDay = g.rowDays(B);
    let i = g.rowLo(A), j = g.rowLo(B);
    const ie = g.rowHi(A), je = g.rowHi(B);
    const swapped = A !== a;
    let count = 0;
    const gallop = je - j > 16 * (ie - i);
    while (i < ie && j < je) {
      const x = aArr[i]!;
      let y = bArr[j]!;
      if (gallop && y < x) {
        // Exponential then binary search for x in B.
        let step = 1;
        while (j + step < je && bArr[j + step]! < x) step <<= 1;
        let lo = j + (step >> 1), hi = Math.min(j + step, je - 1);
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (bArr[mid]! < x) lo = mid + 1;
          else hi = mid;
        }
        j = lo;
        y = bArr[j]!;
        if (y < x) break;
      }
      if (x < y) i++;
      else if (x > y) j++;
      else {
        if (blk[x] !== ab) {
          out[count] = x;
          ta[count] = swapped ? bDay[j]! : aDay[i]!;
          tb[count] = swapped ? aDay[i]! : bDay[j]!;
          count++;
        }
        i++;
        j++;
      }
    }
    return count;
  }

  mutuals(a: number, b: number, limit: number, avoid: ReadonlySet<number> | undefined, nowDay: number): Mutuals {
    const g = this.g;
    if (a === b || a < 0 || b < 0 || a >= g.n || b >= g.n) return { count: 0, first: [] };
    this.scratch();
    const ab = this.loadAvoid(avoid) + 1;
    const count = this.intersect(a, b, ab);
    if (limit <= 0 || count === 0) return { count, first: [] };
    const top = new TopK(limit);
    const out = this.out, ta = this.tmpA, tb = this.tmpB;
    for (let i = 0; i < count; i++) {
      const z = out[i]!;
      top.offer(z, mutualRelevance(g.degree(z), ta[i]!, tb[i]!, nowDay));
    }
    return { count, first: top.ids };
  }

  // ---- introduction paths ----

  /** |N(u) ∩ N(w)| by merge (no avoid filter: tie strength is a property of the tie). */
  private commonCount(u: number, w: number): number {
    const g = this.g;
    const aArr = g.rowArr(u), bArr = g.rowArr(w);
    let i = g.rowLo(u), j = g.rowLo(w);
    const ie = g.rowHi(u), je = g.rowHi(w);
    let c = 0;
    while (i < ie && j < je) {
      const x = aArr[i]!, y = bArr[j]!;
      if (x < y) i++;
      else if (x > y) j++;
      else {
        c++;
        i++;
        j++;
      }
    }
    return c;
  }

  /** |N(x) ∩ marked| where marked = the stamp `stamp` in `marks`. */
  private countMarked(x: number, marks: Int32Array, stamp: number): number {
    const g = this.g, arr = g.rowArr(x);
    let c = 0;
    for (let p = g.rowLo(x), e = g.rowHi(x); p < e; p++) if (marks[arr[p]!] === stamp) c++;
    return c;
  }

  /**
   * Up to k shortest paths, ranked by scoring.ts `pathScore`. Candidates are enumerated exactly (for 3 hops
   * from whichever side has the cheaper 2-hop expansion); the mutual counts that score them cost a row scan
   * each, so candidates are first ordered by an upper bound (mutual count ≤ min degree − 1) and scored
   * exactly only until the k-th best exact score beats the next bound. The result is identical to scoring all.
   */
  paths(v: number, t: number, k: number, avoid: ReadonlySet<number> | undefined, nowDay: number): number[][] {
    const g = this.g;
    if (v === t || k <= 0 || v < 0 || t < 0 || v >= g.n || t >= g.n) return [];
    this.scratch();
    const ab = this.loadAvoid(avoid) + 1;
    const blk = this.blk;
    if (blk[v] === ab || blk[t] === ab) return [];
    if (g.hasEdge(v, t)) return [[v, t]];
    const mark = this.mark, markT = this.markT;
    const mv = this.nextMark() + 1, mt = this.nextMarkT() + 1;
    const varr = g.rowArr(v), vlo = g.rowLo(v), vhi = g.rowHi(v);
    const tarr = g.rowArr(t), tlo = g.rowLo(t), thi = g.rowHi(t);
    for (let p = vlo; p < vhi; p++) mark[varr[p]!] = mv;
    for (let p = tlo; p < thi; p++) markT[tarr[p]!] = mt;
    const act = this.activity;
    const dv = g.degree(v), dt = g.degree(t);
    const cands: PathCandidate[] = [];
    const vdays = g.rowDays(v);
    // Two hops: v – x – t.
    for (let p = vlo; p < vhi; p++) {
      const x = varr[p]!;
      if (markT[x] !== mt || blk[x] === ab) continue;
      const dx = g.degree(x);
      const d1 = vdays[p]!, d2 = g.edgeDay(x, t);
      const ub = hopStrength(Math.min(dv, dx) - 1, d1, nowDay) * hopStrength(Math.min(dx, dt) - 1, d2, nowDay) * activityFactor(act, x);
      cands.push({ nodes: [v, x, t], ub, score: 0 });
    }
    if (cands.length > 0) {
      return this.rank(cands, k, (c) => {
        const x = c.nodes[1]!;
        const m1 = this.countMarked(x, mark, mv), m2 = this.countMarked(x, markT, mt);
        return pathScore(c.nodes, [m1, m2], [g.edgeDay(v, x), g.edgeDay(x, t)], nowDay, act);
      });
    }
    // Three hops: v – x – y – t, expanding the cheaper side. Candidates go to flat arrays; their bound is
    // (per-x part) × (middle hop bound) × (per-y part), the outer parts computed once per x and per y.
    const ubV = this.ubV, ubT = this.ubT;
    for (let p = vlo; p < vhi; p++) {
      const x = varr[p]!;
      ubV[x] = hopStrength(Math.min(dv, g.degree(x)) - 1, vdays[p]!, nowDay) * activityFactor(act, x);
    }
    const tdays = g.rowDays(t);
    for (let p = tlo; p < thi; p++) {
      const y = tarr[p]!;
      ubT[y] = hopStrength(Math.min(dt, g.degree(y)) - 1, tdays[p]!, nowDay) * activityFactor(act, y);
    }
    const cx: number[] = [], cy: number[] = [], cub: number[] = [];
    const sv = this.twoHopWork(v), st = this.twoHopWork(t);
    if (sv <= st) {
      for (let p = vlo; p < vhi; p++) {
        const x = varr[p]!;
        if (blk[x] === ab) continue;
        const arr = g.rowArr(x), days = g.rowDays(x), degx = g.degree(x), ux = ubV[x]!;
        if (degx > 16 * dt) {
          // A hub x: look each y ∈ N(t) up in N(x) rather than scanning N(x).
          for (let p2 = tlo; p2 < thi; p2++) {
            const y = tarr[p2]!;
            if (blk[y] === ab) continue;
            const q = g.find(x, y);
            if (q < 0) continue;
            cx.push(x);
            cy.push(y);
            cub.push(ux * hopStrength(Math.min(degx, g.degree(y)) - 1, days[q]!, nowDay) * ubT[y]!);
          }
          continue;
        }
        for (let q = g.rowLo(x), e = g.rowHi(x); q < e; q++) {
          const y = arr[q]!;
          if (markT[y] !== mt || blk[y] === ab) continue;
          cx.push(x);
          cy.push(y);
          cub.push(ux * hopStrength(Math.min(degx, g.degree(y)) - 1, days[q]!, nowDay) * ubT[y]!);
        }
      }
    } else {
      for (let p = tlo; p < thi; p++) {
        const y = tarr[p]!;
        if (blk[y] === ab) continue;
        const arr = g.rowArr(y), days = g.rowDays(y), degy = g.degree(y), uy = ubT[y]!;
        if (degy > 16 * dv) {
          for (let p2 = vlo; p2 < vhi; p2++) {
            const x = varr[p2]!;
            if (blk[x] === ab) continue;
            const q = g.find(y, x);
            if (q < 0) continue;
            cx.push(x);
            cy.push(y);
            cub.push(ubV[x]! * hopStrength(Math.min(g.degree(x), degy) - 1, days[q]!, nowDay) * uy);
          }
          continue;
        }
        for (let q = g.rowLo(y), e = g.rowHi(y); q < e; q++) {
          const x = arr[q]!;
          if (mark[x] !== mv || blk[x] === ab) continue;
          cx.push(x);
          cy.push(y);
          cub.push(ubV[x]! * hopStrength(Math.min(g.degree(x), degy) - 1, days[q]!, nowDay) * uy);
        }
      }
    }
    if (cx.length === 0) return [];
    // Pop candidates by bound from a max-heap; score exactly until the k-th best beats the next bound.
    const heap = Int32Array.from({ length: cx.length }, (_, i) => i);
    const size = heap.length;
    const down = (i: number, len: number): void => {
      for (;;) {
        const l = 2 * i + 1;
        if (l >= len) return;
        const r = l + 1;
        const c = r < len && cub[heap[r]!]! > cub[heap[l]!]! ? r : l;
        if (cub[heap[c]!]! <= cub[heap[i]!]!) return;
        const tmp = heap[i]!;
        heap[i] = heap[c]!;
        heap[c] = tmp;
        i = c;
      }
    };
    for (let i = (size >> 1) - 1; i >= 0; i--) down(i, size);
    const memoV = new Map<number, number>(), memoT = new Map<number, number>();
    const best: PathCandidate[] = [];
    for (let len = size; len > 0; len--) {
      const top = heap[0]!;
      // Rounding in a different product order must not prune a tie: pad the bound by a relative 1e-9.
      if (best.length === k && best[k - 1]!.score > cub[top]! * (1 + 1e-9)) break;
      heap[0] = heap[len - 1]!;
      down(0, len - 1);
      const x = cx[top]!, y = cy[top]!;
      let m1 = memoV.get(x);
      if (m1 === undefined) memoV.set(x, (m1 = this.countMarked(x, mark, mv)));
      let m3 = memoT.get(y);
      if (m3 === undefined) memoT.set(y, (m3 = this.countMarked(y, markT, mt)));
      const nodes = [v, x, y, t];
      const score = pathScore(nodes, [m1, this.commonCount(x, y), m3], [g.edgeDay(v, x), g.edgeDay(x, y), g.edgeDay(y, t)], nowDay, act);
      const c: PathCandidate = { nodes, ub: cub[top]!, score };
      if (best.length < k || comparePaths(c, best[k - 1]!) < 0) {
        best.push(c);
        best.sort(comparePaths);
        if (best.length > k) best.pop();
      }
    }
    return best.map((c) => c.nodes);
  }

  /** Exact top k by branch and bound over the candidates' upper bounds. */
  private rank(cands: PathCandidate[], k: number, exact: (c: PathCandidate) => number): number[][] {
    cands.sort((a, b) => b.ub - a.ub);
    const best: PathCandidate[] = [];
    for (const c of cands) {
      if (best.length === k && best[k - 1]!.score > c.ub * (1 + 1e-9)) break;
      c.score = exact(c);
      if (best.length < k || comparePaths(c, best[k - 1]!) < 0) {
        best.push(c);
        best.sort(comparePaths);
        if (best.length > k) best.pop();
      }
    }
    return best.map((c) => c.nodes);
  }

  // ---- people you may know ----

  /** Friends of friends by shaped Adamic–Adar (scoring.ts `suggestionScore`), best first, with reasons. */
  suggest(v: number, limit: number, avoid: ReadonlySet<number> | undefined, exclude: ReadonlySet<number> | undefined, nowDay: number): Suggestion[] {
    const g = this.g;
    if (v < 0 || v >= g.n || limit <= 0) return [];
    this.scratch();
    const ab = this.loadAvoid(avoid, exclude) + 1;
    const blk = this.blk, mark = this.mark, acc = this.acc, cnt = this.cnt, out = this.out;
    const base = this.nextMark();
    const seen = base + 2;
    mark[v] = base;
    const varr = g.rowArr(v), vlo = g.rowLo(v), vhi = g.rowHi(v);
    for (let p = vlo; p < vhi; p++) mark[varr[p]!] = base + 1;
    let touched = 0;
    for (let p = vlo; p < vhi; p++) {
      const x = varr[p]!;
      if (blk[x] === ab) continue;
      const w = adamicAdarWeight(g.degree(x));
      const arr = g.rowArr(x);
      for (let q = g.rowLo(x), e = g.rowHi(x); q < e; q++) {
        const z = arr[q]!;
        const mz = mark[z]!;
        if (mz === seen) {
          acc[z]! += w;
          cnt[z]!++;
        } else if (mz < base && blk[z]! < ab) {
          mark[z] = seen;
          acc[z] = w;
          cnt[z] = 1;
          out[touched++] = z;
        }
      }
    }
    const dv = g.degree(v);
    const top = new TopK(limit);
    for (let i = 0; i < touched; i++) {
      const z = out[i]!;
      top.offer(z, suggestionScore(acc[z]!, cnt[z]!, dv, g.degree(z)));
    }
    const counts = top.ids.map((z) => cnt[z]!);
    return top.ids.map((id, i) => ({
      id,
      score: top.scores[i]!,
      mutualCount: counts[i]!,
      mutuals: this.mutuals(v, id, 2, avoid, nowDay).first,
    }));
  }
}
