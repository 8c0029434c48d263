/**
 * The community's structure for operators (issue 15, Admin → Community): a community-wide Louvain over the
 * connection graph (graph/csr-community.ts, in a graph worker), written as today's row of
 * `community_structure_days` (members, connections, density, clusters, modularity) and as the latest clusters
 * (with a label) and bridges. The `community.structure` job runs it daily (jobs/community-structure.ts); the
 * route computes it once when the table is still empty (`ensureCommunityStructure`).
 *
 * Only active members count: suspended and deleted members are left out of the graph before it is clustered,
 * so they are in no cluster, bridge nothing and count in no density.
 */
import { sql } from 'drizzle-orm';
import { type Db, type DbOrTx, rows } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { DEFAULT_SEED } from '../../garden/ego-analysis.ts';
import type { CommunityStructure } from '../../graph/csr-community.ts';
import type { GraphService } from '../../graph/service.ts';
import { intArray } from '../../graph/sql.ts';

/** Members per cluster read for its label: enough to find the most common value, bounded at any size. */
export const LABEL_SAMPLE = 500;

export type ClusterLabelKind = 'organisation' | 'industry' | 'place';

export interface StructureRun {
  day: string;
  members: number;
  connections: number;
  clusters: number;
  bridges: number;
  modularity: number;
  /** Time spent in the graph (copy and Louvain), and in all. */
  graphMs: number;
  totalMs: number;
}

/**
 * Per named cluster, the most common current organisation, industry or place among (a sample of) its members;
 * a value held by one member only names nothing. Ties go to organisation, then industry, then place, then the
 * alphabetically first value, so the label does not flip between runs.
 */
async function clusterLabels(db: DbOrTx, s: CommunityStructure): Promise<({ kind: ClusterLabelKind; value: string } | null)[]> {
  const k = s.clusterSizes.length;
  if (k === 0) return [];
  const taken = new Int32Array(k), sample: number[] = [], sampleCluster = new Map<number, number>();
  for (let id = 0; id < s.cluster.length; id++) {
    const c = s.cluster[id]!;
    if (c < 0 || taken[c]! >= LABEL_SAMPLE) continue;
    taken[c]!++;
    sample.push(id);
    sampleCluster.set(id, c);
  }
  const facts = await rows<{ id: number; industry: string; location: string; organisation: string | null }>(
    db,
    sql`SELECT p.member_id AS id, p.industry, p.location,
               (SELECT o.name FROM experiences e JOIN organisations o ON o.id = e.organisation_id
                 WHERE e.member_id = p.member_id AND e.end_date IS NULL ORDER BY e.position LIMIT 1) AS organisation
          FROM profiles p JOIN members m ON m.id = p.member_id AND m.status = 'active'
         WHERE p.member_id = ANY(${intArray(sample)}::int[])`,
  );
  const kinds: ClusterLabelKind[] = ['organisation', 'industry', 'place'];
  const tallies = Array.from({ length: k }, () => new Map<string, { kind: ClusterLabelKind; value: string; count: number }>());
  for (const f of facts) {
    const c = sampleCluster.get(Number(f.id));
    if (c === undefined) continue;
    const values: Record<ClusterLabelKind, string | undefined> = { organisation: f.organisation?.trim(), industry: f.industry.trim(), place: f.location.trim() };
    for (const kind of kinds) {
      const value = values[kind];
      if (!value) continue;
      const key = `${kind}\u0000${value.toLowerCase()}`;
      const t = tallies[c]!.get(key);
      if (t) t.count++;
      else tallies[c]!.set(key, { kind, value, count: 1 });
    }
  }
  return tallies.map((t) => {
    const best = [...t.values()].sort((a, b) => b.count - a.count || kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))[0];
    return best && best.count >= 2 ? { kind: best.kind, value: best.value } : null;
  });
}

/** Computes the structure now and writes it as `day`'s row (default: today, UTC) and the latest clusters and bridges. */
export async function refreshCommunityStructure(db: Db, graph: GraphService, day = new Date().toISOString().slice(0, 10)): Promise<StructureRun> {
  const started = performance.now();
  const inactive = await rows<{ id: number }>(db, sql`SELECT id FROM members WHERE status <> 'active'`);
  const [{ n: active } = { n: 0 }] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM members WHERE status = 'active'`);
  const graphStarted = performance.now();
  const s = await graph.communityStructure({ exclude: new Set(inactive.map((r) => Number(r.id))), seed: DEFAULT_SEED });
  const graphMs = performance.now() - graphStarted;
  const labels = await clusterLabels(db, s);
  const members = Number(active);
  const density = members < 2 ? 0 : (2 * s.connections) / (members * (members - 1));
  await inTransaction(db, async (tx) => {
    await tx.execute(
      sql`INSERT INTO community_structure_days (day, members, connections, density, clusters, modularity, computed_at)
          VALUES (${day}::date, ${members}, ${s.connections}, ${density}, ${s.clusterSizes.length}, ${s.modularity}, now())
          ON CONFLICT (day) DO UPDATE SET members = EXCLUDED.members, connections = EXCLUDED.connections, density = EXCLUDED.density,
            clusters = EXCLUDED.clusters, modularity = EXCLUDED.modularity, computed_at = EXCLUDED.computed_at`,
    );
    await tx.execute(sql`DELETE FROM community_clusters`);
    for (let c = 0; c < s.clusterSizes.length; c++) {
      const label = labels[c] ?? null;
      await tx.execute(sql`INSERT INTO community_clusters (id, size, label_kind, label) VALUES (${c}, ${s.clusterSizes[c]!}, ${label?.kind ?? null}, ${label?.value ?? null})`);
    }
    await tx.execute(sql`DELETE FROM community_bridges`);
    for (let j = 0; j < s.bridges.length; j++) {
      const reaches = Array.from(s.bridgeClusters.subarray(s.bridgeClusterOff[j]!, s.bridgeClusterOff[j + 1]!));
      // A member purged since the graph was read has no row to point at: skipped rather than failing the run.
      await tx.execute(
        sql`INSERT INTO community_bridges (member_id, rank, clusters, score)
            SELECT m.id, ${j}, ${intArray(reaches)}::int[], ${s.bridgeScores[j]!} FROM members m WHERE m.id = ${s.bridges[j]!}`,
      );
    }
  });
  return { day, members, connections: s.connections, clusters: s.clusterSizes.length, bridges: s.bridges.length, modularity: s.modularity, graphMs, totalMs: performance.now() - started };
}

/** One computation at a time per database, so a burst of first visits does not start the run many times. */
const running = new WeakMap<Db, Promise<unknown>>();

/** Computes the structure once if no day has been computed yet (a new install before the job's first run). */
export async function ensureCommunityStructure(db: Db, graph: GraphService): Promise<void> {
  const [held] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM community_structure_days`);
  if (Number(held?.n ?? 0) > 0) return;
  let pending = running.get(db);
  if (!pending) {
    pending = refreshCommunityStructure(db, graph).finally(() => running.delete(db));
    running.set(db, pending);
  }
  await pending;
}
