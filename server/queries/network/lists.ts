import { sql } from 'drizzle-orm';
import type { ConnectionCard, InvitationView } from '../../../common/schemas/network.ts';
import type { PersonCard } from '../../../common/schemas/search.ts';
import { rows } from '../../db/connection.ts';
import { intArray } from '../../graph/sql.ts';
import { badRequest } from '../../errors.ts';
import { decodeCursor, encodeCursor } from '../../http/cursor.ts';
import { type CardRow, type Lens, loadPersonCards, presentCards } from './people.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A timestamp exactly, to the microsecond, for keyset cursors (milliseconds would skip rows in the same ms). */
const exactTime = (column: ReturnType<typeof sql>) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const EXACT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A (time, id) keyset cursor; a forged time string is a 400, never a cast error in SQL. */
function decodeTimeCursor(raw: string | undefined): { t: string; i: number } | null {
  const after = decodeCursor<{ t: string; i: number }>(raw, { t: 'string', i: 'number' });
  if (after && !EXACT_TIME.test(after.t)) throw badRequest('invalid_cursor', 'The cursor is not valid for this list. Start again without it.');
  return after;
}

const CARD_COLUMNS = sql`m.id, m.handle, p.name, p.headline, p.location, p.visibility, p.photo_etag AS "photoEtag"`;

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A member's connections, newest first or by name, optionally filtered by name. The origin ("how we met")
 * is private to the owner, so it is only filled in on the viewer's own list.
 */
export async function listConnections(
  lens: Lens,
  ownerId: number,
  query: { q: string; sort: 'recent' | 'name'; cursor?: string; limit: number },
): Promise<Page<ConnectionCard>> {
  const byName = query.sort === 'name';
  const after = byName
    ? decodeCursor<{ n: string; i: number }>(query.cursor, { n: 'string', i: 'number' })
    : decodeTimeCursor(query.cursor);
  const filters = [sql`c.member_id = ${ownerId}`, sql`m.status = 'active'`];
  if (lens.avoid.size) filters.push(sql`NOT (c.other_id = ANY(${intArray(lens.avoid)}::int[]))`);
  if (query.q) filters.push(sql`p.name ILIKE ${likePattern(query.q)}`);
  if (after && byName) filters.push(sql`(lower(p.name), m.id) > (${(after as { n: string }).n}, ${after.i})`);
  if (after && !byName) filters.push(sql`(c.created_at, m.id) < (${(after as { t: string }).t}::timestamptz, ${after.i})`);
  const order = byName ? sql`lower(p.name), m.id` : sql`c.created_at DESC, m.id DESC`;
  const found = await rows<CardRow & { connectedAt: Date | string; ms: string; sortName: string; originContext: string; note: string | null }>(
    lens.db,
    sql`SELECT ${CARD_COLUMNS}, c.created_at AS "connectedAt", ${exactTime(sql`c.created_at`)} AS ms,
               lower(p.name) AS "sortName", c.origin_context AS "originContext", i.note
          FROM connections c
          JOIN members m ON m.id = c.other_id
          JOIN profiles p ON p.member_id = c.other_id
          LEFT JOIN invitations i ON i.id = c.invitation_id
         WHERE ${sql.join(filters, sql` AND `)}
         ORDER BY ${order}
         LIMIT ${query.limit + 1}`,
  );
  const pageRows = found.slice(0, query.limit);
  const cards = await presentCards(lens, pageRows);
  const own = ownerId === lens.actor.id;
  const items = pageRows.map((r, i) => ({
    ...cards[i]!,
    connectedAt: new Date(r.connectedAt).toISOString(),
    origin: own ? { context: r.originContext, note: r.note || null } : null,
  }));
  const last = pageRows[pageRows.length - 1];
  const nextCursor =
    found.length > query.limit && last ? encodeCursor(byName ? { n: last.sortName, i: last.id } : { t: last.ms, i: last.id }) : null;
  return { items, nextCursor };
}

