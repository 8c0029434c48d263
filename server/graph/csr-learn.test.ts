/**
 * The weekly people-you-may-know learning reads the graph index instead of the connections table
 * (csr-learn.ts): it must learn exactly what learning from the table's edge list learned, inline and in a worker.
 */
import { describe, expect, it } from 'vitest';
import { CsrGraph } from './csr.ts';
import { CsrGraphIndex } from './csr-index.ts';
import { edgesOfCsr, learnFromEdges } from './csr-learn.ts';
import { parseEdgeList, readDataset, syntheticDays } from './edge-list.ts';
import { learnLinkModel } from './learn-links.ts';
import { WorkerGraphIndex } from './worker-index.ts';

const list = parseEdgeList(readDataset('ego-facebook/facebook_combined.txt.gz'), ' ');
list.days = syntheticDays(list.src.length, 7);
const g = CsrGraph.fromEdges(list.n, list.src, list.dst, list.days);
const ARGS = { seed: 3, members: 300 };

describe('learning people-you-may-know weights from the graph index', () => {
  it('lists every connection once with its day, as the table holds them', () => {
    const edges = edgesOfCsr(g);
    const key = (a: number, b: number, d: number) => `${Math.min(a, b)}-${Math.max(a, b)}@${d}`;
    const fromIndex = Array.from(edges.src, (a, i) => key(a, edges.dst[i]!, edges.days![i]!)).sort();
    const fromList = [...new Set(Array.from(list.src, (a, i) => key(a, list.dst[i]!, list.days![i]!)))].sort();
    expect(edges.n).toBe(list.n);
    expect(fromIndex).toEqual(fromList);
    expect(Array.from(edges.src).every((a, i) => a < edges.dst[i]!)).toBe(true);
  });

  it('learns the same model as from the edge list the job used to read, and a learned one on a real graph', () => {
    const fromIndex = learnFromEdges(edgesOfCsr(g), ARGS);
    const fromList = learnLinkModel({ n: list.n, src: list.src, dst: list.dst, days: list.days }, { dated: true, ...ARGS });
    expect(fromIndex.model.learned).toBe(true);
    expect(fromIndex.connections).toBe(88_234);
    expect({ model: fromIndex.model, positives: fromIndex.positives, pairs: fromIndex.pairs, members: fromIndex.members }).toEqual(fromList);
  });

  it('learns in a graph worker exactly as inline', async () => {
    const index = new WorkerGraphIndex(new CsrGraphIndex(g), { size: 1, inlineWork: 0 });
    await index.ready();
    try {
      const remote = await index.learnLinks(ARGS);
      expect(index.routed.learnLinks).toMatchObject({ pool: 1, fallback: 0 });
      expect(remote).toEqual(learnFromEdges(edgesOfCsr(g), ARGS));
    } finally {
      await index.close();
    }
  });
});
