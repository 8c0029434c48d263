/**
 * Who a newcomer may be introduced to (Admin → Community, "Suggest introductions"): the rules that decide
 * whether a member may be suggested at all, and the fallback that finds people sharing the newcomer's
 * organisation, place or industry when the graph has no people they may know (a newcomer with fewer than 3
 * connections often has no friends of friends).
 */
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/connection.ts';
import { intArray } from '../../graph/sql.ts';

/**
 * The conditions on `m` (members, joined to profiles `p`) for being suggested to `newcomerId`: active and
 * under no restriction, not the newcomer, no block either way, not connected, and no invitation between the
 * two that waits (pending or ignored, before it expires) or was answered "I don't know this person" either
 * way — the same pairs "people you may know" leaves out (queries/suggestions/load.ts).
 */
function eligible(newcomerId: number): SQL {
  return sql`m.id <> ${newcomerId} AND m.status = 'active'
    AND NOT EXISTS (SELECT 1 FROM member_restrictions r
                     WHERE r.member_id = m.id AND r.lifted_at IS NULL AND (r.ends_at IS NULL OR r.ends_at > now()))
    AND NOT EXISTS (SELECT 1 FROM blocks b
                     WHERE (b.blocker_id = ${newcomerId} AND b.blocked_id = m.id) OR (b.blocker_id = m.id AND b.blocked_id = ${newcomerId}))
    AND NOT EXISTS (SELECT 1 FROM connections c WHERE c.member_id = ${newcomerId} AND c.other_id = m.id)
    AND NOT EXISTS (SELECT 1 FROM invitations i
                     WHERE ((i.sender_id = ${newcomerId} AND i.recipient_id = m.id) OR (i.sender_id = m.id AND i.recipient_id = ${newcomerId}))
                       AND (i.status = 'dont_know' OR (i.status IN ('pending', 'ignored') AND i.expires_at > now())))`;
}

/** Which of `ids` may be suggested to the newcomer (eligible above), in no particular order. */
export async function eligibleForIntroduction(db: DbOrTx, newcomerId: number, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const found = await rows<{ id: number }>(
    db,
    sql`SELECT m.id FROM members m WHERE m.id = ANY(${intArray(ids)}::int[]) AND ${eligible(newcomerId)}`,
  );
  return new Set(found.map((r) => Number(r.id)));
}

/** Members by handle (handles are lower case, as the route's schema checks), with their names; unknown handles are absent. */
export async function membersByHandles(db: DbOrTx, handles: readonly string[]): Promise<Map<string, { id: number; handle: string; name: string }>> {
  if (handles.length === 0) return new Map();
  const found = await rows<{ id: number; handle: string; name: string }>(
    db,
    sql`SELECT m.id, m.handle, p.name FROM members m JOIN profiles p ON p.member_id = m.id
         WHERE m.handle IN (${sql.join(
           handles.map((h) => sql`${h}`),
           sql`, `,
         )})`,
  );
  return new Map(found.map((r) => [r.handle, { ...r, id: Number(r.id) }]));
}

/** Matches read before ranking by connections: the best by what they share and how recently they were seen. */
const SHARED_POOL = 200;
/** Colleagues read per current organisation of the newcomer's. */
const COLLEAGUES_MAX = 2000;
/** Connections counted per candidate: beyond this, "well connected" is well connected enough. */
const CONNECTIONS_COUNTED = 500;

/**
 * Eligible members who share the newcomer's current organisation, place or industry (self-declared profile
 * fields, case and outer spaces ignored), most shared facts first, then those seen in the last 30 days, then
 * the best connected. Only profiles shown to every signed-in member are matched: a "network only" profile
 * keeps its place, industry and history from people beyond three degrees, as people search does.
 */
export async function sharedProfileCandidates(db: DbOrTx, newcomerId: number, exclude: readonly number[], limit: number): Promise<number[]> {
  const found = await rows<{ id: number }>(
    db,
    sql`WITH me AS (SELECT nullif(lower(btrim(location)), '') AS loc, nullif(lower(btrim(industry)), '') AS ind
                      FROM profiles WHERE member_id = ${newcomerId}),
      colleagues AS (
        SELECT DISTINCT e.member_id FROM experiences v JOIN experiences e ON e.organisation_id = v.organisation_id
         WHERE v.member_id = ${newcomerId} AND (v.end_date IS NULL OR v.end_date > current_date)
           AND e.member_id <> ${newcomerId} AND (e.end_date IS NULL OR e.end_date > current_date)
         LIMIT ${COLLEAGUES_MAX}),
      matched AS (
        SELECT p.member_id AS id,
               (EXISTS (SELECT 1 FROM colleagues k WHERE k.member_id = p.member_id))::int
                 + coalesce((lower(btrim(p.location)) = me.loc)::int, 0) + coalesce((lower(btrim(p.industry)) = me.ind)::int, 0) AS shared
          FROM profiles p CROSS JOIN me
         WHERE p.visibility = 'signed_in'
           AND (p.member_id IN (SELECT member_id FROM colleagues) OR lower(btrim(p.location)) = me.loc OR lower(btrim(p.industry)) = me.ind)),
      best AS (
        SELECT m.id, x.shared, m.last_seen_at > now() - interval '30 days' AS active
          FROM matched x JOIN members m ON m.id = x.id
         WHERE NOT (m.id = ANY(${intArray(exclude)}::int[])) AND ${eligible(newcomerId)}
         ORDER BY x.shared DESC, active DESC, m.last_seen_at DESC, m.id
         LIMIT ${SHARED_POOL})
      SELECT b.id FROM best b
        CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM (SELECT 1 FROM connections c WHERE c.member_id = b.id LIMIT ${CONNECTIONS_COUNTED}) few) k
       ORDER BY b.shared DESC, b.active DESC, k.n DESC, b.id
       LIMIT ${limit}`,
  );
  return found.map((r) => Number(r.id));
}

/** Handles and names of members, in the order of `ids` (those without a profile are left out). */
export async function peopleByIds(db: DbOrTx, ids: readonly number[]): Promise<{ id: number; handle: string; name: string }[]> {
  if (ids.length === 0) return [];
  const found = await rows<{ id: number; handle: string; name: string }>(
    db,
    sql`SELECT m.id, m.handle, p.name FROM members m JOIN profiles p ON p.member_id = m.id WHERE m.id = ANY(${intArray(ids)}::int[])`,
  );
  const byId = new Map(found.map((r) => [Number(r.id), { ...r, id: Number(r.id) }]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** How many connections the member has, counted up to `upTo` (enough to tell a newcomer). */
export async function connectionsUpTo(db: DbOrTx, memberId: number, upTo: number): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM connections WHERE member_id = ${memberId} LIMIT ${upTo}) few`,
  );
  return Number(r?.n ?? 0);
}
