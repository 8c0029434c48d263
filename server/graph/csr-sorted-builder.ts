/**
 * Builds a CsrGraph in one pass from rows that arrive in ascending member order, each row a member's
 * neighbours (ideally ascending) with the day of each tie: what an index-ordered read of the connection
 * table gives (load-copy.ts). Each row is written straight into its final place, so there is no per-member
 * array, no bucket pass and no transpose (CsrGraph.fromEdges needs three passes over unordered edges).
 *
 * A row is checked as it is closed: ids outside [0, n) and self-loops are dropped (a member who joined
 * after the read began is caught up from the events outbox), and a row that is not strictly ascending is
 * sorted (keeping the earliest day of a duplicate), so a read whose order is only "usually" kept still
 * builds a correct index.
 */
import { CsrGraph } from './csr.ts';
import { allocInt32, allocUint16 } from './shared-arrays.ts';

export class SortedCsrBuilder {
  private readonly off: Int32Array;
  /** Neighbour ids and days of the rows so far; a caller writes a row at the position `begin` returns. */
  nbr: Int32Array;
  day: Uint16Array;
  private used = 0;
  /** The first member whose row offset is not set yet. */
  private next = 0;

  constructor(
    readonly n: number,
    /** Directed edges expected (a planner estimate is fine: the arrays grow, and are trimmed at the end). */
    estimate: number,
  ) {
    this.off = allocInt32(n + 1);
    const cap = Math.max(1024, Math.ceil(estimate));
    this.nbr = allocInt32(cap);
    this.day = allocUint16(cap);
  }

  /** Opens member u's row (u above every earlier row's) with room for `count` entries; returns where to write them. */
  begin(u: number, count: number): number {
    if (!(u >= this.next && u < this.n)) throw new Error(`SortedCsrBuilder: row ${u} out of order or range (next ${this.next}, n ${this.n})`);
    while (this.next <= u) this.off[this.next++] = this.used;
    if (this.used + count > this.nbr.length) this.grow(this.used + count);
    return this.used;
  }

  /** Closes u's row after `count` entries were written at `begin`'s position (see the file comment). */
  end(u: number, count: number): void {
    const nbr = this.nbr, day = this.day, n = this.n, start = this.used;
    let kept = 0, ascending = true, prev = -1;
    for (let p = start, e = start + count; p < e; p++) {
      const x = nbr[p]!;
      if (x < 0 || x >= n || x === u) continue;
      if (x <= prev) ascending = false;
      prev = x;
      nbr[start + kept] = x;
      day[start + kept] = day[p]!;
      kept++;
    }
    this.used = start + (ascending ? kept : this.sortRow(start, kept));
  }

  /** Sorts a row in place by id, keeping one entry per id with its earliest day; returns its new length. */
  private sortRow(start: number, len: number): number {
    const ids = Array.from(this.nbr.subarray(start, start + len));
    const days = Array.from(this.day.subarray(start, start + len));
    const order = ids.map((_, i) => i).sort((a, b) => ids[a]! - ids[b]! || days[a]! - days[b]!);
    let w = 0;
    for (const i of order) {
      if (w > 0 && this.nbr[start + w - 1] === ids[i]) continue;
      this.nbr[start + w] = ids[i]!;
      this.day[start + w] = days[i]!;
      w++;
    }
    return w;
  }

  private grow(min: number): void {
    const cap = Math.max(min, Math.ceil(this.nbr.length * 1.25));
    const nbr = allocInt32(cap), day = allocUint16(cap);
    nbr.set(this.nbr.subarray(0, this.used));
    day.set(this.day.subarray(0, this.used));
    this.nbr = nbr;
    this.day = day;
  }

  /** The graph of the rows so far (members without a row have none). */
  finish(): CsrGraph {
    while (this.next <= this.n) this.off[this.next++] = this.used;
    let nbr = this.nbr, day = this.day;
    if (nbr.length !== this.used) {
      // Trim to the exact size: the index's byte count and snapshots read the arrays' lengths.
      nbr = allocInt32(this.used);
      day = allocUint16(this.used);
      nbr.set(this.nbr.subarray(0, this.used));
      day.set(this.day.subarray(0, this.used));
    }
    return CsrGraph.fromBase(this.n, this.off, nbr, day);
  }
}
