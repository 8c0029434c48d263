/**
 * The home feed in the Top order (docs/feed.md, "Top"): the newest posts of the feed, up to TOP_WINDOW_POSTS
 * of the last three days (the *window*), ranked by top-rank.ts, then the older posts in the recent order.
 *
 * Paging without duplicates or gaps, however engagement changes between two pages: the first page fixes the
 * window (the moment of reading, `asOf`, and its lower edge, the *boundary*), and every cursor carries both
 * with the ids of the window's posts already shown. A later page ranks what is left of the window again
 * (with the engagement of then) and takes the best; so a post that gains or loses reactions meanwhile moves
 * among those not yet shown, and every post of the window is shown exactly once. When the window is used
 * up, the cursor becomes a plain recent cursor at the boundary, and the older posts follow newest first.
 * Posts written after `asOf` are not in this reading: they are the "N new posts" a page offers on top.
 *
 * Cost, per page, whatever the total number of posts: the window (one LATERAL probe per author followed, as
 * in the recent order, each stopping at three days or TOP_WINDOW_POSTS), the engagement of the window's
 * posts (two index-only probes per post, each reading at most ENGAGEMENT_READ of its newest reactions or
 * comments, kept when by the viewer's people), and, at the window's end, one recent probe.
 */
import { sql } from 'drizzle-orm';
import { rows } from '../../db/connection.ts';
import type { ReactionCounts } from '../../db/tables/posts.ts';
import { intArray } from '../../graph/sql.ts';
import { decodeCursorOf, encodeCursor, encodeIdSet, type KeysetPage } from '../../http/cursor.ts';
import type { Lens } from '../../viewer/viewer.ts';
import { exactTime } from '../network/lists.ts';
import { type FeedAuthor, feedAuthors, feedPageAfter, ITEM_CURSOR, type PostKey } from './lists.ts';
import { type Engager, type ProofSkeleton, proofOf, rankWindow, TOP_WINDOW_MS, TOP_WINDOW_POSTS, type WindowPost } from './top-rank.ts';

/** A cursor inside the window: its moment, its boundary and the posts shown. Past it, a recent cursor (ITEM_CURSOR). */
const RANKED_CURSOR = { a: 'time', bt: 'time', bi: 'bigId', s: 'idSet' } as const;
/** Reactions, and comments, read per candidate post at most (its newest): a post's cost stays bounded however popular. */
export const ENGAGEMENT_READ = 100;
/** People per post passed on to be named, more than are shown (hydration may leave some out). */
const PROOF_CANDIDATES = 4;

interface Query {
  cursor?: string | undefined;
  limit: number;
}

/** A page of the Top order: the posts' ids in order, the cursor, and each post's social proof. */
export interface TopPage extends KeysetPage<number> {
  proof: Map<number, ProofSkeleton>;
}

/** A time as the keyset queries write it, to the microsecond. */
const exactIso = (ms: number) => new Date(ms).toISOString().replace(/Z$/, '000Z');

/** The viewer's home feed in the Top order; `nowMs` is the moment of a first page (tests pass it). */
export async function homeTopFeed(lens: Lens, query: Query, nowMs = Date.now()): Promise<TopPage> {
  const cursor = decodeCursorOf(query.cursor, { ranked: RANKED_CURSOR, recent: ITEM_CURSOR });
  const authors = await feedAuthors(lens);
  if (cursor?.kind === 'recent') return { ...(await feedPageAfter(lens, authors, cursor.key, query.limit)), proof: new Map() };

  const ranked = cursor?.key ?? null;
  const asOf = ranked ? ranked.a : exactIso(nowMs);
  // The lower edge (inclusive): three days back at first, or the window's oldest post when it holds more.
  let boundary: PostKey = ranked ? { t: ranked.bt, i: ranked.bi } : { t: exactIso(nowMs - TOP_WINDOW_MS), i: 1 };
  // A later page reads with room to spare, in case members followed meanwhile added posts inside the window.
  const found = await windowPosts(lens, authors, asOf, boundary, ranked ? 2 * TOP_WINDOW_POSTS : TOP_WINDOW_POSTS + 1);
  let window = found;
  if (!ranked && found.length > TOP_WINDOW_POSTS) {
    window = found.slice(0, TOP_WINDOW_POSTS);
    const last = window[window.length - 1]!;
    boundary = { t: last.ms, i: last.id };
  }
  const shown = new Set(ranked?.s ?? []);
  const left = window.filter((p) => !shown.has(p.id));
  const order = rankWindow(lens.actor.id, left, await engagersOf(lens, authors, left.map((p) => p.id)));
  const page = order.slice(0, query.limit);
  const ids = page.map((p) => p.id);
  const proof = new Map(page.flatMap((p) => {
    const s = proofOf(p, PROOF_CANDIDATES);
    return s ? [[p.id, s] as const] : [];
  }));
  if (order.length > query.limit) {
    return { rows: ids, nextCursor: encodeCursor({ a: asOf, bt: boundary.t, bi: boundary.i, s: encodeIdSet([...shown, ...ids]) }), proof };
  }
  // The window is used up: the older posts follow in the recent order, from just below its boundary.
  const older = await feedPageAfter(lens, authors, boundary, Math.max(1, query.limit - ids.length));
  if (ids.length === query.limit) return { rows: ids, nextCursor: older.rows.length > 0 ? encodeCursor({ ...boundary }) : null, proof };
  return { rows: [...ids, ...older.rows], nextCursor: older.nextCursor, proof };
}

