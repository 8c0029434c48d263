/**
 * `node --import tsx bench/search-index/run.ts [--db <url>] [--queries 200]`: the people-search candidate
 * pool two ways on the same 1 M members: in memory (name-index.ts) and in PostgreSQL
 * (queries/search-members.ts, the server's path), for four kinds of query drawn from real names. Needs a
 * database made by `bench:graph` with --keep-db (RAPPORT_BENCH_DB names it).
 *
 * Both are timed one call at a time on an idle client, so the numbers are each path's own latency; the
 * HTTP run of bench:graph measures the route under 50 connections.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from '../../server/db/connection.ts';
import * as schema from '../../server/db/schema.ts';
import { searchCandidates } from '../../server/queries/search-members.ts';
import { makeRandom } from '../graph/generate.ts';
import { loadAverage, log, summarise, type Summary } from '../graph/measure.ts';
import { machine } from '../lib.ts';
import { NameIndex } from './name-index.ts';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const dbUrl = flag('db', 'postgres://postgres@127.0.0.1:5432/rapport_bench_search');
const perKind = Number(flag('queries', '200'));
const POOL = 200;

/** Two neighbouring letters of the last word swapped: an ordinary typo. */
function misspell(name: string, r: () => number): string {
  const cut = name.lastIndexOf(' ') + 1;
  const at = cut + 1 + Math.floor(r() * Math.max(1, name.length - cut - 2));
  return at + 1 < name.length ? name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2) : name;
}

async function timeEach(queries: string[], fn: (q: string) => Promise<number> | number): Promise<Summary & { hitsMean: number }> {
  for (const q of queries.slice(0, 20)) await fn(q);
  const us: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const t = performance.now();
    hits += await fn(q);
    us.push((performance.now() - t) * 1000);
  }
  return { ...summarise(us), hitsMean: Math.round((hits / queries.length) * 10) / 10 };
}

async function main(): Promise<void> {
  const pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
  const db = drizzle(pool, { schema }) as unknown as Db;
  const report: Record<string, unknown> = { kind: 'search-index', startedAt: new Date().toISOString(), machine: machine(), loadAverageStart: loadAverage(), pool: POOL };
  try {
    // Loading what the server would load at start (or from a snapshot): every member's name.
    const heapBefore = process.memoryUsage().heapUsed;
    let t = performance.now();
    const names = (await pool.query<{ id: number; name: string }>('SELECT member_id AS id, name_key AS name FROM search_documents WHERE active')).rows;
    const readMs = Math.round(performance.now() - t);
    t = performance.now();
    const index = new NameIndex();
    for (const r of names) index.setName(r.id, r.name);
    const buildMs = Math.round(performance.now() - t);
    global.gc?.();
    const heapMiB = Math.round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20);
    report.build = { rows: names.length, ...index.size, readMs, buildMs, heapMiB, approxMiB: Math.round(index.approxBytes() / 2 ** 20) };
    log(`name index: ${JSON.stringify(report.build)}`);

    const r = makeRandom(5);
    const sample = Array.from({ length: perKind }, () => names[Math.floor(r() * names.length)]!.name);
    const kinds: Record<string, string[]> = {
      fullName: sample,
      misspeltName: sample.map((n) => misspell(n, r)),
      firstNameOnly: sample.map((n) => n.split(' ')[0]!),
      prefix: sample.map((n) => n.slice(0, n.indexOf(' ') + 4)),
    };
    const viewer = { id: 1 + Math.floor(r() * names.length), isAdmin: false };
    const results: Record<string, unknown> = {};
    for (const [kind, queries] of Object.entries(kinds)) {
      const memory = await timeEach(queries, (q) => index.candidates(q, POOL).length);
      const sql = await timeEach(queries, async (q) =>
        (await searchCandidates(db, viewer, { q, limit: 20 }, { exclude: new Set(), connectionsOnly: false, pool: POOL })).length,
      );
      results[kind] = { example: queries[0], memoryMicroseconds: memory, sqlMicroseconds: sql };
      log(`${kind.padEnd(14)} memory p50 ${memory.p50} µs p99 ${memory.p99} µs (hits ${memory.hitsMean}) | SQL p50 ${sql.p50} µs p99 ${sql.p99} µs (hits ${sql.hitsMean})`);
    }
    report.queries = results;

    // Feeding it from the outbox: a profile.changed with a new name.
    const renames = Array.from({ length: 10_000 }, () => names[Math.floor(r() * names.length)]!);
    const feed: number[] = [];
    for (const [i, row] of renames.entries()) {
      const t0 = performance.now();
      index.setName(row.id, i % 2 ? row.name : `${row.name.split(' ')[0]} renamed${i % 100}`);
      feed.push((performance.now() - t0) * 1000);
    }
    report.feedMicroseconds = summarise(feed);
    log(`feed (setName) ${JSON.stringify(report.feedMicroseconds)}`);
  } finally {
    await pool.end();
  }
  report.loadAverageEnd = loadAverage();
  const results = new URL('../results/', import.meta.url);
  mkdirSync(results, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(new URL(`search-index-${String(report.startedAt).replace(/[:.]/g, '-')}.json`, results), json);
  writeFileSync(new URL('latest-search-index.json', results), json);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
