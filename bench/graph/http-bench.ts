/**
 * HTTP under concurrent load, against the real server (server/main.ts in a child process, on the bench
 * database): autocannon drives a profile with badge and mutuals, a people search whose hits carry
 * badges, and /healthz — a plain JSON route in the same process, behind the same hooks — as the ceiling.
 *
 * Event-loop lag two ways: prom-client's monitorEventLoopDelay gauges from /metrics (reset on every
 * scrape, so a scrape before and after a run brackets it; 10 ms resolution), and a probe that times a
 * /healthz request every 100 ms on its own connection while the load runs (queueing behind the load
 * shows up as probe latency).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { makeRandom } from './generate.ts';
import { loadAverage, summarise } from './measure.ts';
import { BENCH_METRICS_TOKEN } from '../lib.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface HttpBenchOptions {
  databaseUrl: string;
  port: number;
  tokens: string[];
  /** Handles to view (members with connections). */
  handles: string[];
  /** Search queries (members' names). */
  queries: string[];
  durationS: number;
  connections: number[];
  log: (line: string) => void;
}

/** Waits (up to 2 minutes) until no query of the server is running in its database; returns the wait in ms. */
export async function drain(databaseUrl: string): Promise<number> {
  const t0 = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (;;) {
      const r = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
      );
      if ((r.rows[0]?.n ?? 0) === 0 || performance.now() - t0 > 120_000) break;
      await new Promise((res) => setTimeout(res, 500));
    }
  } finally {
    await client.end();
  }
  return Math.round(performance.now() - t0);
}

export function get(port: number, path: string, agent: http.Agent, headers: Record<string, string> = {}): Promise<{ status: number; body: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - t0 }));
    });
    req.on('error', reject);
  });
}

