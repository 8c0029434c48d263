/**
 * Per-thread scratch for the CSR query kernels: bitsets over member ids, an output list, the sparse set of
 * suggestion candidates and the buffers of a row intersection, all sized to the graph once and reused, so
 * a query allocates nothing in proportion to the graph. One CsrScratch per thread (csr-queries.ts owns it);
 * it reads the graph only through typed arrays, so a worker's replica (csr.ts) runs the kernels unchanged.
 *
 * Why bitsets: a 2-hop expansion probes one mark per edge it visits, at random member ids. A bit per
 * member is 125 KiB at 1 M members and stays in the L2 cache, where an Int32 stamp per member (4 MiB)
 * missed it on most probes. Each bitset is cleared after use, by zeroing the words of the members it set
 * (or with one fill when the set is dense); `dirty` flags make a query that threw midway (a replica's
 * torn read) leave nothing behind for the next.
 *
 * A query brackets its work with `begin(avoid)` and `end()`. bitsX holds the avoided members (those who
 * block the viewer or whom the viewer blocks) for the whole query; bitsA and bitsB are free for the kernel
 * and must be clear again at `end()`.
 */
import type { CsrGraph } from './csr.ts';
import { RowMatches } from './csr-intersect.ts';

export class CsrScratch {
  bitsA = new Uint32Array(0);
  bitsB = new Uint32Array(0);
  bitsX = new Uint32Array(0);
  private dirtyA = false;
  private dirtyB = false;
  /** Members whose bits are set in bitsX; `hasAvoid` is whether there are any. */
  readonly avoidList: number[] = [];
  hasAvoid = false;
  /** Output list (one slot per member). */
  out = new Int32Array(0);
  /** Suggestion candidates as a sparse set: z is candidate k iff k < count and candId[k] === z. */
  slot = new Int32Array(0);
  candId = new Int32Array(0);
  candAcc = new Float64Array(0);
  candCnt = new Int32Array(0);
  /** Common members of two rows and their positions (grown to the smaller degree on demand). */
  readonly matches = new RowMatches();

  constructor(readonly g: CsrGraph) {}

  /** Starts a query: sizes the scratch for the graph's capacity, makes sure A and B are clear, loads the avoid set. */
  begin(avoid: ReadonlySet<number> | undefined): void {
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
    this.loadAvoid(avoid);
  }

  /** Ends a query whose kernel left bitsets A and B clear. */
  end(): void {
    this.dirtyA = this.dirtyB = false;
  }

  /** Clears A and B outright: after a run thrown away midway (graph-worker.ts), marks may not match the rows any more. */
  scrub(): void {
    this.bitsA.fill(0);
    this.bitsB.fill(0);
    this.dirtyA = this.dirtyB = false;
  }

  /** Sets bitsX to the avoided members (valid ids only). */
  private loadAvoid(avoid: ReadonlySet<number> | undefined): void {
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
    this.hasAvoid = list.length > 0;
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
  touches(u: number, bits: Uint32Array): boolean {
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
}
