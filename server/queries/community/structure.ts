/**
 * Admin → Community's structure (GET /api/v1/admin/community/structure): the days the community.structure job
 * wrote, the latest clusters and the latest bridges as people. A bridge is shown only while the member is
 * active and neither side of a block with the operator looking; the job already leaves out members who were
 * inactive when it ran, this leaves out those suspended or deleted since.
 */
import { sql } from 'drizzle-orm';
import type { CommunityStructureView } from '../../../common/schemas/community-structure.ts';
import { type DbOrTx, rows } from '../../db/connection.ts';

/** Days shown in the density chart. */
export const STRUCTURE_DAYS = 365;
/** Bridges named. */
export const STRUCTURE_BRIDGES = 50;

const isoDay = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

export async function loadCommunityStructure(db: DbOrTx, viewerId: number): Promise<CommunityStructureView> {
  const days = await rows<{ day: unknown; members: number; connections: number | string; density: number; clusters: number; modularity: number; computed_at: unknown }>(
    db,
    sql`SELECT day, members, connections, density, clusters, modularity, computed_at
          FROM community_structure_days ORDER BY day DESC LIMIT ${STRUCTURE_DAYS}`,
  );
  const clusters = await rows<{ id: number; size: number; label_kind: 'organisation' | 'industry' | 'place' | null; label: string | null }>(
    db,
    sql`SELECT id, size, label_kind, label FROM community_clusters ORDER BY id`,
  );
  const bridges = await rows<{ handle: string; name: string; clusters: number[] | string; score: number }>(
    db,
    sql`SELECT m.handle, p.name, b.clusters, b.score
          FROM community_bridges b
          JOIN members m ON m.id = b.member_id AND m.status = 'active'
          JOIN profiles p ON p.member_id = b.member_id
         WHERE NOT EXISTS (SELECT 1 FROM blocks k WHERE (k.blocker_id = ${viewerId} AND k.blocked_id = b.member_id)
                                                  OR (k.blocker_id = b.member_id AND k.blocked_id = ${viewerId}))
         ORDER BY b.rank LIMIT ${STRUCTURE_BRIDGES}`,
  );
  const latest = days[0]?.computed_at;
  return {
    computedAt: latest === undefined ? null : new Date(latest as string).toISOString(),
    days: days.reverse().map((d) => ({
      day: isoDay(d.day),
      members: Number(d.members),
      connections: Number(d.connections),
      density: Number(d.density),
      clusters: Number(d.clusters),
      modularity: Number(d.modularity),
    })),
    clusters: clusters.map((c) => ({ id: Number(c.id), size: Number(c.size), label: c.label_kind && c.label ? { kind: c.label_kind, value: c.label } : null })),
    bridges: bridges.map((b) => ({
      handle: b.handle,
      name: b.name,
      // PGlite and node-postgres both parse int[]; a text form ("{0,1}") is handled in case a driver does not.
      clusters: Array.isArray(b.clusters) ? b.clusters.map(Number) : String(b.clusters).replace(/[{}]/g, '').split(',').filter(Boolean).map(Number),
      score: Math.round(Number(b.score) * 1000) / 1000,
    })),
  };
}
