/**
 * The skeletons of the conversation's lists: the ids of a page, in order, and the cursor to the next. Each
 * filters by the same rules the policies apply (visibility, blocks both ways, suspended authors), so a
 * page comes out full; hydration (hydration/posts.ts, comments.ts) then applies the policies themselves
 * to what it loads. Every list pages by its sort key, never OFFSET (docs/feed.md, "Pagination").
 */
import { sql } from 'drizzle-orm';
import type { PostVisibility, ReactionKind } from '../../../common/schemas/posts.ts';
import { rows } from '../../db/connection.ts';
import { intArray } from '../../graph/sql.ts';
import { decodeCursor, type KeysetPage, keysetPage, lookahead } from '../../http/cursor.ts';
import type { Listed } from '../../hydration/listed-people.ts';
import type { Lens } from '../../viewer/viewer.ts';
import { exactTime } from '../network/lists.ts';
import { textArray } from './facts.ts';

interface Query {
  cursor?: string | undefined;
  limit: number;
}

/** A (time, post or comment id) keyset cursor: newest first for posts, oldest first for comments. */
export const ITEM_CURSOR = { t: 'time', i: 'bigId' } as const;
const decodeItemCursor = (raw: string | undefined) => decodeCursor(raw, ITEM_CURSOR);

/** A post's place in the newest-first order: its creation time (exact, as exactTime writes it) and id. */
export interface PostKey {
  t: string;
  i: number;
}

type IdRow = { id: string | number; ms: string };

function idPage(found: IdRow[], limit: number): KeysetPage<number> {
  const page = keysetPage(found, limit, (last) => ({ t: last.ms, i: Number(last.id) }));
  return { rows: page.rows.map((r) => Number(r.id)), nextCursor: page.nextCursor };
}

/** An author whose posts a feed reads: the viewer's followee (or the viewer), and whether they are connected. */
export interface FeedAuthor {
  id: number;
  /** Connected to the viewer (or the viewer): their posts for connections only are in the feed too. */
  connected: boolean;
}

/**
 * The home feed, Recent order: the newest posts of the given authors (the viewer and whom they follow, from
 * the graph index), newest first by (created_at, id).
 *
 * Fan-out on read (docs/feed.md, "The query"), in two passes over posts_author_recent_idx so that the rows
 * read do not grow with the page size times the authors:
 * 1. each author's newest post past the cursor (one index-only probe per author, LIMIT 1);
 * 2. the bound: the page's n-th newest of those among active authors. Any n posts newer than the bound come
 *    from n different authors, so the page is all at or above it, and only the authors whose newest post is
 *    there (about n, whatever the number followed) are probed again for up to n posts each, from the bound up.
 * The cost is one short probe per author plus about n × n rows, whatever the total number of posts and however
 * many followers anyone has. Suspended authors are left out by their row (read for the few authors near the
 * top only), their posts for connections only unless the viewer is connected to them.
 */
export async function feedPage(lens: Lens, authors: readonly FeedAuthor[], query: Query): Promise<KeysetPage<number>> {
  return feedPageAfter(lens, authors, decodeItemCursor(query.cursor), query.limit);
}

