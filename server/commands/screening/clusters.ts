/**
 * Recording clusters of look-alike sign-ups (server/screening/clusters.ts): one open 'cluster' flag per
 * cluster (an open flag sharing members is extended) and its members held.
 */
import { type Reason, reason as notice, toStored } from '../../../common/reasons.ts';
import { and, eq, sql } from 'drizzle-orm';
import type { ScreeningConfig } from '../../config.ts';
import type { Db, Tx } from '../../db/connection.ts';
import { moderationFlags } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { loadBusySubnets, loadOpenClusterFlag, loadSignupsAround, sqlIntArray } from '../../queries/screening/clusters.ts';
import { type Cluster, clusterHoldReason, clusterScore, findCluster } from '../../screening/clusters.ts';
import { lockModeration } from '../moderation/locks.ts';
import { sendNotice } from '../moderation/notices.ts';
import { applyRestriction } from '../moderation/restrictions.ts';

export interface ClusterFinding {
  flagId: number;
  memberIds: number[];
  reasons: Reason[];
  /** Members held by this finding who were not held before. */
  newlyHeld: number[];
}

/** Looks for a cluster around one sign-up and records it: the flag, and its members held. */
export async function detectClusterAround(tx: Tx, memberId: number, config: ScreeningConfig): Promise<ClusterFinding | null> {
  const around = await loadSignupsAround(tx, memberId, config.clusterWindowMs);
  if (!around) return null;
  const cluster = findCluster(memberId, around.nearby, around.subnet, config);
  return cluster ? recordCluster(tx, cluster) : null;
}

/**
 * The job's entry point: re-examines recent sign-ups (profiles may have filled in since), one
 * transaction per sign-up. Returns the findings.
 */
export async function scanRecentClusters(db: Db, config: ScreeningConfig, lookbackMs = 24 * 3_600_000): Promise<ClusterFinding[]> {
  const findings: ClusterFinding[] = [];
  for (const { memberIds } of await loadBusySubnets(db, config.clusterMin, lookbackMs)) {
    const seen = new Set<number>();
    for (const id of memberIds) {
      if (seen.has(id)) continue;
      const found = await inTransaction(db, (tx) => detectClusterAround(tx, id, config));
      if (found) {
        found.memberIds.forEach((m) => seen.add(m));
        findings.push(found);
      }
    }
  }
  return findings;
}

/** One open flag per cluster: an open cluster flag that shares members is extended rather than repeated. */
async function recordCluster(tx: Tx, cluster: Cluster): Promise<ClusterFinding> {
  const ids = cluster.memberIds;
  const reasons = cluster.reasons.map(toStored);
  await lockModeration(tx, ...ids);
  const open = await loadOpenClusterFlag(tx, ids);
  const memberIds = [...new Set([...(open?.memberIds ?? []), ...ids])].sort((a, b) => a - b);
  const score = clusterScore(memberIds.length);
  let flagId: number;
  if (open) {
    await tx.update(moderationFlags).set({ memberIds, score, reasons }).where(eq(moderationFlags.id, open.id));
    flagId = open.id;
  } else {
    const [created] = await tx.insert(moderationFlags).values({ kind: 'cluster', memberIds, score, reasons }).returning({ id: moderationFlags.id });
    flagId = created!.id;
  }
  const newlyHeld: number[] = [];
  for (const id of ids) {
    if (await applyRestriction(tx, id, 'held', clusterHoldReason(flagId), null)) {
      newlyHeld.push(id);
      await sendNotice(tx, id, 'restriction', notice('notice.held'));
    }
  }
  // Their single-account registration flags are now part of this one: the queue shows the cluster once.
  await tx
    .update(moderationFlags)
    .set({ status: 'actioned', resolvedAt: sql`now()`, resolution: `Merged into cluster flag #${flagId}.` })
    .where(and(eq(moderationFlags.kind, 'registration'), eq(moderationFlags.status, 'open'), sql`${moderationFlags.memberIds} <@ ${sqlIntArray(memberIds)}`));
  return { flagId, memberIds, reasons: cluster.reasons, newlyHeld };
}
