/**
 * The load benchmark's database, `rapport_bench_load`: a copy of the garden's (`CREATE DATABASE … TEMPLATE
 * rapport_bench_garden`: 1 M members with profiles, positions and organisations, their connections; built by
 * bench/garden/setup.ts and never changed here), plus what the mixed routes read, all in bulk SQL
 * (INSERT … SELECT, never row by row):
 *
 * - --viewers members with 10–200 connections, each with a personal access token (the load's viewers);
 * - follows: each viewer follows all their connections (the product writes a follow with every connection;
 *   the garden's build writes none), so each home feed has authors;
 * - --posts posts by those followees over the last 30 days (80 % for members, 20 % for connections);
 * - pending invitations received by each viewer (bench/graph/pg-setup.ts createInvitations);
 * - a direct conversation between each viewer and three of their connections, 40 messages each.
 *
 * What was built is kept in `bench_load_meta` (with the garden's own meta), so a later run reuses it.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { lapTimer } from '../lib.ts';
import type { Db } from '../../server/db/connection.ts';
import { migrate } from '../../server/db/migrate.ts';
import * as schema from '../../server/db/schema.ts';
import { readBenchMeta, withClient } from '../feed/setup.ts';
import { benchDatabaseName, benchUrl, createInvitations, createTokens, memberNames } from '../graph/pg-setup.ts';

/** Bump when what the build writes changes, so an older copy is rebuilt. */
const LOAD_VERSION = 1;

export interface LoadSetupOptions {
  pg: string;
  /** The garden database copied (never changed). */
  template: string;
  database: string;
  viewers: number;
  posts: number;
  invitationsPerViewer: number;
  conversationsPerViewer: number;
  messagesPerConversation: number;
  rebuild: boolean;
}

export interface LoadMeta {
  version: number;
  viewers: number;
  posts: number;
  /** Viewer member ids, their tokens (same order), their conversations' ids. */
  viewerIds: number[];
  tokens: string[];
  conversations: { viewer: number; id: number }[];
  /** Handles to view (the viewers' connections) and names to search for. */
  handles: string[];
  queries: string[];
  counts: Record<string, number>;
  setupMs: Record<string, number>;
  builtAt: string;
}

const readMeta = (url: string) => readBenchMeta<LoadMeta>(url, 'bench_load_meta');

/** The database as the options ask for it: reused when its meta matches, copied and filled otherwise. */
export async function ensureLoadDatabase(o: LoadSetupOptions, log: (line: string) => void): Promise<{ meta: LoadMeta; reused: boolean }> {
  const url = benchUrl(o.pg, benchDatabaseName(o.database));
  const meta = o.rebuild ? null : await readMeta(url);
  if (meta && meta.version === LOAD_VERSION && meta.viewers === o.viewers && meta.posts === o.posts) {
    // A copy made before a later migration: the servers would apply it at start anyway, one of them first.
    await migrateDatabase(url);
    return { meta, reused: true };
  }
  return { meta: await build(o, url, log), reused: false };
}

async function migrateDatabase(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await migrate(drizzle(pool, { schema }) as unknown as Db);
  } finally {
    await pool.end();
  }
}

