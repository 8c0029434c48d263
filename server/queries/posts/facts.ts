/**
 * The facts the post and comment rules need (policies/posts.ts), read from the tables for commands: inside
 * their transaction, optionally locking the item, so the decision stands until they commit. Reads build
 * the same facts from hydration instead.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { PostVisibility } from '../../../common/schemas/posts.ts';
import { type DbOrTx, rows } from '../../db/connection.ts';
import { intArray } from '../../graph/sql.ts';
import type { AuthorFacts, Block, CommentFacts, MentionFacts, PostFacts } from '../../policies/posts.ts';

/** How a command holds the item it reads: `update` to delete it, `write` to change it or its counters. */
export type Lock = 'none' | 'write' | 'update';

const lockClause = (lock: Lock, alias: string): SQL =>
  lock === 'update' ? sql.raw(` FOR UPDATE OF ${alias}`) : lock === 'write' ? sql.raw(` FOR NO KEY UPDATE OF ${alias}`) : sql``;

/**
 * The columns of AuthorFacts for the member `id` (an SQL expression), seen from `viewerId`, named `<prefix>…`.
 * The subqueries' aliases (x…) must not shadow the caller's.
 */
function authorColumns(viewerId: number, id: SQL, status: SQL, prefix: string): SQL {
  const name = (n: string) => sql.raw(`"${prefix}${n}"`);
  return sql`${id} AS ${name('Id')}, ${status} AS ${name('Status')},
    (SELECT CASE WHEN xb.blocker_id = ${viewerId} THEN 'i_blocked' ELSE 'they_blocked' END FROM blocks xb
      WHERE (xb.blocker_id = ${viewerId} AND xb.blocked_id = ${id}) OR (xb.blocker_id = ${id} AND xb.blocked_id = ${viewerId})
      ORDER BY xb.blocker_id = ${viewerId} DESC LIMIT 1) AS ${name('Block')},
    EXISTS (SELECT 1 FROM connections xc WHERE xc.member_id = ${viewerId} AND xc.other_id = ${id}) AS ${name('Connected')},
    EXISTS (SELECT 1 FROM follows xf WHERE xf.follower_id = ${viewerId} AND xf.followee_id = ${id}) AS ${name('Following')}`;
}

type AuthorRow<P extends string> = { [K in `${P}Id`]: number } & { [K in `${P}Status`]: 'active' | 'suspended' | 'deleted' } & { [K in `${P}Block`]: Block } & {
  [K in `${P}Connected`]: boolean;
} & { [K in `${P}Following`]: boolean };

function authorOf<P extends string>(r: AuthorRow<P>, prefix: P): AuthorFacts {
  const get = (n: string) => (r as Record<string, unknown>)[`${prefix}${n}`];
  return {
    id: get('Id') as number,
    status: get('Status') as 'active' | 'suspended' | 'deleted',
    block: get('Block') as Block,
    connected: get('Connected') as boolean,
    following: get('Following') as boolean,
  };
}

type PostRow = { id: string | number; visibility: PostVisibility; repostOf: string | number | null } & AuthorRow<'a'>;

const postOf = (r: PostRow): PostFacts => ({
  id: Number(r.id),
  visibility: r.visibility,
  repostOf: r.repostOf === null ? null : Number(r.repostOf),
  author: authorOf(r, 'a'),
});

/** Facts of posts by id, seen from the viewer; missing ids are absent. With a lock, the rows are held till commit. */
export async function loadPostFacts(db: DbOrTx, viewerId: number, ids: readonly number[], lock: Lock = 'none'): Promise<Map<number, PostFacts>> {
  if (ids.length === 0) return new Map();
  const found = await rows<PostRow>(
    db,
    sql`SELECT p.id, p.visibility, p.repost_of AS "repostOf", ${authorColumns(viewerId, sql`p.author_id`, sql`m.status`, 'a')}
          FROM posts p JOIN members m ON m.id = p.author_id
         WHERE p.id = ANY(${bigintArray(ids)}::bigint[])
         ORDER BY p.id${lockClause(lock, 'p')}`,
  );
  return new Map(found.map((r) => [Number(r.id), postOf(r)]));
}

