import { z } from 'zod';
import { CAREER_STAGES, LIMITS, PROFILE_VISIBILITIES } from '../limits.ts';
import { personAbilities } from './abilities.ts';
import { locale } from './locale.ts';
import { fieldIssue, httpUrl, line, reasonView, requiredLine, text, year, yearMonth } from './primitives.ts';
import { relationshipState } from './network.ts';
import { personCard } from './search.ts';
import { shownRecommendationView, skillEndorsementView } from './endorsements.ts';

export const careerStage = z.enum(CAREER_STAGES);
export const profileVisibility = z.enum(PROFILE_VISIBILITIES);

export const link = z.strictObject({ label: requiredLine(LIMITS.linkLabelMax), url: httpUrl });

export const experienceInput = z
  .strictObject({
    /** The position's id when it is one the profile already has (recommendations hang from it). */
    id: z.number().int().positive().optional(),
    organisation: requiredLine(LIMITS.organisationNameMax),
    title: requiredLine(LIMITS.titleMax),
    startDate: yearMonth,
    endDate: yearMonth.nullable().default(null),
    description: text(LIMITS.descriptionMax).default(''),
  })
  .refine((e) => e.endDate === null || e.endDate >= e.startDate, { ...fieldIssue('end_before_start'), path: ['endDate'] });
export type ExperienceInput = z.infer<typeof experienceInput>;

export const educationInput = z
  .strictObject({
    school: requiredLine(LIMITS.organisationNameMax),
    degree: line(LIMITS.degreeMax).default(''),
    startYear: year.nullable().default(null),
    endYear: year.nullable().default(null),
  })
  .refine((e) => e.startYear === null || e.endYear === null || e.endYear >= e.startYear, { ...fieldIssue('end_year_before_start'), path: ['endYear'] });
export type EducationInput = z.infer<typeof educationInput>;

/** PATCH semantics: every field optional; lists replace the whole list. */
export const profilePatch = z.strictObject({
  name: requiredLine(LIMITS.nameMax).optional(),
  headline: line(LIMITS.headlineMax).optional(),
  about: text(LIMITS.aboutMax).optional(),
  location: line(LIMITS.locationMax).optional(),
  industry: line(LIMITS.industryMax).optional(),
  function: line(LIMITS.industryMax).optional(),
  careerStage: careerStage.nullable().optional(),
  birthYear: z.number().int().min(1900).max(new Date().getUTCFullYear() - 13).nullable().optional(),
  /** Whether the age band from the birth year may count in the garden's age mix (own and community baseline); off until the member turns it on. */
  ageBandShared: z.boolean().optional(),
  visibility: profileVisibility.optional(),
  whoCanFollow: z.enum(['everyone', 'connections']).optional(),
  connectionsVisibility: z.enum(['connections', 'only_me']).optional(),
  links: z.array(link).max(LIMITS.linksMax).optional(),
  offers: z.array(requiredLine(LIMITS.offerAskMax)).max(LIMITS.offersAsksMax).optional(),
  asks: z.array(requiredLine(LIMITS.offerAskMax)).max(LIMITS.offersAsksMax).optional(),
  skills: z.array(requiredLine(LIMITS.skillMax)).max(LIMITS.skillsMax).optional(),
  experience: z.array(experienceInput).max(LIMITS.experienceMax).optional(),
  education: z.array(educationInput).max(LIMITS.educationMax).optional(),
  /** The member's language; null: not chosen (their browser's, else the community's default, applies). */
  locale: locale.nullable().optional(),
});
export type ProfilePatch = z.infer<typeof profilePatch>;

export const organisationRef = z.object({ id: z.number(), name: z.string(), slug: z.string() });

export const experienceView = z.object({
  /** The position's id: recommendations are written for a position. */
  id: z.number(),
  /** The organisation entity (its page is /organisations/:slug); it groups every spelling with the same key. */
  organisation: organisationRef,
  /** The organisation as the member wrote it, which is what their profile shows. */
  organisationName: z.string(),
  title: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  description: z.string(),
});
export const educationView = z.object({
  school: organisationRef,
  /** The school as the member wrote it. */
  schoolName: z.string(),
  degree: z.string(),
  startYear: z.number().nullable(),
  endYear: z.number().nullable(),
});

export const profileStrength = z.object({
  score: z.number(),
  level: z.enum(['Beginner', 'Intermediate', 'Advanced', 'All-Star']),
  /**
   * The most useful next step: a tip (`strength.*` code, params, English `text`) and `field`, the part
   * of the profile it concerns (where the editor opens). Null once the profile is complete.
   */
  next: reasonView.extend({ field: z.string() }).nullable(),
});
export type ProfileStrength = z.infer<typeof profileStrength>;

/** What a viewer sees of a member. Fields beyond name and headline are absent when limited. */
export const memberProfileView = z.object({
  id: z.number(),
  handle: z.string(),
  name: z.string(),
  headline: z.string(),
  photoUrl: z.string().nullable(),
  limited: z.boolean(),
  degree: z.number().nullable(),
  mutualCount: z.number().nullable(),
  connection: z.enum(['self', 'connected', 'pending_sent', 'pending_received', 'none']),
  /** The viewer's relationship in full (follow, pending invitation, block); absent on the viewer's own profile. */
  relationship: relationshipState.optional(),
  /** The first few mutual connections, for "Ana, Li and 10 others". */
  mutuals: z.array(personCard).optional(),
  /** What the viewer may do with this member (absent on the viewer's own profile); clients render from it. */
  abilities: personAbilities.optional(),
  /** Whether the viewer may list this member's connections. */
  connectionsVisible: z.boolean().optional(),
  about: z.string().optional(),
  location: z.string().optional(),
  industry: z.string().optional(),
  function: z.string().optional(),
  careerStage: careerStage.nullable().optional(),
  links: z.array(z.object({ label: z.string(), url: z.string() })).optional(),
  offers: z.array(z.string()).optional(),
  asks: z.array(z.string()).optional(),
  skills: z.array(z.string()).optional(),
  /** Each skill (in the order of `skills`) with its endorsement count and first endorsers, as the viewer may see them. */
  skillEndorsements: z.array(skillEndorsementView).optional(),
  /** Whether the viewer may endorse this member's skills and ask them for, or write them, a recommendation (a 1st-degree connection). */
  canEndorse: z.boolean().optional(),
  canRecommend: z.boolean().optional(),
  experience: z.array(experienceView).optional(),
  /** The recommendations the member approved and shows, newest first; each names its position (`positionId`). */
  recommendations: z.array(shownRecommendationView).optional(),
  education: z.array(educationView).optional(),
  memberSince: z.string(),
});
export type MemberProfileView = z.infer<typeof memberProfileView>;

export const meView = z.object({
  id: z.number(),
  handle: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  role: z.enum(['member', 'admin']),
  csrfToken: z.string().nullable(),
  abilities: z.object({ admin: z.boolean(), editProfile: z.boolean() }),
  profile: memberProfileView,
  birthYear: z.number().nullable(),
  /** Whether the member lets their age band (never the year) count in gardens' age mix. */
  ageBandShared: z.boolean(),
  visibility: profileVisibility,
  whoCanFollow: z.enum(['everyone', 'connections']),
  connectionsVisibility: z.enum(['connections', 'only_me']),
  /** The member's chosen language; null: not chosen. */
  locale: locale.nullable(),
  strength: profileStrength,
});
export type MeView = z.infer<typeof meView>;
