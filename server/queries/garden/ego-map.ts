/**
 * The ego map (GET /api/v1/me/garden/map): the viewer's ego structure (garden/ego-structure.ts) as people
 * to draw. A large network is cut to what a drawing and its table can carry: at most MAP_NODES connections
 * (every cluster represented, bridges first, then each cluster's best-tied members in turn) and at most
 * MAP_EDGES ties among them (those between the best-tied first). Cluster sizes, bridges and the measures are
 * always of the whole network.
 */
import type { EgoMapView } from '../../../common/schemas/ego-map.ts';
import type { DbOrTx } from '../../db/connection.ts';
import { egoStructure, type EgoStructure } from '../../garden/ego-structure.ts';
import type { GraphService } from '../../graph/service.ts';
import { personRecords } from '../../hydration/person-records.ts';
import type { Lens } from '../../viewer/viewer.ts';

export const MAP_NODES = 300;
export const MAP_EDGES = 3000;

export async function egoMap(deps: { db: DbOrTx; graph: GraphService }, lens: Lens): Promise<EgoMapView> {
  const s = await egoStructure(deps, { id: lens.actor.id, avoid: lens.avoid });
  const shown = pickShown(s, MAP_NODES);
  const records = await personRecords(lens, [...new Set([...shown.map((i) => s.members[i]!), ...s.bridges])]);
  // A member suspended between the structure and this read is left out rather than shown half.
  const visible = shown.filter((i) => records.get(s.members[i]!)?.status === 'active');
  const at = new Map(visible.map((i, k) => [i, k]));
  const bridgeSet = new Set(s.bridges);
  const degree = tieDegrees(s);
  const edges = s.ties
    .filter(([a, b]) => at.has(a) && at.has(b))
    .sort(([a1, b1], [a2, b2]) => degree[b2]! + degree[a2]! - degree[a1]! - degree[b1]!)
    .slice(0, MAP_EDGES)
    .map(([a, b]): [number, number] => [at.get(a)!, at.get(b)!]);
  return {
    nodes: visible.map((i) => {
      const id = s.members[i]!, r = records.get(id)!;
      return { handle: r.handle, name: r.name, cluster: s.cluster[i] ?? null, bridge: bridgeSet.has(id) };
    }),
    edges,
    clusters: s.clusters,
    bridges: s.bridges.flatMap((id) => (records.get(id)?.status === 'active' ? [records.get(id)!.handle] : [])),
    effectiveSize: round(s.effectiveSize),
    constraint: round(s.constraint),
    total: s.members.length,
    truncated: visible.length < s.members.length || edges.length < s.ties.length,
  };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function tieDegrees(s: EgoStructure): Int32Array {
  const d = new Int32Array(s.members.length);
  for (const [a, b] of s.ties) {
    d[a]!++;
    d[b]!++;
  }
  return d;
}

/** Indices into s.members to show, at most `max`: bridges, then clusters in turn (best-tied first), then the rest. */
export function pickShown(s: EgoStructure, max: number): number[] {
  const n = s.members.length;
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const degree = tieDegrees(s);
  const byDegree = (a: number, b: number): number => degree[b]! - degree[a]! || a - b;
  const chosen = new Set<number>();
  const index = new Map(s.members.map((id, i) => [id, i]));
  for (const id of s.bridges) if (chosen.size < max) chosen.add(index.get(id)!);
  const queues: number[][] = s.clusters.map(() => []);
  const loose: number[] = [];
  s.cluster.forEach((c, i) => (c === null ? loose : queues[c]!).push(i));
  for (const q of queues) q.sort(byDegree);
  for (let round = 0; chosen.size < max; round++) {
    let any = false;
    for (const q of queues) {
      if (round < q.length && chosen.size < max) {
        chosen.add(q[round]!);
        any = true;
      }
    }
    if (!any) break;
  }
  for (const i of loose) if (chosen.size < max) chosen.add(i);
  return [...chosen].sort((a, b) => a - b);
}
