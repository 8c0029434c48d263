/**
 * The PostgreSQL side of the graph benchmark, on the bench database (pg-setup.ts):
 * - rebuilding the index from the connection table by the server's own path (server/graph/load.ts, a
 *   binary COPY), checked against the generated graph;
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

/**
 * The server's own rebuild (server/graph/load.ts: binary COPY into the one-pass builder on a PostgreSQL
 * server), over a pool like the server's, checked against the generated graph. The table is read once
 * untimed first, so the timed read starts from the OS page cache as a restarted server's usually does.
 */
export async function benchBuildFromPg(adminUrl: string, reference: CsrGraph, log: (line: string) => void): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { loadAverageBefore: loadAverage() };
  const pool = new pg.Pool({ connectionString: benchUrl(adminUrl), max: 2 });
  try {
    await pool.query('SELECT count(*) FROM connections');
    const t = performance.now();
    const loaded = await loadGraphFromDatabase(drizzle(pool, { schema }) as unknown as Db);
    out.loadTs = { totalMs: ms(t), via: loaded.via, edges: loaded.graph.directedEdges / 2, matchesGenerated: sameGraph(reference, loaded.graph, 1) };
    log(`  build from PostgreSQL by server/graph/load.ts: ${JSON.stringify(out.loadTs)}`);
  } finally {
    await pool.end();
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
