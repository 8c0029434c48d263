import { describe, expect, it } from 'vitest';
import { CsrGraph } from './csr.ts';
import { CsrQueries } from './csr-queries.ts';
import { degreeCutoff } from './fof-budget.ts';

/** Viewer 0 knows a small member 1 (who knows 10, 11) and an open networker 2 (who knows 20…59). */
function openNetworkerGraph(): CsrGraph {
  const src: number[] = [0, 0, 1, 1];
  const dst: number[] = [1, 2, 10, 11];
  for (let z = 20; z < 60; z++) {
    src.push(2);
    dst.push(z);
  }
  return CsrGraph.fromEdges(60, Int32Array.from(src), Int32Array.from(dst));
}

describe('the bound on the people-you-may-know walk', () => {
  it('is unbounded when the walk fits, and keeps the smallest neighbours when it does not', () => {
    const g = openNetworkerGraph();
    // deg(1) = 3, deg(2) = 41: the whole walk is 44 visits.
    expect(degreeCutoff(g, 0, 44)).toBe(Infinity);
    expect(degreeCutoff(g, 0, 43)).toBe(3);
    // The smallest neighbour is always expanded, even past the budget.
    expect(degreeCutoff(g, 0, 1)).toBe(3);
  });

  it('suggests exactly within the budget, and leaves out the open networker’s contacts beyond it', () => {
    const g = openNetworkerGraph();
    const exact = new CsrQueries(g).suggest(0, 100, undefined, undefined, 0).map((s) => s.id);
    expect(exact.sort((a, b) => a - b)).toEqual([10, 11, ...Array.from({ length: 40 }, (_, i) => 20 + i)]);
    const bounded = new CsrQueries(g, { suggestWork: 10 }).suggest(0, 100, undefined, undefined, 0);
    expect(bounded.map((s) => s.id)).toEqual([10, 11]);
    expect(bounded.every((s) => s.mutualCount === 1 && s.mutuals[0] === 1)).toBe(true);
  });
});
