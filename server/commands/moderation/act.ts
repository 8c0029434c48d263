import { reason as notice } from '../../../common/reasons.ts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Tx } from '../../db/connection.ts';
import { invitations, members, moderationFlags, reports } from '../../db/schema.ts';
import { conflict, notFound } from '../../errors.ts';
import { authorize } from '../../policies/index.ts';
import { setMemberStatus } from '../admin/suspend-member.ts';
import { recordAudit } from '../audit.ts';
import { lockModeration } from './locks.ts';
import { sendNotice } from './notices.ts';
import { applyRestriction, liftRestrictions, releaseHeldInvitations } from './restrictions.ts';

export type ModerationAction = 'dismiss' | 'warn' | 'restrict' | 'suspend';

export interface ActionOutcome {
  type: 'flag' | 'report';
  id: number;
  action: ModerationAction;
  status: 'dismissed' | 'actioned';
  members: string[];
}

interface Context {
  operator: Actor;
  reason: string;
  ip: string | null;
  /** For restrict: how many days it lasts; absent, until an operator lifts it. */
  days?: number | undefined;
}

const DAY_MS = 86_400_000;

/**
 * Resolves an open flag with one action on every member it names, in the caller's transaction. The
 * flag row is locked first, so two operators acting at once resolve it once; the other gets 409.
 * A 'reports' flag closes its members' open reports with it.
 */
/** Which of the "already dealt with" messages a closed flag or report gets. */
const closedAs = (status: string) => (status === 'dismissed' || status === 'actioned' ? status : 'other');

export async function actOnFlag(tx: Tx, flagId: number, action: ModerationAction, ctx: Context): Promise<ActionOutcome> {
  const [flag] = await tx.select().from(moderationFlags).where(eq(moderationFlags.id, flagId)).for('update');
  if (!flag) throw notFound('flag');
  if (flag.status !== 'open') throw conflict('flag_closed', { key: closedAs(flag.status) });
  const status = action === 'dismiss' ? 'dismissed' : 'actioned';
  const affected = await applyToMembers(tx, flag.memberIds, action, ctx, { flagId });
  await tx
    .update(moderationFlags)
    .set({ status, resolvedAt: sql`now()`, resolvedBy: ctx.operator.id, resolution: `${action}: ${ctx.reason}` })
    .where(eq(moderationFlags.id, flagId));
  if (flag.kind === 'reports') await closeOpenReports(tx, flag.memberIds, status, ctx.operator.id);
  return { type: 'flag', id: flagId, action, status, members: affected };
}

/** Resolves one open report with one action on the reported member. */
export async function actOnReport(tx: Tx, reportId: number, action: ModerationAction, ctx: Context): Promise<ActionOutcome> {
  const [report] = await tx.select().from(reports).where(eq(reports.id, reportId)).for('update');
  if (!report) throw notFound('report');
  if (report.status !== 'open') throw conflict('report_closed', { key: closedAs(report.status) });
  const status = action === 'dismiss' ? 'dismissed' : 'actioned';
  const affected = await applyToMembers(tx, [report.memberId], action, ctx, { reportId });
  await tx
    .update(reports)
    .set({ status, resolvedAt: sql`now()`, resolvedBy: ctx.operator.id })
    .where(eq(reports.id, reportId));
  return { type: 'report', id: reportId, action, status, members: affected };
}

/**
 * The action itself, for each member, with one audit row per member:
 * - dismiss: the review is over and found nothing; lifts the automatic 'held' and 'limited' restrictions
 *   (only for flags: dismissing a report leaves the sign-up's restrictions alone);
 * - warn: a warning notice, and a held account is released (it has been reviewed);
 * - restrict: no more invitations (the allowance reads this restriction as zero) and a notice saying so;
 * - suspend: the existing suspension (sessions ended, access tokens revoked, hidden), their pending invitations blocked, and
 *   their other open reports and flags closed, since nothing is left to review.
 * Returns the handles of the members acted on.
 */
