import { type SQL, sql } from 'drizzle-orm';
import type { OrganisationMember } from '../../common/schemas/organisations.ts';
import { organisationKey } from '../../common/text.ts';
import { type DbOrTx, rows } from '../db/connection.ts';
import { intArray } from '../graph/sql.ts';
import { allow } from '../policies/index.ts';
import type { Listed } from '../hydration/listed-people.ts';
import { type KeysetPage, keysetPage, lookahead } from '../http/cursor.ts';
import type { Lens } from './network/people.ts';

/**
 * Who lists an organisation, and which of them a viewer may see.
 *
 * Listing an employer is part of a profile, so it follows the profile's privacy: a member whose profile is
 * network-only is counted and listed only for viewers the policy lets see their full profile (within three
 * degrees), and members blocked either way are never shown or counted. Every number on an organisation
 * (its member counts, the counts in autocomplete) is therefore the number of people the viewer could list.
 */

/** Positions and schools at the given organisations, one row per listing; current means no end yet. */
const listingsAt = (orgIds: readonly number[]) => sql`(
  SELECT member_id, organisation_id, title AS role, to_char(start_date, 'YYYY-MM') AS start_date,
         to_char(end_date, 'YYYY-MM') AS end_date, end_date IS NULL AS current
    FROM experiences WHERE organisation_id = ANY(${intArray(orgIds)}::int[])
  UNION ALL
  SELECT member_id, organisation_id, coalesce(nullif(degree, ''), 'Student'), start_year::text, end_year::text,
         end_year IS NULL
    FROM educations WHERE organisation_id = ANY(${intArray(orgIds)}::int[])
)`;

/**
 * Members with a network-only profile who list one of these organisations and whose profile the viewer may
 * see in full, decided by the policy layer from the viewer's degree to each (one batched graph call).
 */
async function visibleNetworkOnly(lens: Lens, orgIds: readonly number[]): Promise<number[]> {
  const candidates = await rows<{ id: number }>(
    lens.db,
    sql`SELECT DISTINCT r.member_id AS id
          FROM ${listingsAt(orgIds)} r
          JOIN members m ON m.id = r.member_id AND m.status = 'active'
          JOIN profiles p ON p.member_id = m.id AND p.visibility = 'network'`,
  );
  const ids = candidates.map((c) => c.id).filter((id) => !lens.avoid.has(id));
  if (ids.length === 0) return [];
  const degrees = await lens.graph.degrees(lens.actor.id, ids, { avoid: lens.avoid });
  return ids.filter((id, i) =>
    allow(lens.actor, 'profile.viewFull', { kind: 'profile', memberId: id, visibility: 'network', degree: degrees[i] ?? null }),
  );
}

/** The SQL condition "the viewer may see this member's listing" for alias m (members) and p (profiles). */
async function visibleListingFilter(lens: Lens, orgIds: readonly number[]): Promise<SQL> {
  const network = await visibleNetworkOnly(lens, orgIds);
  return sql`m.status = 'active'
    AND NOT (m.id = ANY(${intArray(lens.avoid)}::int[]))
    AND (p.visibility = 'signed_in' OR m.id = ${lens.actor.id} OR m.id = ANY(${intArray(network)}::int[]))`;
}

/** Current and past members of one organisation that the viewer may see (a member can be both). */
export async function organisationCounts(lens: Lens, organisationId: number): Promise<{ current: number; past: number }> {
  const visible = await visibleListingFilter(lens, [organisationId]);
  const [counts] = await rows<{ current: number; past: number }>(
    lens.db,
    sql`SELECT count(DISTINCT m.id) FILTER (WHERE r.current)::int AS current,
               count(DISTINCT m.id) FILTER (WHERE NOT r.current)::int AS past
          FROM ${listingsAt([organisationId])} r
          JOIN members m ON m.id = r.member_id
          JOIN profiles p ON p.member_id = m.id
         WHERE ${visible}`,
  );
  return counts ?? { current: 0, past: 0 };
}

