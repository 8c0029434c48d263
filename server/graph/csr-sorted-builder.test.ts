import { describe, expect, it } from 'vitest';
import { CsrGraph } from './csr.ts';
import { SortedCsrBuilder } from './csr-sorted-builder.ts';

/** Writes one row through the builder's protocol. */
function row(b: SortedCsrBuilder, u: number, ids: number[], days: number[]): void {
  const at = b.begin(u, ids.length);
  ids.forEach((x, i) => {
    b.nbr[at + i] = x;
    b.day[at + i] = days[i]!;
  });
  b.end(u, ids.length);
}

describe('SortedCsrBuilder', () => {
  it('builds the same graph as fromEdges from member-ordered rows, growing past its estimate', () => {
    const b = new SortedCsrBuilder(6, 0);
    row(b, 0, [1, 2], [10, 11]);
    row(b, 1, [0, 2], [10, 12]);
    row(b, 2, [0, 1, 4], [11, 12, 13]);
    // 3 has no row at all; 5 is the last member and has none either.
    row(b, 4, [2], [13]);
    const g = b.finish();
    const ref = CsrGraph.fromEdges(6, Int32Array.from([0, 1, 2]), Int32Array.from([1, 2, 4]), Uint16Array.from([10, 12, 13]));
    ref.addConnection(0, 2, Date.UTC(2000, 0, 12));
    ref.compact();
    for (let u = 0; u < 6; u++) {
      expect([...g.neighbours(u)], `row ${u}`).toEqual([...ref.neighbours(u)]);
      for (const x of g.neighbours(u)) expect(g.edgeDay(u, x)).toBe(ref.edgeDay(u, x));
    }
    expect(g.directedEdges).toBe(8);
    expect(g.nbr.length).toBe(8);
  });

  it('sorts a row out of order, keeps the earliest day of a duplicate, drops self-loops and ids out of range', () => {
    const b = new SortedCsrBuilder(5, 100);
    row(b, 1, [4, 0, 1, 9, 3, 0, -2], [40, 7, 1, 9, 30, 5, 2]);
    const g = b.finish();
    expect([...g.neighbours(1)]).toEqual([0, 3, 4]);
    expect([g.edgeDay(1, 0), g.edgeDay(1, 3), g.edgeDay(1, 4)]).toEqual([5, 30, 40]);
    expect(g.nbr.length).toBe(3);
  });

  it('refuses rows out of member order', () => {
    const b = new SortedCsrBuilder(5, 10);
    row(b, 2, [1], [0]);
    expect(() => b.begin(1, 1)).toThrow(/out of order/);
    expect(() => b.begin(5, 1)).toThrow(/out of order or range/);
  });
});
