import { sql } from 'drizzle-orm';
import type { ConnectionCard } from '../../../common/schemas/network.ts';
import { rows } from '../../db/connection.ts';
import { intArray } from '../../graph/sql.ts';
import type { Listed } from '../../hydration/listed-people.ts';
import { type CursorKey, decodeCursor, type KeysetPage, keysetPage, lookahead } from '../../http/cursor.ts';
import type { Lens } from './people.ts';
import { originCommentColumn, type OriginCommentRow, presentOriginComment } from './origin-comment.ts';

/**
 * The skeletons of the network's lists of people: the ids of a page, what the list itself says about each
 * person, and the cursor. Routes hydrate the people (hydration/listed-people.ts) and present them.
 */

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A timestamp exactly, to the microsecond, for keyset cursors (milliseconds would skip rows in the same ms). */
export const exactTime = (column: ReturnType<typeof sql>) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A (time, member id) keyset cursor; a forged time or id is a 400, never a cast error in SQL. */
export const decodeTimeCursor = (raw: string | undefined) => decodeCursor(raw, { t: 'time', i: 'id' });

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export type ConnectionExtra = Pick<ConnectionCard, 'connectedAt' | 'origin'>;

/**
 * A member's connections, newest first or by name, optionally filtered by name. The origin ("how we met")
 * is private to the owner, so it is only filled in on the viewer's own list.
 */
export async function listConnections(
  lens: Lens,
  ownerId: number,
  query: { q: string; sort: 'recent' | 'name'; tag?: number | undefined; cursor?: string; limit: number },
): Promise<KeysetPage<Listed<ConnectionExtra>>> {
  const byName = query.sort === 'name';
  const after = byName
    ? decodeCursor(query.cursor, { n: 'text', i: 'id' })
    : decodeTimeCursor(query.cursor);
  const filters = [sql`c.member_id = ${ownerId}`, sql`m.status = 'active'`];
  if (lens.avoid.size) filters.push(sql`NOT (c.other_id = ANY(${intArray(lens.avoid)}::int[]))`);
  if (query.q) filters.push(sql`p.name ILIKE ${likePattern(query.q)}`);
  // A tag is the viewer's own: it filters only their own list, and only by their own cards.
  if (query.tag !== undefined && ownerId === lens.actor.id) {
    filters.push(sql`EXISTS (SELECT 1 FROM relationship_card_tags ct WHERE ct.member_id = ${lens.actor.id} AND ct.other_id = c.other_id AND ct.tag_id = ${query.tag})`);
  }
  if (after && byName) filters.push(sql`(lower(p.name), m.id) > (${(after as { n: string }).n}, ${after.i})`);
  if (after && !byName) filters.push(sql`(c.created_at, m.id) < (${(after as { t: string }).t}::timestamptz, ${after.i})`);
  const order = byName ? sql`lower(p.name), m.id` : sql`c.created_at DESC, m.id DESC`;
  const own = ownerId === lens.actor.id;
  const found = await rows<ConnectionRow>(
    lens.db,
    sql`SELECT m.id, c.created_at AS "connectedAt", ${exactTime(sql`c.created_at`)} AS ms,
               lower(p.name) AS "sortName", c.origin_context AS "originContext", i.note, c.invitation_id AS "invitationId"
               ${own ? sql`, ${originCommentColumn(sql`i.comment_id`)}` : sql``}
          FROM connections c
          JOIN members m ON m.id = c.other_id
          JOIN profiles p ON p.member_id = c.other_id
          LEFT JOIN invitations i ON i.id = c.invitation_id
         WHERE ${sql.join(filters, sql` AND `)}
         ORDER BY ${order}
         LIMIT ${lookahead(query.limit)}`,
  );
  const page = keysetPage(found, query.limit, (last): CursorKey => (byName ? { n: last.sortName, i: last.id } : { t: last.ms, i: last.id }));
  return {
    rows: page.rows.map((r) => ({
      id: r.id,
      extra: {
        connectedAt: new Date(r.connectedAt).toISOString(),
        origin: own
          ? { context: r.originContext, note: r.note || null, invitationId: r.invitationId === null ? null : Number(r.invitationId), comment: presentOriginComment(lens.avoid, r.originComment) }
          : null,
      },
    })),
    nextCursor: page.nextCursor,
  };
}

interface ConnectionRow {
  id: number;
  connectedAt: Date | string;
  ms: string;
  sortName: string;
  originContext: string;
  note: string | null;
  invitationId: string | number | null;
  originComment?: OriginCommentRow | string | null;
}

/** Followers or followed members of one member, newest first. */
export async function listFollows(
  lens: Lens,
  ownerId: number,
  direction: 'followers' | 'following',
  query: { cursor?: string; limit: number },
): Promise<KeysetPage<Listed<{ followedAt: string }>>> {
  const after = decodeTimeCursor(query.cursor);
  const [mine, theirs] = direction === 'followers' ? [sql`f.followee_id`, sql`f.follower_id`] : [sql`f.follower_id`, sql`f.followee_id`];
  const filters = [sql`${mine} = ${ownerId}`, sql`m.status = 'active'`];
  if (lens.avoid.size) filters.push(sql`NOT (${theirs} = ANY(${intArray(lens.avoid)}::int[]))`);
  if (after) filters.push(sql`(f.created_at, m.id) < (${after.t}::timestamptz, ${after.i})`);
  const found = await rows<{ id: number; followedAt: Date | string; ms: string }>(
    lens.db,
    sql`SELECT m.id, f.created_at AS "followedAt", ${exactTime(sql`f.created_at`)} AS ms
          FROM follows f JOIN members m ON m.id = ${theirs}
         WHERE ${sql.join(filters, sql` AND `)}
         ORDER BY f.created_at DESC, m.id DESC
         LIMIT ${lookahead(query.limit)}`,
  );
  const page = keysetPage(found, query.limit, (last) => ({ t: last.ms, i: last.id }));
  return { rows: page.rows.map((r) => ({ id: r.id, extra: { followedAt: new Date(r.followedAt).toISOString() } })), nextCursor: page.nextCursor };
}

/**
 * The members the viewer has blocked, newest first (a short list; not paginated). Hydrate them with
 * `{ blocked: true }`: they are on the viewer's avoid list, and this is the one list that shows them.
 */
export async function listBlocks(lens: Lens): Promise<Listed<{ blockedAt: string }>[]> {
  const found = await rows<{ id: number; blockedAt: Date | string }>(
    lens.db,
    sql`SELECT b.blocked_id AS id, b.created_at AS "blockedAt"
          FROM blocks b
         WHERE b.blocker_id = ${lens.actor.id} ORDER BY b.created_at DESC LIMIT 1000`,
  );
  return found.map((r) => ({ id: r.id, extra: { blockedAt: new Date(r.blockedAt).toISOString() } }));
}
