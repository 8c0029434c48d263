/**
 * Property: any sequence of connects, removes and compactions leaves the CSR index answering exactly as a
 * naive adjacency-set model, after every step (degrees of every pair, mutual counts, 2nd degree).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BfsReference } from './bfs-reference.ts';
import { CsrGraph } from './csr.ts';
import { CsrGraphIndex } from './csr-index.ts';

const N = 14;
const member = fc.integer({ min: 0, max: N - 1 });
const step = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('add' as const), a: member, b: member, day: fc.integer({ min: 0, max: 9000 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('remove' as const), a: member, b: member }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('compact' as const) }) },
);
const initial = fc.array(fc.tuple(member, member), { maxLength: 30 });

let steps = 0;

describe('CSR under random connects, removes and compactions', () => {
  it('equals a naive model after every step (≥ 1,000 steps in all)', async () => {
    await fc.assert(
      fc.asyncProperty(initial, fc.array(step, { minLength: 15, maxLength: 40 }), async (start, ops) => {
        const model = new BfsReference(N);
        for (const [a, b] of start) model.add(a, b);
        const src = Int32Array.from(start, (e) => e[0]), dst = Int32Array.from(start, (e) => e[1]);
        // A low threshold also exercises compactions the index schedules itself.
        const index = new CsrGraphIndex(CsrGraph.fromEdges(N, src, dst, undefined, { compactAt: 48 }));
        for (const s of ops) {
          steps++;
          if (s.op === 'add') {
            await index.addConnection(s.a, s.b, Date.UTC(2000, 0, 1) + s.day * 86_400_000);
            model.add(s.a, s.b);
          } else if (s.op === 'remove') {
            await index.removeConnection(s.a, s.b);
            model.remove(s.a, s.b);
          } else index.graph.compact();
          if (steps % 7 === 0) await new Promise((r) => setImmediate(r)); // let scheduled compactions run
          const all = Array.from({ length: N }, (_, i) => i);
          for (let v = 0; v < N; v++) {
            expect(await index.degrees(v, all)).toEqual(all.map((t) => model.degree(v, t)));
            const w = (v * 5 + steps) % N;
            expect((await index.mutuals(v, w, 3)).count).toBe(model.mutualCount(v, w));
            expect(await index.mutualCounts(v, all)).toEqual(all.map((t) => (t === v ? 0 : model.mutualCount(v, t))));
          }
          const v = steps % N;
          expect([...(await index.secondDegree(v))].sort((a, b) => a - b)).toEqual(model.secondDegree(v));
          expect((await index.stats()).edges).toBe(model.adj.reduce((n, s) => n + s.size, 0) / 2);
        }
      }),
      { numRuns: 50, seed: 20240601 },
    );
    expect(steps).toBeGreaterThanOrEqual(1000);
  });
});
