/**
 * Builds the in-memory graph from the database: every connection with its date, and every follow, plus
 * the id of the last change it includes so a later catch-up knows where to start.
 *
 * On a PostgreSQL server (a node-postgres pool behind the query builder) it reads by one binary COPY and
 * builds the index in one pass (load-copy.ts). On embedded PGlite, and inside a transaction, it pages
 * through plain queries: PGlite runs in this process, so there is no wire protocol to save.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type DbOrTx, rows } from '../db/connection.ts';
import { CsrGraph } from './csr.ts';
import { loadGraphByCopy } from './load-copy.ts';
import { toDay } from './scoring.ts';

export interface LoadedGraph {
  graph: CsrGraph;
  /** events.id of the newest change the graph reflects (0 when none). */
  lastChangeId: number;
  /** Which reader built it. */
  via: 'copy' | 'queries';
}

const ID_RANGE = 5_000;

/** The node-postgres pool behind a query builder, if there is one (a transaction has none). */
function poolOf(db: DbOrTx): pg.Pool | null {
  const client = (db as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? client : null;
}

export async function loadGraphFromDatabase(db: DbOrTx): Promise<LoadedGraph> {
  // Read the change high-water mark first: anything committed after it is replayed by catch-up, and
  // replaying a change the scan already saw is harmless (connect and follow are idempotent). Members
  // who join after `n` is read are caught up the same way.
  const [mark] = await rows<{ id: string | number | null }>(db, sql`SELECT max(id) AS id FROM events`);
  const lastChangeId = Number(mark?.id ?? 0);
  const [size] = await rows<{ n: number; est: number }>(
    db,
    sql`SELECT coalesce(max(id), 0)::int + 1 AS n,
          (SELECT greatest(reltuples, 0)::float8 FROM pg_class WHERE oid = 'connections'::regclass) AS est FROM members`,
  );
  const n = size?.n ?? 1;
  const pool = poolOf(db);
  if (pool) {
    const client = await pool.connect();
    try {
      const { graph } = await loadGraphByCopy(client, n, Number(size?.est ?? 0));
      return { graph, lastChangeId, via: 'copy' };
    } finally {
      client.release();
    }
  }
  return { graph: await loadByQueries(db, n), lastChangeId, via: 'queries' };
}

async function loadByQueries(db: DbOrTx, n: number): Promise<CsrGraph> {
  const src: number[] = [];
  const dst: number[] = [];
  const days: number[] = [];
  // Member-id ranges keep memory and statement time bounded (ids are dense).
  for (let lo = 0; lo < n; lo += ID_RANGE) {
    const page = await rows<{ a: number; b: number; ms: number }>(
      db,
      sql`SELECT member_id AS a, other_id AS b, floor(extract(epoch FROM created_at) * 1000)::float8 AS ms
            FROM connections WHERE member_id >= ${lo} AND member_id < ${lo + ID_RANGE} AND member_id < other_id`,
    );
    for (const r of page) {
      src.push(r.a);
      dst.push(r.b);
      days.push(toDay(Number(r.ms)));
    }
  }
  const graph = CsrGraph.fromEdges(n, Int32Array.from(src), Int32Array.from(dst), Uint16Array.from(days));
  const followRows = await rows<{ a: number; b: number }>(db, sql`SELECT follower_id AS a, followee_id AS b FROM follows`);
  for (const f of followRows) graph.follows.follow(f.a, f.b);
  return graph;
}
