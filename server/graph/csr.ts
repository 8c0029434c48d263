/**
 * The in-memory connection graph: compressed sparse rows in typed arrays, plus a small mutable overlay.
 *
 * Layout (per directed edge: 4 B neighbour + 2 B day = 6 B, plus 4 B per member for offsets):
 * - `off[u] .. off[u+1]` is u's row in `nbr` (neighbour ids, sorted ascending) and `day` (the connection's
 *   day since 2000-01-01, Uint16).
 * - The overlay: a member whose row changed since the last compaction has its whole current row in `pool`
 *   at `ovOff[u]` (length `ovLen[u]`, room `ovCap[u]`), still sorted. Queries read either the base row or the
 *   overlay row, never a merge of the two, so they see one consistent row per member at no extra cost.
 *   A change to a member copies its row into the pool once (with 25% slack) and edits it in place after.
 * - `compact()` folds the overlay into a fresh base. `needsCompaction()` is true once the pool holds
 *   max(2^20 entries, 1/16 of the base edges), or `compactAt` when given; the owner calls
 *   `scheduleCompaction()` after writes, which compacts on the next macrotask so a burst of writes is
 *   folded once. Compaction is a pure function of the arrays and swaps them in one step.
 *
 * Every big array lives on a SharedArrayBuffer when the runtime has one, and query code reads only typed
 * arrays and numbers, so worker threads can later answer queries over the same memory.
 */
import { FollowGraph } from './follows.ts';
import { toDay } from './scoring.ts';

const hasSab = typeof SharedArrayBuffer === 'function';

export function allocInt32(length: number): Int32Array {
  return hasSab ? new Int32Array(new SharedArrayBuffer(Math.max(1, length) * 4)).subarray(0, length) : new Int32Array(length);
}
export function allocUint16(length: number): Uint16Array {
  return hasSab ? new Uint16Array(new SharedArrayBuffer(Math.max(1, length) * 2 + 2)).subarray(0, length) : new Uint16Array(length);
}

export interface CsrOptions {
  /** Overlay pool size (entries) at which `needsCompaction()` turns true; default max(2^20, base edges / 16). */
  compactAt?: number;
}

const SNAPSHOT_MAGIC = 0x52504752; // "RPGR"
const SNAPSHOT_VERSION = 1;
const HEADER_BYTES = 32;

export class CsrGraph {
  /** Member slots in use: max id + 1. */
  n = 0;
  /** Base rows. `off` has capacity + 1 entries; slots past the base's last member hold empty rows. */
  off: Int32Array;
  nbr: Int32Array;
  day: Uint16Array;
  /** Overlay: pool start of each changed member's row, or -1 for "read the base". */
  ovOff: Int32Array;
  ovLen: Int32Array;
  ovCap: Int32Array;
  pool: Int32Array;
  poolDay: Uint16Array;
  poolUsed = 0;
  /** Directed edges (twice the connections). */
  directedEdges = 0;
  /** Bumped on every change; the change log lets caches tell whether a change touched them. */
  version = 0;
  readonly changeA = new Int32Array(4096);
  readonly changeB = new Int32Array(4096);
  readonly follows = new FollowGraph();
  private compactAt: number | undefined;
  private compactionScheduled = false;

  private constructor(n: number, off: Int32Array, nbr: Int32Array, day: Uint16Array, opts: CsrOptions) {
    this.n = n;
    this.off = off;
    this.nbr = nbr;
    this.day = day;
    this.directedEdges = off[n] ?? 0;
    const cap = off.length - 1;
    this.ovOff = allocInt32(cap).fill(-1);
    this.ovLen = allocInt32(cap);
    this.ovCap = allocInt32(cap);
    this.pool = allocInt32(1024);
    this.poolDay = allocUint16(1024);
    this.compactAt = opts.compactAt;
  }

  static empty(opts: CsrOptions = {}): CsrGraph {
    return new CsrGraph(0, allocInt32(1), allocInt32(0), allocUint16(0), opts);
  }

