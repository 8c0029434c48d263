/**
 * Graph engine benchmark: `npx tsx bench/graph/graph.bench.ts [--members 1000000] [--viewers 2000] [--only generated|real]`
 * (for 1 M members: `node --max-old-space-size=8192 --import tsx bench/graph/graph.bench.ts`).
 *
 * For the generated graph and the three real graphs: build time from edge arrays, bytes per directed edge,
 * snapshot write/load, and p50/p99 of each query over ≥ 2,000 random viewers after a warm-up, on one core,
 * calling the synchronous CSR query code directly (the async GraphIndex wrapper adds one microtask).
 * Writes bench/results/graph-<timestamp>.json and bench/results/latest-graph.json.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { CsrGraph } from '../../server/graph/csr.ts';
import { CsrQueries } from '../../server/graph/csr-queries.ts';
import { type EdgeList, parseEdgeList, syntheticDays } from '../../server/graph/edge-list.ts';
import { nowDayOf } from '../../server/graph/scoring.ts';
import { generateGraph, makeRandom } from './generate.ts';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const MEMBERS = Number(flag('members') ?? 1_000_000);
const VIEWERS = Number(flag('viewers') ?? 2000);
const ONLY = flag('only');
const WARMUP = 200;
const DATA = new URL('../../../shared/data/', import.meta.url);
const RESULTS = new URL('../results/', import.meta.url);

interface Summary {
  n: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}
function summarise(us: number[]): Summary {
  const s = [...us].sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  const r = (x: number): number => Math.round(x * 10) / 10;
  return { n: s.length, p50: r(q(0.5)), p99: r(q(0.99)), max: r(s.at(-1) ?? 0), mean: r(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)) };
}

/** Times fn over `inputs` after WARMUP untimed runs; microseconds. */
function time<T>(inputs: T[], fn: (x: T) => unknown, before?: () => void): Summary {
  for (let i = 0; i < Math.min(WARMUP, inputs.length); i++) {
    before?.();
    fn(inputs[i]!);
  }
  const us: number[] = [];
  let sink = 0;
  for (const x of inputs) {
    before?.();
    const t0 = performance.now();
    const r = fn(x);
    us.push((performance.now() - t0) * 1000);
    if (r) sink++;
  }
  if (sink < 0) console.log(sink);
  return summarise(us);
}

