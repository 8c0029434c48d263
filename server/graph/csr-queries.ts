/**
 * Query algorithms over a CsrGraph, synchronous and allocation-light. One CsrQueries per thread: it owns
 * the scratch (bitsets over member ids, a sparse set for suggestion candidates) and the LRU of hub
 * viewers' 2-hop balls. It reads the graph only through typed arrays, so a worker holding a replica over
 * the same SharedArrayBuffers (csr.ts) runs it unchanged.
 *
 * Why bitsets: a 2-hop expansion probes one mark per edge it visits, at random member ids. A bit per
 * member is 125 KiB at 1 M members and stays in the L2 cache, where an Int32 stamp per member (4 MiB)
 * missed it on most probes. Each bitset is cleared after use, by zeroing the words of the members it set
 * (or with one fill when the set is dense); `dirty` flags make a query that threw midway (a replica's
 * torn read) leave nothing behind for the next.
 *
 * Paths live in csr-paths.ts; this file holds the shared scratch and the other queries.
 */
import { CHANGE_LOG, type CsrGraph } from './csr.ts';
import type { Degree, Mutuals, Suggestion } from './graph-index.ts';
import { findPaths, gallop } from './csr-paths.ts';
import { degreeCutoff, SUGGEST_WORK } from './fof-budget.ts';
import { adamicAdarWeight, mutualRelevance, recency, suggestionScore } from './scoring.ts';

/** A viewer whose 2-hop expansion visits more edges than this is a hub: its ball is worth caching. */
const HUB_WORK = 200_000;
/** After this many cold badge queries for the same hub viewer, build and cache its ball. */
const HUB_BUILD_AFTER = 3;
/** log2(1 + 2^k): the relevance divisor of a mutual whose degree is at least 2^k (csr.ts `logDeg`). */
const LOG2_1P_POW2 = Float64Array.from({ length: 33 }, (_, k) => Math.log2(1 + 2 ** k));

interface Ball {
  /** Graph version the ball is known valid for. */
  version: number;
  /** N(viewer) ∪ 2nd degree, avoided members excluded, as a bitset over ids. */
  bits: Uint32Array;
}

export interface CsrQueryOptions {
  /** Hub balls kept (each n/8 bytes); default 32. */
  hubCacheSize?: number;
  /** Edge visits a people-you-may-know walk may spend (fof-budget.ts); default SUGGEST_WORK. */
  suggestWork?: number;
}

/** Best-first top-k by (score desc, id asc) without sorting everything. */
export class TopK {
  readonly ids: number[] = [];
  readonly scores: number[] = [];
  constructor(private readonly k: number) {}
  get full(): boolean {
    return this.ids.length === this.k;
  }
  /** The k-th best score so far (only meaningful when full). */
  get worst(): number {
    return this.scores[this.scores.length - 1] ?? -Infinity;
  }
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

export class CsrQueries {
  /** Bitsets over member ids (see the file comment). A and B are per query; X holds the avoided members. */
  bitsA = new Uint32Array(0);
  bitsB = new Uint32Array(0);
  bitsX = new Uint32Array(0);
  private dirtyA = false;
  private dirtyB = false;
  /** Members whose bits are set in bitsX; `hasAvoid` is whether there are any. */
  private avoidList: number[] = [];
  hasAvoid = false;
  /** Output list scratch (one slot per member). */
  private out = new Int32Array(0);
  /** Suggestion candidates as a sparse set: z is candidate k iff k < count and candId[k] === z. */
  private slot = new Int32Array(0);
  private candId = new Int32Array(0);
  private candAcc = new Float64Array(0);
  private candCnt = new Int32Array(0);
  /** Mutuals of a pair and the two ties' days (grown to the smaller degree on demand). */
  private mutId = new Int32Array(64);
  private mutDayA = new Uint16Array(64);
  private mutDayB = new Uint16Array(64);
  private mutPosA = new Int32Array(64);
  private mutPosB = new Int32Array(64);
  private readonly balls = new Map<string, Ball>();
  private readonly coldHubHits = new Map<number, number>();
  private readonly hubCacheSize: number;
  private readonly suggestWork: number;
  activity: ArrayLike<number> | null = null;

