import type { PersonCard } from '../../../common/schemas/search.ts';
import type { Degree } from '../../graph/graph-index.ts';
import { personRecords } from '../../hydration/person-records.ts';
import { type Relation, SELF } from '../../hydration/relations.ts';
import { presentPersonCard } from '../../views/person-card.ts';
import type { Lens } from '../../viewer/viewer.ts';

export type { Lens };

/**
 * Person cards for ids, in the order given, with degree and mutual count: the records (from the read
 * caches when warm, else one statement), one graph call for the degrees (none when the caller knows they
 * are all the viewer's connections) and one for the mutual counts, and the card view. Members who are
 * suspended or on either side of a block are left out.
 */
export async function loadPersonCards(lens: Lens, ids: readonly number[], known: { connections?: boolean | ReadonlySet<number> } = {}): Promise<PersonCard[]> {
  const { actor } = lens;
  const wanted = [...new Set(ids)].filter((id) => !lens.avoid.has(id));
  if (wanted.length === 0) return [];
  const records = await personRecords(lens, wanted);
  const present = wanted.filter((id) => records.get(id)?.status === 'active');
  const opts = { avoid: lens.avoid };
  // Mutual connections, just read from the graph, are 1st degree: no need to ask it again (a badge query
  // for a viewer with a large network goes to the worker pool, a round trip the profile route can spare).
  // A set names the ids known to be connections (a profile's mutuals beside its endorsers): only the others are asked.
  const connections = known.connections;
  const degrees: (Degree | undefined)[] =
    connections === true
      ? present.map((id) => (id === actor.id ? 0 : 1))
      : connections instanceof Set
        ? await degreesBeside(present, connections)
        : await lens.graph.degrees(actor.id, present, opts);
  const mutuals = await lens.graph.mutualCounts(actor.id, present, opts);
  async function degreesBeside(all: number[], known: ReadonlySet<number>): Promise<(Degree | undefined)[]> {
    const unknown = all.filter((id) => !known.has(id) && id !== actor.id);
    const asked = unknown.length ? await lens.graph.degrees(actor.id, unknown, opts) : [];
    const byId = new Map(unknown.map((id, i) => [id, asked[i]]));
    return all.map((id) => (id === actor.id ? 0 : known.has(id) ? 1 : byId.get(id)));
  }
  return present.map((id, i) => {
    const record = records.get(id)!;
    const self = id === actor.id;
    // The viewer's own card carries no badge: 0 is shown as none (as hydratePeople does).
    const degree = self || !degrees[i] ? null : degrees[i];
    const facts = { ...record, degree, block: null, connection: self ? 'self' : 'none', following: false } as const;
    return presentPersonCard(actor, { record, degree, mutualCount: self ? null : (mutuals[i] ?? 0), relation: self ? SELF : NO_RELATION, facts });
  });
}

const NO_RELATION: Relation = { connection: 'none', invitationId: null, originInvitationId: null, following: false };
