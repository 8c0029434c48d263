/**
 * The feed benchmark's posts, written by PostgreSQL itself (INSERT … SELECT over generate_series, in chunks
 * of a million), deterministic from the post id through `bench_u(id, salt)`, a hash in [0, 1):
 *
 * - **authorship is skewed**: 30 % of members ever post; an author's rank among them is drawn as u², so
 *   the top 1 % of authors write 10 % of the posts and the most prolific a few dozen a day;
 * - **timestamps** spread evenly over the year before the build, in id order (ids grow with time, as they
 *   do when members post), to the microsecond;
 * - **visibility**: 70 % members, 20 % followers and connections, 10 % connections only;
 * - 3 % are **reposts** of a post up to 5,000 ids earlier (never of a repost nor of a connections-only post
 *   by someone else), half of them with a comment of their own;
 * - **engagement** on the last --engagement-days: reactions u⁹ × 100 (mean 10, most posts none, a few near
 *   100) by distinct random members, and comments u⁸ × 20; the counters on each post match its rows;
 * - **freshness**: the last --fresh-days of posts are written after the VACUUM, so their pages are not yet
 *   all-visible, as in production (autovacuum's insert threshold on 10 M rows is 2 M new rows): the feed's
 *   index-only probes visit the heap for them, as they would for real.
 */
import type pg from 'pg';
import { posts } from '../../server/db/migrations/20261221-0019-posts.ts';

/** Bump when the data below changes, so --reuse rebuilds posts made by an older generator. */
export const POSTS_VERSION = 2;

export interface PostsSpec {
  /** The generator's version: a database built by an older one is rebuilt. */
  version: number;
  posts: number;
  engagementDays: number;
  freshDays: number;
}

const WORDS = `We shipped the new onboarding flow today after three months of interviews with customers and a lot of
careful iteration. Hiring for two senior engineers who care about accessibility and performance; reach out if
you know someone. Grateful to my mentors for a decade of patient advice; here is what I learned about leading
teams through a reorganisation. Our research on supply chains in southern Europe is finally published, with
open data and a summary for practitioners. Speaking at the regional conference next month about data quality
in public health; slides will be shared afterwards. Five lessons from running a small consultancy: price by
value, write everything down, say no early, keep learning and look after your people. Congratulations to the
whole team on the launch; it took patience, humour and a great deal of coffee. Looking for recommendations on
tools for remote workshops that work well with screen readers and low bandwidth. Thoughts on the new rules for
cross-border employment and what they mean for startups hiring their first people abroad.`.replace(/\s+/g, ' ');

const KINDS = `ARRAY['like','like','like','celebrate','support','insightful','funny']`;

