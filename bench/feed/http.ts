/**
 * The feed through the real server over HTTP.
 *
 * - **Latency**: one request at a time on one keep-alive connection (nothing queues), first pages and next
 *   pages (each viewer's cursors, read first) of `GET /api/v1/feed?order=recent|top` for each group.
 * - **Load**: autocannon against /healthz (the bare route: a JSON answer from the same process behind the
 *   same hooks, as in bench/graph/http-bench.ts) and the feed, route after route in the same run, each after
 *   a 2 s warm-up and once PostgreSQL has no query of the previous one left; the feed's rate as a share of
 *   the bare route's is the target (≥ 25 %).
 */
import http from 'node:http';
import autocannon from 'autocannon';
import pg from 'pg';
import { drain, eventLoopLag, get, serverCpuSeconds } from '../http-server.ts';
import { loadAverage, summarise } from '../graph/measure.ts';
import { stats, type Stats } from '../lib.ts';
import type { FeedBenchOptions } from './options.ts';
import { backendCpu, cpuSpent } from './cpu.ts';
import { request } from './server.ts';

export type Tokens = Map<number, string>;

/** One request at a time: wall times, and the CPU a request used in the server and in PostgreSQL (means). */
export interface HttpLatency {
  first: Stats;
  next: Stats;
  itemsPerPage: number;
  cpuMsPerRequest: { server: number; postgres: number };
}

interface Page {
  items: { id: number }[];
  nextCursor: string | null;
}

