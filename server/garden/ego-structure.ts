/**
 * The structure of a member's ego network, ready for the garden: clusters among their connections (seeded
 * Louvain), the connections that bridge clusters, Burt's effective size and constraint, and a label per
 * cluster from its members' organisation or industry when one dominates.
 *
 *   egoStructure(deps: { db: DbOrTx; graph: GraphService }, viewer: { id: number; avoid: ReadonlySet<number> },
 *                known?: Promise<KnownConnections>) → Promise<EgoStructure>
 *
 * Call it from a query with the app context's db and graph and the loaded viewer (`lens.actor.id`,
 * `lens.avoid`). Only the viewer's 1st-degree connections appear: members on either side of a block and
 * suspended or deleted members are left out of the network before it is clustered. The heavy part (reading
 * the ties among connections off the CSR and clustering them) runs in a graph worker when the network is
 * large (GraphService.egoStructure); this file adds the database facts, or takes them from a caller that read
 * them anyway (`known`: the garden), clustering meanwhile.
 *
 * Everything is in member ids; the caller shows people (and caps them: see queries/garden/ego-map.ts).
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../db/connection.ts';
import type { GraphService } from '../graph/service.ts';
import { intArray } from '../graph/sql.ts';
import { DEFAULT_SEED } from './ego-analysis.ts';

export interface EgoCluster {
  /** 0 is the largest cluster. */
  id: number;
  size: number;
  /** What most of its members share, when one value dominates (see LABEL_SHARE). */
  label?: { kind: 'organisation' | 'industry'; value: string };
}

export interface EgoStructure {
  /** The viewer's connections in the network (ascending ids). */
  members: number[];
  /** Cluster of each member (index as `members`), or null for a connection tied to none of the others' clusters. */
  cluster: (number | null)[];
  /** Bridging score of each member (participation coefficient, ego-analysis.ts). */
  bridgeScore: number[];
  /** Ties among the connections, as index pairs into `members`. */
  ties: [number, number][];
  clusters: EgoCluster[];
  /** Member ids of the connections that bridge clusters, strongest bridge first. */
  bridges: number[];
  effectiveSize: number;
  constraint: number;
}

/** A label names a cluster when at least this share of its members (and at least two) have the same value. */
export const LABEL_SHARE = 0.5;

/**
 * What a caller that already read the viewer's counted connections (the garden: queries/garden/network.ts)
 * knows of them, so the structure need not read it again: who counts (active, no block either way) and each
 * one's current organisation's name and industry, as written.
 */
export interface KnownConnections {
  counted: ReadonlySet<number>;
  facts: ReadonlyMap<number, ClusterFacts>;
}

export interface ClusterFacts {
  industry: string | null;
  organisation: string | null;
}

export async function egoStructure(
  deps: { db: DbOrTx; graph: GraphService },
  viewer: { id: number; avoid: ReadonlySet<number> },
  known?: Promise<KnownConnections>,
): Promise<EgoStructure> {
  const { found, facts } = known ? await clusterKnown(deps.graph, viewer, known) : await clusterReading(deps, viewer);
  const members = Array.from(found.alters);
  const cluster = Array.from(found.cluster, (c) => (c < 0 ? null : c));
  const ties: [number, number][] = Array.from(found.tieA, (a, e) => [a, found.tieB[e]!]);
  const labels = clusterLabels(facts ?? (await readFacts(deps.db, members, cluster)), members, cluster, found.clusterSizes.length);
  return {
    members,
    cluster,
    bridgeScore: Array.from(found.bridgeScore),
    ties,
    clusters: found.clusterSizes.map((size, id) => ({ id, size, ...(labels[id] ? { label: labels[id] } : {}) })),
    bridges: found.bridges.map((i) => members[i]!),
    effectiveSize: found.effectiveSize,
    constraint: found.constraint,
  };
}

