import { sql } from 'drizzle-orm';
import type { RECOMMENDATION_BOXES } from '../../../common/schemas/endorsements.ts';
import { rows } from '../../db/connection.ts';
import { intArray } from '../../graph/sql.ts';
import { decodeCursor, type KeysetPage, keysetPage, lookahead } from '../../http/cursor.ts';
import type { Lens } from '../../viewer/viewer.ts';

export type RecommendationBox = (typeof RECOMMENDATION_BOXES)[number];

/** One row of a box before its other member is hydrated into a card. */
export interface BoxRow {
  id: number;
  kind: 'recommendation' | 'request';
  otherId: number;
  position: { id: number; title: string; organisationName: string };
  text: string;
  status: 'pending' | 'visible' | 'hidden' | 'declined' | 'open' | 'written';
  createdAt: string;
}

/**
 * The viewer's recommendations by their role, newest first: `received` (written for me: pending, shown or
 * hidden; declined ones are gone from view), `written` (by me, with their status), `requests` (connections
 * asking me to write one, still open). Pending recommendations are seen by their author and recipient only:
 * these boxes are the only place they appear. Members on either side of a block, or suspended, are left out.
 */
export async function recommendationBox(lens: Lens, box: RecommendationBox, query: { cursor?: string | undefined; limit: number }): Promise<KeysetPage<BoxRow>> {
  const me = lens.actor.id;
  const after = decodeCursor(query.cursor, { i: 'id' });
  const avoid = lens.avoid.size ? intArray(lens.avoid) : null;
  const isRequest = box === 'requests';
  const [table, other, mine, open] =
    box === 'received'
      ? [sql`recommendations`, sql`x.author_id`, sql`x.member_id`, sql`x.status <> 'declined'`]
      : box === 'written'
        ? [sql`recommendations`, sql`x.member_id`, sql`x.author_id`, sql`TRUE`]
        : [sql`recommendation_requests`, sql`x.member_id`, sql`x.writer_id`, sql`x.status = 'open'`];
  const found = await rows<Omit<BoxRow, 'kind'>>(
    lens.db,
    sql`SELECT x.id, ${other} AS "otherId", ${isRequest ? sql`x.message` : sql`x.text`} AS text, x.status,
               to_char(x.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
               json_build_object('id', e.id, 'title', e.title, 'organisationName', e.organisation_name) AS position
          FROM ${table} x
          JOIN experiences e ON e.id = x.experience_id
          JOIN members m ON m.id = ${other} AND m.status = 'active'
         WHERE ${mine} = ${me} AND ${open}
           ${avoid ? sql`AND NOT (${other} = ANY(${avoid}::int[]))` : sql``}
           ${after ? sql`AND x.id < ${after.i}` : sql``}
         ORDER BY x.id DESC
         LIMIT ${lookahead(query.limit)}`,
  );
  const page = keysetPage(found, query.limit, (last) => ({ i: last.id }));
  const kind = isRequest ? ('request' as const) : ('recommendation' as const);
  return {
    rows: page.rows.map((r) => ({ ...r, kind, position: typeof r.position === 'string' ? JSON.parse(r.position) : r.position })),
    nextCursor: page.nextCursor,
  };
}
