import { inTransaction } from '../../db/transaction.ts';
import { disconnectMembers } from './connect.ts';
import type { NetworkDeps } from './deps.ts';
import { lockMembers } from './locks.ts';

/** Removes a connection silently (the other member is not told), and the follows between the two. */
export async function removeConnection(deps: NetworkDeps, actorId: number, otherId: number): Promise<boolean> {
  return inTransaction(deps.db, async (tx) => {
    await lockMembers(tx, actorId, otherId);
    return disconnectMembers(tx, actorId, otherId);
  });
}
