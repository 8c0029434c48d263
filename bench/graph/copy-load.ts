/**
 * Rebuilds the graph index from a PostgreSQL server with one binary COPY, parsed straight into typed
 * arrays: no row objects, no per-row Date or numeric. The server computes each connection's day
 * (days since 2000-01-01, UTC) as an int, so a tuple is a fixed 26 bytes: field count, then three
 * (length, int4) pairs. PostgreSQL scans and sends while this thread parses, so the two cores overlap.
 *
 * A candidate for server/graph/load.ts on the postgres engine (PGlite has no COPY TO STDOUT over a socket):
 * same result as loadGraphFromDatabase, several times faster.
 *
 * A snapshot's consistency across the parallel readers needs one exported snapshot (pg_export_snapshot)
 * in the server version; the benchmark reads a quiescent table.
 */
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { CsrGraph } from '../../server/graph/csr.ts';
import { MAX_DAY } from '../../server/graph/scoring.ts';

export interface CopyLoaded {
  graph: CsrGraph;
  lastChangeId: number;
  /** Where the time went, in ms. */
  timings: { copyMs: number; buildMs: number; followsMs: number };
  rows: number;
}

const SIGNATURE = 11;
const TUPLE = 26;

/** Growable typed arrays for the edges. */
class EdgeArrays {
  src: Int32Array;
  dst: Int32Array;
  day: Uint16Array;
  length = 0;
  constructor(capacity: number) {
    this.src = new Int32Array(capacity);
    this.dst = new Int32Array(capacity);
    this.day = new Uint16Array(capacity);
  }
  grow(): void {
    const cap = Math.max(1024, Math.ceil(this.src.length * 1.5));
    const s = new Int32Array(cap), d = new Int32Array(cap), y = new Uint16Array(cap);
    s.set(this.src);
    d.set(this.dst);
    y.set(this.day);
    this.src = s;
    this.dst = d;
    this.day = y;
  }
}

/**
 * Parses a binary COPY of (int4, int4, int4) rows. Tuples split across chunks go through a 26-byte
 * carry buffer, so no chunk is ever concatenated.
 */
class TripleParser {
  private headerLeft = -1;
  private readonly carry = Buffer.alloc(TUPLE);
  private carried = 0;
  done = false;
  constructor(private readonly out: EdgeArrays) {}

  push(chunk: Buffer): void {
    let p = 0;
    if (this.headerLeft < 0) {
      // Signature, flags (4), header extension length (4) + extension: assume the first chunk holds them.
      const extLen = chunk.readUInt32BE(SIGNATURE + 4);
      this.headerLeft = 0;
      p = SIGNATURE + 8 + extLen;
    }
    if (this.carried > 0) {
      const need = TUPLE - this.carried;
      if (this.carried >= 2 && this.carry.readInt16BE(0) === -1) {
        this.done = true;
        return;
      }
      const take = Math.min(need, chunk.length);
      chunk.copy(this.carry, this.carried, 0, take);
      this.carried += take;
      p = take;
      if (this.carried < TUPLE) {
        if (this.carried >= 2 && this.carry.readInt16BE(0) === -1) this.done = true;
        return;
      }
      this.tuple(this.carry, 0);
      this.carried = 0;
    }
    const end = chunk.length;
    while (p + TUPLE <= end) {
      if (chunk[p] === 0xff && chunk[p + 1] === 0xff) {
        this.done = true;
        return;
      }
      this.tuple(chunk, p);
      p += TUPLE;
    }
    if (p < end) {
      if (end - p >= 2 && chunk[p] === 0xff && chunk[p + 1] === 0xff) {
        this.done = true;
        return;
      }
      chunk.copy(this.carry, 0, p, end);
      this.carried = end - p;
    }
  }

