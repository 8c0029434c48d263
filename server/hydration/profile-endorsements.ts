import { LIMITS } from '../../common/limits.ts';
import type { ShownRecommendationView, SkillEndorsementView } from '../../common/schemas/endorsements.ts';
import type { PersonCard } from '../../common/schemas/search.ts';
import type { ProfileData } from '../queries/profiles.ts';
import { loadPersonCards } from '../queries/network/people.ts';
import type { LoadedViewer } from '../viewer/viewer.ts';

/** What a profile shows of the people around it: mutual connections, endorsers' faces and recommendations' authors. */
export interface ProfilePeople {
  mutuals: PersonCard[];
  skillEndorsements: SkillEndorsementView[];
  recommendations: ShownRecommendationView[];
}

/**
 * The profile's people, in one batch of person cards (one statement cold, so a profile stays within its
 * three): the mutual connections the graph gave, the first few endorsers of each skill and the authors of its
 * shown recommendations. Endorsers and authors on either side of a block with the viewer are left out, from
 * the faces and the counts alike; `full` is false when the viewer may not see the profile's skills and
 * positions, which then carry nothing.
 */
export async function hydrateProfilePeople(viewer: LoadedViewer, p: ProfileData, mutualIds: readonly number[], full: boolean): Promise<ProfilePeople> {
  const { avoid, actor } = viewer;
  const perSkill = full ? p.skills.map((skill, i) => ({ skill, endorsers: (p.skillEndorsers?.[i] ?? []).filter((id) => !avoid.has(id)) })) : [];
  const shown = full ? (p.recommendations ?? []).filter((r) => !avoid.has(r.authorId)) : [];
  const faces = perSkill.flatMap((s) => s.endorsers.slice(0, LIMITS.endorserFaces));
  const ids = [...new Set([...mutualIds, ...faces, ...shown.map((r) => r.authorId)])];
  const cards = new Map((await loadPersonCards(viewer, ids, { connections: new Set(mutualIds) })).map((c) => [c.id, c]));
  const cardsOf = (list: readonly number[]) => list.flatMap((id) => cards.get(id) ?? []);
  return {
    mutuals: cardsOf(mutualIds),
    skillEndorsements: perSkill.map(({ skill, endorsers }) => ({
      skill,
      count: endorsers.length,
      endorsers: cardsOf(endorsers.slice(0, LIMITS.endorserFaces)),
      endorsedByMe: endorsers.includes(actor.id),
    })),
    recommendations: shown.flatMap((r) => {
      const author = cards.get(r.authorId);
      return author ? [{ id: r.id, positionId: r.positionId, author, text: r.text, createdAt: r.createdAt }] : [];
    }),
  };
}
