import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { educations, experiences, members, memberSkills, organisations, profiles, skills } from '../db/schema.ts';

export interface OrganisationRef {
  id: number;
  name: string;
  slug: string;
}

/** Everything about a member that any view of their profile may need; shaped by views/, filtered by policies/. */
export interface ProfileData {
  id: number;
  handle: string;
  email: string;
  role: 'member' | 'admin';
  status: 'active' | 'suspended' | 'deleted';
  emailVerified: boolean;
  /** The member's chosen language; null: not chosen. */
  locale: 'en' | 'it' | null;
  createdAt: Date;
  name: string;
  headline: string;
  about: string;
  location: string;
  industry: string;
  function: string;
  careerStage: 'student' | 'early' | 'mid' | 'senior' | 'executive' | 'retired' | null;
  birthYear: number | null;
  /** Whether the age band may count in gardens (absent where a loader does not read it). */
  ageBandShared?: boolean;
  visibility: 'signed_in' | 'network';
  whoCanFollow: 'everyone' | 'connections';
  connectionsVisibility: 'connections' | 'only_me';
  links: { label: string; url: string }[];
  offers: string[];
  asks: string[];
  photoEtag: string | null;
  skills: string[];
  experience: {
    id: number;
    organisation: OrganisationRef;
    /** As the member typed it; `organisation` is the entity it belongs to. */
    organisationName: string;
    title: string;
    startDate: string;
    endDate: string | null;
    description: string;
  }[];
  education: { school: OrganisationRef; schoolName: string; degree: string; startYear: number | null; endYear: number | null }[];
  /**
   * Per skill (in the order of `skills`), its endorsers' ids, newest first, active members only. Read by the
   * profile's one statement (hydration/profile.ts); absent where a loader does not read it.
   */
  skillEndorsers?: number[][];
  /** The recommendations the member approved and shows, newest first (absent where a loader does not read them). */
  recommendations?: ShownRecommendation[];
}

/** A recommendation as a profile shows it, under its position. */
export interface ShownRecommendation {
  id: number;
  positionId: number;
  authorId: number;
  text: string;
  createdAt: string;
}

/** Loads full profiles for many members in four queries, returned in the order of ids (missing ids skipped). */
export async function loadProfiles(db: DbOrTx, ids: number[]): Promise<ProfileData[]> {
  if (ids.length === 0) return [];
  const base = await db
    .select()
    .from(members)
    .innerJoin(profiles, eq(profiles.memberId, members.id))
    .where(inArray(members.id, ids));
  // Sequential on purpose: inside a transaction both drivers hold one connection, and pg deprecates overlapping queries.
  const exp = await db
      .select({ e: experiences, o: { id: organisations.id, name: organisations.name, slug: organisations.slug } })
      .from(experiences)
      .innerJoin(organisations, eq(organisations.id, experiences.organisationId))
      .where(inArray(experiences.memberId, ids))
      .orderBy(asc(experiences.memberId), asc(experiences.position));
  const edu = await db
      .select({ e: educations, o: { id: organisations.id, name: organisations.name, slug: organisations.slug } })
      .from(educations)
      .innerJoin(organisations, eq(organisations.id, educations.organisationId))
      .where(inArray(educations.memberId, ids))
      .orderBy(asc(educations.memberId), asc(educations.position));
  const sk = await db
      .select({ memberId: memberSkills.memberId, name: skills.name })
      .from(memberSkills)
      .innerJoin(skills, eq(skills.id, memberSkills.skillId))
      .where(inArray(memberSkills.memberId, ids))
      .orderBy(asc(memberSkills.memberId), asc(memberSkills.position));
  const byId = new Map<number, ProfileData>();
  for (const { members: m, profiles: p } of base) {
    byId.set(m.id, {
      id: m.id,
      handle: m.handle,
      email: m.email,
      role: m.role,
      status: m.status,
      emailVerified: m.emailVerifiedAt !== null,
      locale: m.locale,
      createdAt: m.createdAt,
      name: p.name,
      headline: p.headline,
      about: p.about,
      location: p.location,
      industry: p.industry,
      function: p.function,
      careerStage: p.careerStage,
      birthYear: p.birthYear,
      ageBandShared: p.ageBandShared,
      visibility: p.visibility,
      whoCanFollow: p.whoCanFollow,
      connectionsVisibility: p.connectionsVisibility,
      links: p.links,
      offers: p.offers,
      asks: p.asks,
      photoEtag: p.photoEtag,
      skills: [],
      experience: [],
      education: [],
    });
  }
  for (const { e, o } of exp) {
    byId.get(e.memberId)?.experience.push({
      id: e.id,
      organisation: o,
      organisationName: e.organisationName,
      title: e.title,
      startDate: e.startDate.slice(0, 7),
      endDate: e.endDate ? e.endDate.slice(0, 7) : null,
      description: e.description,
    });
  }
  for (const { e, o } of edu) {
    byId.get(e.memberId)?.education.push({ school: o, schoolName: e.organisationName, degree: e.degree, startYear: e.startYear, endYear: e.endYear });
  }
  for (const s of sk) byId.get(s.memberId)?.skills.push(s.name);
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function findMemberIdByHandle(db: DbOrTx, handle: string): Promise<number | null> {
  const [row] = await db.select({ id: members.id }).from(members).where(eq(members.handle, handle)).limit(1);
  return row?.id ?? null;
}