  constructor(
    readonly g: CsrGraph,
    opts: CsrQueryOptions = {},
  ) {
    this.hubCacheSize = opts.hubCacheSize ?? 32;
    this.suggestWork = opts.suggestWork ?? SUGGEST_WORK;
  }

  /** Forgets every cached hub ball (the benchmark's "cold"). */
  clearCache(): void {
    this.balls.clear();
    this.coldHubHits.clear();
  }

  /** Sizes the scratch for the graph's capacity and makes sure no bitset holds leftovers. */
  scratch(): void {
    const cap = this.g.off.length - 1;
    if (this.out.length < cap) {
      const words = (cap + 31) >>> 5;
      this.bitsA = new Uint32Array(words);
      this.bitsB = new Uint32Array(words);
      this.bitsX = new Uint32Array(words);
      this.avoidList.length = 0;
      this.dirtyA = this.dirtyB = false;
      this.out = new Int32Array(cap);
      this.slot = new Int32Array(cap);
      this.candId = new Int32Array(cap);
      this.candAcc = new Float64Array(cap);
      this.candCnt = new Int32Array(cap);
    }
    if (this.dirtyA) this.bitsA.fill(0);
    if (this.dirtyB) this.bitsB.fill(0);
    this.dirtyA = this.dirtyB = true;
  }

  /** Marks the end of a query whose bitsets A and B were cleared. */
  private clean(): void {
    this.dirtyA = this.dirtyB = false;
  }

  /** Sets bitsX to the avoided members (valid ids only); returns whether there are any. */
  loadAvoid(avoid: ReadonlySet<number> | undefined): boolean {
    const X = this.bitsX, list = this.avoidList;
    for (let i = 0; i < list.length; i++) X[list[i]! >>> 5] = 0;
    list.length = 0;
    if (avoid && avoid.size > 0) {
      const n = this.g.n;
      for (const x of avoid) {
        if (x >= 0 && x < n && (x | 0) === x) {
          X[x >>> 5]! |= 1 << (x & 31);
          list.push(x);
        }
      }
    }
    return (this.hasAvoid = list.length > 0);
  }

  avoided(x: number): boolean {
    return this.hasAvoid && ((this.bitsX[x >>> 5]! >>> (x & 31)) & 1) === 1;
  }

  /** Sets the bits of N(u) (all of it, or only the non-avoided members) in `bits`. */
  markRow(u: number, bits: Uint32Array, skipAvoided: boolean): void {
    const g = this.g, arr = g.rowArr(u), X = this.bitsX;
    const skip = skipAvoided && this.hasAvoid;
    for (let p = g.rowLo(u), e = g.rowHi(u); p < e; p++) {
      const x = arr[p]!;
      if (skip && (X[x >>> 5]! >>> (x & 31)) & 1) continue;
      bits[x >>> 5]! |= 1 << (x & 31);
    }
  }

  /** Zeroes the words of N(u) in `bits`. */
  unmarkRow(u: number, bits: Uint32Array): void {
    const g = this.g, arr = g.rowArr(u);
    for (let p = g.rowLo(u), e = g.rowHi(u); p < e; p++) bits[arr[p]! >>> 5] = 0;
  }

  /** |N(u) ∩ bits|. */
  countMarked(u: number, bits: Uint32Array): number {
    const g = this.g, arr = g.rowArr(u);
    let c = 0;
    for (let p = g.rowLo(u), e = g.rowHi(u); p < e; p++) {
      const x = arr[p]!;
      c += (bits[x >>> 5]! >>> (x & 31)) & 1;
    }
    return c;
  }

  /** Whether N(u) meets `bits`. */
  private touches(u: number, bits: Uint32Array): boolean {
    const g = this.g, arr = g.rowArr(u);
    for (let p = g.rowLo(u), e = g.rowHi(u); p < e; p++) {
      const x = arr[p]!;
      if ((bits[x >>> 5]! >>> (x & 31)) & 1) return true;
    }
    return false;
  }

