/**
 * Introduction paths over a CsrGraph: up to k distinct shortest paths of at most 3 hops, ranked by
 * scoring.ts `pathScore`, exactly as the SQL reference ranks them.
 *
 * The method, for a viewer v and target t that are not connected:
 * - Mark N(v) and N(t) in two bitsets (all members, avoided ones too: a hop's mutual count is a property
 *   of the tie).
 * - Two hops: probe the smaller row against the other's bits.
 * - Three hops, when there are none: every (x, y) with x ∈ N(v), y ∈ N(t), x ~ y, found from the side whose
 *   2-hop expansion (Σ deg over its row) is cheaper: that side's rows are scanned against the other
 *   side's bits, except that a neighbour with a row over 16× the far row looks the far row's members up
 *   by binary search instead. The expansions of both sides are compared without finishing the larger
 *   one. This is the bidirectional search meeting in the middle: a 3-hop path exists iff the two
 *   1-hop frontiers are joined by an edge, so no search goes beyond one hop from either end.
 * - Ranking is branch and bound with lazy refinement. Most 3-hop paths run between two well-connected
 *   intermediaries (x and y with thousands of connections each), so the exact middle hop, |N(x) ∩ N(y)|,
 *   is the expensive part: a merge of two long rows. Each candidate starts with a bound from degrees
 *   (a hop's mutual count is below the smaller degree of its ends). When a candidate first reaches the
 *   top of the max-heap, its outer hops are made exact and it goes back with the tighter bound; only when
 *   it reaches the top again is the middle hop counted. It stops when the k-th best exact score beats the
 *   top bound, so the result is the same as scoring every candidate.
 * - Outer hops are counted against the bitsets already marked: |N(v) ∩ N(x)| is x's row scanned against
 *   N(v)'s bits (no merge, no mispredicted branches), or v's row galloped through x's when x's is much
 *   longer (csr-intersect.ts `countCommonMarked`). On the side the enumeration scanned from, a row that
 *   yielded a candidate is still in cache, so its outer count is taken right there with one more pass:
 *   those intermediaries start exact, their candidates' bounds are tight from the start, and far fewer
 *   candidates reach the top to be refined (hub viewers' paths: p99 about 10× lower).
 */
import { countCommonMarked, gallop, intersectRows } from './csr-intersect.ts';
import type { CsrScratch } from './csr-scratch.ts';
import { activityFactor, comparePaths, hopStrength, pathScore } from './scoring.ts';

interface PathCandidate {
  nodes: number[];
  ub: number;
  score: number;
}

/** Per-intermediary facts for bounds and exact scores: the outer hop's day, its bound part, its mutual count. */
interface EndFacts {
  day: number;
  ub: number;
  mutuals: number;
}

/** 3-hop candidates (x, y, day of x–y), grown on demand; one set per thread. */
let cx = new Int32Array(256);
let cy = new Int32Array(256);
let cday = new Int32Array(256);
let candCount = 0;
/** Near-side intermediaries whose row enumerate scanned in full, with their exact outer-hop mutual count. */
let nearId = new Int32Array(64);
let nearCnt = new Int32Array(64);
let nearCount = 0;
/** Whether the last enumeration scanned from v's side (its near intermediaries are then the x's). */
let nearIsV = true;

function pushNear(a: number, c: number): void {
  if (nearCount === nearId.length) {
    const id = new Int32Array(nearCount * 2), cnt = new Int32Array(nearCount * 2);
    id.set(nearId);
    cnt.set(nearCnt);
    nearId = id;
    nearCnt = cnt;
  }
  nearId[nearCount] = a;
  nearCnt[nearCount] = c;
  nearCount++;
}

function push(x: number, y: number, day: number): void {
  if (candCount === cx.length) {
    const grow = <T extends Int32Array>(a: T): T => {
      const b = new Int32Array(a.length * 2) as T;
      b.set(a);
      return b;
    };
    cx = grow(cx);
    cy = grow(cy);
    cday = grow(cday);
  }
  cx[candCount] = x;
  cy[candCount] = y;
  cday[candCount] = day;
  candCount++;
}

/** Per-member activity in [0, 1] for ranking (GraphIndex.setActivity), or null. */
type Activity = ArrayLike<number> | null;

/** Up to k shortest introduction paths from v to t (GraphIndex.paths). */
export function paths(s: CsrScratch, v: number, t: number, k: number, avoid: ReadonlySet<number> | undefined, nowDay: number, act: Activity): number[][] {
  const g = s.g;
  if (v === t || k <= 0 || !(v >= 0 && v < g.n) || !(t >= 0 && t < g.n)) return [];
  s.begin(avoid);
  const found = findPaths(s, v, t, k, nowDay, act);
  s.end();
  return found;
}