type WindowRow = WindowPost & { ms: string };

/**
 * The feed's posts at or after `from` and no later than `asOf`, newest first, at most `n`: the recent order's
 * LATERAL probe per author (the same rules), bounded below by time, with each post's counters.
 */
async function windowPosts(lens: Lens, authors: readonly FeedAuthor[], asOf: string, from: PostKey, n: number): Promise<WindowRow[]> {
  if (authors.length === 0) return [];
  const connected = `{${authors.map((a) => (a.connected ? 't' : 'f')).join(',')}}`;
  const found = await rows<{ id: string | number; authorId: number; ms: string; atMs: number; reactionCounts: ReactionCounts | string; commentCount: number }>(
    lens.db,
    sql`SELECT w.id, w.author_id AS "authorId", ${exactTime(sql`w.created_at`)} AS ms,
               (extract(epoch FROM w.created_at) * 1000)::float8 AS "atMs",
               p.reaction_counts AS "reactionCounts", p.comment_count AS "commentCount"
          FROM (SELECT p.id, p.created_at, f.author_id
                  FROM unnest(${intArray(authors.map((a) => a.id))}::int[], ${connected}::bool[]) AS f(author_id, connected)
                  JOIN members m ON m.id = f.author_id AND m.status = 'active'
                  CROSS JOIN LATERAL (
                    SELECT p.id, p.created_at FROM posts p
                     WHERE p.author_id = f.author_id
                       AND (f.connected OR p.visibility <> 'connections')
                       AND p.created_at <= ${asOf}::timestamptz
                       AND (p.created_at, p.id) >= (${from.t}::timestamptz, ${from.i})
                     ORDER BY p.created_at DESC, p.id DESC
                     LIMIT ${n}) p
                 ORDER BY p.created_at DESC, p.id DESC
                 LIMIT ${n}) w
          JOIN posts p ON p.id = w.id
         ORDER BY w.created_at DESC, w.id DESC`,
  );
  return found.map((r) => {
    const counts = typeof r.reactionCounts === 'string' ? (JSON.parse(r.reactionCounts) as ReactionCounts) : r.reactionCounts;
    const reactions = Object.values(counts).reduce((sum, c) => sum + Math.max(0, c ?? 0), 0);
    return { id: Number(r.id), authorId: r.authorId, createdAtMs: Number(r.atMs), ms: r.ms, reactions, comments: r.commentCount };
  });
}

/**
 * Which of the viewer's people (connections, and the members they follow) reacted to or commented on each
 * post, from each post's ENGAGEMENT_READ newest reactions and comments (index-only probes); never the viewer,
 * a suspended member or anyone across a block. Whether each is a connection comes from the graph index.
 */
async function engagersOf(lens: Lens, authors: readonly FeedAuthor[], postIds: readonly number[]): Promise<Engager[]> {
  if (postIds.length === 0) return [];
  const me = lens.actor.id;
  const followed = authors.filter((a) => a.id !== me).map((a) => a.id);
  const found = await rows<{ postId: string | number; memberId: number; reacted: boolean; commented: boolean; atMs: number }>(
    lens.db,
    sql`WITH people AS (SELECT unnest(${intArray(followed)}::int[]) AS id
                        UNION SELECT other_id FROM connections WHERE member_id = ${me}),
             cand AS (SELECT unnest(${intArray(postIds)}::bigint[]) AS id),
             e AS (SELECT c.id AS post_id, r.member_id, true AS reacted, false AS commented, r.created_at AS at
                     FROM cand c CROSS JOIN LATERAL (
                       SELECT member_id, created_at FROM post_reactions WHERE post_id = c.id
                        ORDER BY created_at DESC LIMIT ${ENGAGEMENT_READ}) r
                   UNION ALL
                   SELECT c.id, k.author_id, false, true, k.created_at
                     FROM cand c CROSS JOIN LATERAL (
                       SELECT author_id, created_at FROM comments WHERE post_id = c.id
                        ORDER BY created_at DESC LIMIT ${ENGAGEMENT_READ}) k)
        SELECT e.post_id AS "postId", e.member_id AS "memberId", bool_or(e.reacted) AS reacted, bool_or(e.commented) AS commented,
               (extract(epoch FROM max(e.at)) * 1000)::float8 AS "atMs"
          FROM e
          JOIN people ON people.id = e.member_id
          JOIN members m ON m.id = e.member_id AND m.status = 'active'
         WHERE e.member_id <> ${me}
           ${lens.avoid.size ? sql`AND NOT (e.member_id = ANY(${intArray(lens.avoid)}::int[]))` : sql``}
         GROUP BY e.post_id, e.member_id`,
  );
  const who = [...new Set(found.map((r) => r.memberId))];
  const flags = await lens.graph.connectedTo(me, who);
  const connected = new Set(who.filter((_, i) => flags[i] === true));
  return found.map((r) => ({
    postId: Number(r.postId),
    memberId: r.memberId,
    reacted: r.reacted,
    commented: r.commented,
    connected: connected.has(r.memberId),
    atMs: Number(r.atMs),
  }));
}
