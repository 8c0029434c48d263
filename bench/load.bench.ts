/**
 * `npm run bench -- load [--processes 1,2] [--rounds 2] [--duration 15] [--warmup 5] [--connections 10]
 * [--viewers 200] [--posts 300000] [--port 8700] [--pg url] [--database rapport_bench_load]
 * [--template rapport_bench_garden] [--rebuild]`: a mixed workload at 1 M members on one and two app
 * processes behind nginx on one PostgreSQL (issue 16). At 1 M run it as `flock /tmp/rapport-bench.lock node
 * --max-old-space-size=8192 --import tsx bench/run.ts load`.
 *
 * The database is the garden's copied and filled by bench/load/setup.ts (built once, reused). The app
 * processes start one after the other (each builds its graph index from the tables: tens of seconds and
 * several GiB at 1 M). Then, round after round, nginx (deploy/nginx.conf, as `npm run cluster` runs it)
 * fronts the first process alone, then all of them; each time one request of each route is checked for a
 * 200 and timed alone, a warm-up runs, then ONE mixed run with an autocannon per route at the same time
 * (bench/load/mixed.ts): a profile with badges, a people search, the home feed, invitations received, a
 * conversation's messages, and /healthz as the bare route. Each route's rate and p99 are read against the
 * bare route's in the same run; the total rate is compared from one process to two. Alternating in rounds
 * keeps a change in the machine's other work from passing for the processes' effect.
 *
 * Where the CPU went during each run is read too: each app process's own seconds (/metrics), PostgreSQL's
 * backends for the database, nginx's workers and this process (the load generator), since all of them
 * share the machine's cores.
 */
import http from 'node:http';
import { freemem } from 'node:os';
import pg from 'pg';
import { backendCpu, cpuSpent, processCpuMs } from './feed/cpu.ts';
import { makeRandom } from './graph/generate.ts';
import { loadAverage } from './graph/measure.ts';
import { benchUrl } from './graph/pg-setup.ts';
import { type BenchServer, drain, eventLoopLag, serverCpuSeconds, settle, startBenchServer } from './http-server.ts';
import type { Benchmark } from './lib.ts';
import { checkRoutes, mixedRun, type Route, type RouteResult, startNginx } from './load/mixed.ts';
import { ensureLoadDatabase, type LoadMeta, type LoadSetupOptions } from './load/setup.ts';

interface LoadOptions extends LoadSetupOptions {
  processes: number[];
  rounds: number;
  durationS: number;
  warmupS: number;
  connections: number;
  port: number;
}

