import { sql } from 'drizzle-orm';
import { rows } from '../db/connection.ts';
import type { ProfileData } from '../queries/profiles.ts';
import type { Lens } from '../viewer/viewer.ts';
import { type Relation, type RelationColumns, relationColumns, relationOf, SELF } from './relations.ts';

type ProfileRow = Omit<ProfileData, 'createdAt' | 'experience' | 'education'> & {
  createdAt: Date | string;
  experience: (Omit<ProfileData['experience'][number], 'endDate'> & { endDate: string | null })[] | null;
  education: ProfileData['education'] | null;
  skills: string[] | null;
} & RelationColumns;

/**
 * A member's whole profile and the viewer's relation to them, by handle, in ONE statement: members and
 * profiles, positions, education and skills aggregated as JSON, and the relation columns every card uses.
 * Null when no member has the handle.
 */
export async function hydrateProfile(viewer: Lens, handle: string): Promise<{ profile: ProfileData; relation: Relation } | null> {
  const [r] = await rows<ProfileRow>(
    viewer.db,
    sql`SELECT m.id, m.handle, m.email, m.role, m.status, m.email_verified_at IS NOT NULL AS "emailVerified", m.created_at AS "createdAt",
               p.name, p.headline, p.about, p.location, p.industry, p.function, p.career_stage AS "careerStage", p.birth_year AS "birthYear",
               p.visibility, p.who_can_follow AS "whoCanFollow", p.connections_visibility AS "connectionsVisibility",
               p.links, p.offers, p.asks, p.photo_etag AS "photoEtag",
               (SELECT json_agg(json_build_object(
                         'organisation', json_build_object('id', o.id, 'name', o.name, 'slug', o.slug),
                         'organisationName', e.organisation_name, 'title', e.title,
                         'startDate', to_char(e.start_date, 'YYYY-MM'), 'endDate', to_char(e.end_date, 'YYYY-MM'),
                         'description', e.description) ORDER BY e.position)
                  FROM experiences e JOIN organisations o ON o.id = e.organisation_id WHERE e.member_id = m.id) AS experience,
               (SELECT json_agg(json_build_object(
                         'school', json_build_object('id', o.id, 'name', o.name, 'slug', o.slug),
                         'schoolName', e.organisation_name, 'degree', e.degree, 'startYear', e.start_year, 'endYear', e.end_year) ORDER BY e.position)
                  FROM educations e JOIN organisations o ON o.id = e.organisation_id WHERE e.member_id = m.id) AS education,
               ARRAY(SELECT s.name FROM member_skills ms JOIN skills s ON s.id = ms.skill_id WHERE ms.member_id = m.id ORDER BY ms.position) AS skills,
               ${relationColumns(viewer.actor.id, sql`m.id`)}
          FROM members m JOIN profiles p ON p.member_id = m.id
         WHERE m.handle = ${handle}`,
  );
  if (!r) return null;
  const { connectionInvitationId, connected, following, openInvitation, ...rest } = r;
  const profile: ProfileData = {
    ...rest,
    createdAt: new Date(r.createdAt),
    links: r.links ?? [],
    offers: r.offers ?? [],
    asks: r.asks ?? [],
    experience: r.experience ?? [],
    education: r.education ?? [],
    skills: r.skills ?? [],
  };
  const relation = r.id === viewer.actor.id ? SELF : relationOf(viewer.actor.id, { connectionInvitationId, connected, following, openInvitation });
  return { profile, relation };
}
