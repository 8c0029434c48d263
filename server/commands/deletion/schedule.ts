import { sql } from 'drizzle-orm';
import type { Locale } from '../../../common/locales.ts';
import { type Tx, rows } from '../../db/connection.ts';
import { deletionScheduledMessage } from '../../email/templates.ts';
import { conflict } from '../../errors.ts';
import { recordEvent } from '../../events/record.ts';
import { pendingDeletionOf } from '../../queries/deletion.ts';
import { recordAudit } from '../audit.ts';
import { queueEmail } from '../queue-email.ts';

/**
 * Schedules the deletion of a member's account after the grace period, in the caller's transaction: the
 * request row, an event, an audit entry (that it happened, nothing else) and an email saying when and how to
 * cancel. Asking again while one is pending changes nothing and answers the same date, so a retried request
 * is safe. The member keeps signing in until the purge (to cancel, or to take their data with them).
 */
export async function scheduleDeletion(
  tx: Tx,
  input: { memberId: number; graceMs: number; locale: (memberLocale: Locale | null) => Locale; settingsLink: string; ip: string | null },
): Promise<{ purgeAfter: Date; created: boolean }> {
  // One request at a time per member: the row lock orders two concurrent requests.
  const [m] = await rows<{ email: string; name: string | null; locale: Locale | null }>(
    tx,
    sql`SELECT m.email, p.name, m.locale FROM members m LEFT JOIN profiles p ON p.member_id = m.id WHERE m.id = ${input.memberId} FOR UPDATE OF m`,
  );
  const pending = await pendingDeletionOf(tx, input.memberId);
  if (pending || !m) return { purgeAfter: pending?.purgeAfter ?? new Date(), created: false };
  const purgeAfter = new Date(Date.now() + input.graceMs);
  await tx.execute(sql`INSERT INTO account_deletions (member_id, purge_after) VALUES (${input.memberId}, ${purgeAfter.toISOString()}::timestamptz)`);
  await recordEvent(tx, { kind: 'account.deletion_scheduled', actorId: input.memberId, subjectId: input.memberId, data: { purgeAfter: purgeAfter.toISOString() } });
  await recordAudit(tx, { actorId: input.memberId, action: 'account.delete_request', subjectType: 'member', subjectId: input.memberId, ip: input.ip });
  const locale = input.locale(m.locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(purgeAfter);
  await queueEmail(tx, { memberId: input.memberId, to: m.email, ...deletionScheduledMessage(locale, m.name ?? '', date, input.settingsLink) });
  return { purgeAfter, created: true };
}

/** Cancels the member's pending deletion; 409 deletion_not_scheduled when there is none (already purged members cannot ask). */
export async function cancelDeletion(tx: Tx, memberId: number, ip: string | null): Promise<void> {
  const cancelled = await rows<{ id: number }>(
    tx,
    sql`UPDATE account_deletions SET status = 'cancelled', cancelled_at = now() WHERE member_id = ${memberId} AND status = 'pending' RETURNING id`,
  );
  if (cancelled.length === 0) throw conflict('deletion_not_scheduled');
  await recordEvent(tx, { kind: 'account.deletion_cancelled', actorId: memberId, subjectId: memberId, data: {} });
  await recordAudit(tx, { actorId: memberId, action: 'account.delete_cancel', subjectType: 'member', subjectId: memberId, ip });
}
