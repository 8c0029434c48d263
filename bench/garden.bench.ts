/**
 * `npm run bench -- garden [--members 1000000] [--degree 20] [--connections 5000] [--samples 40] [--cached 400]
 * [--pg url] [--database rapport_bench_garden] [--rebuild] [--baseline-job]`: GET /api/v1/me/garden for a member with 5,000
 * connections in a community of 1 M members on a PostgreSQL server (issue 15: ≤ 300 ms p99, cached thereafter).
 *
 * The database is bench/garden/setup.ts's (built once, reused). The server is the real app (buildApp) in
 * this process with production's graph workers, its graph index rebuilt from the tables at start, and the
 * requests are injected (no sockets), as the member's own signed-in requests with a personal access token:
 *
 * - cold: the cached garden dropped before each request (GardenCache.forgetOwner), so every sample reads the
 *   connections and their profiles, the baseline rollup and the ego structure again;
 * - after a change: a connection edits their profile (PATCH /me/profile), which drops the garden as in
 *   production (the garden-cache processor), then the hub reads it;
 * - cached: the same garden read again;
 * - where the cold time goes: each part of the route's load timed alone.
 */
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app.ts';
import { ensureGardenBaselines } from '../server/commands/garden/baseline.ts';
import { testConfig } from '../server/config.ts';
import { rows } from '../server/db/connection.ts';
import { gardenCacheOf } from '../server/garden/cache.ts';
import { egoStructure } from '../server/garden/ego-structure.ts';
import { DEFAULT_SEED } from '../server/garden/ego-analysis.ts';
import { loadGardenRows } from '../server/queries/garden/network.ts';
import { ensureGardenDatabase, type GardenBenchOptions } from './garden/setup.ts';
import { loadAverage } from './graph/measure.ts';
import { benchUrl } from './graph/pg-setup.ts';
import { type Benchmark, stats } from './lib.ts';

const TARGET_P99_MS = 300;

