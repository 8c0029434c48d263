/**
 * Presenting the opportunity log (issue 15): each opportunity with its people, each person with how the
 * relationship began. Pure: the rows, the origins and the people's cards are loaded beforehand. A person the
 * viewer may no longer see (a block since, a suspended or deleted account) has no card and is left out, and
 * so is what their relationship would have added to the report.
 */
import type { OpportunityOrigin } from '../../common/opportunities.ts';
import type { OpportunityView, RelationshipOriginView } from '../../common/schemas/opportunities.ts';
import type { PersonCard } from '../../common/schemas/search.ts';
import { computeShares, degreeAtStart, originsOf, type Shares, unionOrigins } from '../opportunities/shares.ts';
import type { LoadedOrigin } from '../queries/opportunities/origins.ts';
import type { OpportunityRow } from '../queries/opportunities/log.ts';

const NONE: LoadedOrigin = {
  connected: false,
  context: null,
  at: null,
  degreeAtSend: null,
  openInvitation: false,
  viaPosts: false,
  importedContact: false,
  introducerId: null,
  importedFrom: null,
};

export function presentOrigin(o: LoadedOrigin | undefined, cards: ReadonlyMap<number, PersonCard>): RelationshipOriginView {
  const f = o ?? NONE;
  return {
    connected: f.connected,
    context: f.context,
    at: f.at,
    degreeAtStart: f.connected ? degreeAtStart(f.degreeAtSend) : 'unknown',
    openInvitation: f.openInvitation,
    viaPosts: f.viaPosts,
    introducedBy: f.introducerId === null ? null : (cards.get(f.introducerId) ?? null),
    importedFrom: f.importedFrom,
    origins: originsOf(f),
  };
}

/** The origins an opportunity counts for: those of every person on it the viewer may still see. */
function originsOfRow(row: OpportunityRow, origins: ReadonlyMap<number, LoadedOrigin>, cards: ReadonlyMap<number, PersonCard>): OpportunityOrigin[] {
  return unionOrigins(row.personIds.filter((id) => cards.has(id)).map((id) => originsOf(origins.get(id) ?? NONE)));
}

export function presentOpportunity(row: OpportunityRow, origins: ReadonlyMap<number, LoadedOrigin>, cards: ReadonlyMap<number, PersonCard>): OpportunityView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    value: row.value,
    createdAt: row.createdAt,
    people: row.personIds.flatMap((id) => {
      const card = cards.get(id);
      return card ? [{ ...card, origin: presentOrigin(origins.get(id), cards) }] : [];
    }),
    origins: originsOfRow(row, origins, cards),
  };
}

export function presentReport(all: readonly OpportunityRow[], origins: ReadonlyMap<number, LoadedOrigin>, cards: ReadonlyMap<number, PersonCard>): Shares {
  return computeShares(all.map((row) => ({ value: row.value, origins: originsOfRow(row, origins, cards) })));
}
