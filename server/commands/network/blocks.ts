import { and, eq, inArray, sql } from 'drizzle-orm';
import { blocks, invitations } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordEvent } from '../../events/record.ts';
import { blockRefusal } from '../../policies/people.ts';
import { recordAudit } from '../audit.ts';
import { disconnectMembers } from './connect.ts';
import type { NetworkDeps } from './deps.ts';
import { lockMembers } from './locks.ts';
import { pairOf } from '../../queries/network/invitation-pair.ts';

/**
 * Blocks a member: removes the connection, the follows both ways and any open invitation between them,
 * in one transaction. Idempotent. Unblocking later restores none of it.
 */
export async function blockMember(deps: NetworkDeps, actorId: number, otherId: number): Promise<void> {
  const refusal = blockRefusal(actorId, otherId);
  if (refusal) throw refusal;
  await inTransaction(deps.db, async (tx) => {
    await lockMembers(tx, actorId, otherId);
    const [inserted] = await tx.insert(blocks).values({ blockerId: actorId, blockedId: otherId }).onConflictDoNothing().returning({ id: blocks.blockedId });
    if (!inserted) return;
    await recordEvent(tx, { kind: 'block.added', actorId, subjectId: otherId, data: {} });
    await disconnectMembers(tx, actorId, otherId);
    await tx
      .update(invitations)
      .set({ status: 'blocked', respondedAt: sql`now()` })
      .where(and(pairOf(actorId, otherId), inArray(invitations.status, ['pending', 'ignored'])));
    await recordAudit(tx, { actorId, action: 'member.block', subjectType: 'member', subjectId: otherId });
  });
}

export async function unblockMember(deps: NetworkDeps, actorId: number, otherId: number): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const gone = await tx.delete(blocks).where(and(eq(blocks.blockerId, actorId), eq(blocks.blockedId, otherId))).returning({ id: blocks.blockedId });
    if (gone.length) await recordEvent(tx, { kind: 'block.removed', actorId, subjectId: otherId, data: {} });
  });
}
