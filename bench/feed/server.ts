/**
 * The real server (server/main.ts) as a child process on the bench database, as bench/graph/http-bench.ts
 * starts it: production mode, a fresh data directory (so start-up rebuilds the graph index from the tables),
 * rate limits lifted (one load generator on one address with a few hundred tokens would otherwise measure
 * the limiter), no periodic ANALYZE. Two of them on one database are the two-process set-up.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { get } from '../graph/http-bench.ts';
import { BENCH_METRICS_TOKEN } from '../lib.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BenchServer {
  port: number;
  child: ChildProcess;
  readyMs: number;
  output: () => string;
  stop(): Promise<void>;
}

export async function startBenchServer(databaseUrl: string, port: number, log: (line: string) => void): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'rapport-bench-feed-'));
  const lines: string[] = [];
  const t0 = performance.now();
  const profile = process.env.RAPPORT_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.RAPPORT_BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--max-old-space-size=8192', '--import', 'tsx', 'server/main.ts'], {
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
  const agent = new http.Agent({ keepAlive: false });
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
  const readyMs = Math.round(performance.now() - t0);
  log(`server on :${port} ready in ${readyMs} ms`);
  return {
    port,
    child,
    readyMs,
    output: () => lines.join(''),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The server's own CPU seconds (user + system) from /metrics: what a phase cost it, asynchronous work included. */
export async function serverCpuSeconds(port: number, agent: http.Agent): Promise<number> {
  const r = await get(port, '/metrics', agent, { authorization: `Bearer ${BENCH_METRICS_TOKEN}` });
  const m = /^process_cpu_seconds_total\s+([\d.e+-]+)/m.exec(r.body);
  return m?.[1] ? Number(m[1]) : NaN;
}

/** One JSON request with a bearer token; resolves with status, body and milliseconds. */
export function request(
  port: number,
  method: string,
  path: string,
  token: string,
  agent: http.Agent,
  body?: unknown,
): Promise<{ status: number; body: string; ms: number }> {
  const t0 = performance.now();
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        agent,
        headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, ms: performance.now() - t0 }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
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