  /**
   * Builds from an edge list (each undirected edge once or in both directions, duplicates allowed):
   * self-loops and out-of-range ids are dropped, duplicates keep the earliest day. No comparison sort: a
   * bucket pass by source, then a transpose, which lists every row's neighbours in ascending order.
   */
  static fromEdges(n: number, src: Int32Array, dst: Int32Array, createdDays?: Uint16Array, opts: CsrOptions = {}): CsrGraph {
    const m = Math.min(src.length, dst.length);
    const deg = new Int32Array(n + 1);
    for (let i = 0; i < m; i++) {
      const a = src[i]!, b = dst[i]!;
      if (a === b || a < 0 || b < 0 || a >= n || b >= n) continue;
      deg[a]!++;
      deg[b]!++;
    }
    const start = new Int32Array(n + 1);
    for (let u = 0; u < n; u++) start[u + 1] = start[u]! + deg[u]!;
    const total = start[n]!;
    // Pass 1: bucket by source (rows unsorted).
    const n1 = new Int32Array(total);
    const d1 = new Uint16Array(total);
    const cur = start.slice(0, n);
    for (let i = 0; i < m; i++) {
      const a = src[i]!, b = dst[i]!;
      if (a === b || a < 0 || b < 0 || a >= n || b >= n) continue;
      const d = createdDays ? createdDays[i]! : 0;
      let p = cur[a]!++;
      n1[p] = b;
      d1[p] = d;
      p = cur[b]!++;
      n1[p] = a;
      d1[p] = d;
    }
    // Pass 2: transpose. Row w receives u for every u whose row holds w, in increasing u: sorted rows.
    const n2 = new Int32Array(total);
    const d2 = new Uint16Array(total);
    cur.set(start.subarray(0, n));
    for (let u = 0; u < n; u++) {
      for (let p = start[u]!, e = start[u + 1]!; p < e; p++) {
        const q = cur[n1[p]!]!++;
        n2[q] = u;
        d2[q] = d1[p]!;
      }
    }
    // Pass 3: drop duplicates (adjacent now), keeping the earliest day, into shared arrays.
    let kept = 0;
    for (let u = 0; u < n; u++) {
      let prev = -1;
      for (let p = start[u]!, e = start[u + 1]!; p < e; p++) {
        if (n2[p] !== prev) {
          prev = n2[p]!;
          kept++;
        }
      }
    }
    const off = allocInt32(n + 1);
    const nbr = allocInt32(kept);
    const day = allocUint16(kept);
    let w = 0;
    for (let u = 0; u < n; u++) {
      off[u] = w;
      let prev = -1;
      for (let p = start[u]!, e = start[u + 1]!; p < e; p++) {
        const v = n2[p]!;
        if (v === prev) {
          if (d2[p]! < day[w - 1]!) day[w - 1] = d2[p]!;
          continue;
        }
        prev = v;
        nbr[w] = v;
        day[w] = d2[p]!;
        w++;
      }
    }
    off[n] = w;
    return new CsrGraph(n, off, nbr, day, opts);
  }

  // ---- row access: every query goes through these three, so base and overlay look alike ----

