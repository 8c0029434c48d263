import { type Reason, reason } from '../../common/reasons.ts';
import type { PersonAbilities } from '../../common/schemas/abilities.ts';
import type { RelationshipState } from '../../common/schemas/network.ts';
import type { MemberProfileView, ProfileStrength } from '../../common/schemas/profile.ts';
import type { PersonCard } from '../../common/schemas/search.ts';
import type { Relation } from '../hydration/relations.ts';
import type { ProfileData } from '../queries/profiles.ts';
import type { ShownRecommendationView, SkillEndorsementView } from '../../common/schemas/endorsements.ts';

export const photoUrl = (p: { handle: string; photoEtag: string | null }) =>
  p.photoEtag ? `/api/v1/members/${p.handle}/photo?v=${p.photoEtag}` : null;

export interface ViewerRelation {
  limited: boolean;
  degree: number | null;
  mutualCount: number | null;
  self: boolean;
  /** Endorsements and recommendations as the viewer may see them (hydration/profile-endorsements.ts); none when absent. */
  people?: ProfileViewPeople;
  canEndorse?: boolean;
}

/** Endorsements and recommendations as hydrated for the viewer (hydration/profile-endorsements.ts). */
type ProfileViewPeople = { skillEndorsements: SkillEndorsementView[]; recommendations: ShownRecommendationView[] };

/** A profile as a viewer may see it: limited views carry only name, headline and photo. */
export function presentProfile(p: ProfileData, rel: ViewerRelation): MemberProfileView {
  const base = {
    id: p.id,
    handle: p.handle,
    name: p.name,
    headline: p.headline,
    photoUrl: photoUrl(p),
    limited: rel.limited,
    degree: rel.degree,
    mutualCount: rel.mutualCount,
    connection: rel.self ? ('self' as const) : ('none' as const),
    memberSince: p.createdAt.toISOString(),
  };
  if (rel.limited) return base;
  return {
    ...base,
    about: p.about,
    location: p.location,
    industry: p.industry,
    function: p.function,
    careerStage: p.careerStage,
    links: p.links,
    offers: p.offers,
    asks: p.asks,
    skills: p.skills,
    skillEndorsements: rel.people?.skillEndorsements ?? p.skills.map((skill) => ({ skill, count: 0, endorsers: [], endorsedByMe: false })),
    canEndorse: rel.canEndorse ?? false,
    canRecommend: rel.canEndorse ?? false,
    experience: p.experience,
    recommendations: rel.people?.recommendations ?? [],
    education: p.education,
  };
}

/** Another member's profile for the viewer: what they may see of it, how they stand, and what they may do. */
export function presentMemberProfile(
  p: ProfileData,
  seen: {
    degree: number | null;
    mutualCount: number;
    mutuals: PersonCard[];
    relation: Relation;
    iBlocked: boolean;
    abilities: PersonAbilities;
    people?: ProfileViewPeople;
    canEndorse?: boolean;
  },
): MemberProfileView {
  const { relation, abilities } = seen;
  const relationship: RelationshipState = {
    connection: relation.connection,
    invitationId: relation.invitationId,
    originInvitationId: relation.originInvitationId,
    following: relation.following,
    canFollow: abilities.canFollow,
    canInvite: abilities.canConnect,
    blocked: seen.iBlocked,
  };
  return {
    ...presentProfile(p, {
      limited: !abilities.canSeeFullProfile,
      degree: seen.degree,
      mutualCount: seen.mutualCount,
      self: false,
      ...(seen.people ? { people: seen.people } : {}),
      ...(seen.canEndorse !== undefined ? { canEndorse: seen.canEndorse } : {}),
    }),
    connection: relation.connection,
    relationship,
    abilities,
    mutuals: seen.mutuals,
    connectionsVisible: abilities.canSeeConnections,
  };
}

/**
 * Profile strength, after LinkedIn's levels. Each item has a weight and a tip (a code, common/reasons.ts);
 * the next tip is the heaviest missing item, because that is the one that most improves how others find
 * and judge you. `field` is where the profile editor opens for it.
 */
const MIN_SKILLS = 5;
const ITEMS: { field: string; tip: () => Reason; weight: number; has: (p: ProfileData) => boolean }[] = [
  { field: 'experience', tip: () => reason('strength.current_position'), weight: 20, has: (p) => p.experience.some((e) => !e.endDate) },
  { field: 'headline', tip: () => reason('strength.headline'), weight: 15, has: (p) => p.headline.length > 0 },
  { field: 'photo', tip: () => reason('strength.photo'), weight: 15, has: (p) => p.photoEtag !== null },
  { field: 'skills', tip: () => reason('strength.skills', { count: MIN_SKILLS }), weight: 10, has: (p) => p.skills.length >= MIN_SKILLS },
  { field: 'education', tip: () => reason('strength.education'), weight: 10, has: (p) => p.education.length > 0 },
  { field: 'about', tip: () => reason('strength.about'), weight: 10, has: (p) => p.about.length >= 40 },
  { field: 'location', tip: () => reason('strength.location'), weight: 5, has: (p) => p.location.length > 0 },
  { field: 'industry', tip: () => reason('strength.industry'), weight: 5, has: (p) => p.industry.length > 0 },
  { field: 'offers', tip: () => reason('strength.offers'), weight: 5, has: (p) => p.offers.length > 0 },
  { field: 'asks', tip: () => reason('strength.asks'), weight: 5, has: (p) => p.asks.length > 0 },
];

export function profileStrength(p: ProfileData): ProfileStrength {
  let score = 0;
  let next: ProfileStrength['next'] = null;
  for (const item of ITEMS) {
    if (item.has(p)) score += item.weight;
    else if (!next) next = { field: item.field, ...item.tip() };
  }
  const level = score >= 90 ? 'All-Star' : score >= 65 ? 'Advanced' : score >= 35 ? 'Intermediate' : 'Beginner';
  return { score, level, next };
}