function options(args: readonly string[]): GardenBenchOptions & { samples: number; cached: number } {
  const flag = (name: string, fallback: string): string => {
    const i = args.lastIndexOf(`--${name}`);
    return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
  };
  return {
    pg: flag('pg', process.env.RAPPORT_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres'),
    database: flag('database', 'rapport_bench_garden'),
    members: Number(flag('members', '1000000')),
    avgDegree: Number(flag('degree', '20')),
    connections: Number(flag('connections', '5000')),
    samples: Number(flag('samples', '40')),
    cached: Number(flag('cached', '400')),
    rebuild: args.includes('--rebuild'),
    baselineJob: args.includes('--baseline-job'),
  };
}

const bench: Benchmark = {
  name: 'garden',
  description: `GET /me/garden for a member with 5,000 connections among 1 M members on PostgreSQL, cold and cached (target p99 ≤ ${TARGET_P99_MS} ms)`,
  async run(log) {
    const o = options(process.argv.slice(2));
    const result: Record<string, unknown> = { command: `npm run bench -- garden ${process.argv.slice(2).filter((a) => a !== 'garden').join(' ')}`.trim(), options: o, loadAverageStart: loadAverage() };
    let t = performance.now();
    const { meta, reused } = await ensureGardenDatabase(o, log);
    result.setup = { reused, ms: Math.round(performance.now() - t), meta: { ...meta, token: undefined, neighbourToken: undefined } };
    log(`database ${reused ? 'reused' : 'built'}: hub ${meta.hub} with ${meta.connections} connections, ${meta.connectionRows} connection rows`);

    t = performance.now();
    const base = testConfig();
    const app = await buildApp(
      testConfig({ database: { kind: 'postgres', url: benchUrl(o.pg, o.database) }, graphWorkers: Math.max(1, base.graphWorkers), vacuumIntervalMs: 0, runJobs: false }),
    );
    await app.ready();
    result.startMs = Math.round(performance.now() - t);
    log(`app ready (graph index rebuilt from the tables) in ${result.startMs} ms; load ${loadAverage().join(' ')}`);
    try {
      const db = app.ctx.db;
      const cache = gardenCacheOf(db);
      if (!cache) throw new Error('the app has no garden cache');
      const get = async (token: string) => {
        const start = performance.now();
        const res = await app.inject({ method: 'GET', url: '/api/v1/me/garden', headers: { authorization: `Bearer ${token}` } });
        const ms = performance.now() - start;
        if (res.statusCode !== 200) throw new Error(`garden ${res.statusCode}: ${res.body.slice(0, 500)}`);
        return { ms, body: res.json<{ connections: number; clusters: unknown[]; bridges: unknown[] }>() };
      };
      const first = await get(meta.token);
      log(`first garden: ${first.ms.toFixed(1)} ms, ${first.body.connections} connections counted, ${first.body.clusters.length} clusters, ${first.body.bridges.length} bridges`);
      result.shape = { connections: first.body.connections, clusters: first.body.clusters.length, bridges: first.body.bridges.length, firstMs: Math.round(first.ms) };

      const cold: number[] = [];
      for (let i = 0; i < o.samples; i++) {
        cache.forgetOwner(meta.hub);
        cold.push((await get(meta.token)).ms);
      }
      result.cold = stats(cold);
      log(`cold:   ${JSON.stringify(result.cold)}`);

      const afterChange: number[] = [];
      for (let i = 0; i < Math.min(10, o.samples); i++) {
        const patch = await app.inject({
          method: 'PATCH',
          url: '/api/v1/me/profile',
          headers: { authorization: `Bearer ${meta.neighbourToken}` },
          payload: { headline: `Bench headline ${i}` },
        });
        if (patch.statusCode !== 200) throw new Error(`profile ${patch.statusCode}: ${patch.body.slice(0, 300)}`);
        // The garden-cache processor hears the change from the outbox: wait until it has dropped the garden.
        for (let w = 0; w < 200 && cache.gardens.peek(meta.hub) !== undefined; w++) await new Promise((r) => setTimeout(r, 10));
        afterChange.push((await get(meta.token)).ms);
      }
      result.afterChange = stats(afterChange);
      log(`after a connection's edit: ${JSON.stringify(result.afterChange)}`);

      const cached: number[] = [];
      for (let i = 0; i < o.cached; i++) cached.push((await get(meta.token)).ms);
      result.cached = stats(cached);
      log(`cached: ${JSON.stringify(result.cached)}`);

      // Where the cold time goes: the route's three reads, each alone (the route runs them at once).
      const parts: Record<string, number[]> = { connectionsAndProfiles: [], baselineRollup: [], egoStructure: [] };
      const time = async (name: string, fn: () => Promise<unknown>) => {
        const start = performance.now();
        await fn();
        parts[name]!.push(performance.now() - start);
      };
      for (let i = 0; i < Math.min(20, o.samples); i++) {
        await time('connectionsAndProfiles', () => loadGardenRows(db, meta.hub));
        await time('baselineRollup', () => ensureGardenBaselines(db));
        await time('egoStructure', () => egoStructure({ db, graph: app.ctx.graph }, { id: meta.hub, avoid: new Set() }));
      }
      result.parts = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, stats(v)]));
      for (const [k, v] of Object.entries(result.parts as Record<string, unknown>)) log(`  ${k}: ${JSON.stringify(v)}`);
      const plan = await rows<{ 'QUERY PLAN': string }>(
        db,
        sql`EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM connections c JOIN profiles p ON p.member_id = c.other_id WHERE c.member_id = ${meta.hub}`,
      );
      result.connectionsPlan = plan.map((r) => r['QUERY PLAN']);
      result.seed = DEFAULT_SEED;
      result.verdict = { coldP99Ms: (result.cold as { p99: number }).p99, cachedP99Ms: (result.cached as { p99: number }).p99, targetMs: TARGET_P99_MS, coldMeets: (result.cold as { p99: number }).p99 <= TARGET_P99_MS };
    } finally {
      await app.close();
    }
    result.loadAverageEnd = loadAverage();
    return result;
  },
};

export default bench;
