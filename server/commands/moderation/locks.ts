import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.ts';

/** Advisory-lock namespace for moderation state of one member, in the high 32 bits ("RAPM"). */
const MODERATION_LOCK_SPACE = 0x52_41_50_4d;

/**
 * Serialises changes to a member's flags and restrictions for the rest of the transaction, so two
 * reports arriving at once open one 'reports' flag, not two. Ascending order: never a deadlock.
 */
export async function lockModeration(tx: Tx, ...memberIds: number[]): Promise<void> {
  for (const id of [...new Set(memberIds)].sort((a, b) => a - b)) {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MODERATION_LOCK_SPACE}::bigint * 4294967296 + ${id}::bigint)`);
  }
}
