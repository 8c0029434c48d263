/**
 * Degree badges (the degree of many targets from one viewer) and the viewer's whole 2nd-degree set.
 * Kernels over the scratch (csr-scratch.ts) and the hub-ball cache (csr-hub-cache.ts); csr-queries.ts is
 * their facade.
 */
import type { Degree } from './graph-index.ts';
import { HUB_WORK, type HubBalls, markBall } from './csr-hub-cache.ts';
import { gallop } from './csr-intersect.ts';
import type { CsrScratch } from './csr-scratch.ts';

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
export function degrees(s: CsrScratch, hubs: HubBalls, v: number, targets: readonly number[], avoid: ReadonlySet<number> | undefined): Degree[] {
  const g = s.g, T = targets.length;
  const res: Degree[] = new Array<Degree>(T);
  if (!(v >= 0 && v < g.n)) {
    for (let i = 0; i < T; i++) res[i] = targets[i] === v ? 0 : null;
    return res;
  }
  s.begin(avoid);
  const A = s.bitsA, n = g.n;
  s.markRow(v, A, true);
  const pending: number[] = [];
  for (let i = 0; i < T; i++) {
    const t = targets[i]!;
    if (t === v) res[i] = 0;
    else if (!(t >= 0 && t < n) || s.avoided(t)) res[i] = null;
    else if ((A[t >>> 5]! >>> (t & 31)) & 1) res[i] = 1;
    else pending.push(i);
  }
  if (pending.length > 0) farDegrees(s, hubs, v, targets, pending, res);
  s.unmarkRow(v, A);
  s.end();
  return res;
}

function farDegrees(s: CsrScratch, hubs: HubBalls, v: number, targets: readonly number[], pending: number[], res: Degree[]): void {
  const g = s.g;
  const wStar = Math.sqrt(pending.length * Math.max(1, g.directedEdges));
  const work = s.work(v, Math.max(HUB_WORK, wStar));
  const hub = work >= HUB_WORK;
  const key = hub ? hubs.key(v) : '';
  let ball = hub ? hubs.get(key, v) : null;
  if (!ball && hub && hubs.coldHit(v)) {
    markBall(s, v);
    ball = hubs.store(key, s.bitsB.slice());
    s.bitsB.fill(0);
  }
  if (ball) {
    fromBall(s, targets, pending, 0, res, ball.bits);
    return;
  }
  let from = 0;
  if (work >= wStar) {
    // Targets' side; a hub's ball would cost millions of probes, so only a non-hub has a budget.
    from = targetsSide(s, v, targets, pending, res, hub ? Infinity : work);
    if (from === pending.length) return;
  }
  markBall(s, v);
  fromBall(s, targets, pending, from, res, s.bitsB);
  s.bitsB.fill(0);
}

function fromBall(s: CsrScratch, targets: readonly number[], pending: number[], from: number, res: Degree[], bits: Uint32Array): void {
  for (let j = from; j < pending.length; j++) {
    const i = pending[j]!, t = targets[i]!;
    if ((bits[t >>> 5]! >>> (t & 31)) & 1) res[i] = 2;
    else res[i] = s.touches(t, bits) ? 3 : null;
  }
}

/** Answers pending targets from their side until `budget` probes are spent; returns how many it answered. */
function targetsSide(s: CsrScratch, v: number, targets: readonly number[], pending: number[], res: Degree[], budget: number): number {
  const g = s.g, A = s.bitsA, X = s.bitsX, skip = s.hasAvoid;
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

/** The 2nd-degree set of v (see GraphIndex.secondDegree), from a hub's cached ball when there is one. */
export function secondDegree(s: CsrScratch, hubs: HubBalls, v: number, avoid: ReadonlySet<number> | undefined): Int32Array {
  const g = s.g;
  if (!(v >= 0 && v < g.n)) return new Int32Array(0);
  s.begin(avoid);
  const hub = s.work(v, HUB_WORK) >= HUB_WORK;
  const key = hub ? hubs.key(v) : '';
  const ball = hub ? hubs.get(key, v) : null;
  const second = ball ? listFromBall(s, v, ball.bits) : expandList(s, v);
  if (hub && !ball) {
    const bits = new Uint32Array(s.bitsB.length);
    for (let i = 0; i < second.length; i++) bits[second[i]! >>> 5]! |= 1 << (second[i]! & 31);
    s.markRow(v, bits, true);
    hubs.store(key, bits);
  }
  s.end();
  return second;
}

/** The 2nd degree by expansion, in discovery order. Leaves bitsB clear. */
function expandList(s: CsrScratch, v: number): Int32Array {
  const g = s.g, S = s.bitsB, X = s.bitsX, out = s.out, skip = s.hasAvoid;
  // Seen: v, all of N(v) and the avoided members are never output.
  S[v >>> 5]! |= 1 << (v & 31);
  s.markRow(v, S, false);
  if (skip) for (const a of s.avoidList) S[a >>> 5]! |= 1 << (a & 31);
  let count = 0;
  const varr = g.rowArr(v), vlo = g.rowLo(v), vhi = g.rowHi(v);
  for (let p = vlo; p < vhi; p++) {
    const x = varr[p]!;
    if (skip && (X[x >>> 5]! >>> (x & 31)) & 1) continue;
    const arr = g.rowArr(x);
    for (let q = g.rowLo(x), e = g.rowHi(x); q < e; q++) {
      const z = arr[q]!;
      const w = z >>> 5, m = 1 << (z & 31), sw = S[w]!;
      if ((sw & m) === 0) {
        S[w] = sw | m;
        out[count++] = z;
      }
    }
  }
  const result = out.slice(0, count);
  if (count > S.length >>> 2) S.fill(0);
  else {
    for (let i = 0; i < count; i++) S[out[i]! >>> 5] = 0;
    s.unmarkRow(v, S);
    S[v >>> 5] = 0;
    for (const a of s.avoidList) S[a >>> 5] = 0;
  }
  return result;
}

/** The 2nd degree from a cached ball: its members outside N(v), ascending. */
function listFromBall(s: CsrScratch, v: number, bits: Uint32Array): Int32Array {
  const A = s.bitsA, out = s.out;
  s.markRow(v, A, false);
  let count = 0;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w]! & ~A[w]!;
    while (word !== 0) {
      const low = word & -word;
      out[count++] = (w << 5) + 31 - Math.clz32(low);
      word ^= low;
    }
  }
  s.unmarkRow(v, A);
  return out.slice(0, count);
}