function benchGraph(name: string, list: EdgeList, hubsHint: number[] = []): Record<string, unknown> {
  const t0 = performance.now();
  const g = CsrGraph.fromEdges(list.n, list.src, list.dst, list.days);
  const buildMs = performance.now() - t0;
  const directed = g.directedEdges;
  const bytes = g.bytes();
  const file = join(os.tmpdir(), `rapport-graph-${process.pid}.snap`);
  let t = performance.now();
  writeFileSync(file, g.toSnapshot());
  const snapshotWriteMs = performance.now() - t;
  t = performance.now();
  const loaded = CsrGraph.fromSnapshot(readFileSync(file));
  const snapshotLoadMs = performance.now() - t;
  rmSync(file);
  if (loaded.directedEdges !== directed) throw new Error('snapshot round trip lost edges');

  const q = new CsrQueries(g);
  const rand = makeRandom(42);
  const nowDay = nowDayOf(undefined);
  const count = VIEWERS + WARMUP;
  const anyMember = (): number => {
    for (;;) {
      const v = Math.floor(rand() * g.n);
      if (g.degree(v) > 0) return v;
    }
  };
  const viewers = Array.from({ length: count }, anyMember);
  const neighbourOf = (v: number): number => g.rowArr(v)[g.rowLo(v) + Math.floor(rand() * g.degree(v))]!;
  const badgeInputs = viewers.map((v) => ({ v, targets: Array.from({ length: 50 }, () => Math.floor(rand() * g.n)) }));
  const pathInputs = viewers.map((v) => ({ v, t: Math.floor(rand() * g.n) }));
  const mutualInputs = viewers.map((v) => ({ v, t: neighbourOf(neighbourOf(v)) }));
  const cold = (): void => q.clearCache();

  let secondSizes = 0;
  const results: Record<string, unknown> = {
    members: g.n,
    edges: directed / 2,
    directedEdges: directed,
    maxDegree: Array.from({ length: g.n }, (_, u) => g.degree(u)).reduce((a, b) => Math.max(a, b), 0),
    buildFromEdgesMs: Math.round(buildMs),
    bytes,
    bytesPerDirectedEdge: Math.round((bytes / directed) * 100) / 100,
    snapshotBytes: readableBytes(4 * (g.n + 1) + 6 * directed),
    snapshotWriteMs: Math.round(snapshotWriteMs),
    snapshotLoadMs: Math.round(snapshotLoadMs),
  };
  const queries: Record<string, Summary> = {};
  queries.secondDegree = time(viewers, (v) => (secondSizes += q.secondDegree(v).length), cold);
  results.secondDegreeMeanSize = Math.round(secondSizes / (count));
  queries.badges50Cold = time(badgeInputs, (x) => q.degrees(x.v, x.targets), cold);
  queries.paths3 = time(pathInputs, (x) => q.paths(x.v, x.t, 3, undefined, nowDay));
  queries.mutuals = time(mutualInputs, (x) => q.mutuals(x.v, x.t, 3, undefined, nowDay));
  queries.pymk20 = time(viewers, (v) => q.suggest(v, 20, undefined, undefined, nowDay));

  // Hub viewers: the given ones, or the top-degree members (≥ 5,000 connections when the graph has them).
  const byDegree = [...hubsHint];
  if (byDegree.length === 0) {
    const top: number[] = [];
    for (let u = 0; u < g.n; u++) if (g.degree(u) >= Math.min(5000, g.directedEdges / g.n * 20)) top.push(u);
    top.sort((a, b) => g.degree(b) - g.degree(a));
    byDegree.push(...top.slice(0, 20));
  }
  if (byDegree.length > 0) {
    const hubViewers = Array.from({ length: 400 }, (_, i) => byDegree[i % byDegree.length]!);
    const hubBadges = hubViewers.map((v) => ({ v, targets: Array.from({ length: 50 }, () => Math.floor(rand() * g.n)) }));
    results.hubViewers = { count: byDegree.length, minDegree: Math.min(...byDegree.map((h) => g.degree(h))), maxDegree: Math.max(...byDegree.map((h) => g.degree(h))) };
    queries.hubSecondDegree = time(hubViewers, (v) => q.secondDegree(v), cold);
    queries.hubBadges50Cold = time(hubBadges, (x) => q.degrees(x.v, x.targets), cold);
    q.clearCache();
    for (const h of byDegree) q.secondDegree(h);
    queries.hubBadges50Cached = time(hubBadges, (x) => q.degrees(x.v, x.targets));
    queries.hubPaths3 = time(hubViewers.map((v) => ({ v, t: Math.floor(rand() * g.n) })), (x) => q.paths(x.v, x.t, 3, undefined, nowDay));
    queries.hubPymk20 = time(hubViewers.slice(0, 100), (v) => q.suggest(v, 20, undefined, undefined, nowDay));
  }
  results.queriesMicroseconds = queries;
  console.log(`\n== ${name}: ${g.n} members, ${directed / 2} connections, ${results.bytesPerDirectedEdge} B/edge, build ${results.buildFromEdgesMs} ms, snapshot write ${results.snapshotWriteMs} ms / load ${results.snapshotLoadMs} ms`);
  console.table(Object.fromEntries(Object.entries(queries).map(([k, s]) => [k, { p50_us: s.p50, p99_us: s.p99, max_us: s.max, n: s.n }])));
  return results;
}

function readableBytes(b: number): string {
  return `${(b / 2 ** 20).toFixed(1)} MiB`;
}

function loadReal(name: string): EdgeList {
  if (name === 'ego-facebook') {
    const l = parseEdgeList(readFileSync(new URL('ego-facebook/facebook_combined.txt', DATA), 'utf8'), ' ');
    return { ...l, days: syntheticDays(l.src.length, 3) };
  }
  if (name === 'github-musae') {
    const l = parseEdgeList(readFileSync(new URL('github-musae/musae_git_edges.csv', DATA), 'utf8'), ',');
    return { ...l, days: syntheticDays(l.src.length, 3) };
  }
  return parseEdgeList(readFileSync(new URL('ldbc-snb-sf0.1/person_knows_person_0_0.csv', DATA), 'utf8'), '|', { dateColumn: 2 });
}

const report: Record<string, unknown> = {
  kind: 'graph',
  at: new Date().toISOString(),
  machine: {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  },
  viewers: VIEWERS,
  warmup: WARMUP,
  graphs: {},
};
const graphs = report.graphs as Record<string, unknown>;

if (ONLY !== 'real') {
  const t = performance.now();
  const gen = generateGraph(MEMBERS, { avgDegree: 100, seed: 1 });
  const generateMs = Math.round(performance.now() - t);
  console.log(`generated ${MEMBERS} members, ${gen.src.length} edge draws in ${generateMs} ms`);
  graphs[`generated-${MEMBERS}`] = { generateMs, ...benchGraph(`generated ${MEMBERS}`, gen, gen.hubs) };
}
if (ONLY !== 'generated') {
  for (const name of ['ego-facebook', 'github-musae', 'ldbc-snb-sf0.1-knows']) graphs[name] = benchGraph(name, loadReal(name));
}

mkdirSync(RESULTS, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const json = JSON.stringify(report, null, 2);
writeFileSync(new URL(`graph-${stamp}.json`, RESULTS), json);
writeFileSync(new URL('latest-graph.json', RESULTS), json);
console.log(`\nwrote bench/results/graph-${stamp}.json`);
