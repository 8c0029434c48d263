import { sql } from 'drizzle-orm';
import type { MemberDirectoryQuery } from '../../common/schemas/directory.ts';
import { type DbOrTx, rows } from '../db/connection.ts';
import { intArray } from '../graph/sql.ts';
import { type CursorKey, decodeCursor, type KeysetPage, keysetPage, lookahead } from '../http/cursor.ts';
import { decodeTimeCursor, exactTime, likePattern } from './network/lists.ts';

/**
 * One page of the member directory: active members other than the viewer and those on either side of a
 * block with them, newest first or by name, keyset-paginated. Organisation, place and industry match
 * only where the viewer may see the full profile, as in search, so a filter never reveals what a
 * network-only profile hides. (That test is the conservative one search uses: a network-only profile is
 * not matched even for viewers in its network, who would need the graph to tell.) The page's ids only:
 * the route hydrates them.
 */
export async function listDirectory(
  db: DbOrTx,
  viewer: { id: number; isAdmin: boolean },
  query: MemberDirectoryQuery,
  exclude: ReadonlySet<number>,
): Promise<KeysetPage<{ id: number }>> {
  const byName = query.sort === 'name';
  const afterName = byName ? decodeCursor(query.cursor, { n: 'text', i: 'id' }) : null;
  const afterTime = byName ? null : decodeTimeCursor(query.cursor);
  const visible = sql`(d.visibility = 'signed_in' OR ${viewer.isAdmin})`;

  const filters = [sql`m.status = 'active'`, sql`d.active`, sql`m.id <> ${viewer.id}`];
  if (exclude.size) filters.push(sql`NOT (m.id = ANY(${intArray(exclude)}::int[]))`);
  if (query.organisation) filters.push(sql`${visible} AND d.organisation_ids @> ARRAY[${query.organisation}]::integer[]`);
  if (query.industry) filters.push(sql`${visible} AND lower(d.industry) = lower(${query.industry})`);
  if (query.location) filters.push(sql`${visible} AND p.location ILIKE ${likePattern(query.location)}`);
  if (afterName) filters.push(sql`(lower(p.name), m.id) > (${afterName.n}, ${afterName.i})`);
  if (afterTime) filters.push(sql`(m.created_at, m.id) < (${afterTime.t}::timestamptz, ${afterTime.i})`);
  const order = byName ? sql`lower(p.name), m.id` : sql`m.created_at DESC, m.id DESC`;

  const found = await rows<{ id: number; ms: string; sortName: string }>(
    db,
    sql`SELECT m.id, ${exactTime(sql`m.created_at`)} AS ms, lower(p.name) AS "sortName"
          FROM members m
          JOIN profiles p ON p.member_id = m.id
          JOIN search_documents d ON d.member_id = m.id
         WHERE ${sql.join(filters, sql` AND `)}
         ORDER BY ${order}
         LIMIT ${lookahead(query.limit)}`,
  );
  const page = keysetPage(found, query.limit, (last): CursorKey => (byName ? { n: last.sortName, i: last.id } : { t: last.ms, i: last.id }));
  return { rows: page.rows.map(({ id }) => ({ id })), nextCursor: page.nextCursor };
}
