/**
 * Reads of a member's opportunity log (issue 15). Every statement is keyed by the member's own id: nobody
 * else's log is ever read, an operator's included.
 */
import { sql } from 'drizzle-orm';
import type { OpportunityKind } from '../../../common/opportunities.ts';
import { OPPORTUNITY_LIMITS } from '../../../common/opportunities.ts';
import { type DbOrTx, rows } from '../../db/connection.ts';
import { decodeCursor, type KeysetPage, keysetPage, lookahead } from '../../http/cursor.ts';

export interface OpportunityRow {
  id: number;
  kind: OpportunityKind;
  title: string;
  value: number | null;
  createdAt: string;
  /** The people it came through, by member id, in the order they were given. */
  personIds: number[];
}

interface Raw {
  id: number | string;
  kind: OpportunityKind;
  title: string;
  value: number | string | null;
  createdAt: string | Date;
  personIds: (number | string)[] | null;
}

const PEOPLE = sql`coalesce((SELECT array_agg(p.person_id ORDER BY p.position) FROM opportunity_people p WHERE p.opportunity_id = o.id), '{}') AS "personIds"`;

const shape = (r: Raw): OpportunityRow => ({
  id: Number(r.id),
  kind: r.kind,
  title: r.title,
  value: r.value === null ? null : Number(r.value),
  createdAt: new Date(r.createdAt).toISOString(),
  personIds: (r.personIds ?? []).map(Number),
});

/** My opportunities, newest first, a page at a time. */
export async function listOpportunities(db: DbOrTx, memberId: number, query: { cursor?: string | undefined; limit: number }): Promise<KeysetPage<OpportunityRow>> {
  const after = decodeCursor(query.cursor, { i: 'bigId' });
  const found = await rows<Raw>(
    db,
    sql`SELECT o.id, o.kind, o.title, o.value, o.created_at AS "createdAt", ${PEOPLE}
          FROM opportunities o
         WHERE o.member_id = ${memberId} ${after ? sql`AND o.id < ${after.i}` : sql``}
         ORDER BY o.id DESC LIMIT ${lookahead(query.limit)}`,
  );
  return keysetPage(found.map(shape), query.limit, (last) => ({ i: last.id }));
}

/** Every opportunity of mine, for the report: at most OPPORTUNITY_LIMITS.perMemberMax, which writes enforce. */
export async function loadAllOpportunities(db: DbOrTx, memberId: number): Promise<OpportunityRow[]> {
  const found = await rows<Raw>(
    db,
    sql`SELECT o.id, o.kind, o.title, o.value, o.created_at AS "createdAt", ${PEOPLE}
          FROM opportunities o WHERE o.member_id = ${memberId} ORDER BY o.id DESC LIMIT ${OPPORTUNITY_LIMITS.perMemberMax}`,
  );
  return found.map(shape);
}

/** One of my opportunities, or null when there is none of mine with this id. */
export async function loadOpportunity(db: DbOrTx, memberId: number, id: number): Promise<OpportunityRow | null> {
  const [found] = await rows<Raw>(
    db,
    sql`SELECT o.id, o.kind, o.title, o.value, o.created_at AS "createdAt", ${PEOPLE}
          FROM opportunities o WHERE o.member_id = ${memberId} AND o.id = ${id}`,
  );
  return found ? shape(found) : null;
}

export async function countOpportunities(db: DbOrTx, memberId: number): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM opportunities WHERE member_id = ${memberId}`);
  return r?.n ?? 0;
}

/** Members by handle, with their status: what the opportunity policy decides each linked person from. */
export async function membersByHandle(db: DbOrTx, handles: readonly string[]): Promise<Map<string, { id: number; status: string }>> {
  if (handles.length === 0) return new Map();
  const found = await rows<{ id: number; handle: string; status: string }>(
    db,
    sql`SELECT id, handle, status FROM members WHERE handle = ANY(${`{${handles.map((h) => `"${h}"`).join(',')}}`}::text[])`,
  );
  return new Map(found.map((m) => [m.handle, { id: Number(m.id), status: m.status }]));
}
