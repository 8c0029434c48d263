/**
 * The real server (server/main.ts) as a child process on a bench database, and the small HTTP helpers the
 * benchmarks that drive it share (bench/graph/http-bench.ts, bench/feed, bench/load):
 *
 * - startBenchServer: production mode, a fresh data directory (so start-up rebuilds the graph index from the
 *   tables), rate limits lifted (one load generator on one address with a few hundred tokens would otherwise
 *   measure the limiter), no periodic ANALYZE; `env` adds or overrides settings (TRUST_PROXY behind nginx);
 * - get, drain, eventLoopLag, serverCpuSeconds, settle: one request, an idle database, the server's own gauges.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { BENCH_METRICS_TOKEN } from './lib.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface BenchServer {
  port: number;
  child: ChildProcess;
  readyMs: number;
  output: () => string;
  stop(): Promise<void>;
}

export interface BenchServerOptions {
  /** Settings added to (or replacing) the bench defaults. */
  env?: Record<string, string>;
  /** The heap each server may use (MiB): the graph index of 1 M members needs several GiB. */
  heapMiB?: number;
}

export async function startBenchServer(databaseUrl: string, port: number, log: (line: string) => void, o: BenchServerOptions = {}): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'rapport-bench-server-'));
  const lines: string[] = [];
  const t0 = performance.now();
  // RAPPORT_BENCH_CPU_PROF=<folder>: the server writes a V8 CPU profile there when it stops (where its time went).
  const profile = process.env.RAPPORT_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.RAPPORT_BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, `--max-old-space-size=${o.heapMiB ?? 8192}`, '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      VACUUM_INTERVAL_MINUTES: '0',
      METRICS_TOKEN: BENCH_METRICS_TOKEN,
      RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_WRITES_PER_MINUTE: '100000000',
      RATE_LIMIT_ADDRESS_PER_MINUTE: '100000000',
      RAPPORT_DATA_DIR: dataDir,
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer): void => {
    lines.push(chunk.toString());
    if (lines.length > 300) lines.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  const agent = new http.Agent({ keepAlive: false });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${lines.join('').slice(-3000)}`);
      try {
        if ((await get(port, '/readyz', agent)).status === 200) break;
      } catch {
        /* not listening yet */
      }
      if (performance.now() - t0 > 20 * 60_000) throw new Error('server did not become ready in 20 minutes');
      await new Promise((r) => setTimeout(r, 500));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  const readyMs = Math.round(performance.now() - t0);
  log(`server on :${port} ready in ${readyMs} ms`);
  return { port, child, readyMs, output: () => lines.join(''), stop };
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

/** The server's own CPU seconds (user + system) from /metrics: what a phase cost it, asynchronous work included. */
export async function serverCpuSeconds(port: number, agent: http.Agent): Promise<number> {
  const r = await get(port, '/metrics', agent, { authorization: `Bearer ${BENCH_METRICS_TOKEN}` });
  const m = /^process_cpu_seconds_total\s+([\d.e+-]+)/m.exec(r.body);
  return m?.[1] ? Number(m[1]) : NaN;
}

/**
 * Waits until the server's own CPU use falls below a tenth of a core over 2 s (work after /readyz: worker
 * threads, caches, a snapshot), at most `maxMs`; returns how long it waited and the last rate seen.
 */
export async function settle(port: number, maxMs = 180_000): Promise<{ waitedMs: number; coreShare: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const t0 = performance.now();
  let share = NaN;
  try {
    let last = await serverCpuSeconds(port, agent);
    for (;;) {
      await new Promise((r) => setTimeout(r, 2000));
      const now = await serverCpuSeconds(port, agent);
      share = (now - last) / 2;
      last = now;
      if (share < 0.1 || performance.now() - t0 > maxMs) break;
    }
  } finally {
    agent.destroy();
  }
  return { waitedMs: Math.round(performance.now() - t0), coreShare: Math.round(share * 1000) / 1000 };
}
