import { reason } from '../../common/reasons.ts';
import { and, eq, sql } from 'drizzle-orm';
import type { ContentKind } from '../../common/moderation.ts';
import type { ReportCreate } from '../../common/schemas/screening.ts';
import type { Actor } from '../auth/actor.ts';
import type { ScreeningConfig } from '../config.ts';
import type { Tx } from '../db/connection.ts';
import { invitations, members, reports } from '../db/schema.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { recordEvent } from '../events/record.ts';
import { recordAudit } from './audit.ts';
import { raiseMemberFlag } from './moderation/flags.ts';
import { lockModeration } from './moderation/locks.ts';
import { blockBetween } from '../queries/network/blocks.ts';
import { type Reportable, reportableContent } from '../queries/reported-content.ts';

/** The content a report names, if any: at most one of the three (the schema refuses more). */
function namedContent(input: ReportCreate): { kind: ContentKind; id: number } | null {
  if (input.postId !== undefined) return { kind: 'post', id: input.postId };
  if (input.commentId !== undefined) return { kind: 'comment', id: input.commentId };
  if (input.messageId !== undefined) return { kind: 'message', id: input.messageId };
  return null;
}

/**
 * Files a report against a member, optionally about an invitation they sent the reporter, or a post,
 * comment or message of theirs the reporter can see (kept as a snapshot: the evidence outlives an edit or a
 * deletion). One open report per reporter and member, and one per reporter and item; a member with
 * reportsToFlag reporters behind open reports enters the moderation queue (one open 'reports' flag,
 * refreshed by later reports). A member who blocked the reporter, a suspended one, and content the reporter
 * cannot see or that is not the member's are not found: a report must not reveal any of them.
 */
export async function fileReport(
  tx: Tx,
  reporter: Actor,
  input: ReportCreate,
  config: ScreeningConfig,
  ip: string | null,
): Promise<{ id: number }> {
  const reporterId = reporter.id;
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
  // Read under the lock an operator's removal takes: content removed meanwhile is not found.
  const named = namedContent(input);
  let content: Reportable | null = null;
  if (named) {
    content = await reportableContent(tx, reporter, named.kind, named.id);
    if (!content || content.authorId !== target.id) throw notFound(named.kind);
  }
  const [created] = await tx
    .insert(reports)
    .values({
      reporterId,
      memberId: target.id,
      invitationId: input.invitationId ?? null,
      contentKind: named?.kind ?? null,
      contentId: named?.id ?? null,
      content: content?.snapshot ?? null,
      reason: input.reason,
      details: input.details,
    })
    .onConflictDoNothing()
    .returning({ id: reports.id });
  if (!created) throw conflict('report_exists', { key: named ? 'content' : 'member' });
  const about = named ? { content: named } : {};
  await recordEvent(tx, { kind: 'report.filed', actorId: reporterId, subjectId: target.id, data: { reportId: created.id, reason: input.reason, ...about } });
  await recordAudit(tx, {
    actorId: reporterId,
    action: 'report.create',
    subjectType: 'member',
    subjectId: target.id,
    data: { reportId: created.id, reason: input.reason, ...(input.invitationId ? { invitationId: input.invitationId } : {}), ...about },
    ip,
  });

  // Reporters, not reports: one member reporting three posts of someone is still one member.
  const open = await tx
    .select({ reason: reports.reason, n: sql<number>`count(DISTINCT ${reports.reporterId})::int`, total: sql<number>`(SELECT count(DISTINCT r.reporter_id)::int FROM reports r WHERE r.member_id = ${target.id} AND r.status = 'open')` })
    .from(reports)
    .where(and(eq(reports.memberId, target.id), eq(reports.status, 'open')))
    .groupBy(reports.reason);
  const total = open[0]?.total ?? 0;
  if (total >= config.reportsToFlag) {
    const byReason = Object.fromEntries(open.map((r) => [r.reason, r.n]));
    await raiseMemberFlag(tx, 'reports', target.id, 20 * total, [reason('flag.reports', { count: total, ...byReason })]);
  }
  return created;
}
