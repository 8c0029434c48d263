/**
 * A member's connections as the garden counts them: one row per counted connection with each dimension's
 * value (queries/garden/dimensions.ts) and how they spelled it, in one statement.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/connection.ts';
import { countedConnection, CURRENT_ORGANISATION, DIMENSION_SQL } from './dimensions.ts';

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
  const found = await rows<GardenRow & { id: number }>(
    db,
    sql`SELECT c.other_id AS id,
               ${DIMENSION_SQL.industry} AS industry, ${DIMENSION_SQL.function} AS function,
               ${DIMENSION_SQL.careerStage} AS "careerStage", ${DIMENSION_SQL.location} AS location,
               ${DIMENSION_SQL.ageBand} AS "ageBand",
               o.slug AS "orgSlug", o.name AS "orgName",
               btrim(p.industry) AS "industryText", btrim(p.function) AS "functionText", btrim(p.location) AS "locationText"
          FROM connections c
          JOIN members m ON m.id = c.other_id
          JOIN profiles p ON p.member_id = c.other_id
          LEFT JOIN organisations o ON o.id = ${CURRENT_ORGANISATION}
         WHERE ${countedConnection(sql`${memberId}`)}`,
  );
  return { rows: found, connectionIds: found.map((r) => Number(r.id)) };
}
