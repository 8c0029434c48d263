import { and, eq, or } from 'drizzle-orm';
import { invitations } from '../../db/schema.ts';

/** The invitations between two members, whichever way they went: a condition for any query on the pair. */
export const pairOf = (a: number, b: number) =>
  or(and(eq(invitations.senderId, a), eq(invitations.recipientId, b)), and(eq(invitations.senderId, b), eq(invitations.recipientId, a)));

/**
 * An invitation answered "I don't know this person" that its sender withdrew (they could not tell it from a
 * pending one): the withdrawal closes it for them at that moment, so expiry and answer coincide. A real
 * answer always comes before expiry.
 */
export const senderWithdrew = (inv: { status: string; expiresAt: Date; respondedAt: Date | null }) =>
  inv.status === 'dont_know' && inv.respondedAt !== null && inv.expiresAt.getTime() === inv.respondedAt.getTime();
