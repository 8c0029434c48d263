/**
 * The graph index rebuilt from a PostgreSQL server by one binary COPY, in one pass: the server's start-up
 * path on the postgres engine (load.ts chooses it).
 *
 * The statement reads `connections` in (member_id, other_id) order, the primary key's, and aggregates each
 * member's row into two int4 arrays (neighbours, days), so each member is one COPY tuple: node-postgres
 * handles about a million messages at 1 M members instead of one per edge (copy-out.ts), and the rows land
 * in SortedCsrBuilder already sorted, written once into their final arrays. The server computes each day
 * (days since 2000-01-01, UTC) as an int, so no timestamp is parsed here. One statement reads one snapshot,
 * so every connection arrives in both directions or not at all.
 *
 * The catch: the ordered read follows the primary key, so its speed depends on how well the heap is
 * clustered by member_id (a bulk import writes it in order; years of scattered inserts do not). If the
 * planner prefers to sort instead, the result is the same, only slower.
 */
import type pg from 'pg';
import { copyOutBinary } from './copy-out.ts';
import type { CsrGraph } from './csr.ts';
import { SortedCsrBuilder } from './csr-sorted-builder.ts';
import { MAX_DAY } from './scoring.ts';

export interface CopyLoadTimings {
  /** The COPY, including building the rows as they arrive. */
  copyMs: number;
  followsMs: number;
}

/** Binary array header: ndim, flags, element oid, then (size, lower bound) of the one dimension. */
const ARRAY_HEADER = 20;

function readRows(builder: SortedCsrBuilder, buf: Buffer, at: number): void {
  // Fields: member_id (len 4, int4), neighbours (len, int4[]), days (len, int4[]).
  const u = buf.readInt32BE(at + 6);
  const nbrLen = buf.readInt32BE(at + 10);
  const nbrAt = at + 14;
  const dayAt = nbrAt + nbrLen + 4;
  // An empty array has no dimensions (ndim 0); array_agg never yields one, but a NULL or empty row adds nothing.
  if (nbrLen < ARRAY_HEADER || buf.readInt32BE(nbrAt) !== 1) return;
  const count = buf.readInt32BE(nbrAt + 12);
  const w = builder.begin(u, count);
  const nbr = builder.nbr, day = builder.day;
  for (let i = 0, p = nbrAt + ARRAY_HEADER + 4, q = dayAt + ARRAY_HEADER + 4; i < count; i++, p += 8, q += 8) {
    nbr[w + i] = buf.readInt32BE(p);
    const d = buf.readInt32BE(q);
    day[w + i] = d < 0 ? 0 : d > MAX_DAY ? MAX_DAY : d;
  }
  builder.end(u, count);
}

/**
 * Every connection and follow into a new CsrGraph of `n` members (ids ≥ n are left to the events catch-up).
 * `estimate` is the expected number of connection rows (both directions).
 */
export async function loadGraphByCopy(client: pg.ClientBase, n: number, estimate: number): Promise<{ graph: CsrGraph; timings: CopyLoadTimings }> {
  if (!Number.isInteger(n) || n < 0) throw new Error(`loadGraphByCopy: bad member count ${n}`);
  let t = performance.now();
  const builder = new SortedCsrBuilder(n, estimate * 1.02 + 1024);
  await copyOutBinary(
    client,
    `SELECT member_id, array_agg(other_id), array_agg(day)
       FROM (SELECT member_id, other_id, ((created_at AT TIME ZONE 'UTC')::date - DATE '2000-01-01') AS day
               FROM connections WHERE member_id < ${n} AND other_id < ${n}
              ORDER BY member_id, other_id) ordered
      GROUP BY member_id ORDER BY member_id`,
    (buf, at) => readRows(builder, buf, at),
  );
  const graph = builder.finish();
  const copyMs = Math.round(performance.now() - t);
  t = performance.now();
  await copyOutBinary(client, 'SELECT follower_id, followee_id FROM follows', (buf, at) => {
    graph.follows.follow(buf.readInt32BE(at + 6), buf.readInt32BE(at + 14));
  });
  return { graph, timings: { copyMs, followsMs: Math.round(performance.now() - t) } };
}