  private tuple(b: Buffer, p: number): void {
    // Field count 3, then (len 4, value) × 3; the columns are NOT NULL, so every length is 4.
    if (b[p] !== 0 || b[p + 1] !== 3) throw new Error(`COPY parse: expected 3 fields at ${p}`);
    const out = this.out;
    if (out.length === out.src.length) out.grow();
    const i = out.length++;
    out.src[i] = (b[p + 6]! << 24) | (b[p + 7]! << 16) | (b[p + 8]! << 8) | b[p + 9]!;
    out.dst[i] = (b[p + 14]! << 24) | (b[p + 15]! << 16) | (b[p + 16]! << 8) | b[p + 17]!;
    const d = (b[p + 22]! << 24) | (b[p + 23]! << 16) | (b[p + 24]! << 8) | b[p + 25]!;
    out.day[i] = d < 0 ? 0 : d > MAX_DAY ? MAX_DAY : d;
  }
}

async function copyTriples(client: pg.ClientBase, query: string, capacity: number): Promise<EdgeArrays> {
  const out = new EdgeArrays(capacity);
  const parser = new TripleParser(out);
  const stream = client.query(copyStreams.to(`COPY (${query}) TO STDOUT (FORMAT binary)`));
  for await (const chunk of stream as AsyncIterable<Buffer>) parser.push(chunk);
  return out;
}

/**
 * loadGraphFromDatabase over binary COPY: the connection table is split into `clients.length` block
 * ranges (TID range scans, PostgreSQL 14+), each read by its own connection at the same time, so the
 * server scans with as many backends while this thread parses; row order does not matter to fromEdges.
 */
export async function loadGraphByCopy(clients: pg.ClientBase[]): Promise<CopyLoaded> {
  const first = clients[0]!;
  const mark = await first.query<{ id: string | null }>('SELECT max(id)::text AS id FROM events');
  const lastChangeId = Number(mark.rows[0]?.id ?? 0);
  const size = await first.query<{ n: number; est: number; pages: number }>(
    `SELECT coalesce(max(id), 0)::int + 1 AS n,
       (SELECT greatest(reltuples, 0)::float8 FROM pg_class WHERE oid = 'connections'::regclass) AS est,
       (pg_relation_size('connections') / current_setting('block_size')::int)::int AS pages
     FROM members`,
  );
  const n = size.rows[0]?.n ?? 1;
  const pages = size.rows[0]?.pages ?? 0;
  const k = clients.length;
  const estimate = Math.ceil(((size.rows[0]?.est ?? 0) / 2 / k) * 1.05) + 1024;
  let t = performance.now();
  const parts = await Promise.all(
    clients.map((client, i) => {
      const lo = Math.floor((pages * i) / k), hi = i === k - 1 ? null : Math.floor((pages * (i + 1)) / k);
      const range = `ctid >= '(${lo},0)'::tid${hi === null ? '' : ` AND ctid < '(${hi},0)'::tid`}`;
      return copyTriples(
        client,
        `SELECT member_id, other_id, ((created_at AT TIME ZONE 'UTC')::date - DATE '2000-01-01')
           FROM connections WHERE ${range} AND member_id < other_id`,
        estimate,
      );
    }),
  );
  const rows = parts.reduce((a, p) => a + p.length, 0);
  const src = new Int32Array(rows), dst = new Int32Array(rows), day = new Uint16Array(rows);
  let at = 0;
  for (const p of parts) {
    src.set(p.src.subarray(0, p.length), at);
    dst.set(p.dst.subarray(0, p.length), at);
    day.set(p.day.subarray(0, p.length), at);
    at += p.length;
  }
  const copyMs = Math.round(performance.now() - t);
  t = performance.now();
  const graph = CsrGraph.fromEdges(n, src, dst, day);
  const buildMs = Math.round(performance.now() - t);
  t = performance.now();
  const follows = await copyTriples(first, 'SELECT follower_id, followee_id, 0 FROM follows', 1024);
  for (let i = 0; i < follows.length; i++) graph.follows.follow(follows.src[i]!, follows.dst[i]!);
  const followsMs = Math.round(performance.now() - t);
  return { graph, lastChangeId, timings: { copyMs, buildMs, followsMs }, rows };
}
