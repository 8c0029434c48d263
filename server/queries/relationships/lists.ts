/**
 * The skeletons of my people lists in relationship memory: who is due a word (keep in touch) and everyone I
 * keep a card on (optionally with one tag). Both read the member's own cards by index, a page at a time,
 * and leave the people to the read spine (hydration/listed-people.ts): degree badges and blocks apply.
 */
import { sql } from 'drizzle-orm';
import type { InteractionKind } from '../../../common/relationships.ts';
import type { NoteView } from '../../../common/schemas/relationships.ts';
import { type DbOrTx, rows } from '../../db/connection.ts';
import { intArray } from '../../graph/sql.ts';
import type { Listed } from '../../hydration/listed-people.ts';
import { decodeCursor, type KeysetPage, keysetPage, lookahead } from '../../http/cursor.ts';
import { cadenceOfDays } from '../../relationships/cadence.ts';
import { decodeTimeCursor, exactTime, likePattern } from '../network/lists.ts';

export interface CardExtra {
  effectiveCadence: ReturnType<typeof cadenceOfDays>;
  dueAt: string | null;
  lastInteraction: { kind: InteractionKind; at: string } | null;
}

interface CardListRow {
  id: number;
  cadenceDays: number | null;
  dueAt: string | null;
  dueMs: string | null;
  sortName: string;
  lastKind: InteractionKind | null;
  lastAt: string | null;
}

// The last interaction of each listed card: one probe of the pair index per row of the page.
const LAST = sql`LEFT JOIN LATERAL (SELECT i.kind, i.at FROM interactions i WHERE i.member_id = c.member_id AND i.other_id = c.other_id ORDER BY i.at DESC LIMIT 1) li ON true`;

const extraOf = (r: CardListRow): CardExtra => ({
  effectiveCadence: cadenceOfDays(r.cadenceDays),
  dueAt: r.dueAt === null ? null : new Date(r.dueAt).toISOString(),
  lastInteraction: r.lastKind && r.lastAt ? { kind: r.lastKind, at: new Date(r.lastAt).toISOString() } : null,
});

/**
 * The people due a word now (or overdue), the longest waiting first: a range of the (member_id, due_at)
 * index, however many cards or interactions the member has.
 */
export async function listDue(db: DbOrTx, memberId: number, avoid: ReadonlySet<number>, query: { cursor?: string | undefined; limit: number }): Promise<KeysetPage<Listed<CardExtra>>> {
  const after = decodeTimeCursor(query.cursor);
  const filters = [sql`c.member_id = ${memberId}`, sql`c.due_at <= now()`];
  if (avoid.size) filters.push(sql`NOT (c.other_id = ANY(${intArray(avoid)}::int[]))`);
  if (after) filters.push(sql`(c.due_at, c.other_id) > (${after.t}::timestamptz, ${after.i})`);
  const found = await rows<CardListRow>(
    db,
    sql`SELECT c.other_id AS id, c.cadence_days AS "cadenceDays", c.due_at AS "dueAt", ${exactTime(sql`c.due_at`)} AS "dueMs", '' AS "sortName",
               li.kind AS "lastKind", li.at AS "lastAt"
          FROM (SELECT * FROM relationship_cards c WHERE ${sql.join(filters, sql` AND `)} ORDER BY c.due_at, c.other_id LIMIT ${lookahead(query.limit)}) c
          ${LAST}
         ORDER BY c.due_at, c.other_id`,
  );
  const page = keysetPage(found, query.limit, (last) => ({ t: last.dueMs!, i: last.id }));
  return { rows: page.rows.map((r) => ({ id: r.id, extra: extraOf(r) })), nextCursor: page.nextCursor };
}

/** Everyone I keep a card on, by name, optionally only those with one of my tags, or matching a name. */
export async function listCards(
  db: DbOrTx,
  memberId: number,
  avoid: ReadonlySet<number>,
  query: { tag?: number | undefined; q: string; cursor?: string | undefined; limit: number },
): Promise<KeysetPage<Listed<CardExtra>>> {
  const after = decodeCursor(query.cursor, { n: 'text', i: 'id' });
  const filters = [sql`c.member_id = ${memberId}`, sql`m.status = 'active'`];
  if (avoid.size) filters.push(sql`NOT (c.other_id = ANY(${intArray(avoid)}::int[]))`);
  if (query.tag !== undefined) filters.push(sql`EXISTS (SELECT 1 FROM relationship_card_tags ct WHERE ct.member_id = c.member_id AND ct.other_id = c.other_id AND ct.tag_id = ${query.tag})`);
  if (query.q) filters.push(sql`p.name ILIKE ${likePattern(query.q)}`);
  if (after) filters.push(sql`(lower(p.name), c.other_id) > (${after.n}, ${after.i})`);
  const found = await rows<CardListRow>(
    db,
    sql`SELECT c.other_id AS id, c.cadence_days AS "cadenceDays", c.due_at AS "dueAt", NULL AS "dueMs", lower(p.name) AS "sortName",
               li.kind AS "lastKind", li.at AS "lastAt"
          FROM relationship_cards c
          JOIN members m ON m.id = c.other_id
          JOIN profiles p ON p.member_id = c.other_id
          ${LAST}
         WHERE ${sql.join(filters, sql` AND `)}
         ORDER BY lower(p.name), c.other_id
         LIMIT ${lookahead(query.limit)}`,
  );
  const page = keysetPage(found, query.limit, (last) => ({ n: last.sortName, i: last.id }));
  return { rows: page.rows.map((r) => ({ id: r.id, extra: extraOf(r) })), nextCursor: page.nextCursor };
}

/** My notes on a person, newest first. */
export async function listNotes(db: DbOrTx, memberId: number, otherId: number, query: { cursor?: string | undefined; limit: number }): Promise<KeysetPage<NoteView>> {
  const after = decodeCursor(query.cursor, { t: 'time', i: 'id' });
  const found = await rows<NoteView & { ms: string }>(
    db,
    sql`SELECT id::int, text, to_char(met_on, 'YYYY-MM-DD') AS date, created_at AS "createdAt", updated_at AS "updatedAt", ${exactTime(sql`created_at`)} AS ms
          FROM relationship_notes
         WHERE member_id = ${memberId} AND other_id = ${otherId}
           ${after ? sql`AND (created_at, id) < (${after.t}::timestamptz, ${after.i})` : sql``}
         ORDER BY created_at DESC, id DESC
         LIMIT ${lookahead(query.limit)}`,
  );
  const page = keysetPage(found, query.limit, (last) => ({ t: last.ms, i: last.id }));
  return {
    rows: page.rows.map(({ ms: _ms, ...n }) => ({ ...n, createdAt: new Date(n.createdAt).toISOString(), updatedAt: new Date(n.updatedAt).toISOString() })),
    nextCursor: page.nextCursor,
  };
}