/** One post's facts (see loadPostFacts), or null. */
export async function postFacts(db: DbOrTx, viewerId: number, id: number, lock: Lock = 'none'): Promise<PostFacts | null> {
  return (await loadPostFacts(db, viewerId, [id], lock)).get(id) ?? null;
}

type CommentRow = { id: string | number; postId: string | number; parentId: string | number | null } & AuthorRow<'c'> & {
  visibility: PostVisibility;
  repostOf: string | number | null;
} & AuthorRow<'a'>;

/**
 * A comment's facts with its post's, seen from the viewer, or null. With a lock, the comment's row is held
 * (its post's lock is the caller's to take first, when it changes the post's counters too).
 */
export async function commentFacts(db: DbOrTx, viewerId: number, id: number, lock: Lock = 'none'): Promise<CommentFacts | null> {
  const [r] = await rows<CommentRow>(
    db,
    sql`SELECT c.id, c.post_id AS "postId", c.parent_id AS "parentId", ${authorColumns(viewerId, sql`c.author_id`, sql`cm.status`, 'c')},
               p.visibility, p.repost_of AS "repostOf", ${authorColumns(viewerId, sql`p.author_id`, sql`pm.status`, 'a')}
          FROM comments c
          JOIN members cm ON cm.id = c.author_id
          JOIN posts p ON p.id = c.post_id
          JOIN members pm ON pm.id = p.author_id
         WHERE c.id = ${id}${lockClause(lock, 'c')}`,
  );
  if (!r) return null;
  return {
    id: Number(r.id),
    postId: Number(r.postId),
    parentId: r.parentId === null ? null : Number(r.parentId),
    author: authorOf(r, 'c'),
    post: postOf({ id: r.postId, visibility: r.visibility, repostOf: r.repostOf, aId: r.aId, aStatus: r.aStatus, aBlock: r.aBlock, aConnected: r.aConnected, aFollowing: r.aFollowing }),
  };
}

/** The post a comment is on, or null when there is no such comment (a command locks the post first, then reads the comment). */
export async function postOfComment(db: DbOrTx, commentId: number): Promise<number | null> {
  const [r] = await rows<{ postId: string | number }>(db, sql`SELECT post_id AS "postId" FROM comments WHERE id = ${commentId}`);
  return r ? Number(r.postId) : null;
}

/** Each handle a text mentions, with the member behind it (if any) and any block between them and the writer. */
export async function mentionFacts(db: DbOrTx, writerId: number, handles: readonly string[]): Promise<MentionFacts[]> {
  if (handles.length === 0) return [];
  const found = await rows<{ handle: string; id: number | null; status: 'active' | 'suspended' | 'deleted' | null; block: Block }>(
    db,
    sql`SELECT h.handle, m.id, m.status,
               (SELECT CASE WHEN b.blocker_id = ${writerId} THEN 'i_blocked' ELSE 'they_blocked' END FROM blocks b
                 WHERE (b.blocker_id = ${writerId} AND b.blocked_id = m.id) OR (b.blocker_id = m.id AND b.blocked_id = ${writerId})
                 ORDER BY b.blocker_id = ${writerId} DESC LIMIT 1) AS block
          FROM unnest(${textArray(handles)}::text[]) WITH ORDINALITY AS h(handle, ord)
          LEFT JOIN members m ON m.handle = h.handle
         ORDER BY h.ord`,
  );
  return found;
}

/** A Postgres bigint[] literal of ids, passed as one text parameter (see intArray). */
export const bigintArray = (ids: Iterable<number>): string => intArray(ids);

/**
 * A Postgres text[] literal, passed as one parameter. Only for values already checked to be handles or
 * topics (letters, digits, `-` and `_`), each quoted anyway.
 */
export function textArray(values: Iterable<string>): string {
  return `{${[...values].map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
