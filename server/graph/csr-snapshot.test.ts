import { describe, expect, it } from 'vitest';
import { CsrGraph } from './csr.ts';
import { decodeCsr, encodeCsr } from './csr-snapshot.ts';

describe('the CSR snapshot encoding', () => {
  it('round-trips rows, days, overlay changes and follows', () => {
    const g = CsrGraph.fromEdges(6, Int32Array.from([0, 0, 1, 3]), Int32Array.from([1, 2, 2, 4]), Uint16Array.from([10, 11, 12, 13]));
    g.addConnection(4, 5, Date.UTC(2020, 0, 1));
    g.removeConnection(0, 2);
    g.follows.follow(5, 0);
    const copy = decodeCsr(encodeCsr(g));
    expect(copy.n).toBe(6);
    for (let u = 0; u < 6; u++) {
      expect(Array.from(copy.neighbours(u)), `row ${u}`).toEqual(Array.from(g.neighbours(u)));
      for (const w of g.neighbours(u)) expect(copy.edgeDay(u, w)).toBe(g.edgeDay(u, w));
    }
    expect(copy.hasEdge(0, 2)).toBe(false);
    expect(Array.from(copy.follows.toPairs())).toEqual(Array.from(g.follows.toPairs()));
  });

  it('refuses a foreign or truncated buffer with a reason', () => {
    const bytes = encodeCsr(CsrGraph.fromEdges(3, Int32Array.from([0]), Int32Array.from([1])));
    expect(() => decodeCsr(bytes.subarray(0, 10))).toThrow(/truncated header/);
    expect(() => decodeCsr(bytes.subarray(0, bytes.length - 4))).toThrow(/truncated body/);
    const foreign = bytes.slice();
    foreign[0] = 0;
    expect(() => decodeCsr(foreign)).toThrow(/bad magic/);
  });
});
