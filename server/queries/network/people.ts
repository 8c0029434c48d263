import type { PersonCard } from '../../../common/schemas/search.ts';
import { hydratePeople } from '../../hydration/people.ts';
import { presentPersonCard } from '../../views/person-card.ts';
import type { Lens } from '../../viewer/viewer.ts';

export type { Lens };

/**
 * Person cards for ids, in the order given, with degree and mutual count: the spine's hydration and the
 * card view. Members who are suspended or on either side of a block are left out.
 */
export async function loadPersonCards(lens: Lens, ids: readonly number[]): Promise<PersonCard[]> {
  return (await hydratePeople(lens, ids)).map((p) => presentPersonCard(lens.actor, p));
}
