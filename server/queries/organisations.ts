import { sql } from 'drizzle-orm';
import { matchKey } from '../../common/text.ts';
import { type DbOrTx, rows } from '../db/connection.ts';

/** Organisations whose name matches what is being typed: prefix matches first, then by trigram similarity. */
export async function suggestOrganisations(db: DbOrTx, q: string, limit: number) {
  const key = matchKey(q);
  if (!key) return [];
  return rows<{ id: number; name: string; slug: string; memberCount: number }>(
    db,
    sql`SELECT o.id, o.name, o.slug,
          (SELECT count(DISTINCT member_id)::int FROM (
             SELECT member_id FROM experiences WHERE organisation_id = o.id
             UNION ALL SELECT member_id FROM educations WHERE organisation_id = o.id) x) AS "memberCount"
        FROM organisations o
        WHERE o.name_key LIKE ${key.replace(/[%_\\]/g, '') + '%'} OR o.name_key % ${key}
        ORDER BY (o.name_key LIKE ${key.replace(/[%_\\]/g, '') + '%'}) DESC, similarity(o.name_key, ${key}) DESC, o.id
        LIMIT ${limit}`,
  );
}

/**
 * Who is (or was) at an organisation, as seen by this viewer: a member whose profile is limited to the
 * network does not reveal their employer to strangers. Keyset-paginated by member id.
 */
export async function organisationMembers(
  db: DbOrTx,
  viewer: { id: number; isAdmin: boolean },
  organisationId: number,
  when: 'current' | 'past',
  afterId: number | null,
  limit: number,
) {
  const current = sql`(r.end_date IS NULL)`;
  return rows<{
    id: number;
    handle: string;
    name: string;
    headline: string;
    location: string;
    photoEtag: string | null;
    role: string;
    startDate: string | null;
    endDate: string | null;
  }>(
    db,
    sql`SELECT DISTINCT ON (m.id) m.id, m.handle, p.name, p.headline, p.location, p.photo_etag AS "photoEtag",
          r.role, r.start_date AS "startDate", r.end_date AS "endDate"
        FROM (
          SELECT member_id, title AS role, to_char(start_date, 'YYYY-MM') AS start_date,
                 to_char(end_date, 'YYYY-MM') AS end_date
            FROM experiences WHERE organisation_id = ${organisationId}
          UNION ALL
          SELECT member_id, coalesce(nullif(degree, ''), 'Student') AS role, start_year::text, end_year::text
            FROM educations WHERE organisation_id = ${organisationId}
        ) r
        JOIN members m ON m.id = r.member_id AND m.status = 'active'
        JOIN profiles p ON p.member_id = m.id
        WHERE ${when === 'current' ? current : sql`NOT ${current}`}
          AND (p.visibility = 'signed_in' OR m.id = ${viewer.id} OR ${viewer.isAdmin})
          ${afterId !== null ? sql`AND m.id > ${afterId}` : sql``}
        ORDER BY m.id, r.start_date DESC NULLS LAST
        LIMIT ${limit + 1}`,
  );
}
