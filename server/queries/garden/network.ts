/**
 * A member's connections as the garden counts them: one row per counted connection with each dimension's
 * value (queries/garden/dimensions.ts) and how they spelled it, in one statement.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/connection.ts';
import type { KnownConnections } from '../../garden/ego-structure.ts';
import { countedConnectionOfOne, DIMENSION_SQL, valueKey } from './dimensions.ts';

export interface GardenRow {
  industry: string | null;
  function: string | null;
  careerStage: string | null;
  location: string | null;
  ageBand: string | null;
  /** The current organisation's slug and name (null: no current position). */
  orgSlug: string | null;
  orgName: string | null;
  /** As the member wrote them, to show the most common spelling of a grouped value. */
  industryText: string;
  functionText: string;
  locationText: string;
}

export async function loadGardenRows(db: DbOrTx, memberId: number): Promise<{ rows: GardenRow[]; connectionIds: number[] }> {
  // Each text once, as written (trimmed); its grouping key is made here (valueKey), not sent a second time.
  const found = await rows<Omit<GardenRow, 'industry' | 'function' | 'location'> & { id: number }>(
    db,
    sql`SELECT c.other_id AS id, ${DIMENSION_SQL.careerStage} AS "careerStage", ${DIMENSION_SQL.ageBand} AS "ageBand",
               cur.slug AS "orgSlug", cur.name AS "orgName",
               btrim(p.industry) AS "industryText", btrim(p.function) AS "functionText", btrim(p.location) AS "locationText"
          FROM connections c
          JOIN profiles p ON p.member_id = c.other_id
          -- The current organisation (CURRENT_ORGANISATION's position) as a lateral lookup: joined on the
          -- subquery's value instead, it was planned as a hash over every organisation, evaluated twice a row.
          LEFT JOIN LATERAL (SELECT o.slug, o.name FROM experiences e JOIN organisations o ON o.id = e.organisation_id
                              WHERE e.member_id = p.member_id AND e.end_date IS NULL ORDER BY e.position LIMIT 1) cur ON true
         WHERE ${countedConnectionOfOne(memberId)}`,
  );
  const gardenRows = found.map((r): GardenRow => ({
    ...r,
    industry: valueKey(r.industryText),
    function: valueKey(r.functionText),
    location: valueKey(r.locationText),
  }));
  return { rows: gardenRows, connectionIds: found.map((r) => Number(r.id)) };
}

/** What the garden's rows tell the ego structure (garden/ego-structure.ts), so it does not read them again. */
export function knownConnections(loaded: { rows: readonly GardenRow[]; connectionIds: readonly number[] }): KnownConnections {
  return {
    counted: new Set(loaded.connectionIds),
    facts: new Map(loaded.rows.map((r, i) => [loaded.connectionIds[i]!, { industry: r.industryText, organisation: r.orgName }])),
  };
}
