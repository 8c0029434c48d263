/**
 * A throwaway PostgreSQL database for the graph benchmarks (never the `test` database): the real
 * migrations, n members with a profile and a search document each (generate_series, the NOT NULL columns
 * plus a name and headline for search), the graph's connections in both directions by binary COPY, and
 * personal access tokens for the HTTP run. Member id = bench id + 1 (ids are GENERATED from 1).
 *
 * Bulk-load shortcuts, all confined to this database: the connection table's indexes are dropped during
 * the COPY and rebuilt after (sorting once beats 97 M B-tree inserts), the COPY runs with
 * session_replication_role = replica (no per-row foreign-key trigger; every id is a member by
 * construction) and FREEZE, and the table is UNLOGGED (no WAL for a table dropped at the end).
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { hashSecret, newSecret } from '../../server/auth/secrets.ts';
import type { Db } from '../../server/db/connection.ts';
import { migrate } from '../../server/db/migrate.ts';
import * as schema from '../../server/db/schema.ts';
import type { CsrGraph } from '../../server/graph/csr.ts';

/** RAPPORT_BENCH_DB names another throwaway database, so two benchmarks on one server do not drop each other's. */
export const BENCH_DB = benchDatabaseName(process.env.RAPPORT_BENCH_DB ?? 'rapport_bench');

export function benchDatabaseName(name: string): string {
  if (!/^rapport_bench[a-z0-9_]*$/.test(name)) throw new Error(`RAPPORT_BENCH_DB must start with rapport_bench and hold only a-z, 0-9 and _: ${name}`);
  return name;
}

