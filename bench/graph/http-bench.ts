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
import http from 'node:http';
import autocannon from 'autocannon';
import { drain, eventLoopLag, get, startBenchServer } from '../http-server.ts';
import { makeRandom } from './generate.ts';
import { loadAverage, summarise } from './measure.ts';

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

export async function benchHttp(o: HttpBenchOptions): Promise<Record<string, unknown>> {
  const server = await startBenchServer(o.databaseUrl, o.port, () => {});
  const { readyMs } = server;
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
    result.serverOutputTail = server.output().slice(-3000);
    throw Object.assign(err as Error, { partial: result });
  } finally {
    await server.stop();
  }
  return result;
}