/**
 * Organisations whose name matches what is being typed, prefix matches first, then by trigram similarity.
 * Only organisations someone the viewer may see still lists are offered, each with that many members:
 * an organisation nobody lists any more, or that only hidden profiles list, is not suggested.
 */
export async function suggestOrganisations(lens: Lens, q: string, limit: number) {
  const key = organisationKey(q);
  if (!key) return [];
  const prefix = key.replace(/[%_\\]/g, (c) => `\\${c}`) + '%';
  // Twice the limit: some candidates may turn out to have no listing this viewer can see.
  const candidates = await rows<{ id: number; name: string; slug: string }>(
    lens.db,
    sql`SELECT o.id, o.name, o.slug
          FROM organisations o
         WHERE o.merged_into IS NULL
           AND (o.name_key LIKE ${prefix} OR o.name_key % ${key})
           AND (EXISTS (SELECT 1 FROM experiences e JOIN members m ON m.id = e.member_id AND m.status = 'active' WHERE e.organisation_id = o.id)
             OR EXISTS (SELECT 1 FROM educations e JOIN members m ON m.id = e.member_id AND m.status = 'active' WHERE e.organisation_id = o.id))
         ORDER BY (o.name_key LIKE ${prefix}) DESC, similarity(o.name_key, ${key}) DESC, o.id
         LIMIT ${limit * 2}`,
  );
  if (candidates.length === 0) return [];
  const ids = candidates.map((c) => c.id);
  const visible = await visibleListingFilter(lens, ids);
  const counted = await rows<{ id: number; members: number }>(
    lens.db,
    sql`SELECT r.organisation_id AS id, count(DISTINCT m.id)::int AS members
          FROM ${listingsAt(ids)} r
          JOIN members m ON m.id = r.member_id
          JOIN profiles p ON p.member_id = m.id
         WHERE ${visible}
         GROUP BY r.organisation_id`,
  );
  const count = new Map(counted.map((c) => [c.id, c.members]));
  return candidates
    .filter((c) => (count.get(c.id) ?? 0) > 0)
    .slice(0, limit)
    .map((c) => ({ ...c, memberCount: count.get(c.id)! }));
}

/**
 * Who is (or was) at an organisation, as the viewer may see them: the page's member ids with the role each
 * listed there, keyset-paginated by member id. The route hydrates them like every list of people.
 */
export async function organisationMembers(
  lens: Lens,
  organisationId: number,
  when: 'current' | 'past',
  afterId: number | null,
  limit: number,
): Promise<KeysetPage<Listed<Pick<OrganisationMember, 'role' | 'startDate' | 'endDate'>>>> {
  const visible = await visibleListingFilter(lens, [organisationId]);
  const found = await rows<{ id: number; role: string; startDate: string | null; endDate: string | null }>(
    lens.db,
    sql`SELECT DISTINCT ON (m.id) m.id, r.role, r.start_date AS "startDate", r.end_date AS "endDate"
        FROM ${listingsAt([organisationId])} r
        JOIN members m ON m.id = r.member_id
        JOIN profiles p ON p.member_id = m.id
        WHERE ${when === 'current' ? sql`r.current` : sql`NOT r.current`}
          AND ${visible}
          ${afterId !== null ? sql`AND m.id > ${afterId}` : sql``}
        ORDER BY m.id, r.start_date DESC NULLS LAST
        LIMIT ${lookahead(limit)}`,
  );
  const page = keysetPage(found, limit, (last) => ({ i: last.id }));
  return { rows: page.rows.map(({ id, ...extra }) => ({ id, extra })), nextCursor: page.nextCursor };
}

/** An organisation by its slug; a merged one answers with the organisation it was merged into. */
export async function findOrganisationBySlug(db: DbOrTx, slug: string): Promise<{ id: number; name: string; slug: string } | null> {
  const [org] = await rows<{ id: number; name: string; slug: string }>(
    db,
    sql`SELECT t.id, t.name, t.slug
          FROM organisations o JOIN organisations t ON t.id = coalesce(o.merged_into, o.id)
         WHERE o.slug = ${slug}`,
  );
  return org ?? null;
}
