/**
 * The CSR index on one graph: build time from edge arrays, bytes per directed edge, snapshot write and
 * load, and p50/p99 of each query over the workload's viewers after a warm-up, on one core.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { CsrGraph } from '../../server/graph/csr.ts';
import { decodeCsr, encodeCsr } from '../../server/graph/csr-snapshot.ts';
import { CsrQueries } from '../../server/graph/csr-queries.ts';
import type { EdgeList } from '../../server/graph/edge-list.ts';
import { csrEngine, heaviestHub, measureSync } from './engines.ts';
import { loadAverage, ms, type Summary, timeSync } from './measure.ts';
import { makeWorkload, type Workload } from './workload.ts';

export interface CsrRun {
  graph: CsrGraph;
  queries: CsrQueries;
  workload: Workload;
  result: Record<string, unknown>;
}

/** `runQueries` false: build, bytes and snapshot only (for a run that only needs the graph, e.g. the 1 M rebuild). */
export function benchCsr(name: string, list: EdgeList, viewers: number, warmup: number, log: (line: string) => void, runQueries = true): CsrRun {
  const loadBefore = loadAverage();
  let t = performance.now();
  const g = CsrGraph.fromEdges(list.n, list.src, list.dst, list.days);
  const buildFromEdgesMs = ms(t);
  const directed = g.directedEdges;
  const bytes = g.bytes();

  const file = join(os.tmpdir(), `rapport-graph-${process.pid}.snap`);
  t = performance.now();
  const snap = encodeCsr(g);
  writeFileSync(file, snap);
  const snapshotWriteMs = ms(t);
  const snapshotBytes = snap.byteLength;
  t = performance.now();
  const loaded = decodeCsr(readFileSync(file));
  const snapshotLoadMs = ms(t);
  rmSync(file);
  if (loaded.directedEdges !== directed) throw new Error('snapshot round trip lost edges');

  const q = new CsrQueries(g);
  const w = makeWorkload(g, viewers, warmup);
  let maxDegree = 0;
  for (let u = 0; u < g.n; u++) maxDegree = Math.max(maxDegree, g.degree(u));
  const queries = runQueries ? measureSync(csrEngine(q), w) : {};
  let secondSum = 0;
  for (const v of w.viewers.slice(0, 200)) secondSum += q.secondDegree(v).length;
  if (runQueries && w.hub.viewers.length > 0) {
    // The product path: a hub viewer's ball is cached after a few cold badge calls (csr-queries.ts).
    q.clearCache();
    for (const h of w.hubs) q.secondDegree(h);
    queries.hubBadges50Cached = timeSync(w.hub.badges, [], (x) => q.degrees(x.v, x.targets));
  }
  const result: Record<string, unknown> = {
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadAverage(),
    members: g.n,
    edges: directed / 2,
    directedEdges: directed,
    maxDegree,
    buildFromEdgesMs,
    bytes,
    bytesPerDirectedEdge: Math.round((bytes / directed) * 100) / 100,
    snapshotBytes,
    snapshotWriteMs,
    snapshotLoadMs,
    secondDegreeMeanSize: Math.round(secondSum / Math.min(200, w.viewers.length)),
    viewers: w.viewers.length,
    warmup: w.warm.viewers.length,
    hubViewers: {
      distinct: w.hubs.length,
      samples: w.hub.viewers.length,
      minDegree: w.hubMinDegree,
      maxDegree: w.hubs.length ? Math.max(...w.hubs.map((h) => g.degree(h))) : 0,
      reachesFiveThousand: w.hubsReachTarget,
    },
    queriesMicroseconds: queries,
    hubHeaviestP99: heaviestHub(queries),
  };
  log(`${name}: ${g.n} members, ${directed / 2} connections, ${result.bytesPerDirectedEdge} B/edge, build ${buildFromEdgesMs} ms, snapshot write ${snapshotWriteMs} ms / load ${snapshotLoadMs} ms`);
  console.table(table(queries));
  return { graph: g, queries: q, workload: w, result };
}

export function table(queries: Record<string, Summary>): Record<string, Record<string, number>> {
  return Object.fromEntries(Object.entries(queries).map(([k, s]) => [k, { p50_us: s.p50, p99_us: s.p99, max_us: s.max, n: s.n }]));
}
