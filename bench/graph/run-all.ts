/**
 * `npm run bench:graph [-- flags]`: the whole graph benchmark in one run, on one generated graph.
 *
 * 1. generated   CSR on the generated graph (default 1 M members, average degree ≈ 100): build, bytes/edge,
 *                snapshot, p50/p99 of each query over --viewers random viewers after a warm-up, hub viewers.
 * 2. real        the same on ego-facebook, github-musae and LDBC SNB SF0.1 person_knows_person.
 * 3. compare     graphology against the CSR on a --compare-members graph (default 100 k: at 1 M graphology
 *                needs about 15 GiB of heap), same viewers.
 * 4. pg          a throwaway database `rapport_bench` on --pg (never `test`) with the generated graph as
 *                members, profiles, search documents and connections (pg-setup.ts).
 * 5. rebuild     the index from PostgreSQL by the server's own path (server/graph/load.ts, binary COPY).
 * 6. sql         the SQL reference on the same graph, first --sql-viewers viewers, ratios against the CSR.
 * 7. http        the real server on that database under autocannon (http-bench.ts).
 * Phases 4–7 use the --pg-members graph (default: the main one; when it equals --compare-members they
 * reuse the comparison graph, so SQL, graphology and the CSR are compared on one graph and viewers).
 * The database is dropped at the end unless --keep-db. --reuse-db skips phase 4 when rapport_bench
 * already holds the same number of members. --skip real,compare,pg,rebuild,sql,http leaves phases out
 * (--skip queries: the main graph's build, bytes and snapshot without its queries).
 *
 * The CSR alone (the old graph.bench.ts): `--skip compare,pg,rebuild,sql,http`.
 *
 * Writes bench/results/graph-<timestamp>.json and latest-graph.json after every phase, so a run that
 * fails late keeps what it measured. Every phase records os.loadavg() before and after.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { CsrGraph } from '../../server/graph/csr.ts';
import { CsrQueries } from '../../server/graph/csr-queries.ts';
import { machine } from '../lib.ts';
import { type CsrRun, benchCsr, table } from './csr-bench.ts';
import { csrEngine, measureSync } from './engines.ts';
import { generateGraph, makeRandom } from './generate.ts';
import { buildGraphology, graphologyEngine } from './graphology-engine.ts';
import { benchHttp } from './http-bench.ts';
import { loadAverage, log, ms, ratio, type Summary } from './measure.ts';
import { benchBuildFromPg, benchSql } from './pg-bench.ts';
import { benchUrl, createBenchDatabase, createInvitations, createTokens, dropBenchDatabase, existingBenchMembers, memberNames } from './pg-setup.ts';
import { REAL_GRAPHS, loadReal } from './real-data.ts';
import { markdownTable, targetRows } from './summary.ts';
import { makeWorkload, sliceWorkload } from './workload.ts';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const bool = (name: string): boolean => args.includes(`--${name}`);
const opts = {
  members: Number(flag('members', '1000000')),
  viewers: Number(flag('viewers', '2000')),
  warmup: Number(flag('warmup', '200')),
  compareMembers: Number(flag('compare-members', '100000')),
  compareViewers: Number(flag('compare-viewers', '300')),
  /** Members in the PostgreSQL phases (database, rebuild, SQL, HTTP); when it is --compare-members, they reuse that graph. */
  pgMembers: Number(flag('pg-members', flag('members', '1000000'))),
  pg: flag('pg', 'postgres://postgres@127.0.0.1:5432/test'),
  sqlViewers: Number(flag('sql-viewers', '200')),
  sqlHubViewers: Number(flag('sql-hub-viewers', '10')),
  sqlBudgetS: Number(flag('sql-budget-s', '60')),
  sqlHubBudgetS: Number(flag('sql-hub-budget-s', '40')),
  sqlTimeoutMs: Number(flag('sql-timeout-ms', '10000')),
  httpDurationS: Number(flag('http-duration', '10')),
  httpConnections: flag('http-connections', '10,50').split(',').map(Number),
  httpPort: Number(flag('http-port', '39170')),
  skip: new Set(flag('skip', '').split(',').filter(Boolean)),
  keepDb: bool('keep-db'),
  compareHubSamples: Number(flag('compare-hub-samples', '20')),
  reuseDb: bool('reuse-db'),
  /** Names a partial run's files graph-<label>-<ts>.json and latest-graph-<label>.json, leaving latest-graph.json alone. */
  label: flag('label', ''),
};

