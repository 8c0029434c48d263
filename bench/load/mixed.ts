/**
 * One mixed run: an autocannon instance per route, all at the same time against one address (nginx in front
 * of the app processes), each with its own connections, so each instance's rate and latency are that
 * route's while the others load the same processes and the same PostgreSQL. The bare route (/healthz, a
 * JSON answer from the same processes behind the same hooks) runs alongside as the reference.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { nginxConfig } from '../../scripts/nginx-config.ts';
import { get } from '../http-server.ts';

export interface Route {
  name: string;
  /** A fresh request: path and headers (each request picks its viewer and target). */
  make: () => { path: string; headers: Record<string, string> };
}

export interface RouteResult {
  route: string;
  connections: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface Nginx {
  port: number;
  pids: () => number[];
  stop(): Promise<void>;
}

/** nginx with deploy/nginx.conf (as `npm run cluster` runs it) in front of the given app ports. */
export async function startNginx(port: number, appPorts: readonly number[], binary = '/usr/sbin/nginx'): Promise<Nginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'rapport-bench-nginx-'));
  // nginx's workers run as an unprivileged user when it is started as root: they must reach their temporary files.
  chmodSync(prefix, 0o755);
  writeFileSync(join(prefix, 'nginx.conf'), nginxConfig(`127.0.0.1:${port}`, appPorts, prefix));
  const child: ChildProcess = spawn(binary, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const agent = new http.Agent({ keepAlive: false });
  const t0 = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await get(port, '/healthz', agent)).status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - t0 > 30_000) throw new Error(`nginx did not answer in 30 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    pids: () => [child.pid!, ...childrenOf(child.pid!)],
    async stop() {
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

/** The pids whose parent is `pid` (nginx's workers). */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    // pgrep answers 1 when there is none; fall back to /proc when it is missing.
    return readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
        } catch {
          return false;
        }
      })
      .map(Number);
  }
}

export interface RouteCheck {
  status: number;
  bytes: number;
  items?: number;
  /** One request at a time (nothing queues in the app): the route's own latency, median and slowest, ms. */
  aloneMs: { p50: number; max: number };
}

/**
 * Each route answers 200 (or the numbers would measure error pages), then `samples` requests of it one at
 * a time: what a request costs when nothing else of this bench runs.
 */
export async function checkRoutes(port: number, routes: readonly Route[], samples = 20): Promise<Record<string, RouteCheck>> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const out: Record<string, RouteCheck> = {};
  try {
    for (const route of routes) {
      const { path, headers } = route.make();
      const r = await get(port, path, agent, headers);
      if (r.status !== 200) throw new Error(`${route.name} ${path} → ${r.status}: ${r.body.slice(0, 300)}`);
      const items = (JSON.parse(r.body) as { items?: unknown[] }).items;
      const ms: number[] = [];
      for (let i = 0; i < samples; i++) {
        const next = route.make();
        ms.push((await get(port, next.path, agent, next.headers)).ms);
      }
      ms.sort((a, b) => a - b);
      const aloneMs = { p50: Math.round(ms[Math.floor(ms.length / 2)]! * 10) / 10, max: Math.round(ms[ms.length - 1]! * 10) / 10 };
      out[route.name] = { status: r.status, bytes: r.body.length, ...(items ? { items: items.length } : {}), aloneMs };
    }
  } finally {
    agent.destroy();
  }
  return out;
}

/** Every route's autocannon at once for `durationS`; resolves when all have finished. */
export async function mixedRun(port: number, routes: readonly Route[], connections: number, durationS: number): Promise<RouteResult[]> {
  const results = await Promise.all(
    routes.map((route) =>
      autocannon({
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: durationS,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, ...route.make() }) }],
      }),
    ),
  );
  return results.map((res, i) => ({
    route: routes[i]!.name,
    connections,
    requestsPerSecond: Math.round(res.requests.average),
    latencyMs: { p50: res.latency.p50, p90: res.latency.p90, p99: res.latency.p99, max: res.latency.max, mean: Math.round(res.latency.mean * 100) / 100 },
    total: res.requests.total,
    non2xx: res.non2xx,
    errors: res.errors,
    timeouts: res.timeouts,
  }));
}
