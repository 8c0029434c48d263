/**
 * The database side of "people you may know": a few batch queries, each bounded, none per candidate.
 * Ids travel as one int[] parameter (graph/sql.ts `intArray`), so a statement's size never grows with them.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/connection.ts';
import { DAY_MS, EPOCH_2000_MS } from '../../graph/scoring.ts';
import { intArray } from '../../graph/sql.ts';
import type { RawStint } from './overlap.ts';

/** A JS time as a timestamptz parameter (exact to the millisecond on both engines). */
const at = (ms: number) => sql`('epoch'::timestamptz + ${ms}::float8 * interval '1 millisecond')`;

export interface ViewerContext {
  /** Blocked either way: never a candidate and never a mutual in a reason. */
  avoid: Set<number>;
  /** Open invitations either way, "I don't know" either way, and a re-invitation the viewer must still wait for. */
  exclude: Set<number>;
  /** Candidates' stints beside the viewer's at the same organisations and schools (overlap.ts turns them into overlaps). */
  stints: RawStint[];
  /** Names of the viewer's organisations and schools. */
  orgNames: Map<number, string>;
  /** Members the viewer has exchanged comments with both ways, at least `minExchanges` in all: how many. */
  exchanges: Map<number, number>;
}

/** Partners in two-way comment exchanges read at most, the most recent first. */
const MAX_EXCHANGE_PARTNERS = 200;

/**
 * Everything about the viewer that comes before the candidates, in one round trip: who is off limits
 * (blocks by blocker or blocked; invitations by sender or recipient and status), and the stints of other
 * members at the viewer's organisations and schools that may overlap with the viewer's (a loose filter:
 * overlap.ts applies the exact rules). Every branch starts from an index range of the viewer's own rows
 * or of one organisation; each stint kind returns at most `maxStints` rows, the latest first, so that a
 * 50,000-person employer stays cheap.
 */
export async function loadViewerContext(
  db: DbOrTx,
  viewerId: number,
  nowMs: number,
  reinviteWaitMs: number,
  maxStints: number,
  minExchanges: number,
): Promise<ViewerContext> {
  const now = at(nowMs);
  const today = Math.floor((nowMs - EPOCH_2000_MS) / DAY_MS);
  const year = new Date(nowMs).getUTCFullYear();
  const td = sql`(DATE '2000-01-01' + ${today}::int)`;
  const day = (col: string) => sql.raw(`(${col} - DATE '2000-01-01')`);
  const connected = sql`EXISTS (SELECT 1 FROM connections c WHERE c.member_id = ${viewerId} AND c.other_id = e.member_id)`;
  const blanks = sql`NULL::int, NULL::int, NULL::int, NULL::int, NULL::int, false`;
  const none = sql`${blanks}, NULL::text`;
  const found = await rows<{
    kind: 'avoid' | 'exclude' | 'org' | 'school' | 'name' | 'exchange';
    id: number;
    org: number | null;
    s: number | null;
    e: number | null;
    vs: number | null;
    ve: number | null;
    connected: boolean;
    name: string | null;
  }>(
    db,
    sql`SELECT 'avoid' AS kind, blocked_id AS id, NULL::int AS org, NULL::int AS s, NULL::int AS e, NULL::int AS vs,
          NULL::int AS ve, false AS connected, NULL::text AS name
        FROM blocks WHERE blocker_id = ${viewerId}
      UNION ALL SELECT 'avoid', blocker_id, ${none} FROM blocks WHERE blocked_id = ${viewerId}
      -- As the sender, "I don't know this person" looks like an ignore (docs/screening.md): excluded while
      -- it waits, then free again. As its recipient, the answer stands: never suggested.
      UNION ALL SELECT 'exclude', recipient_id, ${none} FROM invitations
        WHERE sender_id = ${viewerId} AND ((status IN ('pending', 'ignored', 'dont_know') AND expires_at > ${now})
          OR (status = 'withdrawn' AND responded_at > ${at(nowMs - reinviteWaitMs)}))
      UNION ALL SELECT 'exclude', sender_id, ${none} FROM invitations
        WHERE recipient_id = ${viewerId} AND (status = 'dont_know'
          OR (status IN ('pending', 'ignored') AND expires_at > ${now}))
      UNION ALL (SELECT 'org', e.member_id, e.organisation_id, ${day('e.start_date')}, ${day('e.end_date')},
          ${day('v.start_date')}, ${day('v.end_date')}, ${connected}, NULL
        FROM experiences v JOIN experiences e ON e.organisation_id = v.organisation_id
        WHERE v.member_id = ${viewerId} AND e.member_id <> ${viewerId}
          AND e.start_date < least(coalesce(v.end_date, ${td}), ${td}) AND coalesce(e.end_date, ${td}) > v.start_date
        ORDER BY e.end_date DESC NULLS FIRST, e.member_id LIMIT ${maxStints})
      UNION ALL (SELECT 'school', e.member_id, e.organisation_id, e.start_year, e.end_year, v.start_year, v.end_year, ${connected}, NULL
        FROM educations v JOIN educations e ON e.organisation_id = v.organisation_id
        WHERE v.member_id = ${viewerId} AND e.member_id <> ${viewerId} AND e.start_year IS NOT NULL AND v.start_year IS NOT NULL
          AND e.start_year <= greatest(coalesce(v.end_year, ${year + 1}), v.start_year)
          AND greatest(coalesce(e.end_year, ${year + 1}), e.start_year) >= v.start_year
        ORDER BY e.end_year DESC NULLS FIRST, e.member_id LIMIT ${maxStints})
      -- Two-way comment exchanges (engagement_pairs, one index range of the viewer's partners): the count in s.
      UNION ALL (SELECT 'exchange', other_id, NULL, given + received, NULL, NULL, NULL, false, NULL
        FROM engagement_pairs
        WHERE member_id = ${viewerId} AND given > 0 AND received > 0 AND given + received >= ${minExchanges}
        ORDER BY last_at DESC LIMIT ${MAX_EXCHANGE_PARTNERS})
      UNION ALL SELECT 'name', o.id, ${blanks}, o.name
        FROM organisations o WHERE o.id IN (
          SELECT organisation_id FROM experiences WHERE member_id = ${viewerId}
          UNION SELECT organisation_id FROM educations WHERE member_id = ${viewerId})`,
  );
  const ctx: ViewerContext = { avoid: new Set(), exclude: new Set(), stints: [], orgNames: new Map(), exchanges: new Map() };
  for (const r of found) {
    const id = Number(r.id);
    if (r.kind === 'avoid') ctx.avoid.add(id);
    else if (r.kind === 'exclude') ctx.exclude.add(id);
    else if (r.kind === 'name') ctx.orgNames.set(id, r.name ?? '');
    else if (r.kind === 'exchange') ctx.exchanges.set(id, Number(r.s));
    else {
      const n = (x: number | null) => (x === null ? null : Number(x));
      ctx.stints.push({ kind: r.kind, id, orgId: Number(r.org), connected: r.connected, start: n(r.s), end: n(r.e), viewerStart: n(r.vs), viewerEnd: n(r.ve) });
    }
  }
  return ctx;
}

