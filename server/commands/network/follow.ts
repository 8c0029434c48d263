import { and, eq } from 'drizzle-orm';
import { follows, profiles } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordEvent } from '../../events/record.ts';
import { followRefusal } from '../../policies/people.ts';
import { blockBetween } from '../../queries/network/blocks.ts';
import { areConnected } from '../../queries/network/connections.ts';
import type { NetworkDeps } from './deps.ts';
import { lockMembers } from './locks.ts';

/** Follows a member, if their "who can follow me" setting allows it. Idempotent. */
export async function followMember(deps: NetworkDeps, actorId: number, otherId: number): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    await lockMembers(tx, actorId, otherId);
    // The facts under the lock, then the one rule the profile's "Follow" button is drawn from.
    const block = await blockBetween(tx, actorId, otherId);
    const [setting] = await tx.select({ who: profiles.whoCanFollow }).from(profiles).where(eq(profiles.memberId, otherId));
    const connected = setting?.who === 'connections' ? await areConnected(tx, actorId, otherId) : false;
    const refusal = followRefusal(actorId, { id: otherId, block, whoCanFollow: setting?.who ?? 'everyone', connected });
    if (refusal) throw refusal;
    const [row] = await tx.insert(follows).values({ followerId: actorId, followeeId: otherId }).onConflictDoNothing().returning({ f: follows.followerId });
    if (row) await recordEvent(tx, { kind: 'follow.added', actorId, subjectId: otherId, data: { cause: 'follow' } });
  });
}

export async function unfollowMember(deps: NetworkDeps, actorId: number, otherId: number): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const gone = await tx
      .delete(follows)
      .where(and(eq(follows.followerId, actorId), eq(follows.followeeId, otherId)))
      .returning({ f: follows.followerId });
    if (gone.length) await recordEvent(tx, { kind: 'follow.removed', actorId, subjectId: otherId, data: { cause: 'unfollow' } });
  });
}
