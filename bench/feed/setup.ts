/**
 * The feed benchmark's database, built once and reused (`rapport_bench_feed` next to --pg, never `test`):
 *
 * - members and connections: the generated graph of `bench:graph` (bench/graph/generate.ts, seed 1) loaded
 *   by pg-setup.ts, accounts aged 1–3 years (so message settings treat senders as established);
 * - follows: only the benchmark's own members follow anyone (see chooseFollows). The real product writes a
 *   follow both ways for every connection, 97 M rows at 1 M members, which the server's in-memory follow
 *   graph (Map of Sets, server/graph/follows.ts) cannot hold: docs/performance.md says what that costs;
 * - posts: server-side INSERT … SELECT over generate_series (posts-data.ts).
 *
 * What was built is kept in `bench_feed_meta`, so a later run with the same sizes reuses it; a different
 * --posts regenerates only the posts.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from '../../server/db/connection.ts';
import { migrate } from '../../server/db/migrate.ts';
import * as schema from '../../server/db/schema.ts';
import { CsrGraph } from '../../server/graph/csr.ts';
import { generateGraph, makeRandom } from '../graph/generate.ts';
import { benchUrl, createBenchDatabase, existingBenchMembers } from '../graph/pg-setup.ts';
import type { FeedBenchOptions } from './options.ts';
import { POSTS_VERSION, type PostsSpec, generatePosts } from './posts-data.ts';

/** Member ids (not bench ids) chosen for each part of the run. */
export interface FeedMeta {
  members: number;
  /** Followed count → the viewers who follow exactly that many members. */
  viewers: Record<string, number[]>;
  /** Followed count → how many of each viewer's followees are their connections (mean). */
  connectedShare: Record<string, number>;
  popular: number;
  quiet: number;
  popularFollowers: number;
  /** Stream holders (followers of `popular`) and message senders. */
  streamMembers: number[];
  senders: number[];
  posts?: PostsSpec & { built: string; ms: Record<string, number>; counts: Record<string, number> };
  setupMs?: Record<string, number>;
}

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A bench database's description (`bench_<name>_meta`, key 'meta'), or null when the database or the table
 * is not there yet: the benches build a database once and reuse it while this matches their options.
 */
export async function readBenchMeta<T>(url: string, table: 'bench_feed_meta' | 'bench_garden_meta' | 'bench_load_meta'): Promise<T | null> {
  try {
    return await withClient(url, async (c) => (await c.query<{ value: T }>(`SELECT value FROM ${table} WHERE key = 'meta'`)).rows[0]?.value ?? null);
  } catch {
    return null;
  }
}

const readMeta = (url: string) => readBenchMeta<FeedMeta>(url, 'bench_feed_meta');

