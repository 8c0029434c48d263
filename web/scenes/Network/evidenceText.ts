import type { InvitationEvidence } from '../../api/screening.ts';

/** Words for the facts on an invitation's evidence card; pure, so each phrase is easy to check. */

const DEGREES: Record<number, string> = { 1: '1st degree', 2: '2nd degree: you share a connection', 3: '3rd degree: two introductions away' };

export const degreeText = (degree: number | null) => (degree ? (DEGREES[degree] ?? `${degree}th degree`) : 'Outside your network');

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function accountAgeText(days: number): string {
  if (days < 1) return 'created today';
  if (days < 60) return `${plural(Math.floor(days), 'day')} old`;
  if (days < 730) return `${plural(Math.floor(days / 30), 'month')} old`;
  return `${plural(Math.floor(days / 365), 'year')} old`;
}

/** The note's badge: whether the sender wrote something for this person, and if not, what they sent instead. */
export function noteLabel(note: InvitationEvidence['note']): string {
  switch (note.kind) {
    case 'none':
      return 'No note';
    case 'short':
      return 'Note too short to say anything';
    case 'stock':
      return 'Stock note — the standard invitation text';
    case 'personal':
      return 'Personal note';
    case 'template':
      return `Template note — nearly identical to ${plural(note.similarNotes, 'other')}`;
  }
}

const years = (s: { fromYear: number; toYear: number | null }) => (s.toYear === s.fromYear ? `${s.fromYear}` : `${s.fromYear}–${s.toYear ?? 'now'}`);

/** Everything the two have in common apart from mutual connections, one phrase each. */
export function sharedFacts(shared: InvitationEvidence['shared']): string[] {
  return [
    ...shared.organisations.map((o) => `Both at ${o.name} (${years(o)})`),
    ...shared.schools.map((s) => `Both studied at ${s.name} (${years(s)})`),
    ...(shared.place ? [`Both in ${shared.place}`] : []),
    ...(shared.industry ? [`Both work in ${shared.industry}`] : []),
  ];
}

const pct = (r: number) => `${Math.round(r * 100)}%`;

export function historyText(h: InvitationEvidence['history']): string {
  if (h.acceptanceRate === null || h.dontKnowRate === null) return 'Not enough history yet to judge (fewer than 5 answered invitations in 90 days)';
  return `${pct(h.acceptanceRate)} accepted · ${pct(h.dontKnowRate)} answered “I don’t know this person” (of ${plural(h.sent, 'invitation')} in 90 days)`;
}

export const reportsText = (n: number) => (n === 0 ? 'None' : `${plural(n, 'report')} open or upheld`);

export const listOrNone = (items: string[]) => (items.length ? items.join(', ') : 'None listed');

export const firstName = (name: string) => name.split(/\s+/)[0] ?? name;
