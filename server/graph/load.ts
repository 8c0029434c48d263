/**
 * Builds the in-memory graph from the database: every connection (read once per pair) with its date, and
 * every follow, plus the id of the last change it includes so a later catch-up knows where to start.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../db/connection.ts';
import { CsrGraph } from './csr.ts';
import { toDay } from './scoring.ts';

export interface LoadedGraph {
  graph: CsrGraph;
  /** events.id of the newest change the graph reflects (0 when none). */
  lastChangeId: number;
}

const ID_RANGE = 5_000;

export async function loadGraphFromDatabase(db: DbOrTx): Promise<LoadedGraph> {
  // Read the change high-water mark first: anything committed after it is replayed by catch-up, and
  // replaying a change the scan already saw is harmless (connect and follow are idempotent).
  const [mark] = await rows<{ id: string | number | null }>(db, sql`SELECT max(id) AS id FROM events`);
  const lastChangeId = Number(mark?.id ?? 0);
  const [size] = await rows<{ n: number }>(db, sql`SELECT coalesce(max(id), 0)::int + 1 AS n FROM members`);
  const n = size?.n ?? 1;

  const src: number[] = [];
  const dst: number[] = [];
  const days: number[] = [];
  // Member-id ranges keep memory and statement time bounded on both engines (ids are dense).
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
  return { graph, lastChangeId };
}