async function startServer(o: HttpBenchOptions, dataDir: string): Promise<{ child: ChildProcess; readyMs: number; output: string[] }> {
  const output: string[] = [];
  const t0 = performance.now();
  // RAPPORT_BENCH_CPU_PROF=<folder>: the server writes a V8 CPU profile there when it stops (where its time went).
  const profile = process.env.RAPPORT_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.RAPPORT_BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--max-old-space-size=8192', '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'production',
      DATABASE_URL: o.databaseUrl,
      PORT: String(o.port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      VACUUM_INTERVAL_MINUTES: '0',
      METRICS_TOKEN: BENCH_METRICS_TOKEN,
      // One load generator on one address with 200 tokens: the per-member and per-address read limits
      // would answer most requests with 429, and the run would measure the limiter.
      RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_ADDRESS_PER_MINUTE: '100000000',
      // A fresh data directory: no graph snapshot from an earlier run, so start-up rebuilds from the tables.
      RAPPORT_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer): void => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const agent = new http.Agent({ keepAlive: false });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output.join('').slice(-2000)}`);
    try {
      const r = await get(o.port, '/readyz', agent);
      if (r.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - t0 > 20 * 60_000) throw new Error('server did not become ready in 20 minutes');
    await new Promise((r) => setTimeout(r, 500));
  }
  return { child, readyMs: Math.round(performance.now() - t0), output };
}

/** prom-client's event-loop gauges (seconds → ms); reading them also resets the histogram. */
export async function eventLoopLag(port: number, agent: http.Agent): Promise<Record<string, number>> {
  const r = await get(port, '/metrics', agent, { authorization: `Bearer ${BENCH_METRICS_TOKEN}` });
  const out: Record<string, number> = {};
  for (const line of r.body.split('\n')) {
    const m = /^nodejs_eventloop_lag_(p50|p99|max|mean)_seconds\s+([\d.e+-]+)/.exec(line);
    if (m?.[1] && m[2]) out[`${m[1]}Ms`] = Math.round(Number(m[2]) * 1e5) / 100;
    const rss = /^process_resident_memory_bytes\s+(\d+)/.exec(line);
    if (rss?.[1]) out.rssMiB = Math.round(Number(rss[1]) / 2 ** 20);
  }
  return out;
}

export async function benchHttp(o: HttpBenchOptions): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'rapport-bench-http-'));
  const { child, readyMs, output } = await startServer(o, dataDir);
  o.log(`  server ready in ${readyMs} ms (graph loaded by server/graph/load.ts)`);
  const result: Record<string, unknown> = { serverReadyMs: readyMs, loadAverageBefore: loadAverage() };
  try {
    const rand = makeRandom(7);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const auth = (): Record<string, string> => ({ authorization: `Bearer ${pick(o.tokens)}` });
    const routes: Record<string, () => { path: string; headers: Record<string, string> }> = {
      healthz: () => ({ path: '/healthz', headers: {} }),
      profile: () => ({ path: `/api/v1/members/${pick(o.handles)}`, headers: auth() }),
      search: () => ({ path: `/api/v1/search/members?q=${encodeURIComponent(pick(o.queries))}`, headers: auth() }),
      // Every token's member has pending invitations (createInvitations), so each page carries evidence.
      invitations: () => ({ path: '/api/v1/invitations?box=received', headers: auth() }),
    };
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    // One request of each kind must succeed, or the numbers below measure error pages.
    for (const [name, make] of Object.entries(routes)) {
      const { path, headers } = make();
      const r = await get(o.port, path, agent, headers);
      if (r.status !== 200) throw new Error(`${name} ${path} → ${r.status}: ${r.body.slice(0, 300)}`);
    }
    const runs: Record<string, unknown>[] = [];
    // Route by route, cheapest first, each drained before the next: a search that autocannon gave up on
    // still runs in PostgreSQL and would otherwise be charged to the next run.
    for (const [name, make] of Object.entries(routes)) {
      for (const connections of o.connections) {
        result.drainMs = ((result.drainMs as number[] | undefined) ?? []).concat(await drain(o.databaseUrl));
        const run = (durationS: number) =>
          autocannon({
            url: `http://127.0.0.1:${o.port}`,
            connections,
            duration: durationS,
            requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, ...make() }) }],
          });
        await run(2); // warm-up: JIT, pg pool, page cache
        await eventLoopLag(o.port, agent);
        const probes: number[] = [];
        let probing = true;
        const probe = (async () => {
          while (probing) {
            probes.push((await get(o.port, '/healthz', agent)).ms * 1000);
            await new Promise((r) => setTimeout(r, 100));
          }
        })();
        const res = await run(o.durationS);
        probing = false;
        await probe;
        const lag = await eventLoopLag(o.port, agent);
        const row = {
          route: name,
          connections,
          requestsPerSecond: Math.round(res.requests.average),
          latencyMs: { p50: res.latency.p50, p99: res.latency.p99, max: res.latency.max, mean: Math.round(res.latency.mean * 100) / 100 },
          total: res.requests.total,
          non2xx: res.non2xx,
          errors: res.errors,
          timeouts: res.timeouts,
          eventLoopLagMs: lag,
          probeLatencyUs: summarise(probes),
          loadAverage: loadAverage(),
        };
        runs.push(row);
        o.log(`  ${name} @${connections}: ${row.requestsPerSecond} req/s, p50 ${row.latencyMs.p50} ms, p99 ${row.latencyMs.p99} ms, non2xx ${row.non2xx}, lag p99 ${lag.p99Ms} ms, probe p99 ${row.probeLatencyUs.p99} µs`);
      }
    }
    result.runs = runs;
    result.loadAverageAfter = loadAverage();
    agent.destroy();
  } catch (err) {
    result.serverOutputTail = output.join('').slice(-3000);
    throw Object.assign(err as Error, { partial: result });
  } finally {
    child.kill('SIGTERM');
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    rmSync(dataDir, { recursive: true, force: true });
  }
  return result;
}