function options(args: readonly string[]): LoadOptions {
  const flag = (name: string, fallback: string): string => {
    const i = args.lastIndexOf(`--${name}`);
    return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
  };
  return {
    pg: flag('pg', process.env.RAPPORT_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres'),
    template: flag('template', 'rapport_bench_garden'),
    database: flag('database', 'rapport_bench_load'),
    viewers: Number(flag('viewers', '200')),
    posts: Number(flag('posts', '300000')),
    invitationsPerViewer: 20,
    conversationsPerViewer: 3,
    messagesPerConversation: 40,
    rebuild: args.includes('--rebuild'),
    processes: flag('processes', '1,2').split(',').filter(Boolean).map(Number),
    rounds: Number(flag('rounds', '2')),
    durationS: Number(flag('duration', '15')),
    warmupS: Number(flag('warmup', '5')),
    connections: Number(flag('connections', '10')),
    port: Number(flag('port', '8700')),
  };
}

/** The mixed routes, each request with a viewer's token (the messages route: a conversation of that viewer). */
function routesOf(meta: LoadMeta): Route[] {
  const rand = makeRandom(16);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const tokenOf = new Map(meta.viewerIds.map((id, i) => [id, meta.tokens[i]!]));
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  return [
    { name: 'healthz', make: () => ({ path: '/healthz', headers: {} }) },
    { name: 'profile', make: () => ({ path: `/api/v1/members/${pick(meta.handles)}`, headers: auth(pick(meta.tokens)) }) },
    { name: 'search', make: () => ({ path: `/api/v1/search/members?q=${encodeURIComponent(pick(meta.queries))}`, headers: auth(pick(meta.tokens)) }) },
    { name: 'feed', make: () => ({ path: '/api/v1/feed?order=recent', headers: auth(pick(meta.tokens)) }) },
    { name: 'invitations', make: () => ({ path: '/api/v1/invitations?box=received', headers: auth(pick(meta.tokens)) }) },
    {
      name: 'messages',
      make: () => {
        const c = pick(meta.conversations);
        return { path: `/api/v1/conversations/${c.id}/messages`, headers: auth(tokenOf.get(c.viewer)!) };
      },
    },
  ];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** One mixed run on the first `n` of the started servers: nginx in front, check, warm-up, measure, where the CPU went. */
async function measure(o: LoadOptions, n: number, round: number, all: BenchServer[], url: string, routes: Route[], log: (line: string) => void): Promise<Record<string, unknown>> {
  const servers = all.slice(0, n);
  const out: Record<string, unknown> = { round, processes: n, drainMs: await drain(url) };
  const nginx = await startNginx(o.port, servers.map((s) => s.port));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const pgClient = new pg.Client({ connectionString: url });
  try {
    out.check = await checkRoutes(o.port, routes);
    log(`round ${round}, ${n} process(es): every route answers 200 through nginx; alone (p50 ms): ${Object.entries(out.check as Record<string, { aloneMs: { p50: number } }>).map(([k, v]) => `${k} ${v.aloneMs.p50}`).join(', ')}`);
    await mixedRun(o.port, routes, o.connections, o.warmupS);
    out.drainAfterWarmupMs = await drain(url);
    await pgClient.connect();
    const database = new URL(url).pathname.slice(1);
    for (const s of servers) await eventLoopLag(s.port, agent);
    const serverCpu0 = await Promise.all(servers.map((s) => serverCpuSeconds(s.port, agent)));
    const pg0 = await backendCpu(pgClient, database);
    const nginxPids = nginx.pids();
    const nginx0 = nginxPids.map(processCpuMs);
    const self0 = process.cpuUsage();
    out.loadAverageBefore = loadAverage();
    const t0 = performance.now();
    const rows = await mixedRun(o.port, routes, o.connections, o.durationS);
    const wallS = (performance.now() - t0) / 1000;
    out.loadAverageAfter = loadAverage();
    const serverCpu1 = await Promise.all(servers.map((s) => serverCpuSeconds(s.port, agent)));
    const pg1 = await backendCpu(pgClient, database);
    const nginx1 = nginxPids.map(processCpuMs);
    const self1 = process.cpuUsage(self0);
    out.eventLoopLagMs = await Promise.all(servers.map((s) => eventLoopLag(s.port, agent)));
    // Cores used on average during the run, by whom (the rest of the machine's two went to other work).
    out.coresUsed = {
      appProcesses: serverCpu1.map((c, i) => round2((c - serverCpu0[i]!) / wallS)),
      postgres: round2(cpuSpent(pg0, pg1) / 1000 / wallS),
      nginx: round2(nginx1.reduce((a, c, i) => a + (c - nginx0[i]!), 0) / 1000 / wallS),
      loadGenerator: round2((self1.user + self1.system) / 1e6 / wallS),
    };
    out.routes = rows;
    out.totalRequestsPerSecond = rows.reduce((a, r) => a + r.requestsPerSecond, 0);
    out.appRequestsPerSecond = rows.filter((r) => r.route !== 'healthz').reduce((a, r) => a + r.requestsPerSecond, 0);
    for (const r of rows) log(`  ${r.route}: ${r.requestsPerSecond} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, non2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}`);
    log(`  total ${String(out.totalRequestsPerSecond)} req/s (routes other than /healthz: ${String(out.appRequestsPerSecond)}); cores ${JSON.stringify(out.coresUsed)}; load ${JSON.stringify(out.loadAverageAfter)}`);
  } finally {
    agent.destroy();
    await pgClient.end().catch(() => {});
    await nginx.stop();
  }
  return out;
}

export interface LoadRun {
  round: number;
  processes: number;
  routes: RouteResult[];
  totalRequestsPerSecond: number;
  appRequestsPerSecond: number;
  coresUsed: { appProcesses: number[]; postgres: number; nginx: number; loadGenerator: number };
  loadAverageAfter: number[];
}

/** The table for docs/performance.md: one line per run, each route's rate and p99 in it. */
export function loadTable(runs: readonly LoadRun[]): string {
  const names = runs[0]?.routes.map((r) => r.route) ?? [];
  const head = ['Run', ...names.map((n) => `${n} req/s · p99 ms`), 'all req/s', 'other than /healthz', 'cores: app / PostgreSQL / nginx / autocannon', 'load avg (1 min)'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const run of runs) {
    const cells = names.map((name) => {
      const r = run.routes.find((x) => x.route === name)!;
      return `${r.requestsPerSecond} · ${r.latencyMs.p99}${r.non2xx + r.errors + r.timeouts ? ` (${r.non2xx} non-2xx, ${r.errors + r.timeouts} failed)` : ''}`;
    });
    const c = run.coresUsed;
    lines.push(
      `| round ${run.round}, ${run.processes} process${run.processes > 1 ? 'es' : ''} | ${cells.join(' | ')} | ${run.totalRequestsPerSecond} | ${run.appRequestsPerSecond} | ${c.appProcesses.join(' + ')} / ${c.postgres} / ${c.nginx} / ${c.loadGenerator} | ${run.loadAverageAfter[0]} |`,
    );
  }
  return lines.join('\n');
}

const bench: Benchmark = {
  name: 'load',
  description: 'A mixed workload (profile, search, feed, invitations, messages, /healthz at once) at 1 M members on one and two app processes behind nginx, one PostgreSQL',
  async run(log) {
    const o = options(process.argv.slice(2));
    const result: Record<string, unknown> = {
      command: `npm run bench -- load ${process.argv.slice(2).filter((a) => a !== 'load').join(' ')}`.trim(),
      options: o,
      loadAverageStart: loadAverage(),
    };
    const t = performance.now();
    const { meta, reused } = await ensureLoadDatabase(o, log);
    result.setup = { reused, ms: Math.round(performance.now() - t), counts: meta.counts, setupMs: meta.setupMs, builtAt: meta.builtAt };
    log(`database ${reused ? 'reused' : 'built'}: ${JSON.stringify(meta.counts)}`);
    const url = benchUrl(o.pg, o.database);
    const routes = routesOf(meta);
    const runs: LoadRun[] = [];
    result.runs = runs;
    // Every process starts once, one after the other (each builds its graph index: CPU and memory at their
    // peak); nginx then fronts the first one or all of them in turn, round after round, so a change in the
    // machine's other work shows as a difference between rounds rather than as the processes' effect.
    const servers: BenchServer[] = [];
    try {
      for (let i = 0; i < Math.max(...o.processes); i++) {
        // JOBS=off, as docs/operations.md advises behind a proxy at this size: the daily scans over 1 M members
        // (garden baseline, community structure, learned suggestions) would otherwise run inside the measured runs.
        servers.push(await startBenchServer(url, o.port + 1 + i, log, { env: { TRUST_PROXY: '1', PUBLIC_URL: `http://127.0.0.1:${o.port}`, JOBS: 'off' } }));
        log(`  free memory ${round2(freemem() / 2 ** 30)} GiB`);
      }
      result.serverReadyMs = servers.map((s) => s.readyMs);
      result.settled = await Promise.all(servers.map((s) => settle(s.port)));
      for (let r = 1; r <= o.rounds; r++) {
        for (const n of o.processes) runs.push((await measure(o, n, r, servers, url, routes, log)) as unknown as LoadRun);
      }
      result.serverRssMiB = await Promise.all(servers.map(async (s) => (await eventLoopLag(s.port, new http.Agent())).rssMiB));
    } catch (err) {
      result.serverOutputTail = servers.map((s) => s.output().slice(-2000));
      throw Object.assign(err as Error, { partial: result });
    } finally {
      for (const s of servers) await s.stop();
    }
    const mean = (n: number, key: 'totalRequestsPerSecond' | 'appRequestsPerSecond') => {
      const xs = runs.filter((r) => r.processes === n).map((r) => r[key]);
      return xs.reduce((a, x) => a + x, 0) / xs.length;
    };
    if (o.processes.includes(1) && o.processes.includes(2)) {
      result.twoVsOne = { total: round2(mean(2, 'totalRequestsPerSecond') / mean(1, 'totalRequestsPerSecond')), appRoutes: round2(mean(2, 'appRequestsPerSecond') / mean(1, 'appRequestsPerSecond')) };
      log(`two processes vs one (mean of rounds): ${JSON.stringify(result.twoVsOne)}`);
    }
    result.table = loadTable(runs);
    log(`\n${String(result.table)}`);
    result.loadAverageEnd = loadAverage();
    return result;
  },
};

export default bench;