const RESULTS = new URL('../results/', import.meta.url);
const startedAt = new Date();
const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
const report: Record<string, unknown> = {
  kind: 'graph',
  startedAt: startedAt.toISOString(),
  command: `npm run bench:graph -- ${args.join(' ')}`.trim(),
  machine: machine(),
  loadAverageStart: loadAverage(),
  options: { ...opts, skip: [...opts.skip] },
  graphs: {} as Record<string, unknown>,
  errors: {} as Record<string, string>,
};
const graphs = report.graphs as Record<string, unknown>;
const errors = report.errors as Record<string, string>;

function save(final = false): void {
  report.complete = final;
  report.loadAverageNow = loadAverage();
  report.durationS = Math.round((Date.now() - startedAt.getTime()) / 1000);
  mkdirSync(RESULTS, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const name = opts.label ? `graph-${opts.label}` : 'graph';
  writeFileSync(new URL(`${name}-${stamp}.json`, RESULTS), json);
  writeFileSync(new URL(`latest-${name}.json`, RESULTS), json);
}

/** Runs a phase, recording its load averages and any error without stopping the run. */
async function phase<T>(name: string, run: () => Promise<T> | T): Promise<T | undefined> {
  if (opts.skip.has(name)) return undefined;
  log(`== ${name}`);
  const t = performance.now();
  const timing = { loadAverageBefore: loadAverage(), ms: 0, loadAverageAfter: [] as number[] };
  ((report.phases ??= {}) as Record<string, unknown>)[name] = timing;
  try {
    return await run();
  } catch (err) {
    errors[name] = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
    const partial = (err as { partial?: unknown }).partial;
    if (partial) ((report.partial ??= {}) as Record<string, unknown>)[name] = partial;
    log(`!! ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  } finally {
    timing.ms = ms(t);
    timing.loadAverageAfter = loadAverage();
    save();
  }
}

function ratios(other: Record<string, Summary>, base: Record<string, Summary>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(other).map((k) => [k, ratio(other[k], base[k])]));
}

async function main(): Promise<void> {
  log(`graph benchmark: ${JSON.stringify({ ...opts, skip: [...opts.skip] })}`);
  const key = `generated-${opts.members}`;
  const base = (await phase('generated', () => {
    const t = performance.now();
    const gen = generateGraph(opts.members, { avgDegree: 100, seed: 1 });
    const generateMs = ms(t);
    log(`generated ${opts.members} members, ${gen.src.length} edge draws in ${generateMs} ms`);
    const run = benchCsr(key, gen, opts.viewers, opts.warmup, log, !opts.skip.has('queries'));
    graphs[key] = { generateMs, ...run.result };
    return run;
  })) as CsrRun | undefined;

  await phase('real', () => {
    for (const name of REAL_GRAPHS) graphs[name] = benchCsr(name, loadReal(name), opts.viewers, opts.warmup, log).result;
  });

  const compared = await phase('compare', () => {
    const n = opts.compareMembers;
    const list = generateGraph(n, { avgDegree: 100, seed: 1 });
    const g = CsrGraph.fromEdges(list.n, list.src, list.dst, list.days);
    const w = makeWorkload(g, opts.compareViewers, 50, opts.compareHubSamples);
    const csr = measureSync(csrEngine(new CsrQueries(g)), w);
    const heapBefore = process.memoryUsage().heapUsed;
    const t = performance.now();
    const gl = buildGraphology(list);
    const buildMs = ms(t);
    const heapMiB = Math.round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20);
    log(`graphology ${n}: built in ${buildMs} ms, ~${heapMiB} MiB of heap`);
    const graphology = measureSync(graphologyEngine(gl), w);
    console.table(Object.fromEntries(Object.keys(graphology).map((k) => [k, { csr_p50: csr[k]?.p50, csr_p99: csr[k]?.p99, graphology_p50: graphology[k]?.p50, graphology_p99: graphology[k]?.p99 }])));
    report.graphology = {
      members: n,
      edges: g.directedEdges / 2,
      viewers: w.viewers.length,
      hubViewers: { distinct: w.hubs.length, samples: w.hub.viewers.length, minDegree: w.hubMinDegree },
      buildMs,
      heapMiB,
      csrBytes: g.bytes(),
      csrMicroseconds: csr,
      graphologyMicroseconds: graphology,
      slowerThanCsr: ratios(graphology, csr),
    };
    return { graph: g, queries: new CsrQueries(g), workload: w, result: {} } satisfies CsrRun;
  });

  // The PostgreSQL phases run on the main graph, or on the comparison graph when --pg-members says so.
  let pgRun: CsrRun | undefined = base;
  if (opts.pgMembers !== opts.members) {
    pgRun = opts.pgMembers === opts.compareMembers ? compared : await phase('pg-graph', () => {
      const list = generateGraph(opts.pgMembers, { avgDegree: 100, seed: 1 });
      return benchCsr(`generated-${opts.pgMembers}`, list, opts.sqlViewers, 50, log);
    });
  }
  if (!pgRun) {
    save(true);
    return;
  }
  const pgKey = `generated-${opts.pgMembers}`;
  const pgResults = ((graphs[pgKey] ??= { members: opts.pgMembers, note: 'the graph of the PostgreSQL phases' }) as Record<string, unknown>);
  const g = pgRun.graph;
  let dbReady = false;
  pgResults.edges = g.directedEdges / 2;
  await phase('pg', async () => {
    const existing = opts.reuseDb ? await existingBenchMembers(opts.pg) : null;
    if (existing && existing.members === g.n) {
      log(`reusing ${benchUrl(opts.pg)} (${existing.members} members)`);
      report.pgSetup = { reused: true };
    } else {
      report.pgSetup = await createBenchDatabase(opts.pg, g, log);
    }
    dbReady = true;
  });
  if (!dbReady && !opts.skip.has('pg')) {
    save(true);
    return;
  }

  await phase('rebuild', async () => {
    const result = await benchBuildFromPg(opts.pg, g, log);
    pgResults.buildFromPostgres = result;
  });

  await phase('sql', async () => {
    const w = sliceWorkload(pgRun.workload, opts.sqlViewers, opts.sqlHubViewers);
    const sql = await benchSql(opts.pg, w, { budgetMs: opts.sqlBudgetS * 1000, hubBudgetMs: opts.sqlHubBudgetS * 1000, timeoutMs: opts.sqlTimeoutMs }, log);
    const csr = measureSync(csrEngine(pgRun.queries), w);
    console.table(table(sql));
    report.sql = {
      members: g.n,
      edges: g.directedEdges / 2,
      viewers: w.viewers.length,
      hubViewers: w.hub.viewers.length,
      statementTimeoutMs: opts.sqlTimeoutMs,
      sqlMicroseconds: sql,
      csrSameViewersMicroseconds: csr,
      slowerThanCsr: ratios(sql, csr),
    };
  });

  await phase('http', async () => {
    const w = pgRun.workload;
    const viewers = w.viewers.slice(0, 200);
    const tokens = await createTokens(opts.pg, viewers);
    report.httpInvitations = await createInvitations(opts.pg, viewers, 10);
    const rand = makeRandom(11);
    const handles = w.mutuals.slice(0, 1000).map((x) => `m${x.t + 1}`);
    const sample = Array.from({ length: 500 }, () => Math.floor(rand() * g.n));
    const queries = await memberNames(opts.pg, sample);
    report.http = await benchHttp({
      databaseUrl: benchUrl(opts.pg),
      port: opts.httpPort,
      tokens,
      handles,
      queries,
      durationS: opts.httpDurationS,
      connections: opts.httpConnections,
      log,
    });
  });

  if (!opts.keepDb) {
    await phase('drop', () => dropBenchDatabase(opts.pg));
  }
  const rows = targetRows(graphs[key] as Record<string, unknown> | undefined, pgResults.buildFromPostgres as Record<string, unknown> | undefined, pgResults.edges as number | undefined, report.http as Record<string, unknown> | undefined);
  report.targets = rows;
  save(true);
  console.log(`\n${markdownTable(rows)}\n\nwrote bench/results/${opts.label ? `graph-${opts.label}` : 'graph'}-${stamp}.json`);
}

main().catch((err: unknown) => {
  errors.fatal = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
  save(true);
  console.error(err);
  process.exitCode = 1;
});
