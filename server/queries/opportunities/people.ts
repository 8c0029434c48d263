/**
 * What presenting opportunities needs beside their rows: how each person's relationship began, and the cards
 * of those people and of whoever introduced them, as the viewer may see them (blocks both ways filtered).
 */
import type { PersonCard } from '../../../common/schemas/search.ts';
import { loadPersonCards } from '../network/people.ts';
import type { Lens } from '../../viewer/viewer.ts';
import type { OpportunityRow } from './log.ts';
import { type LoadedOrigin, loadOrigins } from './origins.ts';

export interface OpportunityPeople {
  origins: Map<number, LoadedOrigin>;
  cards: Map<number, PersonCard>;
}

export async function loadOpportunityPeople(lens: Lens, opportunities: readonly OpportunityRow[]): Promise<OpportunityPeople> {
  const ids = [...new Set(opportunities.flatMap((o) => o.personIds))].filter((id) => !lens.avoid.has(id));
  const origins = await loadOrigins(lens.db, lens.actor.id, ids);
  const introducers = [...origins.values()].flatMap((o) => (o.introducerId === null ? [] : [o.introducerId]));
  const cards = await loadPersonCards(lens, [...ids, ...introducers]);
  return { origins, cards: new Map(cards.map((c) => [c.id, c])) };
}
