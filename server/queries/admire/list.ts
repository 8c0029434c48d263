/**
 * The admire list as its owner sees it: each entry with where the owner stands (degree, the best
 * introduction paths by the graph index's path finding, server/graph/csr-paths.ts) and its pipeline.
 *
 * Privacy is the graph's and the cards' own: paths avoid everyone on either side of a block with the
 * owner (the lens's avoid set, as GET /members/:handle/paths does), a path through someone who can no
 * longer be shown is dropped rather than shown with a gap, and an organisation's people are only those
 * whose listing there the owner may see (queries/organisations.ts `organisationMembers`).
 */
import { sql } from 'drizzle-orm';
import type { AdmireHistoryItem, AdmireStage } from '../../../common/admire.ts';
import type { AdmireEntry } from '../../../common/schemas/admire.ts';
import type { PersonCard } from '../../../common/schemas/search.ts';
import { rows } from '../../db/connection.ts';
import { organisationMembers } from '../organisations.ts';
import { type Lens, loadPersonCards } from '../network/people.ts';

/** Paths shown per person, and people shown per organisation (of the first ORG_SCAN current members the owner may see). */
const PATHS_PER_PERSON = 3;
const PEOPLE_PER_ORGANISATION = 5;
const ORG_SCAN = 100;

interface EntryRow {
  id: string | number;
  targetId: number | null;
  organisationId: number | null;
  organisationName: string | null;
  organisationSlug: string | null;
  note: string;
  stage: AdmireStage;
  history: AdmireHistoryItem[] | string;
  createdAt: Date | string;
  updatedAt: Date | string;
}

/** The owner's entries, newest first, or just the one with `id` (empty when it is not theirs). */
export async function listAdmired(lens: Lens, id?: number): Promise<AdmireEntry[]> {
  const found = await rows<EntryRow>(
    lens.db,
    sql`SELECT e.id, e.target_id AS "targetId", o.id AS "organisationId", o.name AS "organisationName", o.slug AS "organisationSlug",
               e.note, e.stage, e.history, e.created_at AS "createdAt", e.updated_at AS "updatedAt"
          FROM admire_entries e
          LEFT JOIN organisations listed ON listed.id = e.organisation_id
          -- A merged organisation answers as the one it became, as its slug does.
          LEFT JOIN organisations o ON o.id = coalesce(listed.merged_into, listed.id)
         WHERE e.member_id = ${lens.actor.id} ${id === undefined ? sql`` : sql`AND e.id = ${id}`}
         ORDER BY e.created_at DESC, e.id DESC`,
  );
  const targets = found.flatMap((r) => (r.targetId === null ? [] : [r.targetId]));
  const orgPeople = new Map<number, number[]>();
  await Promise.all(
    found.flatMap((r) => (r.organisationId === null ? [] : [r.organisationId])).map(async (orgId) => orgPeople.set(orgId, await reachableAt(lens, orgId))),
  );
  const people = [...new Set([...targets, ...[...orgPeople.values()].flat()])];
  const reach = await reachOf(lens, people);
  return found.map((r) => ({
    id: Number(r.id),
    kind: r.targetId !== null ? 'member' : 'organisation',
    member: r.targetId !== null ? (reach.get(r.targetId) ?? null) : null,
    organisation:
      r.organisationId !== null
        ? {
            name: r.organisationName ?? '',
            slug: r.organisationSlug ?? '',
            people: (orgPeople.get(r.organisationId) ?? []).flatMap((p) => reach.get(p) ?? []),
          }
        : null,
    note: r.note,
    stage: r.stage,
    history: typeof r.history === 'string' ? (JSON.parse(r.history) as AdmireHistoryItem[]) : r.history,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  }));
}

/**
 * The people the owner can reach at an organisation: its current members the owner may see, within three
 * degrees, nearest first (then by mutual connections, the likelier introduction), at most PEOPLE_PER_ORGANISATION.
 */
async function reachableAt(lens: Lens, organisationId: number): Promise<number[]> {
  const page = await organisationMembers(lens, organisationId, 'current', null, ORG_SCAN);
  const ids = page.rows.map((r) => r.id).filter((m) => m !== lens.actor.id && !lens.avoid.has(m));
  if (ids.length === 0) return [];
  const opts = { avoid: lens.avoid };
  const [degrees, mutuals] = await Promise.all([lens.graph.degrees(lens.actor.id, ids, opts), lens.graph.mutualCounts(lens.actor.id, ids, opts)]);
  return ids
    .map((m, i) => ({ m, degree: degrees[i] ?? null, mutuals: mutuals[i] ?? 0 }))
    .filter((p) => p.degree !== null && p.degree >= 1)
    .sort((a, b) => a.degree! - b.degree! || b.mutuals - a.mutuals || a.m - b.m)
    .slice(0, PEOPLE_PER_ORGANISATION)
    .map((p) => p.m);
}

/** Each person's card and best paths (introducers only), for the people the owner may see. */
async function reachOf(lens: Lens, ids: readonly number[]): Promise<Map<number, { person: PersonCard; paths: PersonCard[][] }>> {
  const cards = await loadPersonCards(lens, ids);
  const found = await Promise.all(
    cards.map(async (card) =>
      card.degree !== null && card.degree >= 2 ? lens.graph.paths(lens.actor.id, card.id, PATHS_PER_PERSON, { avoid: lens.avoid }) : Promise.resolve([]),
    ),
  );
  const between = found.map((paths) => paths.map((p) => p.slice(1, -1)));
  const introducers = await loadPersonCards(lens, [...new Set(between.flat(2))]);
  const byId = new Map(introducers.map((c) => [c.id, c]));
  return new Map(
    cards.map((card, i) => {
      // A path through someone who can no longer be shown (suspended since) is no path: drop it rather than show a gap.
      const shown = between[i]!.map((p) => p.map((m) => byId.get(m))).filter((p): p is PersonCard[] => p.every((c) => c !== undefined));
      return [card.id, { person: card, paths: shown }];
    }),
  );
}