/**
 * Members in the viewer's place or industry (case and outer spaces ignored), best both first. Neither
 * column is indexed and a big city can hold most of a community, so the scan is bounded to the newest
 * `scan` members (newcomers need introductions most) and keeps `pool` of them: a weak signal that must
 * stay cheap. Excludes the viewer, suspended members, connections and `exclude`.
 */
export async function loadPlaceCandidates(
  db: DbOrTx,
  viewerId: number,
  exclude: ReadonlySet<number>,
  scan: number,
  pool: number,
): Promise<number[]> {
  const found = await rows<{ id: number }>(
    db,
    sql`WITH me AS (SELECT nullif(lower(btrim(location)), '') AS loc, nullif(lower(btrim(industry)), '') AS ind
                      FROM profiles WHERE member_id = ${viewerId}),
      recent AS (SELECT member_id, location, industry FROM profiles ORDER BY member_id DESC LIMIT ${scan})
      SELECT p.member_id AS id FROM recent p CROSS JOIN me
        JOIN members m ON m.id = p.member_id AND m.status = 'active'
        WHERE (lower(btrim(p.location)) = me.loc OR lower(btrim(p.industry)) = me.ind)
          AND p.member_id <> ${viewerId} AND NOT (p.member_id = ANY(${intArray(exclude)}::int[]))
          AND NOT EXISTS (SELECT 1 FROM connections c WHERE c.member_id = ${viewerId} AND c.other_id = p.member_id)
        ORDER BY (lower(btrim(p.location)) = me.loc AND lower(btrim(p.industry)) = me.ind) DESC, p.member_id DESC
        LIMIT ${pool}`,
  );
  return found.map((r) => r.id);
}

/** What ranking needs to know about one candidate. */
export interface CandidateRow {
  id: number;
  active: boolean;
  /** "network": only members within three degrees may see their place, industry and history. */
  networkOnly: boolean;
  samePlace: boolean;
  sameIndustry: boolean;
  /** Organisations where they work now, ascending. */
  currentOrgs: number[];
  dismissedAtMs: number | null;
  ignored: boolean;
  wasConnected: boolean;
}

export interface ViewerRow {
  /** Place and industry as the viewer typed them, for "Also in Lisbon". */
  place: string;
  industry: string;
  currentOrgs: number[];
}

export type Names = Map<number, { name: string; active: boolean }>;

/**
 * One query for a batch: the candidates' profiles with the pair's history (the viewer's dismissal;
 * invitations between the two that were ignored or expired, or accepted once), the names of the members
 * they would cite as mutual connections, and, when asked, the viewer's own place, industry and employers.
 */
