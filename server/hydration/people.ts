import { sql } from 'drizzle-orm';
import { rows } from '../db/connection.ts';
import type { Degree } from '../graph/graph-index.ts';
import { intArray } from '../graph/sql.ts';
import type { PersonFacts } from '../policies/people.ts';
import type { Lens } from '../viewer/viewer.ts';
import { PERSON_RECORD_COLUMNS, type PersonRecord, toPersonRecord } from './person-record.ts';
import { type Relation, type RelationColumns, relationColumns, relationOf, SELF } from './relations.ts';

export type { PersonRecord };

/** One person as hydrated for one viewer: the record, the graph's answers and the viewer's standing. */
export interface HydratedPerson {
  record: PersonRecord;
  degree: Degree;
  /** Null for the viewer themself, as is the degree. */
  mutualCount: number | null;
  relation: Relation;
  facts: PersonFacts;
}

const NO_RELATION: Relation = { connection: 'none', invitationId: null, originInvitationId: null, following: false };

/**
 * Hydrates a page of people for the viewer, in the order of `ids`: one SQL statement for the records and,
 * when asked, one for the viewer's relations with all of them, then one graph call for every degree and
 * one for every mutual count. Members who are suspended (unless the viewer is an operator and `suspended`
 * is asked), or on either side of a block with the viewer, are left out — except the members the viewer
 * blocked when `blocked` is asked (the blocks list shows them, to unblock).
 */
export async function hydratePeople(
  viewer: Lens,
  ids: readonly number[],
  options: { relations?: boolean; blocked?: boolean } = {},
): Promise<HydratedPerson[]> {
  const { actor } = viewer;
  const iBlocked: ReadonlySet<number> = viewer.blocks?.iBlocked ?? new Set<number>();
  const shown = (id: number) => !viewer.avoid.has(id) || (options.blocked === true && iBlocked.has(id));
  const wanted = [...new Set(ids)].filter(shown);
  if (wanted.length === 0) return [];
  const found = await rows<PersonRecord & Partial<RelationColumns>>(
    viewer.db,
    sql`SELECT ${PERSON_RECORD_COLUMNS}
               ${options.relations ? sql`, ${relationColumns(actor.id, sql`m.id`)}` : sql``}
          FROM members m JOIN profiles p ON p.member_id = m.id
         WHERE m.id = ANY(${intArray(wanted)}::int[]) AND m.status = 'active'`,
  );
  const byId = new Map(found.map((r) => [r.id, r]));
  const present = wanted.filter((id) => byId.has(id));
  const opts = { avoid: viewer.avoid };
  const degrees = await viewer.graph.degrees(actor.id, present, opts);
  const mutuals = await viewer.graph.mutualCounts(actor.id, present, opts);
  return present.map((id, i) => {
    const r = byId.get(id)!;
    const record = toPersonRecord(r);
    const self = id === actor.id;
    const relation = self ? SELF : options.relations ? relationOf(actor.id, r as RelationColumns) : NO_RELATION;
    // The viewer's own card carries no badge: 0 is shown as none.
    const found = degrees[i] ?? null;
    const degree = found === 0 ? null : found;
    const block = iBlocked.has(id) ? 'i_blocked' : null;
    return {
      record,
      degree,
      mutualCount: self ? null : (mutuals[i] ?? 0),
      relation,
      facts: { ...record, degree, block, connection: relation.connection, following: relation.following },
    };
  });
}
