import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, AUDIT_AREAS, type AuditAction, type AuditArea, type AuditEntry } from '../../api/moderation.ts';
import { useFormat } from '../../i18n/format.ts';
import type english from '../../i18n/resources/en/admin.ts';

/** The formats the audit's sentences need, bound to the reader's language (`useFormat()`). */
export interface AuditFormat {
  dateTime: (value: string) => string;
  list: (items: readonly string[]) => string;
}

/** Each area's key in the `audit.areas` messages (an area is an action's prefix, "member."). */
const AREA_KEYS = {
  'member.': 'member',
  'moderation.': 'moderation',
  'report.': 'report',
  'invitation.': 'invitation',
  'organisation.': 'organisation',
  'profile.': 'profile',
  'password.': 'password',
  'token.': 'token',
  'job.': 'job',
  'account.': 'account',
  'community.': 'community',
} as const satisfies Record<AuditArea, string>;

const ACTIONS = new Set<string>(AUDIT_ACTIONS);
const isAction = (action: string): action is AuditAction => ACTIONS.has(action);

type Restriction = keyof typeof english.audit.details.restrictions;
const isRestriction = (kind: string): kind is Restriction => kind === 'held' || kind === 'limited' || kind === 'invitations';
type ProfileField = keyof typeof english.audit.details.fields;
const PROFILE_FIELDS = new Set<string>(['name', 'headline', 'about', 'location', 'industry', 'function', 'careerStage', 'birthYear', 'ageBandShared', 'visibility', 'whoCanFollow', 'connectionsVisibility', 'links', 'offers', 'asks', 'skills', 'experience', 'education', 'locale'] satisfies ProfileField[]);
const isProfileField = (field: string): field is ProfileField => PROFILE_FIELDS.has(field);
const REPORT_REASONS = new Set<string>(['spam', 'fake', 'scam', 'harassment', 'other'] satisfies (keyof typeof english.reportReasons)[]);
const isReportReason = (reason: string): reason is keyof typeof english.reportReasons => REPORT_REASONS.has(reason);

/** The action's name, or its code for an action this version of the app does not know (an older log row). */
export function actionLabel(action: string, t: TFunction<'admin'>): string {
  return isAction(action) ? t(`audit.actions.${action}`) : action;
}

/** An area's name ("Moderation queue"). */
export function areaLabel(area: AuditArea, t: TFunction<'admin'>): string {
  return t(`audit.areas.${AREA_KEYS[area]}`);
}

/** The audit filter's options: "All actions", then each area with "every … action" first and its actions after. */
export function auditFilterOptions(t: TFunction<'admin'>) {
  return [
    { value: '', label: t('audit.allActions') },
    ...AUDIT_AREAS.map((area) => ({
      group: areaLabel(area, t),
      items: [
        { value: area, label: t(`audit.areasAll.${AREA_KEYS[area]}`) },
        ...AUDIT_ACTIONS.filter((a) => a.startsWith(area)).map((a) => ({ value: a, label: actionLabel(a, t) })),
      ],
    })),
  ];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/**
 * An event's recorded details in words, one line each: the reason, where it came from (a flag, a report,
 * an invitation), how long a restriction lasts, what was lifted or changed. Keys it does not know are
 * left out rather than dumped as JSON; codes it does not know (a restriction kind, a profile field) show as they are.
 */
export function auditDetails(e: AuditEntry, t: TFunction<'admin'>, format: AuditFormat): string[] {
  const d = e.data;
  const lines: string[] = [];
  const reason = str(d.reason);
  if (e.action === 'report.create' && reason) {
    lines.push(t('audit.details.reportReason', { reason: isReportReason(reason) ? t(`reportReasons.${reason}`) : reason }));
  } else if (reason) lines.push(t('audit.details.reason', { reason }));
  const days = num(d.days);
  const until = str(d.until);
  if (e.action === 'moderation.restrict') {
    lines.push(days && until ? t('audit.details.forDays', { days, until: format.dateTime(until) }) : t('audit.details.untilLifted'));
  }
  if (Array.isArray(d.kinds)) {
    const what = d.kinds.map(String).map((k) => (isRestriction(k) ? t(`audit.details.restrictions.${k}`) : k));
    lines.push(t('audit.details.lifted', { what: format.list(what) }));
  }
  const flagId = num(d.flagId);
  if (flagId !== null) lines.push(t('audit.details.fromFlag', { id: flagId }));
  const reportId = num(d.reportId);
  if (reportId !== null) lines.push(t(e.action === 'report.create' ? 'audit.details.report' : 'audit.details.fromReport', { id: reportId }));
  const invitationId = num(d.invitationId);
  if (invitationId !== null) lines.push(t('audit.details.invitation', { id: invitationId }));
  if (d.previousStatus === 'ignored') lines.push(t('audit.details.wasIgnored'));
  const raised = num(d.raisedFlagId);
  if (raised !== null) lines.push(t('audit.details.raisedFlag', { id: raised }));
  const into = d.into && typeof d.into === 'object' ? str((d.into as Record<string, unknown>).name) : null;
  if (e.action === 'organisation.merge' && into) {
    const name = str(d.name) ?? t('audit.details.anOrganisation');
    lines.push(t('audit.details.merged', { name, into, count: num(d.members) ?? 0 }));
  }
  // The post, comment or message removed, or reported (`content` of a report.create).
  const item = e.action === 'moderation.remove_content' ? d : d.content && typeof d.content === 'object' ? (d.content as Record<string, unknown>) : null;
  const kind = item ? str(item.kind) : null;
  const itemId = item ? num(item.id) : null;
  if (kind && itemId !== null) lines.push(t('audit.details.content', { kind, id: itemId }));
  if (e.action === 'moderation.remove_content') {
    const closed = Array.isArray(d.reports) ? d.reports.filter((r): r is number => typeof r === 'number') : [];
    if (closed.length) lines.push(t('audit.details.reportsClosed', { count: closed.length, ids: format.list(closed.map((r) => `#${r}`)) }));
  }
  if (e.action === 'member.signup' && d.role === 'admin') lines.push(t('audit.details.firstAccount'));
  if (Array.isArray(d.fields) && d.fields.length) {
    // Field names are joined with commas, as a list of names rather than a sentence.
    const fields = d.fields.map(String).map((f) => (isProfileField(f) ? t(`audit.details.fields.${f}`) : f));
    lines.push(t('audit.details.changed', { fields: fields.join(', ') }));
  }
  if (e.ip) lines.push(t('audit.details.fromAddress', { ip: e.ip }));
  return lines;
}

/** `actionLabel` and `auditDetails` in the reader's language, re-rendering when it changes. */
export function useAuditWords() {
  const { t } = useTranslation('admin');
  const format = useFormat();
  return useMemo(
    () => ({
      actionLabel: (action: string) => actionLabel(action, t),
      details: (e: AuditEntry) => auditDetails(e, t, format),
      filterOptions: auditFilterOptions(t),
    }),
    [t, format],
  );
}
