/**
 * The current organisation of each of the viewer's connections (the first by id; null for none), for
 * "widen my garden" (widen.ts): the share each organisation has in the viewer's own network. Connections are
 * first degree, so every one of their profiles is visible to the viewer; the list is used only to rank.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/connection.ts';

export async function networkOrganisations(db: DbOrTx, viewerId: number): Promise<(string | null)[]> {
  const found = await rows<{ org: number | null }>(
    db,
    sql`SELECT (SELECT min(e.organisation_id) FROM experiences e WHERE e.member_id = c.other_id AND (e.end_date IS NULL OR e.end_date > current_date)) AS org
          FROM connections c WHERE c.member_id = ${viewerId}`,
  );
  return found.map((r) => (r.org === null ? null : String(r.org)));
}
