import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.ts';

/** Advisory-lock namespace for network changes, in the high 32 bits so member ids fill the low ones. */
const MEMBER_LOCK_SPACE = 0x52_41_50_4e; // "RAPN"

/**
 * Serialises every network change that touches either member, for the rest of the transaction.
 * Both members are locked in ascending id order, so two commands on the same pair can never deadlock.
 * This is what makes racing requests resolve to one outcome: two members inviting each other at once,
 * an accept racing a withdrawal, or two accepts pushing a member past the connection limit.
 */
export async function lockMembers(tx: Tx, ...ids: number[]): Promise<void> {
  for (const id of [...new Set(ids)].sort((a, b) => a - b)) {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MEMBER_LOCK_SPACE}::bigint * 4294967296 + ${id}::bigint)`);
  }
}