/** feedPage from a decoded position: the posts strictly after `after` (older), or from the newest when null. */
export async function feedPageAfter(lens: Lens, authors: readonly FeedAuthor[], after: PostKey | null, limit: number): Promise<KeysetPage<number>> {
  if (authors.length === 0) return { rows: [], nextCursor: null };
  const n = lookahead(limit);
  const connected = `{${authors.map((a) => (a.connected ? 't' : 'f')).join(',')}}`;
  const past = after ? sql`AND (p.created_at, p.id) < (${after.t}::timestamptz, ${after.i})` : sql``;
  const found = await rows<IdRow>(
    lens.db,
    // `newest` is read twice, so it is computed once; the OFFSET 0 keeps the status look-up after the sort,
    // so it stops at the n-th active author instead of reading every author's row. Without n active authors
    // there is no bound (-infinity). The cursor's text is made for the page's rows only, after the merge.
    sql`WITH newest AS MATERIALIZED (
          SELECT f.author_id, f.connected, n.created_at, n.id
            FROM unnest(${intArray(authors.map((a) => a.id))}::int[], ${connected}::bool[]) AS f(author_id, connected)
            CROSS JOIN LATERAL (
              SELECT p.created_at, p.id FROM posts p
               WHERE p.author_id = f.author_id AND (f.connected OR p.visibility <> 'connections') ${past}
               ORDER BY p.created_at DESC, p.id DESC
               LIMIT 1) n),
        top AS (
          SELECT n.created_at, n.id
            FROM (SELECT * FROM newest ORDER BY created_at DESC, id DESC OFFSET 0) n
           WHERE (SELECT m.status FROM members m WHERE m.id = n.author_id) = 'active'
           LIMIT ${n}),
        bound AS (
          SELECT coalesce(b.created_at, '-infinity'::timestamptz) AS t, coalesce(b.id, 0) AS i
            FROM (SELECT count(*) AS c FROM top) k
            LEFT JOIN LATERAL (SELECT created_at, id FROM top ORDER BY created_at, id LIMIT 1) b ON k.c = ${n})
        SELECT page.id, ${exactTime(sql`page.created_at`)} AS ms
          FROM (SELECT p.id, p.created_at
                  FROM bound b
                  JOIN newest f ON (f.created_at, f.id) >= (b.t, b.i)
                  JOIN members m ON m.id = f.author_id AND m.status = 'active'
                  CROSS JOIN LATERAL (
                    SELECT p.id, p.created_at FROM posts p
                     WHERE p.author_id = f.author_id
                       AND (f.connected OR p.visibility <> 'connections')
                       AND (p.created_at, p.id) >= (b.t, b.i) ${past}
                     ORDER BY p.created_at DESC, p.id DESC
                     LIMIT ${n}) p
                 ORDER BY p.created_at DESC, p.id DESC
                 LIMIT ${n}) page
         ORDER BY page.created_at DESC, page.id DESC`,
  );
  return idPage(found, limit);
}

/** One member's posts that the viewer may see (their activity tab), newest first. */
export async function memberPostsPage(lens: Lens, authorId: number, visibilities: readonly PostVisibility[], query: Query): Promise<KeysetPage<number>> {
  const after = decodeItemCursor(query.cursor);
  if (visibilities.length === 0) return { rows: [], nextCursor: null };
  const found = await rows<IdRow>(
    lens.db,
    sql`SELECT p.id, ${exactTime(sql`p.created_at`)} AS ms
          FROM posts p
         WHERE p.author_id = ${authorId}
           AND p.visibility = ANY(${textArray(visibilities)}::text[])
           ${after ? sql`AND (p.created_at, p.id) < (${after.t}::timestamptz, ${after.i})` : sql``}
         ORDER BY p.created_at DESC, p.id DESC
         LIMIT ${lookahead(query.limit)}`,
  );
  return idPage(found, query.limit);
}

/**
 * The posts with a #topic that the viewer may see, newest first, across all authors: the rule of
 * canSeePost in SQL (their own; `members`; `connections` when connected; `followers` when connected or
 * following), never across a block, never by a suspended author.
 */
export async function topicPostsPage(lens: Lens, topic: string, query: Query): Promise<KeysetPage<number>> {
  const after = decodeItemCursor(query.cursor);
  const me = lens.actor.id;
  const found = await rows<IdRow>(
    lens.db,
    sql`SELECT t.post_id AS id, ${exactTime(sql`t.created_at`)} AS ms
          FROM post_topics t
          JOIN posts p ON p.id = t.post_id
          JOIN members m ON m.id = t.author_id AND m.status = 'active'
         WHERE t.topic = ${topic}
           ${lens.avoid.size ? sql`AND NOT (t.author_id = ANY(${intArray(lens.avoid)}::int[]))` : sql``}
           ${after ? sql`AND (t.created_at, t.post_id) < (${after.t}::timestamptz, ${after.i})` : sql``}
           AND (p.visibility = 'members' OR t.author_id = ${me}
                OR EXISTS (SELECT 1 FROM connections c WHERE c.member_id = ${me} AND c.other_id = t.author_id)
                OR (p.visibility = 'followers' AND EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = ${me} AND f.followee_id = t.author_id)))
         ORDER BY t.created_at DESC, t.post_id DESC
         LIMIT ${lookahead(query.limit)}`,
  );
  return idPage(found, query.limit);
}

/** How many replies a thread shows at most under each top-level comment (oldest first). */
export const REPLIES_SHOWN = 100;

/** A page of a post's comments: the top-level ids in order, and each one's reply ids in order. */
export interface CommentSkeleton {
  threads: { id: number; replies: number[] }[];
  nextCursor: string | null;
}

/**
 * A post's top-level comments, oldest first, each with its first REPLIES_SHOWN replies (oldest first), in
 * one statement; comments by suspended members or across a block are left out, replies under them too.
 * A deleted member's comments stay (hydration shows them as tombstones), so the replies under them read.
 */