/** Reads which connections are inactive, then clusters the rest. */
async function clusterReading(deps: { db: DbOrTx; graph: GraphService }, viewer: { id: number; avoid: ReadonlySet<number> }) {
  const inactive = await rows<{ id: number }>(
    deps.db,
    // A status read per connection (index lookups), not a join: joined, the planner scanned every member.
    sql`SELECT c.other_id AS id FROM connections c
         WHERE c.member_id = ${viewer.id} AND (SELECT m.status FROM members m WHERE m.id = c.other_id) <> 'active'`,
  );
  const avoid = new Set(viewer.avoid);
  for (const r of inactive) avoid.add(Number(r.id));
  return { found: await deps.graph.egoStructure(viewer.id, { avoid, seed: DEFAULT_SEED }), facts: null };
}

/**
 * Clusters while the caller's read is under way, on the bet that every connection the graph holds counts;
 * a connection that turns out not to (suspended, deleted) has the clustering done again without it, so the
 * answer is the same as clusterReading's either way.
 */
async function clusterKnown(graph: GraphService, viewer: { id: number; avoid: ReadonlySet<number> }, known: Promise<KnownConnections>) {
  const [first, { counted, facts }] = await Promise.all([graph.egoStructure(viewer.id, { avoid: viewer.avoid, seed: DEFAULT_SEED }), known]);
  const uncounted = Array.from(first.alters).filter((id) => !counted.has(id));
  if (uncounted.length === 0) return { found: first, facts };
  const avoid = new Set([...viewer.avoid, ...uncounted]);
  return { found: await graph.egoStructure(viewer.id, { avoid, seed: DEFAULT_SEED }), facts };
}

/** The clustered connections' current organisation (name) and industry, read from their profiles. */
async function readFacts(db: DbOrTx, members: number[], cluster: (number | null)[]): Promise<Map<number, ClusterFacts>> {
  const clustered = members.filter((_, i) => cluster[i] !== null);
  if (clustered.length === 0) return new Map();
  const found = await rows<{ id: number; industry: string; organisation: string | null }>(
    db,
    sql`SELECT p.member_id AS id, p.industry,
               (SELECT o.name FROM experiences e JOIN organisations o ON o.id = e.organisation_id
                 WHERE e.member_id = p.member_id AND e.end_date IS NULL ORDER BY e.position LIMIT 1) AS organisation
          FROM profiles p WHERE p.member_id = ANY(${intArray(clustered)}::int[])`,
  );
  return new Map(found.map((f) => [Number(f.id), { industry: f.industry, organisation: f.organisation }]));
}

/** Per cluster, the organisation (current position) or, failing that, the industry most of its members share. */
function clusterLabels(facts: ReadonlyMap<number, ClusterFacts>, members: number[], cluster: (number | null)[], count: number): (EgoCluster['label'] | undefined)[] {
  if (count === 0) return [];
  const tallies = Array.from({ length: count }, () => ({ organisation: new Map<string, number>(), industry: new Map<string, number>(), size: 0 }));
  members.forEach((id, i) => {
    const c = cluster[i];
    if (c === null || c === undefined) return;
    const t = tallies[c]!, f = facts.get(id);
    t.size++;
    const org = f?.organisation?.trim(), industry = f?.industry?.trim();
    if (org) t.organisation.set(org, (t.organisation.get(org) ?? 0) + 1);
    if (industry) t.industry.set(industry, (t.industry.get(industry) ?? 0) + 1);
  });
  return tallies.map((t) => {
    for (const kind of ['organisation', 'industry'] as const) {
      const top = dominant(t[kind], t.size);
      if (top) return { kind, value: top };
    }
    return undefined;
  });
}

function dominant(counts: Map<string, number>, size: number): string | null {
  let best: string | null = null, most = 0;
  // Ties between values go to the one first in alphabetical order, so a label never flips between requests.
  for (const [value, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (count > most) {
      best = value;
      most = count;
    }
  }
  return best !== null && most >= 2 && most >= LABEL_SHARE * size ? best : null;
}
