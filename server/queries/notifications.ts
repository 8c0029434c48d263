/**
 * Reading a member's notifications, grouped: rows sharing a group key are one item, ordered by their newest
 * row, with how many rows and different people it holds and the newest three of those people. Rows by
 * someone the viewer blocked, or who blocked them, are left out, as everywhere a person appears.
 */
import { sql } from 'drizzle-orm';
import type { NotificationKind, NotificationSubject } from '../../common/schemas/notifications.ts';
import { rows } from '../db/connection.ts';
import { intArray } from '../graph/sql.ts';
import { decodeCursor, type KeysetPage, keysetPage, lookahead } from '../http/cursor.ts';
import type { Lens } from '../viewer/viewer.ts';

export interface NotificationGroup {
  id: number;
  kind: NotificationKind;
  subject: NotificationSubject;
  actorIds: number[];
  count: number;
  actorCount: number;
  createdAt: string;
  unread: boolean;
}

interface Row {
  newest: string | number;
  n: string | number;
  actors_n: string | number;
  unread: boolean;
  kind: NotificationKind;
  data: NotificationSubject;
  created_at: string | Date;
  actors: number[] | null;
}

/** One page of the viewer's notification groups, newest first (keyset on the group's newest id). */
export async function listNotificationGroups(lens: Lens, cursor: string | undefined, limit: number): Promise<KeysetPage<NotificationGroup>> {
  const after = decodeCursor(cursor, { i: 'id' });
  const me = lens.actor.id;
  const avoid = intArray(lens.avoid);
  const shown = sql`(x.actor_id IS NULL OR NOT x.actor_id = ANY(${avoid}::int[]))`;
  const found = await rows<Row>(
    lens.db,
    sql`WITH groups AS (
          SELECT x.group_key, max(x.id) AS newest, count(*) AS n, count(DISTINCT x.actor_id) AS actors_n,
                 bool_or(x.read_at IS NULL) AS unread
            FROM notifications x
           WHERE x.member_id = ${me} AND ${shown}
           GROUP BY x.group_key
          ${after ? sql`HAVING max(x.id) < ${after.i}` : sql``}
           ORDER BY newest DESC
           LIMIT ${lookahead(limit)})
        SELECT g.newest, g.n, g.actors_n, g.unread, n.kind, n.data, n.created_at,
               (SELECT array_agg(p.actor_id ORDER BY p.latest DESC)
                  FROM (SELECT x.actor_id, max(x.id) AS latest FROM notifications x
                         WHERE x.member_id = ${me} AND x.group_key = g.group_key AND x.actor_id IS NOT NULL AND ${shown}
                         GROUP BY x.actor_id ORDER BY latest DESC LIMIT 3) p) AS actors
          FROM groups g JOIN notifications n ON n.id = g.newest
         ORDER BY g.newest DESC`,
  );
  const groups = found.map((r) => ({
    id: Number(r.newest),
    kind: r.kind,
    subject: r.data,
    actorIds: r.actors ?? [],
    count: Number(r.n),
    actorCount: Number(r.actors_n),
    createdAt: new Date(r.created_at).toISOString(),
    unread: r.unread,
  }));
  return keysetPage(groups, limit, (last) => ({ i: last.id }));
}

/** How many groups hold something unread: the bell's number. */
export async function countUnreadGroups(lens: Lens): Promise<number> {
  const [r] = await rows<{ n: string | number }>(
    lens.db,
    sql`SELECT count(DISTINCT x.group_key) AS n FROM notifications x
         WHERE x.member_id = ${lens.actor.id} AND x.read_at IS NULL
           AND (x.actor_id IS NULL OR NOT x.actor_id = ANY(${intArray(lens.avoid)}::int[]))`,
  );
  return Number(r?.n ?? 0);
}
