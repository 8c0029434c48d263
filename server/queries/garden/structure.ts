/**
 * The garden's clusters and bridges (GET /api/v1/me/garden): the member's ego structure
 * (garden/ego-structure.ts) as the garden shows it — each cluster with its size and label, and the
 * connections that bridge clusters as people, strongest bridge first. The ego map (ego-map.ts) draws the same
 * structure; the garden only names it.
 */
import type { GardenBridge, GardenCluster } from '../../../common/schemas/garden.ts';
import type { DbOrTx } from '../../db/connection.ts';
import { egoStructure, type KnownConnections } from '../../garden/ego-structure.ts';
import type { GraphService } from '../../graph/service.ts';
import { personRecords } from '../../hydration/person-records.ts';
import type { Lens } from '../../viewer/viewer.ts';

/** At most this many bridges are named; the ego map lists them all. */
export const GARDEN_BRIDGES = 20;

export interface GardenStructure {
  clusters: GardenCluster[];
  bridges: GardenBridge[];
  effectiveSize: number;
  constraint: number;
}

export async function gardenStructure(deps: { db: DbOrTx; graph: GraphService }, lens: Lens, known?: Promise<KnownConnections>): Promise<GardenStructure> {
  const s = await egoStructure(deps, { id: lens.actor.id, avoid: lens.avoid }, known);
  const clusterOf = new Map(s.members.map((id, i) => [id, s.cluster[i]]));
  const records = await personRecords(lens, s.bridges.slice(0, GARDEN_BRIDGES));
  const bridges = s.bridges.slice(0, GARDEN_BRIDGES).flatMap((id) => {
    const r = records.get(id);
    if (r?.status !== 'active') return [];
    const clusters = new Set(s.ties.flatMap(([a, b]) => (s.members[a] === id ? [s.cluster[b]] : s.members[b] === id ? [s.cluster[a]] : [])));
    clusters.delete(null);
    clusters.delete(clusterOf.get(id) ?? null);
    return [{ handle: r.handle, name: r.name, cluster: clusterOf.get(id) ?? null, reaches: [...clusters].filter((c): c is number => c !== null && c !== undefined).sort((x, y) => x - y) }];
  });
  return { clusters: s.clusters, bridges, effectiveSize: Math.round(s.effectiveSize * 1000) / 1000, constraint: Math.round(s.constraint * 1000) / 1000 };
}
