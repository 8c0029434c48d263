/**
 * The PostgreSQL side of the graph benchmark, on the bench database (pg-setup.ts):
 * - rebuilding the index from the connection table, by server/graph/load.ts and by one binary COPY
 *   (copy-load.ts), each checked against the generated graph;
 * - the SQL reference (SqlGraphIndex over the real connections table) on the same viewers as the CSR,
 *   each query under a statement timeout and a wall-time budget per query kind.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from '../../server/db/connection.ts';
import * as schema from '../../server/db/schema.ts';
import type { CsrGraph } from '../../server/graph/csr.ts';
import { loadGraphFromDatabase } from '../../server/graph/load.ts';
import { SqlGraphIndex } from '../../server/graph/sql.ts';
import { loadGraphByCopy } from './copy-load.ts';
import { measureAsync } from './engines.ts';
import { sqlEngine } from './engines.ts';
import { loadAverage, ms, type Summary } from './measure.ts';
import { benchUrl } from './pg-setup.ts';
import type { Workload } from './workload.ts';

function sameGraph(a: CsrGraph, b: CsrGraph, shift: number): boolean {
  if (a.directedEdges !== b.directedEdges) return false;
  // Spot-check rows: b's member u + shift is a's u.
  for (let u = 0; u < a.n; u += Math.max(1, Math.floor(a.n / 997))) {
    if (a.degree(u) !== b.degree(u + shift)) return false;
    const ra = a.rowArr(u), rb = b.rowArr(u + shift);
    for (let k = 0; k < a.degree(u); k++) if (ra[a.rowLo(u) + k]! + shift !== rb[b.rowLo(u + shift) + k]) return false;
  }
  return true;
}

export async function benchBuildFromPg(adminUrl: string, reference: CsrGraph, log: (line: string) => void, withLoadTs: boolean): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { loadAverageBefore: loadAverage() };
  const clients = [0, 1].map(() => new pg.Client({ connectionString: benchUrl(adminUrl) }));
  await Promise.all(clients.map((c) => c.connect()));
  try {
    // Read the table once untimed so every reader starts from the OS page cache.
    await clients[0]!.query('SELECT count(*) FROM connections');
    for (const k of [1, 2]) {
      const t = performance.now();
      const copied = await loadGraphByCopy(clients.slice(0, k));
      const row = { totalMs: ms(t), ...copied.timings, rows: copied.rows, matchesGenerated: sameGraph(reference, copied.graph, 1) };
      out[k === 1 ? 'copy1' : 'copy'] = { streams: k, ...row };
      log(`  build from PostgreSQL by binary COPY, ${k} stream(s): ${JSON.stringify(row)}`);
    }
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  if (withLoadTs) {
    const pool = new pg.Pool({ connectionString: benchUrl(adminUrl), max: 2 });
    try {
      const t = performance.now();
      const loaded = await loadGraphFromDatabase(drizzle(pool, { schema }) as unknown as Db);
      out.loadTs = { totalMs: ms(t), matchesGenerated: sameGraph(reference, loaded.graph, 1) };
      log(`  build from PostgreSQL by server/graph/load.ts: ${JSON.stringify(out.loadTs)}`);
    } finally {
      await pool.end();
    }
  }
  out.loadAverageAfter = loadAverage();
  return out;
}

export interface SqlBenchOptions {
  budgetMs: number;
  hubBudgetMs: number;
  timeoutMs: number;
}

export async function benchSql(adminUrl: string, w: Workload, opts: SqlBenchOptions, log: (line: string) => void): Promise<Record<string, Summary>> {
  const pool = new pg.Pool({
    connectionString: benchUrl(adminUrl),
    max: 1,
    options: `-c statement_timeout=${opts.timeoutMs}`,
  });
  try {
    const index = new SqlGraphIndex(drizzle(pool, { schema }) as unknown as Db, {
      connections: { table: 'connections', a: 'member_id', b: 'other_id', createdAt: 'created_at' },
      follows: { table: 'follows', follower: 'follower_id', followee: 'followee_id' },
    });
    const isTimeout = (err: unknown): boolean => {
      const e = err as { code?: string; cause?: { code?: string } };
      return e.code === '57014' || e.cause?.code === '57014';
    };
    const timing = { budgetMs: opts.budgetMs, isTimeout, timeoutUs: opts.timeoutMs * 1000 };
    const hubTiming = { budgetMs: opts.hubBudgetMs, isTimeout, timeoutUs: opts.timeoutMs * 1000 };
    return await measureAsync(sqlEngine(index, 1), w, timing, hubTiming, log);
  } finally {
    await pool.end();
  }
}