export async function generatePosts(c: pg.Client, members: number, spec: PostsSpec, log: (line: string) => void): Promise<{ ms: Record<string, number>; counts: Record<string, number> }> {
  const ms: Record<string, number> = {};
  const step = async (name: string, statement: string, params: unknown[] = []): Promise<number> => {
    const t = performance.now();
    const r = await c.query(statement, params);
    ms[name] = (ms[name] ?? 0) + Math.round(performance.now() - t);
    return r.rowCount ?? 0;
  };
  const P = spec.posts, n = members;
  const yearUs = 365 * 86_400_000_000;
  const startUs = (Date.now() - 365 * 86_400_000) * 1000;
  const stepUs = yearUs / P;
  const engagedFrom = Math.floor(P * (1 - spec.engagementDays / 365)) + 1;
  const freshFrom = Math.floor(P * (1 - spec.freshDays / 365)) + 1;
  const active = Math.max(1, Math.round(n * 0.3));
  await c.query(`SET synchronous_commit = off`);
  await c.query(`SET maintenance_work_mem = '1GB'`);
  await c.query(`SET max_parallel_maintenance_workers = 2`);
  await c.query(`CREATE OR REPLACE FUNCTION bench_u(i bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (hashint8(i * 1009 + salt)::float8 + 2147483648) / 4294967296 $$`);
  // Reposts point at an earlier original: not a repost itself, not for connections only.
  await c.query(`CREATE OR REPLACE FUNCTION bench_repost_of(i bigint) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN bench_u(i, 3) < 0.03 THEN (SELECT j FROM (SELECT i - 1 - floor(bench_u(i, 5) * 5000)::bigint AS j) x
                 WHERE j >= 1 AND bench_u(j, 3) >= 0.03 AND bench_u(j, 4) < 0.9) END $$`);
  log(`posts: ${P} (engaged from id ${engagedFrom}, fresh from id ${freshFrom})`);
  await emptyPosts(c);
  // The feed's index, dropped for the bulk insert and built after; as its migration defines it when a
  // generation cut short has left it dropped.
  const found = await c.query<{ def: string }>(`SELECT indexdef AS def FROM pg_indexes WHERE tablename = 'posts' AND indexname = 'posts_author_recent_idx'`);
  const authorIdx = { rows: [{ name: 'posts_author_recent_idx', def: found.rows[0]?.def ?? posts.up.find((s) => s.includes('INDEX posts_author_recent_idx'))! }] };
  await c.query(`DROP INDEX IF EXISTS posts_author_recent_idx`);

  const insertRange = async (lo: number, hi: number): Promise<void> => {
    await step(
      'posts',
      `INSERT INTO posts (id, author_id, text, visibility, repost_of, created_at, comment_count, reaction_counts)
       OVERRIDING SYSTEM VALUE
       SELECT s.i, a.member_id,
              CASE WHEN s.rp IS NULL THEN 'Post ' || s.i || ': ' || substr($1, 1 + floor(bench_u(s.i, 10) * 3000)::int, 40 + floor(bench_u(s.i, 11) * 600)::int)
                   WHEN bench_u(s.i, 6) < 0.5 THEN ''
                   ELSE 'Worth reading: ' || substr($1, 1 + floor(bench_u(s.i, 10) * 3000)::int, 20 + floor(bench_u(s.i, 11) * 120)::int) END,
              CASE WHEN bench_u(s.i, 4) < 0.7 THEN 'members' WHEN bench_u(s.i, 4) < 0.9 THEN 'followers' ELSE 'connections' END,
              s.rp,
              timestamptz 'epoch' + ($2::float8 + (s.i - 1) * $3::float8)::bigint * interval '1 microsecond',
              CASE WHEN s.i >= $4 THEN floor(20 * bench_u(s.i, 8) ^ 8)::int ELSE 0 END,
              CASE WHEN s.i >= $4 THEN coalesce((SELECT jsonb_object_agg(k, cnt) FROM (
                SELECT (${KINDS})[1 + floor(7 * bench_u(s.i * 128 + j, 9))::int] AS k, count(*) AS cnt
                  FROM generate_series(1, floor(100 * bench_u(s.i, 7) ^ 9)::int) j GROUP BY 1) x), '{}') ELSE '{}' END
         FROM (SELECT i, bench_repost_of(i) AS rp, floor($5::int * bench_u(i, 1) ^ 2)::int AS rank FROM generate_series($6::bigint, $7::bigint) i) s
         JOIN bench_feed_authors a ON a.rank = s.rank`,
      [WORDS, startUs, stepUs, engagedFrom, active, lo, hi],
    );
    if (hi < engagedFrom) return;
    const from = Math.max(lo, engagedFrom);
    // Distinct reactors per post: (hash + j × 7919) mod n, 7919 being prime to n.
    await step(
      'reactions',
      `INSERT INTO post_reactions (post_id, member_id, kind, created_at)
       SELECT p.id, 1 + ((abs(hashint8(p.id))::bigint + j * 7919) % $1), (${KINDS})[1 + floor(7 * bench_u(p.id * 128 + j, 9))::int],
              least(now(), p.created_at + j * interval '3 minutes')
         FROM posts p, generate_series(1, floor(100 * bench_u(p.id, 7) ^ 9)::int) j
        WHERE p.id BETWEEN $2 AND $3`,
      [n, from, hi],
    );
    await step(
      'comments',
      `INSERT INTO comments (post_id, author_id, text, created_at)
       SELECT p.id, 1 + ((abs(hashint8(p.id + 17))::bigint + j * 104729) % $1),
              'Comment ' || j || ': ' || substr($4, 1 + floor(bench_u(p.id * 32 + j, 12) * 3000)::int, 20 + floor(bench_u(p.id * 32 + j, 13) * 200)::int),
              least(now(), p.created_at + j * interval '7 minutes')
         FROM posts p, generate_series(1, floor(20 * bench_u(p.id, 8) ^ 8)::int) j
        WHERE p.id BETWEEN $2 AND $3`,
      [n, from, hi, WORDS],
    );
  };

  const CHUNK = 1_000_000;
  for (let lo = 1; lo < freshFrom; lo += CHUNK) {
    const hi = Math.min(freshFrom - 1, lo + CHUNK - 1);
    await insertRange(lo, hi);
    log(`  posts ${lo}–${hi}: ${JSON.stringify(ms)}`);
  }
  for (const i of authorIdx.rows) await step('authorIndex', i.def);
  // Repost counts before the VACUUM: updating originals all over the table afterwards would clear the
  // all-visible bit of most of its pages, which no live table has.
  const repostCounts = (from: number) =>
    step(
      'repostCounts',
      `UPDATE posts p SET repost_count = p.repost_count + r.c
         FROM (SELECT repost_of, count(*)::int AS c FROM posts WHERE repost_of IS NOT NULL AND id >= $1 GROUP BY 1) r WHERE p.id = r.repost_of`,
      [from],
    );
  await repostCounts(1);
  await step('vacuum', `VACUUM (FREEZE, ANALYZE) posts, post_reactions, comments`);
  // The newest days, with the index in place and no VACUUM after: as a live server writes them.
  for (let lo = freshFrom; lo <= P; lo += CHUNK) await insertRange(lo, Math.min(P, lo + CHUNK - 1));
  await repostCounts(freshFrom);
  await c.query(`SELECT setval(pg_get_serial_sequence('posts', 'id'), $1)`, [P]);
  await step('analyze', `ANALYZE posts, post_reactions, comments`);
  const counts = await c.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM posts)::int AS posts, (SELECT count(*) FROM post_reactions)::int AS reactions,
            (SELECT count(*) FROM comments)::int AS comments, (SELECT count(DISTINCT author_id) FROM posts)::int AS authors,
            (SELECT count(*) FROM posts WHERE repost_of IS NOT NULL)::int AS reposts,
            pg_total_relation_size('posts')::float8 AS "postsBytes", pg_relation_size('posts_author_recent_idx')::float8 AS "authorIndexBytes"`,
  );
  log(`  posts done: ${JSON.stringify(counts.rows[0])} ${JSON.stringify(ms)}`);
  return { ms, counts: counts.rows[0]! };
}

/**
 * Empties posts and everything that belongs to them. Never TRUNCATE … CASCADE: invitations reference
 * comments, and connections reference invitations, so a cascade would empty the graph too. Tables whose
 * rows go with a post or comment (ON DELETE CASCADE) are emptied with them; any other table that points at
 * them (invitations.comment_id) loses those rows, and its constraint is dropped for the TRUNCATE and put back.
 */
async function emptyPosts(c: pg.Client): Promise<void> {
  const family = new Set(['posts']);
  for (let grew = true; grew; ) {
    grew = false;
    const r = await c.query<{ tbl: string }>(
      `SELECT DISTINCT conrelid::regclass::text AS tbl FROM pg_constraint
        WHERE contype = 'f' AND confdeltype = 'c' AND confrelid::regclass::text = ANY($1::text[])`,
      [[...family]],
    );
    for (const { tbl } of r.rows) {
      if (!family.has(tbl)) {
        family.add(tbl);
        grew = true;
      }
    }
  }
  const outside = await c.query<{ tbl: string; name: string; def: string; cols: string[] }>(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def,
            (SELECT array_agg(attname::text) FROM pg_attribute WHERE attrelid = conrelid AND attnum = ANY(conkey)) AS cols
       FROM pg_constraint WHERE contype = 'f' AND confrelid::regclass::text = ANY($1::text[]) AND NOT (conrelid::regclass::text = ANY($1::text[]))`,
    [[...family]],
  );
  await c.query('BEGIN');
  for (const o of outside.rows) {
    await c.query(`DELETE FROM ${o.tbl} WHERE ${o.cols.map((col) => `${col} IS NOT NULL`).join(' OR ')}`);
    await c.query(`ALTER TABLE ${o.tbl} DROP CONSTRAINT ${o.name}`);
  }
  await c.query(`TRUNCATE ${[...family].join(', ')} RESTART IDENTITY`);
  for (const o of outside.rows) await c.query(`ALTER TABLE ${o.tbl} ADD CONSTRAINT ${o.name} ${o.def}`);
  await c.query('COMMIT');
}
