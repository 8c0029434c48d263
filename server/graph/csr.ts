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
 * Sharing with worker threads (worker-pool.ts). Every array lives on a SharedArrayBuffer, and query code
 * reads only typed arrays and numbers, so a read-only replica (`CsrGraph.replica`) in a worker answers
 * queries over the same memory. The owning thread is the only writer, and it brackets every change in a
 * seqlock: `ctl[SEQ]` is odd while a change is under way and bumped again when it is done. A replica
 * reads SEQ before a query and again after it; an answer counts only when both reads are equal and even,
 * so it is exactly the answer for the graph between two changes (otherwise the query is retried). A change
 * that replaces arrays (pool growth, new members past capacity, compaction) hands the new set to the
 * `onPublish` listeners before it ends and bumps `ctl[GEN]`, so a replica that sees a new GEN adopts the
 * new set first. Old arrays stay valid memory until every thread drops them, so a stale read is only
 * ever wrong, never unsafe, and the seqlock discards it.
 */
import { FollowGraph } from './follows.ts';
import { allocInt32, allocUint16, allocUint32, allocUint8 } from './shared-arrays.ts';
import { toDay } from './scoring.ts';

/** Slots of the shared control array. */
export const CTL = { SEQ: 0, GEN: 1, N: 2, EDGES: 3, VERSION: 4 } as const;
const CTL_SLOTS = 8;
/** Change-log ring size (a power of two): caches older than this many changes are dropped, not checked. */
export const CHANGE_LOG = 4096;

/** Everything a read-only replica needs, all on SharedArrayBuffers (postMessage shares, never copies them). */
export interface CsrArrays {
  ctl: Int32Array;
  off: Int32Array;
  nbr: Int32Array;
  day: Uint16Array;
  ovOff: Int32Array;
  ovLen: Int32Array;
  ovBits: Uint32Array;
  logDeg: Uint8Array;
  pool: Int32Array;
  poolDay: Uint16Array;
  changeA: Int32Array;
  changeB: Int32Array;
}

export interface CsrOptions {
  /** Overlay pool size (entries) at which `needsCompaction()` turns true; default max(2^20, base edges / 16). */
  compactAt?: number;
}

