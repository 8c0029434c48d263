import { and, eq, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.ts';
import { connections, follows, interactions, type InvitationContext } from '../../db/schema.ts';
import type { OnCommit } from '../../db/transaction.ts';
import type { GraphService } from '../../graph/service.ts';

export interface ConnectionOrigin {
  context: InvitationContext;
  invitationId: number | null;
}

/**
 * Connects two members inside the caller's transaction (which holds their locks): both connection rows
 * with the origin, a follow each way (connecting makes both follow each other; either may unfollow),
 * the interaction, and the graph changes. Returns false when they were already connected.
 */
export async function connectMembers(tx: Tx, onCommit: OnCommit, graph: GraphService, a: number, b: number, origin: ConnectionOrigin): Promise<boolean> {
  const now = new Date();
  const inserted = await tx
    .insert(connections)
    .values([
      { memberId: a, otherId: b, createdAt: now, originContext: origin.context, invitationId: origin.invitationId },
      { memberId: b, otherId: a, createdAt: now, originContext: origin.context, invitationId: origin.invitationId },
    ])
    .onConflictDoNothing()
    .returning({ memberId: connections.memberId });
  if (inserted.length === 0) return false;
  await graph.record(tx, onCommit, { kind: 'connect', a, b, atMs: now.getTime() });
  for (const [follower, followee] of [[a, b], [b, a]] as const) {
    const [f] = await tx.insert(follows).values({ followerId: follower, followeeId: followee, createdAt: now }).onConflictDoNothing().returning({ f: follows.followerId });
    if (f) await graph.record(tx, onCommit, { kind: 'follow', a: follower, b: followee, atMs: now.getTime() });
  }
  await tx.insert(interactions).values([
    { memberId: a, otherId: b, kind: 'connected', refId: origin.invitationId, at: now },
    { memberId: b, otherId: a, kind: 'connected', refId: origin.invitationId, at: now },
  ]);
  return true;
}

/** Removes a connection (both rows) and the follows between the two; returns false when there was none. */
export async function disconnectMembers(tx: Tx, onCommit: OnCommit, graph: GraphService, a: number, b: number): Promise<boolean> {
  const removed = await tx
    .delete(connections)
    .where(or(and(eq(connections.memberId, a), eq(connections.otherId, b)), and(eq(connections.memberId, b), eq(connections.otherId, a))))
    .returning({ memberId: connections.memberId });
  const now = Date.now();
  if (removed.length) await graph.record(tx, onCommit, { kind: 'disconnect', a, b, atMs: now });
  await unfollowBoth(tx, onCommit, graph, a, b);
  return removed.length > 0;
}

export async function unfollowBoth(tx: Tx, onCommit: OnCommit, graph: GraphService, a: number, b: number): Promise<void> {
  const gone = await tx
    .delete(follows)
    .where(or(and(eq(follows.followerId, a), eq(follows.followeeId, b)), and(eq(follows.followerId, b), eq(follows.followeeId, a))))
    .returning({ follower: follows.followerId, followee: follows.followeeId });
  for (const f of gone) await graph.record(tx, onCommit, { kind: 'unfollow', a: f.follower, b: f.followee, atMs: Date.now() });
}

export async function areConnected(tx: Tx, a: number, b: number): Promise<boolean> {
  const [row] = await tx.select({ one: sql`1` }).from(connections).where(and(eq(connections.memberId, a), eq(connections.otherId, b))).limit(1);
  return row !== undefined;
}

export async function connectionCount(tx: Tx, memberId: number): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(connections).where(eq(connections.memberId, memberId));
  return row?.n ?? 0;
}