export function benchUrl(adminUrl: string, database = BENCH_DB): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs one statement on the server's maintenance database (CREATE/DROP DATABASE cannot run inside the bench db). */
async function admin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: benchUrl(adminUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function dropBenchDatabase(adminUrl: string, database = BENCH_DB): Promise<void> {
  await admin(adminUrl, `DROP DATABASE IF EXISTS ${benchDatabaseName(database)} WITH (FORCE)`);
}

/** Member count of an existing bench database, or null when there is none (for --reuse-db). */
export async function existingBenchMembers(adminUrl: string, database = BENCH_DB): Promise<{ members: number; connections: number } | null> {
  const client = new pg.Client({ connectionString: benchUrl(adminUrl, database) });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    const r = await client.query<{ m: number; c: number }>(
      `SELECT (SELECT count(*) FROM members)::int AS m, (SELECT reltuples FROM pg_class WHERE oid = 'connections'::regclass)::float8 AS c`,
    );
    return { members: r.rows[0]?.m ?? 0, connections: r.rows[0]?.c ?? 0 };
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

const FIRST = `ARRAY['ana','li','maria','john','fatima','wei','olga','pierre','amara','kenji','sofia','omar','lena','raj','chloe','diego',
  'ines','yusuf','nina','tomas','hana','ali','eva','marco','zara','igor','mei','luca','aisha','jonas','priya','sven']`;
const SYLLABLES = `ARRAY['ka','lo','mi','ren','sa','to','vel','quin','dor','ash','bri','cal','fen','gar','hol','jun','kor','lam','mor','nov',
  'pel','ros','sil','tam','ur','vin','wes','yor','zel','bar','cor','den']`;
const TITLES = `ARRAY['engineer','designer','product manager','data scientist','recruiter','founder','analyst','nurse','teacher','lawyer',
  'accountant','consultant','researcher','sales lead','architect','editor']`;
const ORGS = `ARRAY['acme','globex','initech','umbrella','hooli','stark','wayne','wonka','tyrell','cyberdyne','soylent','aperture',
  'gringotts','oscorp','vandelay','dunder']`;

export interface SetupTimings {
  migrateMs: number;
  membersMs: number;
  connectionsCopyMs: number;
  connectionsIndexMs: number;
  vacuumMs: number;
  searchIndexMs: number;
  connectionRows: number;
}

export async function createBenchDatabase(adminUrl: string, g: CsrGraph, log: (line: string) => void, database = BENCH_DB): Promise<SetupTimings> {
  await dropBenchDatabase(adminUrl, database);
  await admin(adminUrl, `CREATE DATABASE ${benchDatabaseName(database)}`);
  const pool = new pg.Pool({ connectionString: benchUrl(adminUrl, database), max: 2 });
  const client = await pool.connect();
  const step = async (statement: string): Promise<void> => {
    await client.query(statement);
  };
  try {
    let t = performance.now();
    await migrate(drizzle(pool, { schema }) as unknown as Db);
    const migrateMs = Math.round(performance.now() - t);
    await step(`SET maintenance_work_mem = '1GB'`);
    await step(`SET max_parallel_maintenance_workers = 2`);
    await step(`SET synchronous_commit = off`);

    t = performance.now();
    const n = g.n;
    await step(`INSERT INTO members (id, handle, email) OVERRIDING SYSTEM VALUE
      SELECT i, 'm' || i, 'm' || i || '@bench.invalid' FROM generate_series(1, ${n}) i`);
    await step(`SELECT setval(pg_get_serial_sequence('members', 'id'), ${n})`);
    await step(`INSERT INTO profiles (member_id, name, headline, location, industry, function)
      SELECT i, initcap(f[1 + abs(hashint4(i)) % 32]) || ' ' || initcap(s[1 + abs(hashint4(i + 7)) % 32] || s[1 + abs(hashint4(i + 11)) % 32] || s[1 + abs(hashint4(i + 13)) % 32]),
        initcap(t[1 + abs(hashint4(i + 17)) % 16]) || ' at ' || initcap(o[1 + abs(hashint4(i + 19)) % 16]),
        'City ' || (abs(hashint4(i + 23)) % 500), 'Industry ' || (abs(hashint4(i + 29)) % 40), 'Function ' || (abs(hashint4(i + 31)) % 20)
      FROM generate_series(1, ${n}) i, (SELECT ${FIRST} AS f, ${SYLLABLES} AS s, ${TITLES} AS t, ${ORGS} AS o) a`);
    // Search indexes: drop, fill, rebuild from their own definitions (a GIN build beats 1 M GIN inserts).
    const searchIdx = await client.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = 'search_documents' AND indexname <> 'search_documents_pkey'`,
    );
    for (const i of searchIdx.rows) await step(`DROP INDEX ${i.name}`);
    await step(`INSERT INTO search_documents (member_id, name_key, public_doc, full_doc, industry, function, visibility)
      SELECT member_id, lower(name), doc, doc, industry, function, 'signed_in' FROM (
        SELECT member_id, name, industry, function,
          setweight(to_tsvector('simple', lower(name)), 'A') || setweight(to_tsvector('simple', lower(headline)), 'B') AS doc
        FROM profiles) p`);
    // The vocabulary of name words that typo-tolerant search corrects against (migration 0014).
    await step(`INSERT INTO search_words (word)
      SELECT DISTINCT unnest(tsvector_to_array(to_tsvector('simple', name_key))) FROM search_documents ON CONFLICT DO NOTHING`);
    const membersMs = Math.round(performance.now() - t);
    log(`  members, profiles, search documents: ${membersMs} ms`);

    t = performance.now();
    const connIdx = await client.query<{ name: string; def: string; constraint: boolean }>(
      `SELECT i.indexname AS name, coalesce('ALTER TABLE connections ADD CONSTRAINT ' || c.conname || ' ' || pg_get_constraintdef(c.oid), i.indexdef) AS def,
         c.oid IS NOT NULL AS constraint
       FROM pg_indexes i LEFT JOIN pg_constraint c ON c.conname = i.indexname AND c.conrelid = 'connections'::regclass
       WHERE i.tablename = 'connections'`,
    );
    for (const i of connIdx.rows) await step(i.constraint ? `ALTER TABLE connections DROP CONSTRAINT ${i.name}` : `DROP INDEX ${i.name}`);
    await step(`ALTER TABLE connections SET UNLOGGED`);
    await step('BEGIN');
    await step(`SET LOCAL session_replication_role = replica`);
    await step(`TRUNCATE connections`);
    const rowsCopied = await copyConnections(client, g);
    await step('COMMIT');
    const connectionsCopyMs = Math.round(performance.now() - t);
    log(`  connections COPY: ${rowsCopied} rows in ${connectionsCopyMs} ms`);

    t = performance.now();
    for (const i of connIdx.rows) await step(i.def);
    const connectionsIndexMs = Math.round(performance.now() - t);
    log(`  connections indexes: ${connectionsIndexMs} ms`);
    t = performance.now();
    for (const i of searchIdx.rows) await step(i.def);
    const searchIndexMs = Math.round(performance.now() - t);
    log(`  search indexes: ${searchIndexMs} ms`);
    t = performance.now();
    await step(`VACUUM (ANALYZE) connections`);
    await step(`VACUUM (ANALYZE) members, profiles, search_documents, search_words`);
    const vacuumMs = Math.round(performance.now() - t);
    return { migrateMs, membersMs, connectionsCopyMs, connectionsIndexMs, vacuumMs, searchIndexMs, connectionRows: rowsCopied };
  } finally {
    client.release();
    await pool.end();
  }
}

/**
 * Streams every directed edge as a binary COPY tuple (member_id, other_id, created_at, origin_context),
 * in (member_id, other_id) order straight from the CSR rows. created_at is noon UTC of the edge's day,
 * as microseconds since 2000-01-01 (PostgreSQL's binary timestamptz).
 */
async function copyConnections(client: pg.PoolClient, g: CsrGraph): Promise<number> {
  const TUPLE = 2 + 8 + 8 + 12 + 10;
  const CHUNK_TUPLES = 32_768;
  const stream = client.query(
    copyStreams.from(`COPY connections (member_id, other_id, created_at, origin_context) FROM STDIN (FORMAT binary, FREEZE)`),
  );
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  const write = async (buf: Buffer): Promise<void> => {
    if (!stream.write(buf)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  };
  const header = Buffer.alloc(19);
  header.write('PGCOPY\n\xff\r\n\0', 0, 'latin1');
  await write(header);
  const origin = Buffer.from('import');
  let buf = Buffer.alloc(TUPLE * CHUNK_TUPLES);
  let p = 0, rows = 0;
  for (let u = 0; u < g.n; u++) {
    const arr = g.rowArr(u), days = g.rowDays(u);
    for (let q = g.rowLo(u), e = g.rowHi(u); q < e; q++) {
      if (p + TUPLE > buf.length) {
        await write(buf.subarray(0, p));
        buf = Buffer.alloc(TUPLE * CHUNK_TUPLES);
        p = 0;
      }
      const micros = days[q]! * 86_400_000_000 + 43_200_000_000;
      buf.writeInt16BE(4, p);
      buf.writeInt32BE(4, p + 2);
      buf.writeInt32BE(u + 1, p + 6);
      buf.writeInt32BE(4, p + 10);
      buf.writeInt32BE(arr[q]! + 1, p + 14);
      buf.writeInt32BE(8, p + 18);
      buf.writeInt32BE(Math.floor(micros / 4294967296), p + 22);
      buf.writeUInt32BE(micros % 4294967296, p + 26);
      buf.writeInt32BE(6, p + 30);
      origin.copy(buf, p + 34);
      p += TUPLE;
      rows++;
    }
  }
  buf.writeInt16BE(-1, p);
  p += 2;
  await write(buf.subarray(0, p));
  stream.end();
  await done;
  return rows;
}

/** Personal access tokens for the given members (bench ids), stored hashed as the server expects. */
export async function createTokens(adminUrl: string, benchIds: readonly number[], database = BENCH_DB): Promise<string[]> {
  const client = new pg.Client({ connectionString: benchUrl(adminUrl, database) });
  await client.connect();
  try {
    // Real tokens: the server refuses any other shape before looking it up.
    const tokens = benchIds.map(() => newSecret('rapport_pat'));
    await client.query(
      `INSERT INTO access_tokens (member_id, name, token_hash, prefix)
       SELECT m, 'bench', h, left(t, 16) FROM unnest($1::int[], $2::text[], $3::text[]) AS u(m, h, t)`,
      [benchIds.map((id) => id + 1), tokens.map((t) => hashSecret(t)), tokens],
    );
    return tokens;
  } finally {
    await client.end();
  }
}

/** Member names by bench id, for realistic search queries. */
export async function memberNames(adminUrl: string, benchIds: readonly number[], database = BENCH_DB): Promise<string[]> {
  const client = new pg.Client({ connectionString: benchUrl(adminUrl, database) });
  await client.connect();
  try {
    const r = await client.query<{ name: string }>(`SELECT name FROM profiles WHERE member_id = ANY($1::int[])`, [benchIds.map((id) => id + 1)]);
    return r.rows.map((x) => x.name);
  } finally {
    await client.end();
  }
}

/**
 * Pending invitations to each given member (bench ids), from `perMember` members who are neither the
 * recipient nor already connected to them, each with a personal note, so the received-invitations page
 * has a full page of evidence to load. Earlier runs' bench invitations are removed first (--reuse-db); a pair already
 * invited the other way round is skipped (one open invitation per pair).
 */
export async function createInvitations(adminUrl: string, benchIds: readonly number[], perMember: number, database = BENCH_DB): Promise<number> {
  const client = new pg.Client({ connectionString: benchUrl(adminUrl, database) });
  await client.connect();
  try {
    await client.query(`DELETE FROM invitations WHERE note LIKE 'Bench: %'`);
    const r = await client.query(
      `INSERT INTO invitations (sender_id, recipient_id, note, context, expires_at)
       SELECT s.sender, r.id, 'Bench: we met at the ' || (s.sender % 40) || 'th meetup, I would like to stay in touch', 'profile', now() + interval '30 days'
       FROM unnest($1::int[]) AS r(id)
       CROSS JOIN LATERAL (
         SELECT DISTINCT 1 + (abs(hashint8(r.id::bigint * 1000 + k)) % (SELECT max(id) FROM members)) AS sender
         FROM generate_series(1, $2::int) k
       ) s
       WHERE s.sender <> r.id
         AND NOT EXISTS (SELECT 1 FROM connections c WHERE c.member_id = r.id AND c.other_id = s.sender)
       ON CONFLICT DO NOTHING`,
      [benchIds.map((id) => id + 1), perMember],
    );
    return r.rowCount ?? 0;
  } finally {
    await client.end();
  }
}
