import { reason as notice, reason, toStored } from '../../../common/reasons.ts';
import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/connection.ts';
import { invitations, memberRestrictions, type RestrictionKind } from '../../db/schema.ts';
import { recordEvent } from '../../events/record.ts';
import { restrictionApplies } from '../../queries/restrictions.ts';
import { sendNotice } from './notices.ts';

/**
 * Applies a restriction unless the same kind is already active (one active row per member and kind,
 * enforced by a unique index). Returns whether it was newly applied. With `replace`, an active one of
 * the same kind takes the new reason and end instead (an operator restricting again decides anew).
 */
export async function applyRestriction(
  db: Tx,
  memberId: number,
  kind: RestrictionKind,
  reason: string,
  createdBy: number | null,
  options: { endsAt?: Date | null; replace?: boolean } = {},
): Promise<boolean> {
  // A row past its end still holds the one-active-row slot until the sweep closes it: close it now.
  await closeEnded(db, and(eq(memberRestrictions.memberId, memberId), eq(memberRestrictions.kind, kind)));
  const values = { memberId, kind, reason, createdBy, endsAt: options.endsAt ?? null };
  const insert = db.insert(memberRestrictions).values(values);
  const written = options.replace
    ? await insert
        .onConflictDoUpdate({
          target: [memberRestrictions.memberId, memberRestrictions.kind],
          targetWhere: isNull(memberRestrictions.liftedAt),
          set: { reason, createdBy, endsAt: values.endsAt, createdAt: sql`now()` },
        })
        .returning({ id: memberRestrictions.id })
    : await insert.onConflictDoNothing().returning({ id: memberRestrictions.id });
  // A held or restricted account's invitations still waiting for an answer leave their recipients'
  // folders too, so a cluster found after it sent its invitations is stopped all the same.
  if (written.length > 0 && (kind === 'held' || kind === 'invitations')) await holdPendingInvitations(db, [memberId]);
  if (written.length > 0) {
    const data = { kind, reason, endsAt: values.endsAt?.toISOString() ?? null };
    await recordEvent(db, { kind: 'member.restricted', actorId: createdBy, subjectId: memberId, data });
  }
  return written.length > 0;
}

/** Holds the senders' pending invitations that had reached an inbox or "Other", while their accounts are reviewed. */
export async function holdPendingInvitations(db: DbOrTx, senderIds: number[]): Promise<void> {
  const placement = toStored(reason('placement.sender_under_review'));
  if (senderIds.length === 0) return;
  await db
    .update(invitations)
    .set({ folder: 'held', placement })
    .where(and(inArray(invitations.senderId, senderIds), eq(invitations.status, 'pending'), inArray(invitations.folder, ['inbox', 'other'])));
}

/**
 * After a review found nothing (dismiss), ended in a warning, or a restriction was lifted or ran out, the
 * members' held invitations reach their recipients' inboxes after all, unless the member is still held
 * or restricted.
 */
export async function releaseHeldInvitations(db: DbOrTx, senderIds: number[]): Promise<void> {
  if (senderIds.length === 0) return;
  await db
    .update(invitations)
    .set({ folder: 'inbox', placement: toStored(reason('placement.released')) })
    .where(
      and(
        inArray(invitations.senderId, senderIds),
        eq(invitations.status, 'pending'),
        eq(invitations.folder, 'held'),
        sql`NOT EXISTS (SELECT 1 FROM member_restrictions r WHERE r.member_id = ${invitations.senderId}
                          AND r.lifted_at IS NULL AND (r.ends_at IS NULL OR r.ends_at > now()) AND r.kind IN ('held', 'invitations'))`,
      ),
    );
}

/** Lifts the active restrictions of these kinds; returns what was lifted, per member. */
export async function liftRestrictions(
  db: Tx,
  memberIds: number[],
  kinds: readonly RestrictionKind[],
  liftedBy: number | null,
): Promise<{ memberId: number; kind: RestrictionKind }[]> {
  if (memberIds.length === 0 || kinds.length === 0) return [];
  const lifted = await db
    .update(memberRestrictions)
    .set({ liftedAt: sql`now()`, liftedBy })
    .where(and(inArray(memberRestrictions.memberId, memberIds), inArray(memberRestrictions.kind, [...kinds]), restrictionApplies))
    .returning({ memberId: memberRestrictions.memberId, kind: memberRestrictions.kind });
  for (const r of lifted) await recordEvent(db, { kind: 'member.unrestricted', actorId: liftedBy, subjectId: r.memberId, data: { kind: r.kind, cause: 'lifted' } });
  return lifted;
}

/** Marks restrictions past their end as lifted at their end (by no one); returns them. */
async function closeEnded(db: Tx, where: ReturnType<typeof and>): Promise<{ memberId: number; kind: RestrictionKind }[]> {
  const ended = await db
    .update(memberRestrictions)
    .set({ liftedAt: sql`${memberRestrictions.endsAt}`, liftedBy: null })
    .where(and(where, isNull(memberRestrictions.liftedAt), lte(memberRestrictions.endsAt, sql`now()`)))
    .returning({ memberId: memberRestrictions.memberId, kind: memberRestrictions.kind });
  for (const r of ended) await recordEvent(db, { kind: 'member.unrestricted', actorId: null, subjectId: r.memberId, data: { kind: r.kind, cause: 'ended' } });
  return ended;
}

/**
 * The sweep for restrictions that ran out: closes them, releases the invitations they held, and tells each
 * member their invitations are open again. Reads already ignore them from their end; this makes it final.
 */
export async function endExpiredRestrictions(db: Tx): Promise<number> {
  const ended = await closeEnded(db, undefined);
  const released = [...new Set(ended.filter((r) => r.kind === 'invitations' || r.kind === 'held').map((r) => r.memberId))];
  await releaseHeldInvitations(db, released);
  for (const memberId of [...new Set(ended.filter((r) => r.kind === 'invitations').map((r) => r.memberId))]) {
    await sendNotice(db, memberId, 'lifted', notice('notice.restriction_ended'));
  }
  return ended.length;
}