/** Leaves bitsA and bitsB clear. */
function findPaths(s: CsrScratch, v: number, t: number, k: number, nowDay: number, act: Activity): number[][] {
  const g = s.g;
  if (s.avoided(v) || s.avoided(t)) return [];
  if (g.hasEdge(v, t)) return [[v, t]];
  const A = s.bitsA, B = s.bitsB;
  s.markRow(v, A, false);
  s.markRow(t, B, false);
  const result = twoHops(s, v, t, k, nowDay, act) ?? threeHops(s, v, t, k, nowDay, act);
  s.unmarkRow(v, A);
  s.unmarkRow(t, B);
  return result;
}

function twoHops(s: CsrScratch, v: number, t: number, k: number, nowDay: number, act: Activity): number[][] | null {
  const g = s.g, A = s.bitsA, B = s.bitsB;
  const dv = g.degree(v), dt = g.degree(t);
  const side = dv <= dt ? v : t, other = dv <= dt ? B : A;
  const cands: PathCandidate[] = [];
  const arr = g.rowArr(side);
  for (let p = g.rowLo(side), e = g.rowHi(side); p < e; p++) {
    const x = arr[p]!;
    if (!((other[x >>> 5]! >>> (x & 31)) & 1) || s.avoided(x)) continue;
    const dx = g.degree(x);
    const d1 = g.edgeDay(v, x), d2 = g.edgeDay(x, t);
    const ub = hopStrength(Math.min(dv, dx) - 1, d1, nowDay) * hopStrength(Math.min(dx, dt) - 1, d2, nowDay) * activityFactor(act, x);
    cands.push({ nodes: [v, x, t], ub, score: 0 });
  }
  if (cands.length === 0) return null;
  cands.sort((a, b) => b.ub - a.ub);
  const best: PathCandidate[] = [];
  for (const c of cands) {
    // Rounding in a different product order must not prune a tie: pad the bound by a relative 1e-9.
    if (best.length === k && best[k - 1]!.score > c.ub * (1 + 1e-9)) break;
    const x = c.nodes[1]!;
    c.score = pathScore(c.nodes, [countCommonMarked(g, x, v, A), countCommonMarked(g, x, t, B)], [g.edgeDay(v, x), g.edgeDay(x, t)], nowDay, act);
    keep(best, c, k);
  }
  return best.map((c) => c.nodes);
}

function keep(best: PathCandidate[], c: PathCandidate, k: number): void {
  if (best.length < k || comparePaths(c, best[k - 1]!) < 0) {
    best.push(c);
    best.sort(comparePaths);
    if (best.length > k) best.pop();
  }
}

/** Finds every 3-hop candidate (x, y) into cx/cy/cday; returns the count. */
function enumerate(s: CsrScratch, v: number, t: number): number {
  const g = s.g, X = s.bitsX, skip = s.hasAvoid;
  const dv = g.degree(v), dt = g.degree(t);
  let fromV: boolean;
  if (dv <= dt) {
    const wv = s.work(v, Infinity);
    fromV = wv <= s.work(t, wv);
  } else {
    const wt = s.work(t, Infinity);
    fromV = s.work(v, wt) < wt;
  }
  // (near, far): scan the rows of near's neighbours against far's bits.
  nearIsV = fromV;
  const near = fromV ? v : t, far = fromV ? t : v, farBits = fromV ? s.bitsB : s.bitsA, nearBits = fromV ? s.bitsA : s.bitsB;
  const farArr = g.rowArr(far), farLo = g.rowLo(far), farHi = g.rowHi(far), hubRow = 16 * (farHi - farLo);
  const ovBits = g.ovBits, off = g.off, nbr = g.nbr, day = g.day, ovOff = g.ovOff, ovLen = g.ovLen, pool = g.pool, poolDay = g.poolDay;
  candCount = 0;
  nearCount = 0;
  const narr = g.rowArr(near);
  for (let p = g.rowLo(near), pe = g.rowHi(near); p < pe; p++) {
    const a = narr[p]!;
    if (skip && (X[a >>> 5]! >>> (a & 31)) & 1) continue;
    let arr = nbr, days = day, lo: number, hi: number;
    if ((ovBits[a >>> 5]! >>> (a & 31)) & 1) {
      arr = pool;
      days = poolDay;
      lo = ovOff[a]!;
      hi = lo + ovLen[a]!;
    } else {
      lo = off[a]!;
      hi = off[a + 1]!;
    }
    if (hi - lo > hubRow) {
      // A row far longer than far's: gallop through it for far's members instead of scanning it.
      let at = lo;
      for (let p2 = farLo; p2 < farHi && at < hi; p2++) {
        const b = farArr[p2]!;
        at = gallop(arr, at, hi, b);
        if (at >= hi || arr[at] !== b || (skip && (X[b >>> 5]! >>> (b & 31)) & 1)) continue;
        if (fromV) push(a, b, days[at]!);
        else push(b, a, days[at]!);
      }
      continue;
    }
    const before = candCount;
    for (let r = lo; r < hi; r++) {
      const b = arr[r]!;
      if (((farBits[b >>> 5]! >>> (b & 31)) & 1) === 0) continue;
      if (skip && (X[b >>> 5]! >>> (b & 31)) & 1) continue;
      if (fromV) push(a, b, days[r]!);
      else push(b, a, days[r]!);
    }
    if (candCount > before) {
      // The row is in cache now: its outer hop's exact mutual count, |N(a) ∩ N(near)|, costs one more pass.
      let c = 0;
      for (let r = lo; r < hi; r++) {
        const b = arr[r]!;
        c += (nearBits[b >>> 5]! >>> (b & 31)) & 1;
      }
      pushNear(a, c);
    }
  }
  return candCount;
}

