/**
 * The profiles an invitation's evidence compares (the recipient's and each sender's), with the senders'
 * facts, in one statement:
 * skills, experience and education come as arrays aggregated per member instead of the three further
 * statements of loadProfiles (server/queries/profiles.ts), since a page of received invitations loads
 * them on every view. Same ProfileData, so the evidence rules (server/screening/evidence.ts) do not change.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/connection.ts';
import { intArray } from '../../graph/sql.ts';
import { type SenderCounts, type SenderFacts, senderFactsFrom } from '../../screening/sender-facts.ts';
import type { ProfileData } from '../profiles.ts';
import { SENDER_COUNTS, SENDER_HISTORY } from './sender-facts.ts';

type ProfileRow = Omit<ProfileData, 'createdAt'> & SenderCounts & { connections: number | null };

export interface EvidenceProfiles {
  /** By member id; members without a profile are missing. */
  profiles: Map<number, ProfileData>;
  /** Each member's facts as a sender (senders' only are used). */
  senderFacts: Map<number, SenderFacts>;
  /** How many connections the recipient has (the evidence weighs a sparse network differently). */
  recipientConnections: number;
}

/**
 * The recipient's and the senders' profiles, the senders' facts (sender-facts.ts) and the recipient's
 * connection count (none asked: 0): one statement.
 */
export async function loadEvidenceProfiles(db: DbOrTx, recipientId: number | null, senderIds: readonly number[]): Promise<EvidenceProfiles> {
  const ids = [...new Set(recipientId === null ? senderIds : [recipientId, ...senderIds])];
  if (ids.length === 0) return { profiles: new Map(), senderFacts: new Map(), recipientConnections: 0 };
  const found = await rows<ProfileRow>(
    db,
    sql`SELECT m.id, m.handle, m.email, m.role, m.status, m.email_verified_at IS NOT NULL AS "emailVerified", ${SENDER_COUNTS},
               p.name, p.headline, p.about, p.location, p.industry, p.function, p.career_stage AS "careerStage", p.birth_year AS "birthYear",
               p.visibility, p.who_can_follow AS "whoCanFollow", p.connections_visibility AS "connectionsVisibility",
               p.links, p.offers, p.asks, p.photo_etag AS "photoEtag",
               ARRAY(SELECT s.name FROM member_skills ms JOIN skills s ON s.id = ms.skill_id
                      WHERE ms.member_id = m.id ORDER BY ms.position) AS skills,
               COALESCE((SELECT json_agg(json_build_object(
                                  'organisation', json_build_object('id', o.id, 'name', o.name, 'slug', o.slug),
                                  'organisationName', e.organisation_name, 'title', e.title,
                                  'startDate', to_char(e.start_date, 'YYYY-MM'), 'endDate', to_char(e.end_date, 'YYYY-MM'),
                                  'description', e.description) ORDER BY e.position)
                           FROM experiences e JOIN organisations o ON o.id = e.organisation_id WHERE e.member_id = m.id), '[]') AS experience,
               COALESCE((SELECT json_agg(json_build_object(
                                  'school', json_build_object('id', o.id, 'name', o.name, 'slug', o.slug),
                                  'schoolName', e.organisation_name, 'degree', e.degree, 'startYear', e.start_year, 'endYear', e.end_year)
                                  ORDER BY e.position)
                           FROM educations e JOIN organisations o ON o.id = e.organisation_id WHERE e.member_id = m.id), '[]') AS education,
               CASE WHEN m.id = ${recipientId ?? 0} THEN (SELECT count(*)::int FROM connections c WHERE c.member_id = m.id) END AS connections
          FROM members m JOIN profiles p ON p.member_id = m.id, ${SENDER_HISTORY}
         WHERE m.id = ANY(${intArray(ids)}::int[])`,
  );
  const profiles = new Map<number, ProfileData>();
  const senderFacts = new Map<number, SenderFacts>();
  const now = Date.now();
  let recipientConnections = 0;
  for (const row of found) {
    const { connections, sent, accepted, ignored, dontKnow, lastDay, reports, spamReports, restrictions, flagged, approaches, ...r } = row;
    profiles.set(r.id, { ...r, createdAt: new Date(r.createdAt) });
    senderFacts.set(r.id, senderFactsFrom({ createdAt: r.createdAt, sent, accepted, ignored, dontKnow, lastDay, reports, spamReports, restrictions, flagged, approaches }, now));
    if (r.id === recipientId) recipientConnections = connections ?? 0;
  }
  return { profiles, senderFacts, recipientConnections };
}
