import { and, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { invitations } from '../db/schema.ts';

/**
 * Marks open invitations past their date as expired. Every read already treats them as expired (the
 * queries compare expires_at with now()); the sweep frees the one-open-invitation-per-pair slot and
 * keeps the open-invitation index small.
 */
export async function expireInvitations(db: DbOrTx, now = new Date()): Promise<number> {
  const expired = await db
    .update(invitations)
    .set({ status: 'expired', respondedAt: sql`now()` })
    .where(and(inArray(invitations.status, ['pending', 'ignored']), lte(invitations.expiresAt, now)))
    .returning({ id: invitations.id });
  return expired.length;
}