export async function writeMeta(url: string, meta: FeedMeta): Promise<void> {
  await withClient(url, async (c) => {
    await c.query(`CREATE TABLE IF NOT EXISTS bench_feed_meta (key text PRIMARY KEY, value jsonb NOT NULL)`);
    await c.query(`INSERT INTO bench_feed_meta VALUES ('meta', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [JSON.stringify(meta)]);
  });
}

/** The database as the options ask for it: reused when it matches, (re)built otherwise. */
export async function ensureFeedDatabase(o: FeedBenchOptions, log: (line: string) => void): Promise<{ meta: FeedMeta; reused: string[] }> {
  const url = benchUrl(o.pg, o.database);
  const reused: string[] = [];
  let meta = o.rebuild ? null : await readMeta(url);
  const existing = meta ? await existingBenchMembers(o.pg, o.database) : null;
  if (!meta || existing?.members !== o.members || meta.members !== o.members || meta.popularFollowers !== o.popularFollowers || !sameGroups(meta, o)) {
    meta = await buildMembers(o, url, log);
  } else {
    reused.push('members');
    // A database built before a later migration: the server would apply it at start anyway.
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await migrate(drizzle(pool, { schema }) as unknown as Db);
    } finally {
      await pool.end();
    }
  }
  const want: PostsSpec = { version: POSTS_VERSION, posts: o.posts, engagementDays: o.engagementDays, freshDays: o.freshDays };
  const have = meta.posts;
  if (have && have.version === want.version && have.posts === want.posts && have.engagementDays === want.engagementDays && have.freshDays === want.freshDays) {
    reused.push('posts');
  } else {
    // Forget the old posts first: a generation cut short must not pass for a finished one next time.
    const { posts: _gone, ...without } = meta;
    await writeMeta(url, without);
    const built = await withClient(url, (c) => generatePosts(c, o.members, want, log));
    meta = { ...meta, posts: { ...want, built: new Date().toISOString(), ...built } };
    await writeMeta(url, meta);
  }
  return { meta, reused };
}

function sameGroups(meta: FeedMeta, o: FeedBenchOptions): boolean {
  return o.groups.every((k) => (meta.viewers[String(k)]?.length ?? 0) >= o.viewersPerGroup);
}

async function buildMembers(o: FeedBenchOptions, url: string, log: (line: string) => void): Promise<FeedMeta> {
  const ms: Record<string, number> = {};
  let t = performance.now();
  const list = generateGraph(o.members, { avgDegree: 100, seed: 1 });
  const g = CsrGraph.fromEdges(list.n, list.src, list.dst, list.days);
  ms.generateGraph = Math.round(performance.now() - t);
  log(`generated ${o.members} members, ${g.directedEdges / 2} connections in ${ms.generateGraph} ms`);
  t = performance.now();
  const timings = await createBenchDatabase(o.pg, g, log, o.database);
  ms.membersAndConnections = Math.round(performance.now() - t);
  t = performance.now();
  const meta = await withClient(url, async (c) => {
    await c.query(`SET synchronous_commit = off`);
    // Accounts of 1–3 years: message settings treat accounts younger than 30 days apart.
    await c.query(`UPDATE members SET created_at = now() - interval '1 year' - (id % 730) * interval '1 day'`);
    await c.query(`CREATE TABLE bench_feed_authors (rank int PRIMARY KEY, member_id int NOT NULL)`);
    // Authorship ranks: a fixed pseudo-random order of the members (posts-data.ts skews posts toward low ranks).
    await c.query(`INSERT INTO bench_feed_authors SELECT (row_number() OVER (ORDER BY hashint4(id * 7 + 1), id) - 1)::int, id FROM members`);
    const top = await c.query<{ id: number }>(`SELECT member_id AS id FROM bench_feed_authors ORDER BY rank LIMIT 20000`);
    const chosen = chooseFollows(g, o, top.rows.map((r) => r.id));
    await insertFollows(c, chosen.pairs);
    await c.query(`VACUUM (ANALYZE) members, follows, bench_feed_authors`);
    return chosen.meta;
  });
  ms.follows = Math.round(performance.now() - t);
  meta.setupMs = { ...ms, ...(timings as unknown as Record<string, number>) };
  await writeMeta(url, meta);
  return meta;
}

/**
 * Who follows whom. For each group size k: viewers whose connection count is near k (at least 0.6 k, at
 * most 3 k but for the largest group), each following 70 % of k among their connections (at random) and
 * the rest among the most prolific authors (whom people follow without connecting); the popular author
 * gets --popular-followers random followers, the quiet one 10. Stream members are the popular author's
 * followers (so a post.created routed to followers reaches open streams); senders are other members.
 */
function chooseFollows(g: CsrGraph, o: FeedBenchOptions, prolific: number[]): { pairs: Int32Array; meta: FeedMeta } {
  const rand = makeRandom(23);
  const n = g.n;
  const used = new Set<number>();
  const pairs: number[] = [];
  const viewers: Record<string, number[]> = {};
  const connectedShare: Record<string, number> = {};
  const sorted = [...o.groups].sort((a, b) => a - b);
  for (const k of sorted) {
    const lo = Math.ceil(0.6 * k), hi = k === sorted[sorted.length - 1] ? Infinity : 3 * k;
    let candidates: number[] = [];
    for (let u = 0; u < n; u++) if (!used.has(u) && g.degree(u) >= lo && g.degree(u) <= hi) candidates.push(u);
    if (candidates.length < o.viewersPerGroup) {
      // Not enough members that well connected (a small graph): the best connected that are left.
      candidates = Array.from({ length: n }, (_, u) => u).filter((u) => !used.has(u)).sort((a, b) => g.degree(b) - g.degree(a)).slice(0, o.viewersPerGroup * 2);
    }
    shuffle(candidates, rand);
    const picked = candidates.slice(0, o.viewersPerGroup);
    let connectedTotal = 0;
    for (const u of picked) {
      used.add(u);
      const me = u + 1;
      const followees = new Set<number>();
      const nbrs = Array.from(g.neighbours(u));
      shuffle(nbrs, rand);
      for (const w of nbrs.slice(0, Math.min(nbrs.length, Math.round(0.7 * k)))) followees.add(w + 1);
      connectedTotal += followees.size;
      const pool = prolific.slice(0, Math.min(prolific.length, Math.max(2000, 3 * k)));
      shuffle(pool, rand);
      for (const id of pool) {
        if (followees.size >= k) break;
        if (id !== me && !g.hasEdge(u, id - 1)) followees.add(id);
      }
      // A small graph has too few prolific authors: anyone.
      for (let tries = 0; followees.size < k && tries < 20 * k; tries++) {
        const id = 1 + Math.floor(rand() * n);
        if (id !== me) followees.add(id);
      }
      for (const f of followees) pairs.push(me, f);
    }
    viewers[String(k)] = picked.map((u) => u + 1);
    connectedShare[String(k)] = Math.round((connectedTotal / (picked.length * k)) * 1000) / 1000;
  }
  const free = (): number => {
    for (;;) {
      const u = Math.floor(rand() * n);
      if (!used.has(u)) {
        used.add(u);
        return u + 1;
      }
    }
  };
  const popular = free(), quiet = free();
  const followersOf = (author: number, count: number): number[] => {
    const out = new Set<number>();
    while (out.size < Math.min(count, n - 1)) {
      const f = 1 + Math.floor(rand() * n);
      if (f !== author) out.add(f);
    }
    for (const f of out) pairs.push(f, author);
    return [...out];
  };
  const popularFollowers = followersOf(popular, o.popularFollowers);
  followersOf(quiet, 10);
  const streamMembers = popularFollowers.filter((id) => !used.has(id - 1)).slice(0, Math.max(o.streams, 1000));
  for (const id of streamMembers) used.add(id - 1);
  const senders = Array.from({ length: Math.max(o.senders, 50) }, free);
  return {
    pairs: Int32Array.from(pairs),
    meta: { members: o.members, viewers, connectedShare, popular, quiet, popularFollowers: o.popularFollowers, streamMembers, senders },
  };
}

function shuffle<T>(xs: T[], rand: () => number): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
}

async function insertFollows(c: pg.Client, pairs: Int32Array): Promise<void> {
  const CHUNK = 100_000;
  for (let at = 0; at < pairs.length; at += CHUNK * 2) {
    const a: number[] = [], b: number[] = [];
    for (let i = at; i < Math.min(pairs.length, at + CHUNK * 2); i += 2) {
      a.push(pairs[i]!);
      b.push(pairs[i + 1]!);
    }
    await c.query(
      `INSERT INTO follows (follower_id, followee_id, created_at)
       SELECT a, b, now() - (abs(hashint4(a + b)) % 700) * interval '1 day' FROM unnest($1::int[], $2::int[]) AS u(a, b) ON CONFLICT DO NOTHING`,
      [a, b],
    );
  }
}