async function build(o: LoadSetupOptions, url: string, log: (line: string) => void): Promise<LoadMeta> {
  const { ms, lap } = lapTimer(log);
  const template = benchDatabaseName(o.template);
  const templateMeta = await readBenchMeta<unknown>(benchUrl(o.pg, template), 'bench_garden_meta');
  if (!templateMeta) throw new Error(`${template} has no bench_garden_meta: build it first (npm run bench -- garden)`);
  // The copy needs the template without other sessions: the caller holds /tmp/rapport-bench.lock.
  await withClient(benchUrl(o.pg, 'postgres'), async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${benchDatabaseName(o.database)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${benchDatabaseName(o.database)} TEMPLATE ${template}`);
  });
  lap('copy');
  await migrateDatabase(url);
  lap('migrate');

  const viewerIds = await withClient(url, async (c) => {
    // Members with a real but ordinary network, in a fixed pseudo-random order; never the garden's hub.
    const r = await c.query<{ id: number }>(
      `SELECT member_id AS id FROM connections GROUP BY member_id HAVING count(*) BETWEEN 10 AND 200
        ORDER BY hashint4(member_id * 31 + 7), member_id LIMIT $1`,
      [o.viewers],
    );
    return r.rows.map((x) => x.id);
  });
  lap('viewers');
  // createTokens and createInvitations take bench ids (member id − 1).
  const tokens = await createTokens(o.pg, viewerIds.map((id) => id - 1), o.database);
  lap('tokens');

  const filled = await withClient(url, async (c) => {
    await c.query(`SET synchronous_commit = off`);
    await c.query(`SET maintenance_work_mem = '1GB'`);
    await c.query(`CREATE TABLE bench_load_viewers (member_id int PRIMARY KEY)`);
    await c.query(`INSERT INTO bench_load_viewers SELECT unnest($1::int[])`, [viewerIds]);
    const follows = await c.query(
      `INSERT INTO follows (follower_id, followee_id)
       SELECT c.member_id, c.other_id FROM connections c JOIN bench_load_viewers v ON v.member_id = c.member_id ON CONFLICT DO NOTHING`,
    );
    lap('follows');
    // Authors: the viewers' followees, each a rank; post i is by the author of rank hash(i) mod count.
    await c.query(`CREATE TABLE bench_load_authors (rank int PRIMARY KEY, member_id int NOT NULL)`);
    await c.query(
      `INSERT INTO bench_load_authors SELECT (row_number() OVER (ORDER BY followee_id) - 1)::int, followee_id
         FROM (SELECT DISTINCT f.followee_id FROM follows f JOIN bench_load_viewers v ON v.member_id = f.follower_id) x`,
    );
    const posts = await c.query(
      `INSERT INTO posts (author_id, text, visibility, created_at)
       SELECT a.member_id,
              'Post ' || i || ': notes from this week''s work on ' || (ARRAY['onboarding','hiring','research','a launch','a workshop','the budget'])[1 + abs(hashint4(i + 3)) % 6]
                || ', with thanks to the team and a question for my network about what worked for them.',
              CASE WHEN abs(hashint4(i + 5)) % 10 < 8 THEN 'members' ELSE 'connections' END,
              now() - ($1::int - i) * (interval '30 days' / $1::int)
         FROM generate_series(1, $1::int) i
         JOIN bench_load_authors a ON a.rank = abs(hashint4(i)) % (SELECT count(*) FROM bench_load_authors)`,
      [o.posts],
    );
    lap('posts');
    return { follows: follows.rowCount ?? 0, authors: Number((await c.query(`SELECT count(*) FROM bench_load_authors`)).rows[0].count), posts: posts.rowCount ?? 0 };
  });

  const invitations = await createInvitations(o.pg, viewerIds.map((id) => id - 1), o.invitationsPerViewer, o.database);
  lap('invitations');

  const conversations = await withClient(url, async (c) => {
    await c.query(`SET synchronous_commit = off`);
    // One pair per two members (a viewer may be another viewer's connection), numbered k = 1, 2, …
    await c.query(
      `CREATE TABLE bench_load_pairs AS
       SELECT row_number() OVER (ORDER BY a, b)::int AS k, a, b, viewer FROM (
         SELECT DISTINCT ON (least(v.member_id, p.other_id), greatest(v.member_id, p.other_id))
                least(v.member_id, p.other_id) AS a, greatest(v.member_id, p.other_id) AS b, v.member_id AS viewer
           FROM bench_load_viewers v
           CROSS JOIN LATERAL (SELECT other_id FROM connections WHERE member_id = v.member_id ORDER BY hashint4(other_id), other_id LIMIT $1) p
          ORDER BY least(v.member_id, p.other_id), greatest(v.member_id, p.other_id), v.member_id) x`,
      [o.conversationsPerViewer],
    );
    const base = Number((await c.query(`SELECT coalesce(max(id), 0) AS m FROM conversations`)).rows[0].m);
    await c.query(
      `INSERT INTO conversations (id, kind, created_by, created_at) OVERRIDING SYSTEM VALUE
       SELECT $1::bigint + k, 'direct', viewer, now() - interval '30 days' FROM bench_load_pairs`,
      [base],
    );
    await c.query(`SELECT setval(pg_get_serial_sequence('conversations', 'id'), (SELECT max(id) FROM conversations))`);
    await c.query(
      `INSERT INTO messages (conversation_id, sender_id, text, created_at)
       SELECT $1::bigint + p.k, CASE WHEN j % 2 = 0 THEN p.a ELSE p.b END,
              'Message ' || j || ': ' || (ARRAY['Are you free for a call on Thursday?','Thanks for the introduction, it went well.',
                'Here are the slides from the talk.','Congratulations on the new role!','Could you review the draft before Friday?'])[1 + abs(hashint4(p.k * 100 + j)) % 5],
              now() - interval '30 days' + j * interval '1 hour'
         FROM bench_load_pairs p, generate_series(1, $2::int) j ORDER BY p.k, j`,
      [base, o.messagesPerConversation],
    );
    await c.query(
      `INSERT INTO conversation_members (conversation_id, member_id, peer_id, folder, last_message_id, last_read_message_id, joined_at)
       SELECT $1::bigint + p.k, m.me, m.peer, 'inbox', l.last, l.last, now() - interval '30 days'
         FROM bench_load_pairs p
         CROSS JOIN LATERAL (VALUES (p.a, p.b), (p.b, p.a)) m(me, peer)
         CROSS JOIN LATERAL (SELECT max(id) AS last FROM messages WHERE conversation_id = $1::bigint + p.k) l`,
      [base],
    );
    const r = await c.query<{ viewer: number; id: number }>(
      `SELECT cm.member_id AS viewer, cm.conversation_id::float8 AS id FROM conversation_members cm
         JOIN bench_load_viewers v ON v.member_id = cm.member_id WHERE cm.conversation_id > $1 ORDER BY 2, 1`,
      [base],
    );
    await c.query(`VACUUM (ANALYZE) follows, posts, invitations, conversations, messages, conversation_members, access_tokens`);
    return r.rows;
  });
  lap('conversations');

  const handles = await withClient(url, async (c) => {
    const r = await c.query<{ handle: string }>(
      `SELECT DISTINCT m.handle FROM bench_load_authors a JOIN members m ON m.id = a.member_id ORDER BY m.handle LIMIT 2000`,
    );
    return r.rows.map((x) => x.handle);
  });
  const queries = await memberNames(o.pg, viewerIds.map((id) => id - 1), o.database);
  const counts = await withClient(url, async (c) => {
    const r = await c.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM members)::int AS members, (SELECT reltuples FROM pg_class WHERE oid = 'connections'::regclass)::float8 AS "connectionRows",
              (SELECT count(*) FROM follows)::int AS follows, (SELECT count(*) FROM posts)::int AS posts,
              (SELECT count(*) FROM invitations WHERE status = 'pending')::int AS "pendingInvitations",
              (SELECT count(*) FROM conversations)::int AS conversations, (SELECT count(*) FROM messages)::int AS messages,
              (SELECT count(*) FROM experiences)::int AS positions, (SELECT count(*) FROM organisations)::int AS organisations`,
    );
    return r.rows[0]!;
  });
  lap('counts');
  const meta: LoadMeta = {
    version: LOAD_VERSION,
    viewers: o.viewers,
    posts: o.posts,
    viewerIds,
    tokens,
    conversations,
    handles,
    queries,
    counts: { ...counts, ...filled, invitationsAdded: invitations },
    setupMs: ms,
    builtAt: new Date().toISOString(),
  };
  await withClient(url, async (c) => {
    await c.query(`CREATE TABLE IF NOT EXISTS bench_load_meta (key text PRIMARY KEY, value jsonb NOT NULL)`);
    await c.query(`INSERT INTO bench_load_meta VALUES ('meta', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [JSON.stringify(meta)]);
  });
  return meta;
}
