/**
 * The 2-hop balls of hub viewers: N(v) ∪ 2nd degree as a bitset over ids, kept in a small LRU per thread.
 * A hub's ball costs millions of edge visits to build, and a hub viewer asks for badges and 2nd degrees
 * over and over, so after a few cold queries (HUB_BUILD_AFTER) the ball is built once and each later
 * badge is a bit test. A cached ball stays valid across graph changes that touch neither the viewer nor a
 * member of its ball (checked against the graph's change log, csr.ts), and is dropped otherwise.
 */
import { CHANGE_LOG } from './csr-layout.ts';
import type { CsrScratch } from './csr-scratch.ts';

/** A viewer whose 2-hop expansion visits more edges than this is a hub: its ball is worth caching. */
export const HUB_WORK = 200_000;
/** After this many cold badge queries for the same hub viewer, build and cache its ball. */
const HUB_BUILD_AFTER = 3;

export interface Ball {
  /** Graph version the ball is known valid for. */
  version: number;
  /** N(viewer) ∪ 2nd degree, avoided members excluded, as a bitset over ids. */
  bits: Uint32Array;
}

export class HubBalls {
  private readonly balls = new Map<string, Ball>();
  private readonly coldHits = new Map<number, number>();

  constructor(
    private readonly s: CsrScratch,
    /** Balls kept (each n/8 bytes). */
    private readonly size: number,
  ) {}

  clear(): void {
    this.balls.clear();
    this.coldHits.clear();
  }

  /** The cache key of v's ball under the avoid set loaded in the scratch: a ball depends on both. */
  key(v: number): string {
    const s = this.s;
    if (!s.hasAvoid) return `${v}`;
    return `${v}|${[...s.avoidList].sort((a, b) => a - b).join(',')}`;
  }

  /** The cached ball, if it is still valid (and then most recently used), else null. */
  get(key: string, v: number): Ball | null {
    const ball = this.balls.get(key);
    if (!ball) return null;
    const g = this.s.g;
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

  store(key: string, bits: Uint32Array): Ball {
    const ball: Ball = { version: this.s.g.version, bits };
    this.balls.set(key, ball);
    while (this.balls.size > this.size) {
      const oldest = this.balls.keys().next().value;
      if (oldest === undefined) break;
      this.balls.delete(oldest);
    }
    return ball;
  }

  /** Counts a cold query of hub v; true once v has asked often enough that its ball is worth building now. */
  coldHit(v: number): boolean {
    const hits = (this.coldHits.get(v) ?? 0) + 1;
    this.coldHits.set(v, hits);
    if (this.coldHits.size > 4 * this.size) this.coldHits.clear();
    if (hits < HUB_BUILD_AFTER) return false;
    this.coldHits.delete(v);
    return true;
  }
}

/**
 * The ball N(v) ∪ 2nd degree (avoided members and v excluded) into bitsB, by setting bits without
 * reading them first: the cheapest way to mark a large set. The caller clears bitsB.
 */
export function markBall(s: CsrScratch, v: number): void {
  const g = s.g, B = s.bitsB, X = s.bitsX, skip = s.hasAvoid;
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
  if (skip) for (const a of s.avoidList) B[a >>> 5]! &= ~(1 << (a & 31));
}
