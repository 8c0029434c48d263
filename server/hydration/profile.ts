import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../db/connection.ts';
import type { ProfileData, ShownRecommendation } from '../queries/profiles.ts';
import { openInvitationWith } from '../viewer/standing.ts';
import { type ProfileFound, type ProfileWant, profileWantKey } from '../viewer/read-caches.ts';
import type { LoadedViewer } from '../viewer/viewer.ts';
import { type Relation, type RelationColumns, relationColumns, relationOf } from './relations.ts';

type ProfileRow = Omit<ProfileData, 'createdAt' | 'experience' | 'education' | 'skillEndorsers' | 'recommendations'> & {
  skillEndorsers: number[][] | null;
  recommendations: ShownRecommendation[] | null;
  createdAt: Date | string;
  experience: (Omit<ProfileData['experience'][number], 'endDate'> & { endDate: string | null })[] | null;
  education: ProfileData['education'] | null;
  skills: string[] | null;
  /** The invitation that connected the viewer and this member, when they are connected and it is known. */
  originInvitationId: string | number | null;
  viewerId: number | null;
};

/** A member's profile record, and (when it was read just now) the invitation that connected them to the viewer. */
export interface FoundProfile {
  profile: ProfileData;
  /** Undefined when the record came from the cache: relationWith reads it if the two are connected. */
  originInvitationId?: number | null;
}

/**
 * A member's whole profile by handle: members and profiles, positions, education and skills aggregated as
 * JSON, in ONE statement, or none when the read caches hold it (the record is the same for every viewer;
 * an edit, a suspension, a role change or an organisation merge evicts it). Null when no member has the
 * handle. The statement also reads the one per-pair fact the graph index does not know, the invitation
 * that connected viewer and member, so a cold profile stays within three statements. Read from a replica,
 * a cached record is still used but a missing one is read from the replica and not cached.
 */
export async function hydrateProfile(viewer: LoadedViewer, handle: string): Promise<FoundProfile | null> {
  const { caches } = viewer;
  const cached = caches?.profiles.peek(handle);
  if (cached) return { profile: cached };
  const want = { handle, viewerId: viewer.actor.id };
  if (!caches || viewer.fromReplica) return (await loadProfiles(viewer.db, [want])).get(profileWantKey(want)) ?? null;
  const stamps = { profile: caches.profiles.stamp(), origin: caches.origins.stamp() };
  const r = await caches.batches.profiles.load(want);
  if (!r) return null;
  const { profile, originInvitationId } = r;
  caches.noteHandle(profile.id, profile.handle);
  caches.profiles.put(handle, profile, stamps.profile);
  caches.origins.put(caches.originKey(viewer.actor.id, profile.id), originInvitationId, stamps.origin);
  return { profile, originInvitationId };
}

/**
 * Profiles by handle, each with the invitation that connected it to the viewer who asked, in one
 * statement: the misses of the requests of one moment together, and the read caches' refreshes.
 */
export async function loadProfiles(db: DbOrTx, wants: readonly ProfileWant[]): Promise<Map<string, ProfileFound>> {
  // Array literals, as the ids elsewhere (graph/sql.ts intArray): the same text on both engines.
  const handles = `{${wants.map((w) => `"${w.handle.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  const viewers = `{${wants.map((w) => (w.viewerId === null ? 'NULL' : String(Math.trunc(w.viewerId)))).join(',')}}`;
  const found = await readProfiles(db, sql`JOIN unnest(${handles}::text[], ${viewers}::int[]) AS want(handle, viewer_id) ON want.handle = m.handle`);
  return new Map(found.map((f) => [profileWantKey({ handle: f.profile.handle, viewerId: f.viewerId }), f]));
}

