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
 *
 * This file is the class: its fields, the replica and seqlock protocol, row access and the public changes.
 * The storage constants and array set are in csr-layout.ts, building base rows from edges in csr-build.ts
 * (from rows in member order: csr-sorted-builder.ts), the overlay's edits and compaction's fold in
 * csr-overlay.ts, the binary snapshot in csr-snapshot.ts and the queries in csr-queries.ts.
 */
import { buildRows } from './csr-build.ts';
import { CHANGE_LOG, CTL, CTL_SLOTS, type CsrArrays, type CsrOptions, log2Floor } from './csr-layout.ts';
import { foldOverlay, growMembers, insertNeighbour, removeNeighbour } from './csr-overlay.ts';
import { FollowGraph } from './follows.ts';
import { allocInt32, allocUint16, allocUint32, allocUint8 } from './shared-arrays.ts';
import { toDay } from './scoring.ts';

export { CHANGE_LOG, CTL, type CsrArrays, type CsrOptions, log2Floor } from './csr-layout.ts';

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

  /** Builds from an edge list (each undirected edge once or in both directions, duplicates allowed): csr-build.ts. */
  static fromEdges(n: number, src: Int32Array, dst: Int32Array, createdDays?: Uint16Array, opts: CsrOptions = {}): CsrGraph {
    const { off, nbr, day } = buildRows(n, src, dst, createdDays);
    return new CsrGraph(n, off, nbr, day, opts);
  }

  // ---- row access: every query goes through these, so base and overlay look alike ----

  /** Whether u's row is in the overlay. */
  inOverlay(u: number): boolean {
    return ((this.ovBits[u >>> 5]! >>> (u & 31)) & 1) === 1;
  }
  /** The array holding u's row (base `nbr` or overlay `pool`). */
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
      if (insertNeighbour(this, a, b, d)) this.arraysChanged = true;
      if (insertNeighbour(this, b, a, d)) this.arraysChanged = true;
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
      if (removeNeighbour(this, a, b)) this.arraysChanged = true;
      if (removeNeighbour(this, b, a)) this.arraysChanged = true;
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
      if (growMembers(this, n)) this.arraysChanged = true;
    } finally {
      this.endWrite();
    }
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
      foldOverlay(this);
      this.arraysChanged = true;
    } finally {
      this.endWrite();
    }
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
