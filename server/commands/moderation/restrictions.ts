import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { invitations, memberRestrictions, type RestrictionKind } from '../../db/schema.ts';

/**
 * Applies a restriction unless the same kind is already active (one active row per member and kind,
 * enforced by a unique index). Returns whether it was newly applied.
 */
export async function applyRestriction(
  db: DbOrTx,
  memberId: number,
  kind: RestrictionKind,
  reason: string,
  createdBy: number | null,
): Promise<boolean> {
  const inserted = await db
    .insert(memberRestrictions)
    .values({ memberId, kind, reason, createdBy })
    .onConflictDoNothing()
    .returning({ id: memberRestrictions.id });
  // A held or restricted account's invitations still waiting for an answer leave their recipients'
  // folders too, so a cluster found after it sent its invitations is stopped all the same.
  if (inserted.length > 0 && (kind === 'held' || kind === 'invitations')) await holdPendingInvitations(db, [memberId], HELD_PLACEMENT);
  return inserted.length > 0;
}

export const HELD_PLACEMENT = "Held by the platform: the sender's account is under review";

export async function holdPendingInvitations(db: DbOrTx, senderIds: number[], placement: string): Promise<void> {
  if (senderIds.length === 0) return;
  await db
    .update(invitations)
    .set({ folder: 'held', placement })
    .where(and(inArray(invitations.senderId, senderIds), eq(invitations.status, 'pending'), inArray(invitations.folder, ['inbox', 'other'])));
}

/**
 * After a review found nothing (dismiss) or ended in a warning, the members' held invitations reach
 * their recipients' inboxes after all, unless the member is still held or restricted.
 */
export async function releaseHeldInvitations(db: DbOrTx, senderIds: number[]): Promise<void> {
  if (senderIds.length === 0) return;
  await db
    .update(invitations)
    .set({ folder: 'inbox', placement: 'Released by the operators after review' })
    .where(
      and(
        inArray(invitations.senderId, senderIds),
        eq(invitations.status, 'pending'),
        eq(invitations.folder, 'held'),
        sql`NOT EXISTS (SELECT 1 FROM member_restrictions r WHERE r.member_id = ${invitations.senderId}
                          AND r.lifted_at IS NULL AND r.kind IN ('held', 'invitations'))`,
      ),
    );
}

/** Lifts the active restrictions of these kinds; returns the members who had one lifted. */
export async function liftRestrictions(
  db: DbOrTx,
  memberIds: number[],
  kinds: RestrictionKind[],
  liftedBy: number | null,
): Promise<number[]> {
  if (memberIds.length === 0 || kinds.length === 0) return [];
  const lifted = await db
    .update(memberRestrictions)
    .set({ liftedAt: sql`now()`, liftedBy })
    .where(and(inArray(memberRestrictions.memberId, memberIds), inArray(memberRestrictions.kind, kinds), isNull(memberRestrictions.liftedAt)))
    .returning({ memberId: memberRestrictions.memberId });
  return [...new Set(lifted.map((r) => r.memberId))];
}

/** The active restrictions of many members, for the moderation queue and the member's own view. */
export async function activeRestrictions(db: DbOrTx, memberIds: number[]) {
  if (memberIds.length === 0) return [];
  return db
    .select({ memberId: memberRestrictions.memberId, kind: memberRestrictions.kind, reason: memberRestrictions.reason, since: memberRestrictions.createdAt })
    .from(memberRestrictions)
    .where(and(inArray(memberRestrictions.memberId, memberIds), isNull(memberRestrictions.liftedAt)));
}
