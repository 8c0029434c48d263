import { and, eq, or } from 'drizzle-orm';
import type { Tx } from '../../db/connection.ts';
import { connections, follows, type InvitationContext } from '../../db/schema.ts';
import { recordEvent } from '../../events/record.ts';

export interface ConnectionOrigin {
  context: InvitationContext;
  invitationId: number | null;
}

/**
 * Connects two members inside the caller's transaction (which holds their locks): both connection rows
 * with the origin, a follow each way (connecting makes both follow each other; either may unfollow),
 * and the events (the interactions follow from them: relationships/from-events.ts). `a` is the member whose action connected them. Returns false when
 * they were already connected.
 */
export async function connectMembers(tx: Tx, a: number, b: number, origin: ConnectionOrigin): Promise<boolean> {
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
  const data = { at: now.toISOString(), context: origin.context, invitationId: origin.invitationId };
  await recordEvent(tx, { kind: 'connection.made', actorId: a, subjectId: b, data });
  for (const [follower, followee] of [[a, b], [b, a]] as const) {
    const [f] = await tx.insert(follows).values({ followerId: follower, followeeId: followee, createdAt: now }).onConflictDoNothing().returning({ f: follows.followerId });
    if (f) await recordEvent(tx, { kind: 'follow.added', actorId: follower, subjectId: followee, data: { cause: 'connection' } });
  }
  return true;
}

/** Removes a connection (both rows) and the follows between the two; `a` removes it. Returns false when there was none. */
export async function disconnectMembers(tx: Tx, a: number, b: number): Promise<boolean> {
  const removed = await tx
    .delete(connections)
    .where(or(and(eq(connections.memberId, a), eq(connections.otherId, b)), and(eq(connections.memberId, b), eq(connections.otherId, a))))
    .returning({ memberId: connections.memberId });
  if (removed.length) await recordEvent(tx, { kind: 'connection.removed', actorId: a, subjectId: b, data: {} });
  await unfollowBoth(tx, a, b);
  return removed.length > 0;
}

export async function unfollowBoth(tx: Tx, a: number, b: number): Promise<void> {
  const gone = await tx
    .delete(follows)
    .where(or(and(eq(follows.followerId, a), eq(follows.followeeId, b)), and(eq(follows.followerId, b), eq(follows.followeeId, a))))
    .returning({ follower: follows.followerId, followee: follows.followeeId });
  for (const f of gone) await recordEvent(tx, { kind: 'follow.removed', actorId: f.follower, subjectId: f.followee, data: { cause: 'connection_removed' } });
}
