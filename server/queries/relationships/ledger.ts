/**
 * The reciprocity ledger (docs/relationships.md, "Gives and asks"): my gives and asks, per person and overall,
 * read from the interactions ledger's give-and-ask rows (common/ledger.ts), mine alone. Re-endorsing a skill
 * I endorsed before is one endorsement, not two: endorsements count distinct skills.
 */
import { sql } from 'drizzle-orm';
import { LEDGER_KINDS, ledgerEntryOf, type LedgerSide, type LedgerSubject } from '../../../common/ledger.ts';
import { type DbOrTx, rows } from '../../db/connection.ts';
import { intArray } from '../../graph/sql.ts';
import { type KeysetPage, keysetPage, lookahead } from '../../http/cursor.ts';
import { decodeTimeCursor, exactTime } from '../network/lists.ts';

export type SideCounts = Record<LedgerSide, number>;

export interface LedgerTally extends SideCounts {
  /** Given minus received: positive when I have paid forward more than I was paid. */
  balance: number;
  bySubject: ({ subject: LedgerSubject } & SideCounts)[];
}

export interface PersonTally extends LedgerTally {
  id: number;
  lastAt: string;
}

interface CountRow {
  other_id: number;
  kind: string;
  n: string | number;
}

const kindsArray = () => `{${LEDGER_KINDS.join(',')}}`;
const notAvoided = (avoid: ReadonlySet<number>) => (avoid.size ? sql`AND NOT (other_id = ANY(${intArray(avoid)}::int[]))` : sql``);
// Per pair and kind: how many, endorsements counting each skill once.
const PER_KIND = (memberId: number, avoid: ReadonlySet<number>, only = sql``) => sql`
  SELECT other_id, kind, CASE WHEN kind LIKE 'endorsement\\_%' THEN count(DISTINCT ref_id) ELSE count(*) END AS n, max(at) AS last_at
    FROM interactions
   WHERE member_id = ${memberId} AND kind = ANY(${kindsArray()}::text[]) ${notAvoided(avoid)} ${only}
   GROUP BY other_id, kind`;

/** Adds up rows of (kind, n) into sides, subjects and a balance. */
function tally(found: readonly { kind: string; n: string | number }[]): LedgerTally {
  const zero = (): SideCounts => ({ given: 0, received: 0, asked: 0, asked_by: 0 });
  const total = zero();
  const subjects = new Map<LedgerSubject, SideCounts>();
  for (const r of found) {
    const entry = ledgerEntryOf(r.kind);
    if (!entry) continue;
    const n = Number(r.n);
    total[entry.side] += n;
    const s = subjects.get(entry.subject) ?? zero();
    s[entry.side] += n;
    subjects.set(entry.subject, s);
  }
  return {
    ...total,
    balance: total.given - total.received,
    bySubject: [...subjects].map(([subject, counts]) => ({ subject, ...counts })),
  };
}

/** My gives and asks with everyone, added up. */
export async function loadLedgerTotals(db: DbOrTx, memberId: number, avoid: ReadonlySet<number>): Promise<LedgerTally> {
  const found = await rows<CountRow>(db, sql`SELECT kind, sum(n) AS n FROM (${PER_KIND(memberId, avoid)}) per GROUP BY kind`);
  return tally(found);
}

/** My gives and asks with one person. */
export async function loadPairLedger(db: DbOrTx, memberId: number, otherId: number): Promise<LedgerTally> {
  return tally(await rows<CountRow>(db, PER_KIND(memberId, new Set(), sql`AND other_id = ${otherId}`)));
}

/** The people I have given to or asked of, the most recent first, a page at a time. */
export async function listLedgerPeople(
  db: DbOrTx,
  memberId: number,
  avoid: ReadonlySet<number>,
  query: { cursor?: string | undefined; limit: number },
): Promise<KeysetPage<PersonTally>> {
  const after = decodeTimeCursor(query.cursor);
  const found = await rows<{ other_id: number; counts: Record<string, number>; last_at: string; ms: string }>(
    db,
    sql`SELECT other_id, jsonb_object_agg(kind, n) AS counts, max(last_at) AS last_at, ${exactTime(sql`max(last_at)`)} AS ms
          FROM (${PER_KIND(memberId, avoid)}) per
         GROUP BY other_id
        ${after ? sql`HAVING (max(last_at), other_id) < (${after.t}::timestamptz, ${after.i})` : sql``}
         ORDER BY max(last_at) DESC, other_id DESC
         LIMIT ${lookahead(query.limit)}`,
  );
  const page = keysetPage(found, query.limit, (last) => ({ t: last.ms, i: last.other_id }));
  return {
    rows: page.rows.map((r) => ({
      id: r.other_id,
      lastAt: new Date(r.last_at).toISOString(),
      ...tally(Object.entries(r.counts).map(([kind, n]) => ({ kind, n }))),
    })),
    nextCursor: page.nextCursor,
  };
}

export interface Nudge {
  offer: string;
  count: number;
  /** Up to three of them, for faces. */
  ids: number[];
}

/**
 * "3 people in your network asked for help with X, which you offer": my profile's offers against my
 * connections' asks, matched without case, either containing the other ("mentoring" and "mentoring founders").
 */
export async function loadNudges(db: DbOrTx, memberId: number, avoid: ReadonlySet<number>): Promise<Nudge[]> {
  const found = await rows<{ offer: string; count: string | number; ids: number[] }>(
    db,
    sql`SELECT o.offer, count(*) AS count, (array_agg(c.other_id ORDER BY c.created_at DESC))[1:3] AS ids
          FROM profiles me
          CROSS JOIN LATERAL unnest(me.offers) AS o(offer)
          JOIN connections c ON c.member_id = me.member_id
          JOIN members m ON m.id = c.other_id AND m.status = 'active'
          JOIN profiles p ON p.member_id = c.other_id
         WHERE me.member_id = ${memberId} ${avoid.size ? sql`AND NOT (c.other_id = ANY(${intArray(avoid)}::int[]))` : sql``}
           AND EXISTS (SELECT 1 FROM unnest(p.asks) AS a(ask)
                        WHERE position(lower(o.offer) IN lower(a.ask)) > 0 OR position(lower(a.ask) IN lower(o.offer)) > 0)
         GROUP BY o.offer
         ORDER BY count(*) DESC, o.offer
         LIMIT 3`,
  );
  return found.map((r) => ({ offer: r.offer, count: Number(r.count), ids: r.ids }));
}