/** Followers or followed members of one member, newest first. */
export async function listFollows(
  lens: Lens,
  ownerId: number,
  direction: 'followers' | 'following',
  query: { cursor?: string; limit: number },
): Promise<Page<PersonCard & { followedAt: string }>> {
  const after = decodeTimeCursor(query.cursor);
  const [mine, theirs] = direction === 'followers' ? [sql`f.followee_id`, sql`f.follower_id`] : [sql`f.follower_id`, sql`f.followee_id`];
  const filters = [sql`${mine} = ${ownerId}`, sql`m.status = 'active'`];
  if (lens.avoid.size) filters.push(sql`NOT (${theirs} = ANY(${intArray(lens.avoid)}::int[]))`);
  if (after) filters.push(sql`(f.created_at, m.id) < (${after.t}::timestamptz, ${after.i})`);
  const found = await rows<CardRow & { followedAt: Date | string; ms: string }>(
    lens.db,
    sql`SELECT ${CARD_COLUMNS}, f.created_at AS "followedAt", ${exactTime(sql`f.created_at`)} AS ms
          FROM follows f JOIN members m ON m.id = ${theirs} JOIN profiles p ON p.member_id = m.id
         WHERE ${sql.join(filters, sql` AND `)}
         ORDER BY f.created_at DESC, m.id DESC
         LIMIT ${query.limit + 1}`,
  );
  const pageRows = found.slice(0, query.limit);
  const cards = await presentCards(lens, pageRows);
  const items = pageRows.map((r, i) => ({ ...cards[i]!, followedAt: new Date(r.followedAt).toISOString() }));
  const last = pageRows[pageRows.length - 1];
  return { items, nextCursor: found.length > query.limit && last ? encodeCursor({ t: last.ms, i: last.id }) : null };
}

/**
 * The viewer's open invitations. Received: pending ones (ignored ones leave the inbox). Sent: pending and
 * ignored alike, since the sender is never told of an ignore.
 */
export async function listInvitations(lens: Lens, box: 'received' | 'sent', query: { cursor?: string; limit: number }): Promise<Page<InvitationView>> {
  const after = decodeTimeCursor(query.cursor);
  const me = lens.actor.id;
  const filters =
    box === 'received'
      ? [sql`i.recipient_id = ${me}`, sql`i.status = 'pending'`]
      : [sql`i.sender_id = ${me}`, sql`i.status IN ('pending', 'ignored')`];
  filters.push(sql`i.expires_at > now()`);
  if (after) filters.push(sql`(i.created_at, i.id) < (${after.t}::timestamptz, ${after.i})`);
  const found = await rows<{
    id: string | number; senderId: number; recipientId: number; note: string; context: InvitationView['context'];
    status: InvitationView['status']; createdAt: Date | string; expiresAt: Date | string; ms: string;
  }>(
    lens.db,
    sql`SELECT i.id, i.sender_id AS "senderId", i.recipient_id AS "recipientId", i.note, i.context, i.status,
               i.created_at AS "createdAt", i.expires_at AS "expiresAt", ${exactTime(sql`i.created_at`)} AS ms
          FROM invitations i JOIN members m ON m.id = (CASE WHEN i.sender_id = ${me} THEN i.recipient_id ELSE i.sender_id END)
         WHERE ${sql.join(filters, sql` AND `)} AND m.status = 'active'
         ORDER BY i.created_at DESC, i.id DESC
         LIMIT ${query.limit + 1}`,
  );
  const pageRows = found.slice(0, query.limit);
  const cards = await loadPersonCards(lens, [...new Set(pageRows.flatMap((r) => [r.senderId, r.recipientId]))]);
  const selfCard = (await loadPersonCards({ ...lens, avoid: new Set() }, [me]))[0];
  const cardOf = new Map(cards.map((c) => [c.id, c]));
  if (selfCard) cardOf.set(me, selfCard);
  const items = pageRows
    .filter((r) => cardOf.has(r.senderId) && cardOf.has(r.recipientId))
    .map((r) => ({
      id: Number(r.id),
      from: cardOf.get(r.senderId)!,
      to: cardOf.get(r.recipientId)!,
      note: r.note,
      context: r.context,
      // Ignoring is silent: the sender sees "pending".
      status: box === 'sent' && r.status === 'ignored' ? ('pending' as const) : r.status,
      createdAt: new Date(r.createdAt).toISOString(),
      expiresAt: new Date(r.expiresAt).toISOString(),
    }));
  const last = pageRows[pageRows.length - 1];
  return { items, nextCursor: found.length > query.limit && last ? encodeCursor({ t: last.ms, i: Number(last.id) }) : null };
}

/** The members the viewer has blocked, newest first (a short list; not paginated). */
export async function listBlocks(lens: Lens): Promise<(PersonCard & { blockedAt: string })[]> {
  const found = await rows<CardRow & { blockedAt: Date | string }>(
    lens.db,
    sql`SELECT ${CARD_COLUMNS}, b.created_at AS "blockedAt"
          FROM blocks b JOIN members m ON m.id = b.blocked_id JOIN profiles p ON p.member_id = m.id
         WHERE b.blocker_id = ${lens.actor.id} ORDER BY b.created_at DESC LIMIT 1000`,
  );
  const cards = await presentCards({ ...lens, avoid: new Set() }, found);
  return found.map((r, i) => ({ ...cards[i]!, blockedAt: new Date(r.blockedAt).toISOString() }));
}