export async function commentsPage(lens: Lens, postId: number, query: Query): Promise<CommentSkeleton> {
  const after = decodeItemCursor(query.cursor);
  const hidden = lens.avoid.size ? intArray(lens.avoid) : null;
  const found = await rows<{ id: string | number; parentId: string | number | null; ms: string }>(
    lens.db,
    sql`WITH top AS (
          SELECT c.id, c.created_at FROM comments c JOIN members m ON m.id = c.author_id AND m.status IN ('active', 'deleted')
           WHERE c.post_id = ${postId} AND c.parent_id IS NULL
             ${hidden ? sql`AND NOT (c.author_id = ANY(${hidden}::int[]))` : sql``}
             ${after ? sql`AND (c.created_at, c.id) > (${after.t}::timestamptz, ${after.i})` : sql``}
           ORDER BY c.created_at, c.id
           LIMIT ${lookahead(query.limit)})
        SELECT top.id, NULL::bigint AS "parentId", ${exactTime(sql`top.created_at`)} AS ms, top.created_at, top.id AS thread, 0 AS part FROM top
        UNION ALL
        SELECT r.id, top.id, NULL, r.created_at, top.id, 1
          FROM top CROSS JOIN LATERAL (
            SELECT r.id, r.created_at FROM comments r JOIN members m ON m.id = r.author_id AND m.status IN ('active', 'deleted')
             WHERE r.parent_id = top.id
               ${hidden ? sql`AND NOT (r.author_id = ANY(${hidden}::int[]))` : sql``}
             ORDER BY r.created_at, r.id
             LIMIT ${REPLIES_SHOWN}) r
        ORDER BY part, created_at, id`,
  );
  const top = found.filter((r) => r.parentId === null);
  const page = keysetPage(top, query.limit, (last) => ({ t: last.ms, i: Number(last.id) }));
  const threads = page.rows.map((r) => ({ id: Number(r.id), replies: [] as number[] }));
  const byId = new Map(threads.map((t) => [t.id, t]));
  for (const r of found) if (r.parentId !== null) byId.get(Number(r.parentId))?.replies.push(Number(r.id));
  return { threads, nextCursor: page.nextCursor };
}

/**
 * Who reacted to a post or comment, newest first, optionally of one kind: the people (for hydrateListed)
 * with their kind. Suspended members and both sides of the viewer's blocks are left out.
 */
export async function reactorsPage(
  lens: Lens,
  item: { kind: 'post' | 'comment'; id: number },
  query: Query & { kind?: ReactionKind | undefined },
): Promise<KeysetPage<Listed<{ kind: ReactionKind }>>> {
  const after = decodeCursor(query.cursor, { t: 'time', i: 'id' });
  const [table, column] = item.kind === 'post' ? [sql`post_reactions`, sql`post_id`] : [sql`comment_reactions`, sql`comment_id`];
  const found = await rows<{ id: number; kind: ReactionKind; ms: string }>(
    lens.db,
    sql`SELECT r.member_id AS id, r.kind, ${exactTime(sql`r.created_at`)} AS ms
          FROM ${table} r JOIN members m ON m.id = r.member_id AND m.status = 'active'
         WHERE r.${column} = ${item.id}
           ${query.kind ? sql`AND r.kind = ${query.kind}` : sql``}
           ${lens.avoid.size ? sql`AND NOT (r.member_id = ANY(${intArray(lens.avoid)}::int[]))` : sql``}
           ${after ? sql`AND (r.created_at, r.member_id) < (${after.t}::timestamptz, ${after.i})` : sql``}
         ORDER BY r.created_at DESC, r.member_id DESC
         LIMIT ${lookahead(query.limit)}`,
  );
  const page = keysetPage(found, query.limit, (last) => ({ t: last.ms, i: last.id }));
  return { rows: page.rows.map((r) => ({ id: r.id, extra: { kind: r.kind } })), nextCursor: page.nextCursor };
}


/**
 * The authors of the viewer's home feed: the viewer, and whom they follow from the graph index (follows, in
 * memory), with which of them they are connected to; both sides of a block are left out.
 */
export async function feedAuthors(lens: Lens): Promise<FeedAuthor[]> {
  const me = lens.actor.id;
  const followees = (await lens.graph.followees(me)).filter((id) => id !== me && !lens.avoid.has(id));
  const connected = await lens.graph.connectedTo(me, followees);
  return [{ id: me, connected: true }, ...followees.map((id, i) => ({ id, connected: connected[i] === true }))];
}

/** The viewer's home feed, Recent order: feedPage over feedAuthors. */
export async function homeFeed(lens: Lens, query: Query): Promise<KeysetPage<number>> {
  return feedPage(lens, await feedAuthors(lens), query);
}