/** `want` joins the members asked for, with the viewer each was asked by (want.viewer_id, possibly null). */
async function readProfiles(db: DbOrTx, want: SQL): Promise<(ProfileFound & { viewerId: number | null })[]> {
  const found = await rows<ProfileRow>(
    db,
    sql`SELECT m.id, m.handle, m.email, m.role, m.status, m.email_verified_at IS NOT NULL AS "emailVerified", m.created_at AS "createdAt",
               p.name, p.headline, p.about, p.location, p.industry, p.function, p.career_stage AS "careerStage", p.birth_year AS "birthYear",
               p.visibility, p.who_can_follow AS "whoCanFollow", p.connections_visibility AS "connectionsVisibility",
               p.links, p.offers, p.asks, p.photo_etag AS "photoEtag",
               (SELECT json_agg(json_build_object(
                         'id', e.id,
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
               -- Endorsements and shown recommendations ride in the same statement (the profile's budget is three).
               (SELECT json_agg((SELECT coalesce(json_agg(en.endorser_id ORDER BY en.created_at DESC, en.endorser_id), '[]'::json)
                                   FROM endorsements en JOIN members em ON em.id = en.endorser_id AND em.status = 'active'
                                  WHERE en.member_id = m.id AND en.skill_id = ms.skill_id) ORDER BY ms.position)
                  FROM member_skills ms WHERE ms.member_id = m.id) AS "skillEndorsers",
               (SELECT json_agg(json_build_object('id', r.id, 'positionId', r.experience_id, 'authorId', r.author_id, 'text', r.text,
                                                  'createdAt', to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) ORDER BY r.id DESC)
                  FROM recommendations r JOIN members ra ON ra.id = r.author_id AND ra.status = 'active'
                 WHERE r.member_id = m.id AND r.status = 'visible') AS recommendations,
               (SELECT c.invitation_id FROM connections c WHERE c.member_id = want.viewer_id AND c.other_id = m.id) AS "originInvitationId",
               want.viewer_id AS "viewerId"
          FROM members m JOIN profiles p ON p.member_id = m.id ${want}`,
  );
  return found.map(({ originInvitationId, viewerId, ...r }) => ({
    viewerId,
    profile: {
      ...r,
      createdAt: new Date(r.createdAt),
      links: r.links ?? [],
      offers: r.offers ?? [],
      asks: r.asks ?? [],
      experience: r.experience ?? [],
      education: r.education ?? [],
      skills: r.skills ?? [],
      skillEndorsers: r.skillEndorsers ?? [],
      recommendations: r.recommendations ?? [],
    },
    originInvitationId: originInvitationId === null ? null : Number(originInvitationId),
  }));
}

/**
 * The viewer's standing with another member: connected and following from the graph index (kept in step
 * with the tables after every commit), the open invitation from the viewer's cached standing, and the
 * invitation that connected them from the profile's statement or the pair cache. A viewer with more open
 * invitations than the standing holds gets the relation in one statement, as cards do.
 */
export async function relationWith(viewer: LoadedViewer, found: FoundProfile, connected: boolean): Promise<Relation> {
  const { actor, standing, caches, db } = viewer;
  const otherId = found.profile.id;
  if (!standing.invitations) {
    const [r] = await rows<RelationColumns>(db, sql`SELECT ${relationColumns(actor.id, sql`${otherId}::int`)}`);
    return relationOf(actor.id, r!);
  }
  const [following = false] = await viewer.graph.following(actor.id, [otherId]);
  if (connected) {
    const origin = found.originInvitationId !== undefined ? found.originInvitationId : await originOf(viewer, otherId);
    return { connection: 'connected', invitationId: null, originInvitationId: origin, following };
  }
  const open = openInvitationWith(standing.invitations, otherId, Date.now());
  const connection = !open ? 'none' : open.senderId === actor.id ? 'pending_sent' : 'pending_received';
  return { connection, invitationId: open ? open.id : null, originInvitationId: null, following };

  async function originOf(v: LoadedViewer, other: number): Promise<number | null> {
    const read = async () => {
      const [c] = await rows<{ id: string | number | null }>(db, sql`SELECT invitation_id AS id FROM connections WHERE member_id = ${v.actor.id} AND other_id = ${other}`);
      return c?.id === null || c?.id === undefined ? null : Number(c.id);
    };
    if (!caches) return read();
    const key = caches.originKey(v.actor.id, other);
    if (!v.fromReplica) return caches.origins.get(key, read);
    const hit = caches.origins.peek(key);
    return hit !== undefined ? hit : read();
  }
}
