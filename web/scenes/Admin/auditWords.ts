import type { AuditAction, AuditArea, AuditEntry } from '../../api/moderation.ts';
import { formatDateTime } from '../../components/DateTime.tsx';

/** What each action is called in the audit log and its filter. Typed by the catalogue: a new action needs a name. */
export const ACTION_LABELS: Record<AuditAction, string> = {
  'member.signup': 'Joined',
  'member.suspend': 'Suspended',
  'member.reinstate': 'Reinstated',
  'member.promote': 'Made operator',
  'member.demote': 'Removed operator role',
  'member.block': 'Blocked a member',
  'moderation.dismiss': 'Dismissed after review',
  'moderation.warn': 'Warned',
  'moderation.restrict': 'Restricted invitations',
  'moderation.suspend': 'Suspended from the queue',
  'moderation.lift': 'Lifted restrictions',
  'report.create': 'Reported a member',
  'invitation.dont_know': 'Answered “I don’t know this person”',
  'invitation.dont_know_undone': 'Took back “I don’t know this person”',
  'organisation.merge': 'Merged an organisation',
  'profile.update': 'Updated their profile',
  'password.change': 'Changed their password',
  'password.reset': 'Reset their password',
  'token.create': 'Created an access token',
  'token.revoke': 'Revoked an access token',
};

export const AREA_LABELS: Record<AuditArea, string> = {
  'member.': 'Members',
  'moderation.': 'Moderation queue',
  'report.': 'Reports',
  'invitation.': 'Invitations',
  'organisation.': 'Organisations',
  'profile.': 'Profiles',
  'password.': 'Passwords',
  'token.': 'Access tokens',
};

const RESTRICTION_WORDS: Record<string, string> = { held: 'the review hold', limited: 'the new-account limits', invitations: 'the invitation restriction' };

/** The action's name, or its code for an action this version of the app does not know (an older log row). */
export function actionLabel(action: string): string {
  return (ACTION_LABELS as Record<string, string>)[action] ?? action;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/**
 * An event's recorded details in words, one line each: the reason, where it came from (a flag, a report,
 * an invitation), how long a restriction lasts, what was lifted or changed. Keys it does not know are
 * left out rather than dumped as JSON.
 */
export function auditDetails(e: AuditEntry): string[] {
  const d = e.data;
  const lines: string[] = [];
  const reason = str(d.reason);
  if (e.action === 'report.create' && reason) lines.push(`Report reason: ${reason}`);
  else if (reason) lines.push(`Reason: “${reason}”`);
  const days = num(d.days);
  const until = str(d.until);
  if (e.action === 'moderation.restrict') lines.push(days && until ? `For ${days} day${days === 1 ? '' : 's'}, until ${formatDateTime(until)}` : 'Until an operator lifts it');
  if (Array.isArray(d.kinds)) lines.push(`Lifted ${d.kinds.map((k) => RESTRICTION_WORDS[String(k)] ?? String(k)).join(' and ')}`);
  const flagId = num(d.flagId);
  if (flagId !== null) lines.push(`From flag #${flagId} in the moderation queue`);
  const reportId = num(d.reportId);
  if (reportId !== null) lines.push(e.action === 'report.create' ? `Report #${reportId}` : `From report #${reportId}`);
  const invitationId = num(d.invitationId);
  if (invitationId !== null) lines.push(`Invitation #${invitationId}`);
  if (d.previousStatus === 'ignored') lines.push('It had been ignored before');
  const raised = num(d.raisedFlagId);
  if (raised !== null) lines.push(`This answer put the sender in the moderation queue (flag #${raised})`);
  const into = d.into && typeof d.into === 'object' ? str((d.into as Record<string, unknown>).name) : null;
  if (e.action === 'organisation.merge' && into) {
    const moved = num(d.members) ?? 0;
    lines.push(`“${str(d.name) ?? 'An organisation'}” merged into “${into}” (${moved} member${moved === 1 ? '' : 's'} moved)`);
  }
  if (e.action === 'member.signup' && d.role === 'admin') lines.push('The first account: this community’s operator');
  if (Array.isArray(d.fields) && d.fields.length) lines.push(`Changed: ${d.fields.map(String).join(', ')}`);
  if (e.ip) lines.push(`From address ${e.ip}`);
  return lines;
}