/** ⌊log2 d⌋ for d ≥ 1, and 0 for d ≤ 1. */
export function log2Floor(d: number): number {
  return d > 1 ? 31 - Math.clz32(d) : 0;
}


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
  /**
   * One bit per member, set when its row is in the overlay. Row access tests it before reading `ovOff`:
   * the bits stay in cache (125 KiB at 1 M members), where `ovOff[u]` at a random u is a cache miss.
   */
  ovBits: Uint32Array;
  /**
   * ⌊log2 degree⌋ per member (0 for degrees 0 and 1): a lower bound on the degree that stays in cache
   * (1 byte per member), so rankings can bound a candidate before paying a cache miss for its degree.
   */
  logDeg: Uint8Array;
  pool: Int32Array;
  poolDay: Uint16Array;
  poolUsed = 0;
  /** Directed edges (twice the connections). */
  directedEdges = 0;
  /** Bumped on every change; the change log lets caches tell whether a change touched them. */
  version = 0;
  changeA: Int32Array;
  changeB: Int32Array;
  /** Seqlock, array generation and the scalar fields, shared with replicas (see the file comment). */
  ctl: Int32Array;
  readonly follows = new FollowGraph();
  /** Called inside the change that replaced any array, before the change ends. */
  readonly onPublish = new Set<(arrays: CsrArrays) => void>();
  /** A replica never writes; it re-reads the scalars from `ctl` (refresh) before each query. */
  readonly readOnly: boolean;
  private compactAt: number | undefined;
  private compactionScheduled = false;
  private writeDepth = 0;
  private arraysChanged = false;

  private constructor(n: number, off: Int32Array, nbr: Int32Array, day: Uint16Array, opts: CsrOptions, shared?: CsrArrays) {
    this.n = n;
    this.off = off;
    this.nbr = nbr;
    this.day = day;
    this.directedEdges = off[n] ?? 0;
    this.compactAt = opts.compactAt;
    if (shared) {
      this.readOnly = true;
      this.ctl = shared.ctl;
      this.ovOff = shared.ovOff;
      this.ovLen = shared.ovLen;
      this.ovBits = shared.ovBits;
      this.logDeg = shared.logDeg;
      this.ovCap = new Int32Array(0);
      this.pool = shared.pool;
      this.poolDay = shared.poolDay;
      this.changeA = shared.changeA;
      this.changeB = shared.changeB;
      this.refresh();
      return;
    }
    this.readOnly = false;
    const cap = off.length - 1;
    this.ctl = allocInt32(CTL_SLOTS);
    this.ovOff = allocInt32(cap).fill(-1);
    this.ovLen = allocInt32(cap);
    this.ovCap = allocInt32(cap);
    this.ovBits = allocUint32((cap + 31) >>> 5);
    this.logDeg = allocUint8(cap);
    for (let u = 0; u < n; u++) this.logDeg[u] = log2Floor(off[u + 1]! - off[u]!);
    this.pool = allocInt32(1024);
    this.poolDay = allocUint16(1024);
    this.changeA = allocInt32(CHANGE_LOG);
    this.changeB = allocInt32(CHANGE_LOG);
    this.publishScalars();
  }

  /** A read-only view over another thread's arrays (see the file comment). */
  static replica(arrays: CsrArrays): CsrGraph {
    return new CsrGraph(0, arrays.off, arrays.nbr, arrays.day, {}, arrays);
  }

  /** The shared arrays, for a replica. */
  arrays(): CsrArrays {
    const { ctl, off, nbr, day, ovOff, ovLen, ovBits, logDeg, pool, poolDay, changeA, changeB } = this;
    return { ctl, off, nbr, day, ovOff, ovLen, ovBits, logDeg, pool, poolDay, changeA, changeB };
  }

  /** Replica: switches to a newer array set. */
  adopt(arrays: CsrArrays): void {
    if (!this.readOnly) throw new Error('CsrGraph: only a replica adopts arrays');
    this.off = arrays.off;
    this.nbr = arrays.nbr;
    this.day = arrays.day;
    this.ovOff = arrays.ovOff;
    this.ovLen = arrays.ovLen;
    this.ovBits = arrays.ovBits;
    this.logDeg = arrays.logDeg;
    this.pool = arrays.pool;
    this.poolDay = arrays.poolDay;
    this.changeA = arrays.changeA;
    this.changeB = arrays.changeB;
    this.refresh();
  }

  /** Replica: re-reads the scalar fields the writer published. */
  refresh(): void {
    const ctl = this.ctl;
    // Clamp, so that a torn read during a change can make a query wrong (and retried) but never out of bounds.
    this.n = Math.min(Atomics.load(ctl, CTL.N), this.off.length - 1, this.ovOff.length, this.logDeg.length);
    this.directedEdges = Atomics.load(ctl, CTL.EDGES);
    this.version = Atomics.load(ctl, CTL.VERSION);
  }

  /** Starts a change: the seqlock turns odd (nests). */
  private beginWrite(): void {
    if (this.readOnly) throw new Error('CsrGraph: a replica is read-only');
    if (this.writeDepth++ === 0) Atomics.add(this.ctl, CTL.SEQ, 1);
  }

  /** Ends a change: publishes scalars and any new arrays, then the seqlock turns even. */
  private endWrite(): void {
    if (--this.writeDepth > 0) return;
    this.publishScalars();
    if (this.arraysChanged) {
      this.arraysChanged = false;
      const arrays = this.arrays();
      for (const listener of this.onPublish) listener(arrays);
      Atomics.add(this.ctl, CTL.GEN, 1);
    }
    Atomics.add(this.ctl, CTL.SEQ, 1);
  }

  private publishScalars(): void {
    Atomics.store(this.ctl, CTL.N, this.n);
    Atomics.store(this.ctl, CTL.EDGES, this.directedEdges);
    Atomics.store(this.ctl, CTL.VERSION, this.version);
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
  /** Whether u's row is in the overlay. */
  inOverlay(u: number): boolean {
    return ((this.ovBits[u >>> 5]! >>> (u & 31)) & 1) === 1;
  }
  rowArr(u: number): Int32Array {
    return this.inOverlay(u) ? this.pool : this.nbr;
  }
  rowDays(u: number): Uint16Array {
    return this.inOverlay(u) ? this.poolDay : this.day;
  }
  rowLo(u: number): number {
    return this.inOverlay(u) ? this.ovOff[u]! : this.off[u]!;
  }
  rowHi(u: number): number {
    return this.inOverlay(u) ? this.ovOff[u]! + this.ovLen[u]! : this.off[u + 1]!;
  }
  degree(u: number): number {
    if (!(u >= 0 && u < this.n)) return 0;
    return this.inOverlay(u) ? this.ovLen[u]! : this.off[u + 1]! - this.off[u]!;
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
    this.beginWrite();
    try {
      this.insert(a, b, d);
      this.insert(b, a, d);
      this.directedEdges += 2;
      this.logChange(a, b);
    } finally {
      this.endWrite();
    }
    return true;
  }

  removeConnection(a: number, b: number): boolean {
    if (a === b || !this.hasEdge(a, b)) return false;
    this.beginWrite();
    try {
      this.remove(a, b);
      this.remove(b, a);
      this.directedEdges -= 2;
      this.logChange(a, b);
    } finally {
      this.endWrite();
    }
    return true;
  }

  private logChange(a: number, b: number): void {
    const i = this.version & (CHANGE_LOG - 1);
    this.changeA[i] = a;
    this.changeB[i] = b;
    this.version++;
  }

  /** Grows member capacity so ids < n are valid (new members have empty rows). */
  ensureNodes(n: number): void {
    if (n <= this.n) return;
    this.beginWrite();
    try {
      this.grow(n);
    } finally {
      this.endWrite();
    }
  }

  private grow(n: number): void {
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
      const ovBits = allocUint32((next + 31) >>> 5);
      ovBits.set(this.ovBits);
      this.ovBits = ovBits;
      const logDeg = allocUint8(next);
      logDeg.set(this.logDeg);
      this.logDeg = logDeg;
      this.arraysChanged = true;
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
    this.ovBits[u >>> 5]! |= 1 << (u & 31);
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
    this.arraysChanged = true;
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
    this.logDeg[u] = log2Floor(len + 1);
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
    this.logDeg[u] = log2Floor(len - 1);
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
    this.beginWrite();
    try {
      this.fold();
    } finally {
      this.endWrite();
    }
  }

  private fold(): void {
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
    this.ovBits.fill(0);
    this.ovLen.fill(0);
    this.ovCap.fill(0);
    this.pool = allocInt32(1024);
    this.poolDay = allocUint16(1024);
    this.poolUsed = 0;
    this.arraysChanged = true;
  }

  /** A graph over base arrays (a decoded snapshot: csr-snapshot.ts); `off` has n + 1 entries. */
  static fromBase(n: number, off: Int32Array, nbr: Int32Array, day: Uint16Array, opts: CsrOptions = {}): CsrGraph {
    return new CsrGraph(n, off, nbr, day, opts);
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
      this.ovBits.byteLength +
      this.logDeg.byteLength +
      this.pool.byteLength +
      this.poolDay.byteLength +
      this.follows.bytes()
    );
  }
}
