import type { TFunction } from 'i18next';
import type { InvitationEvidence } from '../../api/screening.ts';

/**
 * Words for the facts on an invitation's evidence card, in the active language; pure (the caller passes
 * its `t`), so each phrase is easy to check.
 */

type T = TFunction<'network'>;

export function degreeText(t: T, degree: number | null): string {
  if (!degree) return t('evidence.degree.outside');
  if (degree === 1) return t('evidence.degree.first');
  if (degree === 2) return t('evidence.degree.second');
  if (degree === 3) return t('evidence.degree.third');
  return t('evidence.degree.other', { degree });
}

export function accountAgeText(t: T, days: number): string {
  if (days < 1) return t('evidence.age.today');
  if (days < 60) return t('evidence.age.days', { count: Math.floor(days) });
  if (days < 730) return t('evidence.age.months', { count: Math.floor(days / 30) });
  return t('evidence.age.years', { count: Math.floor(days / 365) });
}

/** The note's badge: whether the sender wrote something for this person, and if not, what they sent instead. */
export function noteLabel(t: T, note: InvitationEvidence['note']): string {
  switch (note.kind) {
    case 'none':
      return t('evidence.note.none');
    case 'short':
      return t('evidence.note.short');
    case 'stock':
      return t('evidence.note.stock');
    case 'personal':
      return t('evidence.note.personal');
    case 'template':
      return t('evidence.note.template', { count: note.similarNotes });
  }
}

// Years as strings: a number argument would be grouped ("2,019").
function years(t: T, s: { fromYear: number; toYear: number | null }): string {
  if (s.toYear === s.fromYear) return String(s.fromYear);
  if (s.toYear === null) return t('evidence.shared.ongoing', { from: String(s.fromYear) });
  return t('evidence.shared.range', { from: String(s.fromYear), to: String(s.toYear) });
}

/** Everything the two have in common apart from mutual connections, one phrase each. */
export function sharedFacts(t: T, shared: InvitationEvidence['shared']): string[] {
  return [
    ...shared.organisations.map((o) => t('evidence.shared.organisation', { name: o.name, years: years(t, o) })),
    ...shared.schools.map((s) => t('evidence.shared.school', { name: s.name, years: years(t, s) })),
    ...(shared.place ? [t('evidence.shared.place', { place: shared.place })] : []),
    ...(shared.industry ? [t('evidence.shared.industry', { industry: shared.industry })] : []),
  ];
}

export function historyText(t: T, h: InvitationEvidence['history']): string {
  if (h.acceptanceRate === null || h.dontKnowRate === null) return t('evidence.history.notEnough');
  return t('evidence.history.rates', { accepted: h.acceptanceRate, dontKnow: h.dontKnowRate, sent: h.sent });
}

export const reportsText = (t: T, n: number) => (n === 0 ? t('evidence.noReports') : t('evidence.reports', { count: n }));

export const firstName = (name: string) => name.split(/\s+/)[0] ?? name;