export async function loadCandidates(
  db: DbOrTx,
  viewerId: number,
  ids: readonly number[],
  cited: readonly number[],
  withViewer: boolean,
  nowMs: number,
): Promise<{ facts: Map<number, CandidateRow>; names: Names; viewer: ViewerRow | null }> {
  const subjects = withViewer ? [viewerId, ...ids] : [...ids];
  const list = intArray(subjects);
  const all = intArray([...subjects, ...cited]);
  const today = Math.floor((nowMs - EPOCH_2000_MS) / DAY_MS);
  const found = await rows<{
    id: number;
    name: string;
    status: string;
    visibility: string;
    location: string;
    industry: string;
    samePlace: boolean | null;
    sameIndustry: boolean | null;
    currentOrgs: number[] | null;
    dismissedMs: number | null;
    ignored: boolean | null;
    accepted: boolean | null;
  }>(
    db,
    sql`WITH me AS (SELECT nullif(lower(btrim(location)), '') AS loc, nullif(lower(btrim(industry)), '') AS ind
                      FROM profiles WHERE member_id = ${viewerId}),
      cur AS (
        SELECT member_id, array_agg(DISTINCT organisation_id ORDER BY organisation_id) AS orgs FROM experiences
          WHERE member_id = ANY(${list}::int[]) AND (end_date IS NULL OR end_date > DATE '2000-01-01' + ${today}::int)
          GROUP BY member_id),
      hist AS (
        SELECT CASE WHEN sender_id = ${viewerId} THEN recipient_id ELSE sender_id END AS id,
            bool_or(status = 'expired' OR (status IN ('pending', 'ignored') AND expires_at <= ${at(nowMs)})
              OR (status = 'dont_know' AND sender_id = ${viewerId} AND expires_at <= ${at(nowMs)})) AS ignored,
            bool_or(status = 'accepted') AS accepted
          FROM invitations
          WHERE ((sender_id = ${viewerId} AND recipient_id = ANY(${list}::int[]))
              OR (recipient_id = ${viewerId} AND sender_id = ANY(${list}::int[])))
            AND status IN ('expired', 'accepted', 'pending', 'ignored', 'dont_know')
          GROUP BY 1)
      SELECT p.member_id AS id, p.name, m.status, p.visibility, p.location, p.industry,
          lower(btrim(p.location)) = me.loc AS "samePlace",
          lower(btrim(p.industry)) = me.ind AS "sameIndustry",
          cur.orgs AS "currentOrgs",
          floor(extract(epoch FROM d.dismissed_at) * 1000)::float8 AS "dismissedMs",
          h.ignored, h.accepted
        FROM profiles p
        JOIN members m ON m.id = p.member_id
        LEFT JOIN me ON true
        LEFT JOIN cur ON cur.member_id = p.member_id
        LEFT JOIN suggestion_dismissals d ON d.member_id = ${viewerId} AND d.other_id = p.member_id
        LEFT JOIN hist h ON h.id = p.member_id
        WHERE p.member_id = ANY(${all}::int[])`,
  );
  const wanted = new Set(subjects);
  const facts = new Map<number, CandidateRow>();
  const names: Names = new Map();
  let viewer: ViewerRow | null = null;
  for (const r of found) {
    names.set(r.id, { name: r.name, active: r.status === 'active' });
    const currentOrgs = (r.currentOrgs ?? []).map(Number);
    if (withViewer && r.id === viewerId) viewer = { place: r.location.trim(), industry: r.industry.trim(), currentOrgs };
    if (!wanted.has(r.id) || r.id === viewerId) continue;
    facts.set(r.id, {
      id: r.id,
      active: r.status === 'active',
      networkOnly: r.visibility === 'network',
      samePlace: r.samePlace === true,
      sameIndustry: r.sameIndustry === true,
      currentOrgs,
      dismissedAtMs: r.dismissedMs === null ? null : Number(r.dismissedMs),
      ignored: r.ignored === true,
      wasConnected: r.accepted === true,
    });
  }
  if (withViewer && !viewer) viewer = { place: '', industry: '', currentOrgs: [] };
  return { facts, names, viewer };
}

/** Names of members to cite as mutual connections, with whether they may be cited (active). */
export async function loadNames(db: DbOrTx, ids: readonly number[]): Promise<Names> {
  const out: Names = new Map();
  if (ids.length === 0) return out;
  const found = await rows<{ id: number; name: string; status: string }>(
    db,
    sql`SELECT p.member_id AS id, p.name, m.status FROM profiles p JOIN members m ON m.id = p.member_id
      WHERE p.member_id = ANY(${intArray(ids)}::int[])`,
  );
  for (const r of found) out.set(r.id, { name: r.name, active: r.status === 'active' });
  return out;
}
