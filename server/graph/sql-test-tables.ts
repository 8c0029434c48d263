/**
 * Test (and benchmark) tables for the SQL reference, until the real connection and follow tables exist.
 * Each undirected connection is stored in both directions, as the real table will be.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { DAY_MS, EPOCH_2000_MS } from './scoring.ts';
import { type GraphTables, intArray } from './sql.ts';

export const TEST_GRAPH_TABLES: GraphTables = {
  connections: { table: 'graph_edges_test', a: 'a', b: 'b', createdAt: 'created_at' },
  follows: { table: 'graph_follows_test', follower: 'follower', followee: 'followee' },
};

export async function createGraphTestTables(db: DbOrTx): Promise<void> {
  await db.execute(sql`CREATE TABLE IF NOT EXISTS graph_edges_test (
    a int NOT NULL, b int NOT NULL, created_at timestamptz NOT NULL, PRIMARY KEY (a, b), CHECK (a <> b))`);
  await db.execute(sql`CREATE TABLE IF NOT EXISTS graph_follows_test (
    follower int NOT NULL, followee int NOT NULL, PRIMARY KEY (follower, followee))`);
}

export async function clearGraphTestTables(db: DbOrTx): Promise<void> {
  await db.execute(sql`TRUNCATE graph_edges_test, graph_follows_test`);
}

/**
 * Loads an edge list (either direction, duplicates and self-loops allowed) in batches of one statement
 * each: both directions, earliest date per pair. `days` are index days (scoring.ts); stored at noon.
 */
export async function loadGraphTestEdges(db: DbOrTx, src: Int32Array, dst: Int32Array, days?: Uint16Array, batch = 100_000): Promise<void> {
  for (let i = 0; i < src.length; i += batch) {
    const end = Math.min(src.length, i + batch);
    const ms: number[] = [];
    for (let j = i; j < end; j++) ms.push(EPOCH_2000_MS + (days?.[j] ?? 0) * DAY_MS + DAY_MS / 2);
    await db.execute(sql`INSERT INTO graph_edges_test (a, b, created_at)
      SELECT a, b, min(ts) FROM (
        SELECT u.a, u.b, 'epoch'::timestamptz + u.ms * interval '1 millisecond' AS ts
          FROM unnest(${intArray(src.subarray(i, end))}::int[], ${intArray(dst.subarray(i, end))}::int[], ${`{${ms.join(',')}}`}::float8[]) AS u(a, b, ms)
        UNION ALL
        SELECT u.b, u.a, 'epoch'::timestamptz + u.ms * interval '1 millisecond'
          FROM unnest(${intArray(src.subarray(i, end))}::int[], ${intArray(dst.subarray(i, end))}::int[], ${`{${ms.join(',')}}`}::float8[]) AS u(a, b, ms)
      ) s WHERE a <> b GROUP BY a, b
      ON CONFLICT (a, b) DO UPDATE SET created_at = least(graph_edges_test.created_at, excluded.created_at)`);
  }
  await db.execute(sql`ANALYZE graph_edges_test`);
}