const feedPath = (order: string, cursor?: string | null) => `/api/v1/feed?order=${order}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;

/** Each viewer's cursors to pages 2 … nextPages + 1 in the given order. */
async function cursorsOf(port: number, viewers: number[], tokens: Tokens, order: string, pages: number, agent: http.Agent): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (const v of viewers) {
    const chain: string[] = [];
    let cursor: string | null = null;
    for (let p = 0; p < pages; p++) {
      const r = await request(port, 'GET', feedPath(order, cursor), tokens.get(v)!, agent);
      if (r.status !== 200) throw new Error(`feed ${order} for ${v} → ${r.status}: ${r.body.slice(0, 300)}`);
      cursor = (JSON.parse(r.body) as Page).nextCursor;
      if (!cursor) break;
      chain.push(cursor);
    }
    out.set(v, chain);
  }
  return out;
}

export async function httpLatency(
  port: number,
  viewersByGroup: Record<string, number[]>,
  tokens: Tokens,
  o: FeedBenchOptions,
  log: (line: string) => void,
  databaseUrl: string,
): Promise<{ results: Record<string, Record<string, HttpLatency>>; cursors: Record<string, Map<number, string[]>> }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const metrics = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const results: Record<string, Record<string, HttpLatency>> = {};
  const cursors: Record<string, Map<number, string[]>> = {};
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const database = new URL(databaseUrl).pathname.slice(1);
  try {
    for (const k of o.groups) {
      const viewers = viewersByGroup[String(k)] ?? [];
      results[String(k)] = {};
      for (const order of ['recent', 'top']) {
        const chains = await cursorsOf(port, viewers, tokens, order, o.nextPages, agent);
        if (order === 'recent') cursors[String(k)] = chains;
        const first: number[] = [], next: number[] = [];
        let items = 0;
        const cpuBefore = await serverCpuSeconds(port, metrics);
        const pgBefore = await backendCpu(client, database);
        for (let s = 0; s < o.httpSamples; s++) {
          const v = viewers[s % viewers.length]!;
          const r = await request(port, 'GET', feedPath(order), tokens.get(v)!, agent);
          if (r.status !== 200) throw new Error(`feed → ${r.status}: ${r.body.slice(0, 300)}`);
          first.push(r.ms);
          items += (JSON.parse(r.body) as Page).items.length;
          const chain = chains.get(v)!;
          if (chain.length === 0) continue;
          const n = await request(port, 'GET', feedPath(order, chain[s % chain.length]), tokens.get(v)!, agent);
          if (n.status !== 200) throw new Error(`feed next → ${n.status}: ${n.body.slice(0, 300)}`);
          next.push(n.ms);
        }
        const serverMs = ((await serverCpuSeconds(port, metrics)) - cpuBefore) * 1000;
        const pgMs = cpuSpent(pgBefore, await backendCpu(client, database));
        const calls = Math.max(1, first.length + next.length);
        const row: HttpLatency = {
          first: stats(first),
          next: stats(next),
          itemsPerPage: Math.round((items / Math.max(1, o.httpSamples)) * 10) / 10,
          cpuMsPerRequest: { server: Math.round((serverMs / calls) * 100) / 100, postgres: Math.round((pgMs / calls) * 100) / 100 },
        };
        results[String(k)]![order] = row;
        log(`  HTTP follows ${k}, ${order}: first p50 ${row.first.p50} / p99 ${row.first.p99} ms; next p50 ${row.next.p50} / p99 ${row.next.p99} ms; CPU per request ${row.cpuMsPerRequest.server} ms server + ${row.cpuMsPerRequest.postgres} ms PostgreSQL`);
      }
    }
  } finally {
    agent.destroy();
    metrics.destroy();
    await client.end();
  }
  return { results, cursors };
}

export interface LoadRow {
  route: string;
  connections: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number; mean: number };
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  eventLoopLagMs: Record<string, number>;
  probeLatencyUs: ReturnType<typeof summarise>;
  loadAverage: number[];
  drainMs: number;
  /** CPU per answered request: the server process (all its work in the run) and PostgreSQL's backends. */
  cpuMsPerRequest: { server: number; postgres: number };
}

export async function httpLoad(
  databaseUrl: string,
  port: number,
  viewersByGroup: Record<string, number[]>,
  cursors: Record<string, Map<number, string[]>>,
  tokens: Tokens,
  o: FeedBenchOptions,
  log: (line: string) => void,
): Promise<{ runs: LoadRow[]; feedShareOfBare: Record<string, number> }> {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const main = String(o.groups.includes(500) ? 500 : o.groups[Math.floor(o.groups.length / 2)]);
  const auth = (v: number) => ({ authorization: `Bearer ${tokens.get(v)!}` });
  const routes: Record<string, () => { path: string; headers: Record<string, string> }> = {
    healthz: () => ({ path: '/healthz', headers: {} }),
  };
  for (const k of o.groups) {
    const viewers = viewersByGroup[String(k)] ?? [];
    routes[`feed-recent-${k}`] = () => {
      const v = pick(viewers);
      return { path: feedPath('recent'), headers: auth(v) };
    };
    if (String(k) === main) {
      routes[`feed-recent-${k}-next`] = () => {
        const v = pick(viewers);
        const chain = cursors[main]?.get(v) ?? [];
        return { path: feedPath('recent', chain.length ? pick(chain) : null), headers: auth(v) };
      };
      routes[`feed-top-${k}`] = () => ({ path: feedPath('top'), headers: auth(pick(viewers)) });
    }
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const runs: LoadRow[] = [];
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const database = new URL(databaseUrl).pathname.slice(1);
  try {
    for (const [name, make] of Object.entries(routes)) {
      for (const connections of o.httpConnections) {
        const drainMs = await drain(databaseUrl);
        const run = (durationS: number) =>
          autocannon({
            url: `http://127.0.0.1:${port}`,
            connections,
            duration: durationS,
            requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, ...make() }) }],
          });
        await run(2);
        await eventLoopLag(port, agent);
        const probes: number[] = [];
        let probing = true;
        const probe = (async () => {
          while (probing) {
            probes.push((await get(port, '/healthz', agent)).ms * 1000);
            await new Promise((r) => setTimeout(r, 100));
          }
        })();
        const cpuBefore = await serverCpuSeconds(port, agent);
        const pgBefore = await backendCpu(client, database);
        const res = await run(o.httpDurationS);
        const serverCpuMs = ((await serverCpuSeconds(port, agent)) - cpuBefore) * 1000;
        const pgCpuMs = cpuSpent(pgBefore, await backendCpu(client, database));
        probing = false;
        await probe;
        const lag = await eventLoopLag(port, agent);
        const row: LoadRow = {
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
          drainMs,
          cpuMsPerRequest: {
            server: Math.round((serverCpuMs / Math.max(1, res.requests.total)) * 100) / 100,
            postgres: Math.round((pgCpuMs / Math.max(1, res.requests.total)) * 100) / 100,
          },
        };
        runs.push(row);
        log(`  load ${name} @${connections}: ${row.requestsPerSecond} req/s, p50 ${row.latencyMs.p50} ms, p99 ${row.latencyMs.p99} ms, non2xx ${row.non2xx}, CPU per request ${row.cpuMsPerRequest.server} ms server + ${row.cpuMsPerRequest.postgres} ms PostgreSQL, load ${row.loadAverage.join(' ')}`);
      }
    }
  } finally {
    agent.destroy();
    await client.end();
  }
  const feedShareOfBare: Record<string, number> = {};
  for (const r of runs) {
    const bare = runs.find((b) => b.route === 'healthz' && b.connections === r.connections);
    if (r.route !== 'healthz' && bare) feedShareOfBare[`${r.route}@${r.connections}`] = Math.round((r.requestsPerSecond / bare.requestsPerSecond) * 1000) / 10;
  }
  return { runs, feedShareOfBare };
}
