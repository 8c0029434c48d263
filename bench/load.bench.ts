/**
 * `npm run bench -- load [--processes 1,2] [--duration 15] [--warmup 5] [--connections 10] [--viewers 200]
 * [--posts 300000] [--port 8700] [--pg url] [--database rapport_bench_load] [--template rapport_bench_garden]
 * [--rebuild]`: a mixed workload at 1 M members on one and then two app processes behind nginx on one
 * PostgreSQL (issue 16). Run it at 1 M as `flock /tmp/rapport-bench.lock node --max-old-space-size=8192
 * --import tsx bench/run.ts load`.
 *
 * The database is the garden's copied and filled by bench/load/setup.ts (built once, reused). For each
 * process count: the app processes start one after the other (each builds its graph index from the tables,
 * about 40 s and several GiB at 1 M), nginx (deploy/nginx.conf, as `npm run cluster` runs it) in front, one
 * request of each route checked for a 200, a warm-up, then ONE mixed run with an autocannon per route at the
 * same time (bench/load/mixed.ts): a profile with badges, a people search, the home feed, invitations
 * received, a conversation's messages, and /healthz as the bare route. Each route's rate and p99 are read
 * against the bare route's in the same run; the total rate is compared from one process to two.
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

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** One process count: start, check, warm up, one mixed run with where the CPU went, stop. */
async function atProcesses(o: LoadOptions, n: number, url: string, routes: Route[], log: (line: string) => void): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { processes: n, drainMs: await drain(url) };
  const servers: BenchServer[] = [];
  const appPorts = Array.from({ length: n }, (_, i) => o.port + 1 + i);
  const nginxPort = o.port;
  let nginx: Awaited<ReturnType<typeof startNginx>> | null = null;
  try {
    // One after the other: each builds its graph index at start, CPU and memory at their peak.
    for (const port of appPorts) {
      servers.push(await startBenchServer(url, port, log, { env: { TRUST_PROXY: '1', PUBLIC_URL: `http://127.0.0.1:${nginxPort}` } }));
      log(`  free memory ${round(freemem() / 2 ** 30, 1)} GiB`);
    }
    out.serverReadyMs = servers.map((s) => s.readyMs);
    out.settled = await Promise.all(servers.map((s) => settle(s.port)));
    nginx = await startNginx(nginxPort, appPorts);
    out.check = await checkRoutes(nginxPort, routes);
    log(`  every route answers 200 through nginx: ${JSON.stringify(out.check)}`);
    await mixedRun(nginxPort, routes, o.connections, o.warmupS);
    out.drainAfterWarmupMs = await drain(url);

    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const pgClient = new pg.Client({ connectionString: url });
    await pgClient.connect();
    try {
      const database = new URL(url).pathname.slice(1);
      for (const s of servers) await eventLoopLag(s.port, agent);
      const serverCpu0 = await Promise.all(servers.map((s) => serverCpuSeconds(s.port, agent)));
      const pg0 = await backendCpu(pgClient, database);
      const nginxPids = nginx.pids();
      const nginx0 = nginxPids.map(processCpuMs);
      const self0 = process.cpuUsage();
      out.loadAverageBefore = loadAverage();
      const t0 = performance.now();
      const rows = await mixedRun(nginxPort, routes, o.connections, o.durationS);
      const wallS = (performance.now() - t0) / 1000;
      out.loadAverageAfter = loadAverage();
      const serverCpu1 = await Promise.all(servers.map((s) => serverCpuSeconds(s.port, agent)));
      const pg1 = await backendCpu(pgClient, database);
      const nginx1 = nginxPids.map(processCpuMs);
      const self1 = process.cpuUsage(self0);
      out.eventLoopLagMs = await Promise.all(servers.map((s) => eventLoopLag(s.port, agent)));
      // Cores used on average during the run, by whom.
      out.coresUsed = {
        appProcesses: serverCpu1.map((c, i) => round((c - serverCpu0[i]!) / wallS)),
        postgres: round(cpuSpent(pg0, pg1) / 1000 / wallS),
        nginx: round(nginx1.reduce((a, c, i) => a + (c - nginx0[i]!), 0) / 1000 / wallS),
        loadGenerator: round((self1.user + self1.system) / 1e6 / wallS),
      };
      out.routes = rows;
      out.totalRequestsPerSecond = rows.reduce((a, r) => a + r.requestsPerSecond, 0);
      out.appRequestsPerSecond = rows.filter((r) => r.route !== 'healthz').reduce((a, r) => a + r.requestsPerSecond, 0);
      for (const r of rows) log(`  ${n}p ${r.route}: ${r.requestsPerSecond} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, non2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}`);
      log(`  ${n}p total ${String(out.totalRequestsPerSecond)} req/s (routes other than /healthz: ${String(out.appRequestsPerSecond)}); cores ${JSON.stringify(out.coresUsed)}; load ${JSON.stringify(out.loadAverageAfter)}`);
    } finally {
      agent.destroy();
      await pgClient.end();
    }
  } catch (err) {
    out.serverOutputTail = servers.map((s) => s.output().slice(-2000));
    throw Object.assign(err as Error, { partial: out });
  } finally {
    await nginx?.stop();
    for (const s of servers) await s.stop();
  }
  return out;
}

/** The table for docs/performance.md: each route's rate and p99 at each process count, against /healthz. */
export function loadTable(runs: { processes: number; routes: RouteResult[]; totalRequestsPerSecond: number }[]): string {
  const names = runs[0]?.routes.map((r) => r.route) ?? [];
  const head = ['Route', ...runs.flatMap((r) => [`${r.processes}p req/s`, `${r.processes}p p50 / p99 ms`, `${r.processes}p vs /healthz rate`]), 'non-2xx'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const name of names) {
    const cells = runs.flatMap((run) => {
      const r = run.routes.find((x) => x.route === name)!;
      const bare = run.routes.find((x) => x.route === 'healthz')!;
      return [String(r.requestsPerSecond), `${r.latencyMs.p50} / ${r.latencyMs.p99}`, name === 'healthz' ? '1' : String(round(r.requestsPerSecond / bare.requestsPerSecond))];
    });
    const non2xx = runs.reduce((a, run) => a + (run.routes.find((x) => x.route === name)?.non2xx ?? 0), 0);
    lines.push(`| ${name} | ${cells.join(' | ')} | ${non2xx} |`);
  }
  lines.push(`| **all** | ${runs.flatMap((run) => [`**${run.totalRequestsPerSecond}**`, '', '']).join(' | ')} | |`);
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
    const runs: Record<string, unknown>[] = [];
    result.runs = runs;
    for (const n of o.processes) runs.push(await atProcesses(o, n, url, routes, log));
    const typed = runs as unknown as { processes: number; routes: RouteResult[]; totalRequestsPerSecond: number; appRequestsPerSecond: number }[];
    const one = typed.find((r) => r.processes === 1), two = typed.find((r) => r.processes === 2);
    if (one && two) {
      result.twoVsOne = { total: round(two.totalRequestsPerSecond / one.totalRequestsPerSecond), appRoutes: round(two.appRequestsPerSecond / one.appRequestsPerSecond) };
      log(`two processes vs one: total rate × ${JSON.stringify(result.twoVsOne)}`);
    }
    result.table = loadTable(typed);
    log(`\n${String(result.table)}`);
    result.loadAverageEnd = loadAverage();
    return result;
  },
};

export default bench;