  /** The array holding u's row (base `nbr` or overlay `pool`). */
  rowArr(u: number): Int32Array {
    return this.ovOff[u]! >= 0 ? this.pool : this.nbr;
  }
  rowDays(u: number): Uint16Array {
    return this.ovOff[u]! >= 0 ? this.poolDay : this.day;
  }
  rowLo(u: number): number {
    const o = this.ovOff[u]!;
    return o >= 0 ? o : this.off[u]!;
  }
  rowHi(u: number): number {
    const o = this.ovOff[u]!;
    return o >= 0 ? o + this.ovLen[u]! : this.off[u + 1]!;
  }
  degree(u: number): number {
    if (u < 0 || u >= this.n) return 0;
    const o = this.ovOff[u]!;
    return o >= 0 ? this.ovLen[u]! : this.off[u + 1]! - this.off[u]!;
  }
  /** Position of w in u's row, or -1. */
  find(u: number, w: number): number {
    if (u < 0 || u >= this.n) return -1;
    const arr = this.rowArr(u);
    let lo = this.rowLo(u), hi = this.rowHi(u) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const x = arr[mid]!;
      if (x < w) lo = mid + 1;
      else if (x > w) hi = mid - 1;
      else return mid;
    }
    return -1;
  }
  hasEdge(a: number, b: number): boolean {
    return this.find(a, b) >= 0;
  }
  /** Day of edge (a, b), or -1 when absent. */
  edgeDay(a: number, b: number): number {
    const p = this.find(a, b);
    return p < 0 ? -1 : this.rowDays(a)[p]!;
  }
  /** A copy of u's neighbours (for tests and callers off the hot path). */
  neighbours(u: number): Int32Array {
    if (u < 0 || u >= this.n) return new Int32Array(0);
    return this.rowArr(u).slice(this.rowLo(u), this.rowHi(u));
  }

  // ---- mutations (call only after the transaction that made the change has committed) ----

  /** Adds the undirected connection; false when it exists already (the older date is kept) or a === b. */
  addConnection(a: number, b: number, createdAtMs: number): boolean {
    if (a === b || a < 0 || b < 0) return false;
    this.ensureNodes(Math.max(a, b) + 1);
    if (this.hasEdge(a, b)) return false;
    const d = toDay(createdAtMs);
    this.insert(a, b, d);
    this.insert(b, a, d);
    this.directedEdges += 2;
    this.logChange(a, b);
    return true;
  }

  removeConnection(a: number, b: number): boolean {
    if (a === b || !this.hasEdge(a, b)) return false;
    this.remove(a, b);
    this.remove(b, a);
    this.directedEdges -= 2;
    this.logChange(a, b);
    return true;
  }

  private logChange(a: number, b: number): void {
    const i = this.version & 4095;
    this.changeA[i] = a;
    this.changeB[i] = b;
    this.version++;
  }

  /** Grows member capacity so ids < n are valid (new members have empty rows). */
  ensureNodes(n: number): void {
    if (n <= this.n) return;
    const cap = this.off.length - 1;
    if (n > cap) {
      const next = Math.max(n, Math.ceil(cap * 1.5) + 16);
      const off = allocInt32(next + 1);
      off.set(this.off);
      off.fill(this.off[cap]!, cap + 1);
      this.off = off;
      const ovOff = allocInt32(next).fill(-1);
      ovOff.set(this.ovOff);
      this.ovOff = ovOff;
      const ovLen = allocInt32(next);
      ovLen.set(this.ovLen);
      this.ovLen = ovLen;
      const ovCap = allocInt32(next);
      ovCap.set(this.ovCap);
      this.ovCap = ovCap;
    }
    this.n = n;
  }

  /** Makes u's row an overlay row with room for one more entry; returns its pool start. */
  private ownRow(u: number, extra: number): number {
    const o = this.ovOff[u]!;
    const len = this.degree(u);
    if (o >= 0 && len + extra <= this.ovCap[u]!) return o;
    const cap = len + extra + Math.max(4, len >> 2);
    this.reservePool(cap);
    const start = this.poolUsed;
    // Read the source after reservePool: growing the pool moves overlay rows.
    const srcArr = this.rowArr(u), srcDays = this.rowDays(u), lo = this.rowLo(u);
    this.pool.set(srcArr.subarray(lo, lo + len), start);
    this.poolDay.set(srcDays.subarray(lo, lo + len), start);
    this.poolUsed += cap;
    this.ovOff[u] = start;
    this.ovLen[u] = len;
    this.ovCap[u] = cap;
    return start;
  }

  private reservePool(extra: number): void {
    if (this.poolUsed + extra <= this.pool.length) return;
    const size = Math.max(this.poolUsed + extra, this.pool.length * 2);
    const pool = allocInt32(size);
    pool.set(this.pool.subarray(0, this.poolUsed));
    const poolDay = allocUint16(size);
    poolDay.set(this.poolDay.subarray(0, this.poolUsed));
    this.pool = pool;
    this.poolDay = poolDay;
  }

  private insert(u: number, w: number, d: number): void {
    const start = this.ownRow(u, 1);
    const len = this.ovLen[u]!;
    let p = start + len;
    const pool = this.pool, days = this.poolDay;
    while (p > start && pool[p - 1]! > w) {
      pool[p] = pool[p - 1]!;
      days[p] = days[p - 1]!;
      p--;
    }
    pool[p] = w;
    days[p] = d;
    this.ovLen[u] = len + 1;
  }

  private remove(u: number, w: number): void {
    const start = this.ownRow(u, 0);
    const len = this.ovLen[u]!;
    const pool = this.pool, days = this.poolDay;
    let p = start;
    const end = start + len;
    while (p < end && pool[p] !== w) p++;
    for (; p + 1 < end; p++) {
      pool[p] = pool[p + 1]!;
      days[p] = days[p + 1]!;
    }
    this.ovLen[u] = len - 1;
  }

  // ---- compaction ----

  /** Overlay entries (rows copied into the pool) since the last compaction. */
  overlaySize(): number {
    return this.poolUsed;
  }

  needsCompaction(): boolean {
    const threshold = this.compactAt ?? Math.max(1 << 20, this.directedEdges >>> 4);
    return this.poolUsed >= threshold;
  }

  /** Compacts on the next macrotask when the overlay is past its threshold; a burst of writes compacts once. */
  scheduleCompaction(): void {
    if (this.compactionScheduled || !this.needsCompaction()) return;
    this.compactionScheduled = true;
    setImmediate(() => {
      this.compactionScheduled = false;
      if (this.needsCompaction()) this.compact();
    });
  }

  /** Folds the overlay into a fresh base; queries before and after see the same graph. */
  compact(): void {
    const n = this.n;
    const off = allocInt32(this.off.length);
    let total = 0;
    for (let u = 0; u < n; u++) {
      off[u] = total;
      total += this.degree(u);
    }
    off.fill(total, n);
    const nbr = allocInt32(total);
    const day = allocUint16(total);
    for (let u = 0; u < n; u++) {
      const lo = this.rowLo(u), hi = this.rowHi(u);
      nbr.set(this.rowArr(u).subarray(lo, hi), off[u]!);
      day.set(this.rowDays(u).subarray(lo, hi), off[u]!);
    }
    this.off = off;
    this.nbr = nbr;
    this.day = day;
    this.ovOff.fill(-1);
    this.ovLen.fill(0);
    this.ovCap.fill(0);
    this.pool = allocInt32(1024);
    this.poolDay = allocUint16(1024);
    this.poolUsed = 0;
  }

  // ---- snapshot ----

  /**
   * A binary snapshot: a 32-byte header (magic, version, members, directed edges, follow edges), then
   * `off` (Int32 × (n+1)), `nbr` (Int32 × m), `day` (Uint16 × m, padded to 4 bytes) and the follow pairs
   * (Int32 × 2f). Compacts first, so the snapshot is exactly the base arrays.
   */
  toSnapshot(): Uint8Array {
    if (this.poolUsed > 0) this.compact();
    const n = this.n, m = this.off[n]!;
    const follows = this.follows.toPairs();
    const dayBytes = (m * 2 + 3) & ~3;
    const size = HEADER_BYTES + (n + 1) * 4 + m * 4 + dayBytes + follows.byteLength;
    const out = new Uint8Array(size);
    const header = new DataView(out.buffer);
    header.setUint32(0, SNAPSHOT_MAGIC, true);
    header.setUint32(4, SNAPSHOT_VERSION, true);
    header.setUint32(8, n, true);
    header.setUint32(12, m, true);
    header.setUint32(16, follows.length / 2, true);
    let at = HEADER_BYTES;
    out.set(new Uint8Array(this.off.buffer, this.off.byteOffset, (n + 1) * 4), at);
    at += (n + 1) * 4;
    out.set(new Uint8Array(this.nbr.buffer, this.nbr.byteOffset, m * 4), at);
    at += m * 4;
    out.set(new Uint8Array(this.day.buffer, this.day.byteOffset, m * 2), at);
    at += dayBytes;
    out.set(new Uint8Array(follows.buffer, follows.byteOffset, follows.byteLength), at);
    return out;
  }

  static fromSnapshot(buffer: Uint8Array, opts: CsrOptions = {}): CsrGraph {
    if (buffer.byteLength < HEADER_BYTES) throw new Error('graph snapshot: truncated header');
    const header = new DataView(buffer.buffer, buffer.byteOffset, HEADER_BYTES);
    if (header.getUint32(0, true) !== SNAPSHOT_MAGIC) throw new Error('graph snapshot: bad magic');
    if (header.getUint32(4, true) !== SNAPSHOT_VERSION) throw new Error('graph snapshot: unsupported version');
    const n = header.getUint32(8, true), m = header.getUint32(12, true), f = header.getUint32(16, true);
    const dayBytes = (m * 2 + 3) & ~3;
    const size = HEADER_BYTES + (n + 1) * 4 + m * 4 + dayBytes + f * 8;
    if (buffer.byteLength < size) throw new Error('graph snapshot: truncated body');
    // Copy into shared, aligned arrays (the input buffer may be unaligned, e.g. a file slice).
    const copy = (at: number, bytes: number): Uint8Array => buffer.subarray(at, at + bytes);
    let at = HEADER_BYTES;
    const off = allocInt32(n + 1);
    new Uint8Array(off.buffer, off.byteOffset, (n + 1) * 4).set(copy(at, (n + 1) * 4));
    at += (n + 1) * 4;
    const nbr = allocInt32(m);
    new Uint8Array(nbr.buffer, nbr.byteOffset, m * 4).set(copy(at, m * 4));
    at += m * 4;
    const day = allocUint16(m);
    new Uint8Array(day.buffer, day.byteOffset, m * 2).set(copy(at, m * 2));
    at += dayBytes;
    if (off[0] !== 0 || off[n] !== m) throw new Error('graph snapshot: inconsistent offsets');
    const g = new CsrGraph(n, off, nbr, day, opts);
    const pairs = new Int32Array(f * 2);
    new Uint8Array(pairs.buffer).set(copy(at, f * 8));
    g.follows.addPairs(pairs);
    return g;
  }

  /** Bytes held by the index's arrays (base, overlay and per-member bookkeeping; not query scratch). */
  bytes(): number {
    return (
      this.off.byteLength +
      this.nbr.byteLength +
      this.day.byteLength +
      this.ovOff.byteLength +
      this.ovLen.byteLength +
      this.ovCap.byteLength +
      this.pool.byteLength +
      this.poolDay.byteLength +
      this.follows.bytes()
    );
  }
}