async function applyToMembers(
  tx: Tx,
  memberIds: number[],
  action: ModerationAction,
  ctx: Context,
  ref: { flagId: number } | { reportId: number },
): Promise<string[]> {
  const { operator, reason, ip } = ctx;
  const endsAt = action === 'restrict' && ctx.days ? new Date(Date.now() + ctx.days * DAY_MS) : null;
  await lockModeration(tx, ...memberIds);
  const found = await tx
    .select({ id: members.id, handle: members.handle, role: members.role })
    .from(members)
    .where(inArray(members.id, memberIds))
    .orderBy(members.id);
  // All or nothing: one member the operator may not act on refuses the whole action (403).
  for (const m of found) {
    if (action === 'suspend') authorize(operator, 'member.suspend', { kind: 'member', memberId: m.id, role: m.role });
    else if (action === 'dismiss') authorize(operator, 'moderation.act', { kind: 'site' });
    else authorize(operator, 'moderation.act', { kind: 'member', memberId: m.id, role: m.role });
  }
  const ids = found.map((m) => m.id);
  switch (action) {
    case 'dismiss': {
      if ('flagId' in ref) {
        const released = new Set((await liftRestrictions(tx, ids, ['held', 'limited'], operator.id)).map((r) => r.memberId));
        for (const id of released) await sendNotice(tx, id, 'lifted', notice('notice.new_account_limits_lifted'));
        await releaseHeldInvitations(tx, ids);
      }
      break;
    }
    case 'warn': {
      await liftRestrictions(tx, ids, ['held'], operator.id);
      await releaseHeldInvitations(tx, ids);
      for (const id of ids) await sendNotice(tx, id, 'warning', notice('notice.warned', { reason }));
      break;
    }
    case 'restrict': {
      await liftRestrictions(tx, ids, ['held'], operator.id);
      for (const id of ids) {
        await applyRestriction(tx, id, 'invitations', reason, operator.id, { endsAt, replace: true });
        // Restricted for a number of days (the notice carries the end, which the web app shows in the
        // member's own time), or until an operator lifts it.
        await sendNotice(tx, id, 'restriction', notice('notice.invitations_restricted', ctx.days ? { reason, days: ctx.days } : { reason }), endsAt);
      }
      break;
    }
    case 'suspend': {
      for (const id of ids) await setMemberStatus(tx, operator.id, id, 'suspended', reason, ip);
      if (ids.length) {
        await tx
          .update(invitations)
          .set({ status: 'blocked', respondedAt: sql`now()` })
          .where(and(inArray(invitations.senderId, ids), eq(invitations.status, 'pending')));
        await closeOpenReports(tx, ids, 'actioned', operator.id);
        await closeFlagsOfSuspended(tx, ids, operator.id, reason);
      }
      break;
    }
  }
  for (const id of ids) {
    const data = { ...ref, reason, ...(endsAt ? { days: ctx.days, until: endsAt.toISOString() } : {}) };
    await recordAudit(tx, { actorId: operator.id, action: `moderation.${action}`, subjectType: 'member', subjectId: id, data, ip });
  }
  return found.map((m) => m.handle);
}

async function closeOpenReports(tx: Tx, memberIds: number[], status: 'dismissed' | 'actioned', operatorId: number): Promise<void> {
  await tx
    .update(reports)
    .set({ status, resolvedAt: sql`now()`, resolvedBy: operatorId })
    .where(and(inArray(reports.memberId, memberIds), eq(reports.status, 'open')));
}

/** Open flags that name only suspended members have nothing left to decide. */
async function closeFlagsOfSuspended(tx: Tx, memberIds: number[], operatorId: number, reason: string): Promise<void> {
  await tx.execute(sql`
    UPDATE moderation_flags f
    SET status = 'actioned', resolved_at = now(), resolved_by = ${operatorId}, resolution = ${`suspend: ${reason}`}
    WHERE f.status = 'open'
      AND f.member_ids && ARRAY[${sql.join(memberIds.map((id) => sql`${id}`), sql`, `)}]::integer[]
      AND NOT EXISTS (SELECT 1 FROM members m WHERE m.id = ANY (f.member_ids) AND m.status <> 'suspended')`);
}