function threeHops(s: CsrScratch, v: number, t: number, k: number, nowDay: number, act: Activity): number[][] {
  const size = enumerate(s, v, t);
  if (size === 0) return [];
  const g = s.g;
  const dv = g.degree(v), dt = g.degree(t);
  // Outer-hop facts per intermediary: the bound part first (from degrees), the exact count on demand.
  const xs = new Map<number, EndFacts>(), ys = new Map<number, EndFacts>();
  const factsX = (x: number): EndFacts => {
    let f = xs.get(x);
    if (!f) {
      const day = g.edgeDay(v, x);
      f = { day, ub: hopStrength(Math.min(dv, g.degree(x)) - 1, day, nowDay) * activityFactor(act, x), mutuals: -1 };
      xs.set(x, f);
    }
    return f;
  };
  const factsY = (y: number): EndFacts => {
    let f = ys.get(y);
    if (!f) {
      const day = g.edgeDay(y, t);
      f = { day, ub: hopStrength(Math.min(dt, g.degree(y)) - 1, day, nowDay) * activityFactor(act, y), mutuals: -1 };
      ys.set(y, f);
    }
    return f;
  };
  const exactX = (f: EndFacts, x: number): void => {
    if (f.mutuals >= 0) return;
    f.mutuals = countCommonMarked(g, x, v, s.bitsA);
    f.ub = hopStrength(f.mutuals, f.day, nowDay) * activityFactor(act, x);
  };
  const exactY = (f: EndFacts, y: number): void => {
    if (f.mutuals >= 0) return;
    f.mutuals = countCommonMarked(g, y, t, s.bitsB);
    f.ub = hopStrength(f.mutuals, f.day, nowDay) * activityFactor(act, y);
  };
  // The near side's counts came with the enumeration: those intermediaries start exact.
  const nearFacts = nearIsV ? factsX : factsY;
  for (let i = 0; i < nearCount; i++) {
    const a = nearId[i]!, f = nearFacts(a);
    f.mutuals = nearCnt[i]!;
    f.ub = hopStrength(f.mutuals, f.day, nowDay) * activityFactor(act, a);
  }
  const cub = new Float64Array(size);
  const refined = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    const x = cx[i]!, y = cy[i]!;
    cub[i] = factsX(x).ub * hopStrength(Math.min(g.degree(x), g.degree(y)) - 1, cday[i]!, nowDay) * factsY(y).ub;
  }

  // A max-heap of candidates by bound. The top is refined once (exact outer hops, bound lowered in
  // place), then scored exactly and popped; stop when the k-th best beats the top bound.
  const heap = new Int32Array(size);
  for (let i = 0; i < size; i++) heap[i] = i;
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
  const best: PathCandidate[] = [];
  let len = size;
  while (len > 0) {
    const top = heap[0]!;
    // Rounding in a different product order must not prune a tie: pad the bound by a relative 1e-9.
    if (best.length === k && best[k - 1]!.score > cub[top]! * (1 + 1e-9)) break;
    const x = cx[top]!, y = cy[top]!;
    const fx = factsX(x), fy = factsY(y);
    if (!refined[top]) {
      refined[top] = 1;
      exactX(fx, x);
      exactY(fy, y);
      cub[top] = fx.ub * hopStrength(Math.min(g.degree(x), g.degree(y)) - 1, cday[top]!, nowDay) * fy.ub;
      down(0, len);
      continue;
    }
    heap[0] = heap[--len]!;
    down(0, len);
    const nodes = [v, x, y, t];
    const score = pathScore(nodes, [fx.mutuals, intersectRows(g, x, y, null, null), fy.mutuals], [fx.day, cday[top]!, fy.day], nowDay, act);
    keep(best, { nodes, ub: cub[top]!, score }, k);
  }
  return best.map((c) => c.nodes);
}