  /** 2-hop expansion cost of u, Σ deg(x) over its non-avoided neighbours, counted only up to `limit`. */
  work(u: number, limit: number): number {
    const g = this.g, arr = g.rowArr(u), X = this.bitsX, skip = this.hasAvoid;
    let w = 0;
    for (let p = g.rowLo(u), e = g.rowHi(u); p < e && w < limit; p++) {
      const x = arr[p]!;
      if (skip && (X[x >>> 5]! >>> (x & 31)) & 1) continue;
      w += g.degree(x);
    }
    return w;
  }

  // ---- 2-hop balls of hub viewers ----

  private ballKey(v: number): string {
    if (!this.hasAvoid) return `${v}`;
    return `${v}|${[...this.avoidList].sort((a, b) => a - b).join(',')}`;
  }

  private cachedBall(key: string, v: number): Ball | null {
    const ball = this.balls.get(key);
    if (!ball) return null;
    const g = this.g;
    if (ball.version !== g.version) {
      // Valid unless a change since touched the viewer or a member of its ball (conservative).
      let ok = g.version - ball.version <= CHANGE_LOG;
      const bits = ball.bits;
      for (let i = ball.version; ok && i < g.version; i++) {
        const a = g.changeA[i & (CHANGE_LOG - 1)]!, b = g.changeB[i & (CHANGE_LOG - 1)]!;
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

  private storeBall(key: string, bits: Uint32Array): Ball {
    const ball: Ball = { version: this.g.version, bits };
    this.balls.set(key, ball);
    while (this.balls.size > this.hubCacheSize) {
      const oldest = this.balls.keys().next().value;
      if (oldest === undefined) break;
      this.balls.delete(oldest);
    }
    return ball;
  }

  /**
   * The ball N(v) ∪ 2nd degree (avoided members and v excluded) into bitsB, by setting bits without
   * reading them first: the cheapest way to mark a large set. The caller clears bitsB.
   */
  private markBall(v: number): void {
    const g = this.g, B = this.bitsB, X = this.bitsX, skip = this.hasAvoid;
    const varr = g.rowArr(v);
    for (let p = g.rowLo(v), e = g.rowHi(v); p < e; p++) {
      const x = varr[p]!;
      if (skip && (X[x >>> 5]! >>> (x & 31)) & 1) continue;
      B[x >>> 5]! |= 1 << (x & 31);
      const arr = g.rowArr(x);
      for (let q = g.rowLo(x), qe = g.rowHi(x); q < qe; q++) {
        const z = arr[q]!;
        B[z >>> 5]! |= 1 << (z & 31);
      }
    }
    B[v >>> 5]! &= ~(1 << (v & 31));
    if (skip) for (const a of this.avoidList) B[a >>> 5]! &= ~(1 << (a & 31));
  }

  // ---- 2nd degree ----

  secondDegree(v: number, avoid?: ReadonlySet<number>): Int32Array {
    const g = this.g;
    if (!(v >= 0 && v < g.n)) return new Int32Array(0);
    this.scratch();
    this.loadAvoid(avoid);
    const hub = this.work(v, HUB_WORK) >= HUB_WORK;
    const key = hub ? this.ballKey(v) : '';
    const ball = hub ? this.cachedBall(key, v) : null;
    const second = ball ? this.listFromBall(v, ball.bits) : this.expandList(v);
    if (hub && !ball) {
      const bits = new Uint32Array(this.bitsB.length);
      for (let i = 0; i < second.length; i++) bits[second[i]! >>> 5]! |= 1 << (second[i]! & 31);
      this.markRow(v, bits, true);
      this.storeBall(key, bits);
    }
    this.clean();
    return second;
  }

  /** The 2nd degree by expansion, in discovery order. Leaves bitsB clear. */
  private expandList(v: number): Int32Array {
    const g = this.g, S = this.bitsB, X = this.bitsX, out = this.out, skip = this.hasAvoid;
    // Seen: v, all of N(v) and the avoided members are never output.
    S[v >>> 5]! |= 1 << (v & 31);
    this.markRow(v, S, false);
    if (skip) for (const a of this.avoidList) S[a >>> 5]! |= 1 << (a & 31);
    let count = 0;
    const varr = g.rowArr(v), vlo = g.rowLo(v), vhi = g.rowHi(v);
    for (let p = vlo; p < vhi; p++) {
      const x = varr[p]!;
      if (skip && (X[x >>> 5]! >>> (x & 31)) & 1) continue;
      const arr = g.rowArr(x);
      for (let q = g.rowLo(x), e = g.rowHi(x); q < e; q++) {
        const z = arr[q]!;
        const w = z >>> 5, m = 1 << (z & 31), s = S[w]!;
        if ((s & m) === 0) {
          S[w] = s | m;
          out[count++] = z;
        }
      }
    }
    const result = out.slice(0, count);
    if (count > S.length >>> 2) S.fill(0);
    else {
      for (let i = 0; i < count; i++) S[out[i]! >>> 5] = 0;
      this.unmarkRow(v, S);
      S[v >>> 5] = 0;
      for (const a of this.avoidList) S[a >>> 5] = 0;
    }
    return result;
  }

  /** The 2nd degree from a cached ball: its members outside N(v), ascending. */
  private listFromBall(v: number, bits: Uint32Array): Int32Array {
    const A = this.bitsA, out = this.out;
    this.markRow(v, A, false);
    let count = 0;
    for (let w = 0; w < bits.length; w++) {
      let word = bits[w]! & ~A[w]!;
      while (word !== 0) {
        const low = word & -word;
        out[count++] = (w << 5) + 31 - Math.clz32(low);
        word ^= low;
      }
    }
    this.unmarkRow(v, A);
    return out.slice(0, count);
  }

  // ---- degree badges ----

  /**
   * Degrees of many targets. After the cheap answers (the viewer, avoided, 1st degree by a bit of N(v)),
   * one of three strategies for the rest:
   * - a cached ball (hub viewers queried repeatedly): a bit test, then a scan of N(t) for 3rd degree;
   * - the viewer's side: mark the 2-hop ball once (cost W = Σ deg over N(v)), then the same per target;
   * - the targets' side: 2nd degree ⇔ N(t) meets N(v); 3rd ⇔ some y ∈ N(t) has a neighbour in N(v),
   *   tested per y on the smaller side (scan N(y) against the N(v) bits, or look each member of N(v) up
   *   in N(y)), stopping at the first hit. A probe hits N(v) with probability about W / (directed
   *   edges), so a target costs about E/W probes against W for the ball: the targets' side wins when
   *   W > √(targets × E). It runs with a budget of W probes (when W is known), past which it marks the
   *   ball after all, so a bad guess costs at most twice the better strategy.
   */
  degrees(v: number, targets: readonly number[], avoid?: ReadonlySet<number>): Degree[] {
    const g = this.g, T = targets.length;
    const res: Degree[] = new Array<Degree>(T);
    if (!(v >= 0 && v < g.n)) {
      for (let i = 0; i < T; i++) res[i] = targets[i] === v ? 0 : null;
      return res;
    }
    this.scratch();
    this.loadAvoid(avoid);
    const A = this.bitsA, n = g.n;
    this.markRow(v, A, true);
    const pending: number[] = [];
    for (let i = 0; i < T; i++) {
      const t = targets[i]!;
      if (t === v) res[i] = 0;
      else if (!(t >= 0 && t < n) || this.avoided(t)) res[i] = null;
      else if ((A[t >>> 5]! >>> (t & 31)) & 1) res[i] = 1;
      else pending.push(i);
    }
    if (pending.length > 0) this.farDegrees(v, targets, pending, res);
    this.unmarkRow(v, A);
    this.clean();
    return res;
  }

  private farDegrees(v: number, targets: readonly number[], pending: number[], res: Degree[]): void {
    const g = this.g;
    const wStar = Math.sqrt(pending.length * Math.max(1, g.directedEdges));
    const work = this.work(v, Math.max(HUB_WORK, wStar));
    const hub = work >= HUB_WORK;
    const key = hub ? this.ballKey(v) : '';
    let ball = hub ? this.cachedBall(key, v) : null;
    if (!ball && hub) {
      const hits = (this.coldHubHits.get(v) ?? 0) + 1;
      this.coldHubHits.set(v, hits);
      if (this.coldHubHits.size > 4 * this.hubCacheSize) this.coldHubHits.clear();
      if (hits >= HUB_BUILD_AFTER) {
        this.coldHubHits.delete(v);
        this.markBall(v);
        ball = this.storeBall(key, this.bitsB.slice());
        this.bitsB.fill(0);
      }
    }
    if (ball) {
      this.fromBall(targets, pending, 0, res, ball.bits);
      return;
    }
    let from = 0;
    if (work >= wStar) {
      // Targets' side; a hub's ball would cost millions of probes, so only a non-hub has a budget.
      from = this.targetsSide(v, targets, pending, res, hub ? Infinity : work);
      if (from === pending.length) return;
    }
    this.markBall(v);
    this.fromBall(targets, pending, from, res, this.bitsB);
    this.bitsB.fill(0);
  }

  private fromBall(targets: readonly number[], pending: number[], from: number, res: Degree[], bits: Uint32Array): void {
    for (let j = from; j < pending.length; j++) {
      const i = pending[j]!, t = targets[i]!;
      if ((bits[t >>> 5]! >>> (t & 31)) & 1) res[i] = 2;
      else res[i] = this.touches(t, bits) ? 3 : null;
    }
  }

  /** Answers pending targets from their side until `budget` probes are spent; returns how many it answered. */
  private targetsSide(v: number, targets: readonly number[], pending: number[], res: Degree[], budget: number): number {
    const g = this.g, A = this.bitsA, X = this.bitsX, skip = this.hasAvoid;
    const dv = g.degree(v), varr = g.rowArr(v), vlo = g.rowLo(v), vhi = g.rowHi(v);
    let probes = 0;
    for (let j = 0; j < pending.length; j++) {
      if (probes > budget) return j;
      const i = pending[j]!, t = targets[i]!;
      const arr = g.rowArr(t), lo = g.rowLo(t), hi = g.rowHi(t);
      probes += hi - lo;
      let d: Degree = null;
      for (let p = lo; p < hi; p++) {
        const y = arr[p]!;
        if ((A[y >>> 5]! >>> (y & 31)) & 1) {
          d = 2;
          break;
        }
      }
      for (let p = lo; d === null && p < hi; p++) {
        const y = arr[p]!;
        if (y === v || (skip && (X[y >>> 5]! >>> (y & 31)) & 1)) continue;
        const dy = g.degree(y);
        if (dy > 16 * dv) {
          // N(v) is the far shorter side: gallop through N(y) for its members.
          const yarr = g.rowArr(y), yhi = g.rowHi(y);
          let at = g.rowLo(y);
          probes += dv * 4;
          for (let q = vlo; q < vhi && at < yhi; q++) {
            const x = varr[q]!;
            at = gallop(yarr, at, yhi, x);
            if (at < yhi && yarr[at] === x && (A[x >>> 5]! >>> (x & 31)) & 1) {
              d = 3;
              break;
            }
          }
        } else {
          const yarr = g.rowArr(y);
          const ylo = g.rowLo(y), yhi = g.rowHi(y);
          for (let q = ylo; q < yhi; q++) {
            const x = yarr[q]!;
            if ((A[x >>> 5]! >>> (x & 31)) & 1) {
              d = 3;
              probes += q - ylo;
              break;
            }
          }
          if (d === null) probes += yhi - ylo;
        }
      }
      res[i] = d;
    }
    return pending.length;
  }

  // ---- mutuals ----

  /**
   * Common neighbours of a and b (avoided ones left out) into mutId, with a's day in mutDayA and b's in
   * mutDayB; returns the count. A sorted merge, or a gallop through the longer row when it is over 8× the
   * shorter. The merge stays branchy on purpose: on lopsided rows its branches run in long predictable
   * runs, and a branch-free form (stores every step) measured twice as slow at the 99th percentile. Days
   * are read only for the matches, so the day rows are not streamed in full.
   */
  private intersect(a: number, b: number): number {
    const g = this.g;
    let A = a, B = b;
    if (g.degree(A) > g.degree(B)) {
      A = b;
      B = a;
    }
    const small = g.degree(A);
    if (this.mutId.length < small) {
      const size = Math.max(small, this.mutId.length * 2);
      this.mutId = new Int32Array(size);
      this.mutDayA = new Uint16Array(size);
      this.mutDayB = new Uint16Array(size);
      this.mutPosA = new Int32Array(size);
      this.mutPosB = new Int32Array(size);
    }
    const ids = this.mutId, posA = this.mutPosA, posB = this.mutPosB;
    const aArr = g.rowArr(A), bArr = g.rowArr(B);
    let i = g.rowLo(A), j = g.rowLo(B);
    const ie = g.rowHi(A), je = g.rowHi(B);
    let count = 0;
    if (je - j > 8 * (ie - i)) {
      for (; i < ie && j < je; i++) {
        const x = aArr[i]!;
        j = gallop(bArr, j, je, x);
        if (j < je && bArr[j] === x) {
          ids[count] = x;
          posA[count] = i;
          posB[count] = j;
          count++;
          j++;
        }
      }
    } else {
      while (i < ie && j < je) {
        const x = aArr[i]!, y = bArr[j]!;
        if (x < y) i++;
        else if (x > y) j++;
        else {
          ids[count] = x;
          posA[count] = i;
          posB[count] = j;
          count++;
          i++;
          j++;
        }
      }
    }
    // Days of the smaller row's member go to the array of whichever of a, b it is.
    const daysA = A === a ? this.mutDayA : this.mutDayB, daysB = A === a ? this.mutDayB : this.mutDayA;
    const aDay = g.rowDays(A), bDay = g.rowDays(B);
    const skip = this.hasAvoid, X = this.bitsX;
    let kept = 0;
    for (let k = 0; k < count; k++) {
      const z = ids[k]!;
      if (skip && (X[z >>> 5]! >>> (z & 31)) & 1) continue;
      ids[kept] = z;
      daysA[kept] = aDay[posA[k]!]!;
      daysB[kept] = bDay[posB[k]!]!;
      kept++;
    }
    return kept;
  }

  mutuals(a: number, b: number, limit: number, avoid: ReadonlySet<number> | undefined, nowDay: number): Mutuals {
    const g = this.g;
    if (a === b || !(a >= 0 && a < g.n) || !(b >= 0 && b < g.n)) return { count: 0, first: [] };
    this.scratch();
    this.loadAvoid(avoid);
    const m = this.mutualsLoaded(a, b, limit, nowDay);
    this.clean();
    return m;
  }

  /**
   * Mutuals with the avoid set already loaded. The first `limit` by relevance, (recency part) /
   * log2(1 + degree): with degree ≥ 2^⌊log2 degree⌋ from the cached `logDeg` byte, a mutual whose bound
   * cannot beat the current k-th best is skipped without reading its degree (a likely cache miss).
   */
  private mutualsLoaded(a: number, b: number, limit: number, nowDay: number): Mutuals {
    const count = this.intersect(a, b);
    if (limit <= 0 || count === 0) return { count, first: [] };
    const g = this.g, ids = this.mutId, da = this.mutDayA, db = this.mutDayB, logDeg = g.logDeg;
    const top = new TopK(limit);
    for (let k = 0; k < count; k++) {
      const z = ids[k]!;
      if (top.full) {
        // Every mutual has degree ≥ 2 (a and b), so ⌊log2⌋ ≥ 1; the pad absorbs rounding.
        const bound = (recency(da[k]!, nowDay) + recency(db[k]!, nowDay)) / 2 / LOG2_1P_POW2[Math.max(1, logDeg[z]!)]!;
        if (bound * (1 + 1e-12) < top.worst) continue;
      }
      top.offer(z, mutualRelevance(g.degree(z), da[k]!, db[k]!, nowDay));
    }
    return { count, first: top.ids };
  }

  // ---- introduction paths ----

  /** Up to k shortest paths, ranked by scoring.ts `pathScore` (csr-paths.ts). */
  paths(v: number, t: number, k: number, avoid: ReadonlySet<number> | undefined, nowDay: number): number[][] {
    const g = this.g;
    if (v === t || k <= 0 || !(v >= 0 && v < g.n) || !(t >= 0 && t < g.n)) return [];
    this.scratch();
    this.loadAvoid(avoid);
    const found = findPaths(this, v, t, k, nowDay);
    this.clean();
    return found;
  }

  // ---- people you may know ----

  /**
   * Friends of friends by shaped Adamic–Adar (scoring.ts `suggestionScore`), best first, with reasons.
   * Candidates accumulate in a sparse set (dense arrays indexed by discovery order, plus one slot per
   * member that needs no clearing), so each visited edge costs one random access; v's neighbours are
   * visited in ascending id, so each candidate's sum adds in the same order as the SQL reference.
   * A score is at most its Adamic–Adar sum, so candidates whose sum cannot beat the current k-th best
   * are skipped before their degree is read. An open networker's walk is bounded (fof-budget.ts).
   */
  suggest(v: number, limit: number, avoid: ReadonlySet<number> | undefined, exclude: ReadonlySet<number> | undefined, nowDay: number): Suggestion[] {
    const g = this.g;
    if (!(v >= 0 && v < g.n) || limit <= 0) return [];
    this.scratch();
    this.loadAvoid(avoid);
    const n = g.n, E = this.bitsB, X = this.bitsX, skip = this.hasAvoid;
    // Never candidates: v, N(v), the avoided and the excluded.
    E[v >>> 5]! |= 1 << (v & 31);
    this.markRow(v, E, false);
    if (skip) for (const a of this.avoidList) E[a >>> 5]! |= 1 << (a & 31);
    if (exclude) for (const x of exclude) if (x >= 0 && x < n && (x | 0) === x) E[x >>> 5]! |= 1 << (x & 31);
    const slot = this.slot, candId = this.candId, acc = this.candAcc, cnt = this.candCnt;
    let count = 0;
    const varr = g.rowArr(v);
    const maxDegree = degreeCutoff(g, v, this.suggestWork);
    for (let p = g.rowLo(v), pe = g.rowHi(v); p < pe; p++) {
      const x = varr[p]!;
      if (skip && (X[x >>> 5]! >>> (x & 31)) & 1) continue;
      if (g.degree(x) > maxDegree) continue;
      const w = adamicAdarWeight(g.degree(x));
      const arr = g.rowArr(x);
      for (let q = g.rowLo(x), e = g.rowHi(x); q < e; q++) {
        const z = arr[q]!;
        if ((E[z >>> 5]! >>> (z & 31)) & 1) continue;
        const k = slot[z]!;
        if (k < count && candId[k] === z) {
          acc[k]! += w;
          cnt[k]!++;
        } else {
          slot[z] = count;
          candId[count] = z;
          acc[count] = w;
          cnt[count] = 1;
          count++;
        }
      }
    }
    this.unmarkRow(v, E);
    E[v >>> 5] = 0;
    for (const a of this.avoidList) E[a >>> 5] = 0;
    if (exclude) for (const x of exclude) if (x >= 0 && x < n && (x | 0) === x) E[x >>> 5] = 0;
    const dv = g.degree(v);
    const top = new TopK(limit);
    for (let k = 0; k < count; k++) {
      const a = acc[k]!;
      if (top.full && a <= top.worst) continue;
      top.offer(candId[k]!, suggestionScore(a, cnt[k]!, dv, g.degree(candId[k]!)));
    }
    const counts = top.ids.map((z) => cnt[slot[z]!]!);
    const result = top.ids.map((id, i) => ({
      id,
      score: top.scores[i]!,
      mutualCount: counts[i]!,
      mutuals: this.mutualsLoaded(v, id, 2, nowDay).first,
    }));
    this.clean();
    return result;
  }
}
