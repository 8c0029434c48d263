import { reason } from '../../common/reasons.ts';
import { and, eq, sql } from 'drizzle-orm';
import type { ReportCreate } from '../../common/schemas/screening.ts';
import type { ScreeningConfig } from '../config.ts';
import type { Tx } from '../db/connection.ts';
import { invitations, members, reports } from '../db/schema.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { recordEvent } from '../events/record.ts';
import { recordAudit } from './audit.ts';
import { raiseMemberFlag } from './moderation/flags.ts';
import { lockModeration } from './moderation/locks.ts';
import { blockBetween } from '../queries/network/blocks.ts';

/**
 * Files a report against a member, optionally about an invitation they sent the reporter. One open
 * report per reporter and member; a member with reportsToFlag open reports enters the moderation queue
 * (one open 'reports' flag, refreshed by later reports). A member who blocked the reporter, or a
 * suspended one, is not found: a report must not reveal either.
 */
export async function fileReport(
  tx: Tx,
  reporterId: number,
  input: ReportCreate,
  config: ScreeningConfig,
  ip: string | null,
): Promise<{ id: number }> {
  const [target] = await tx.select({ id: members.id, status: members.status }).from(members).where(eq(members.handle, input.member));
  if (!target || target.status !== 'active') throw notFound('member');
  if (target.id === reporterId) throw badRequest('report_self', { errors: [{ path: 'body.member', code: 'custom', key: 'field.is_you' }] });
  if ((await blockBetween(tx, reporterId, target.id)) === 'they_blocked') throw notFound('member');
  if (input.invitationId !== undefined) {
    const [inv] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.id, input.invitationId), eq(invitations.senderId, target.id), eq(invitations.recipientId, reporterId)));
    if (!inv) throw notFound('invitation');
  }

  await lockModeration(tx, target.id);
  const [created] = await tx
    .insert(reports)
    .values({ reporterId, memberId: target.id, invitationId: input.invitationId ?? null, reason: input.reason, details: input.details })
    .onConflictDoNothing()
    .returning({ id: reports.id });
  if (!created) throw conflict('report_exists');
  await recordEvent(tx, { kind: 'report.filed', actorId: reporterId, subjectId: target.id, data: { reportId: created.id, reason: input.reason } });
  await recordAudit(tx, {
    actorId: reporterId,
    action: 'report.create',
    subjectType: 'member',
    subjectId: target.id,
    data: { reportId: created.id, reason: input.reason, ...(input.invitationId ? { invitationId: input.invitationId } : {}) },
    ip,
  });

  const open = await tx
    .select({ reason: reports.reason, n: sql<number>`count(*)::int` })
    .from(reports)
    .where(and(eq(reports.memberId, target.id), eq(reports.status, 'open')))
    .groupBy(reports.reason);
  const total = open.reduce((sum, r) => sum + r.n, 0);
  if (total >= config.reportsToFlag) {
    const byReason = Object.fromEntries(open.map((r) => [r.reason, r.n]));
    await raiseMemberFlag(tx, 'reports', target.id, 20 * total, [reason('flag.reports', { count: total, ...byReason })]);
  }
  return created;
}
