import { testI18n } from '../../i18n/test-i18n.ts';
import IntlMessageFormat from 'intl-messageformat';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../api/moderation.ts';
import { formatDateTime, formatList } from '../../i18n/format.ts';
import en from '../../i18n/resources/en/admin.ts';
import it_ from '../../i18n/resources/it/admin.ts';
import { type AuditFormat, actionLabel, auditDetails } from './auditWords.ts';

const entry = (action: string, data: Record<string, unknown>, ip: string | null = null): AuditEntry => ({
  id: 1,
  at: '2026-12-05T10:00:00.000Z',
  actor: null,
  action,
  subject: null,
  subjectType: 'member',
  subjectId: '7',
  data,
  ip,
});

const { i18n, ready } = testI18n({ admin: { en, it: it_ } });
beforeAll(() => ready);
const words = (lang: 'en' | 'it') => ({
  t: i18n.getFixedT(lang, 'admin'),
  format: { dateTime: (v: string) => formatDateTime(v, lang), list: (items: readonly string[]) => formatList(items, 'conjunction', lang) } satisfies AuditFormat,
});
const details = (e: AuditEntry, lang: 'en' | 'it' = 'en') => {
  const { t, format } = words(lang);
  return auditDetails(e, t, format);
};

/** Every message of a namespace with its dotted key. */
function messages(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value] as [string, string]] : messages(value as object, `${prefix}${key}.`),
  );
}

describe('admin messages', () => {
  it('parse as ICU in both languages, with the same arguments', () => {
    const italian = new Map(messages(it_));
    for (const [key, english] of messages(en)) {
      const args = (m: string) => [...m.matchAll(/\{(\w+)[,}]/g)].map((a) => a[1]);
      expect(() => new IntlMessageFormat(english, 'en', undefined, { ignoreTag: true }), key).not.toThrow();
      expect(() => new IntlMessageFormat(italian.get(key) ?? '', 'it', undefined, { ignoreTag: true }), key).not.toThrow();
      expect(new Set(args(italian.get(key) ?? '')), key).toEqual(new Set(args(english)));
    }
  });
});

describe('audit log words', () => {
  it('words a time-limited restriction from the queue, never as JSON', () => {
    const lines = details(entry('moderation.restrict', { flagId: 12, reason: 'Sales pitches', days: 30, until: '2027-01-04T10:00:00.000Z' }, '198.51.100.7'));
    expect(lines[0]).toBe('Reason: “Sales pitches”');
    expect(lines[1]).toMatch(/^For 30 days, until .*2027/);
    expect(lines.slice(2)).toEqual(['From flag #12 in the moderation queue', 'From address 198.51.100.7']);
    expect(lines.join(' ')).not.toMatch(/[{}"]/);
  });

  it('words the other actions it knows, and names an unknown one by its code', () => {
    expect(details(entry('moderation.restrict', { reportId: 3, reason: 'x' }))).toEqual(['Reason: “x”', 'Until an operator lifts it', 'From report #3']);
    expect(details(entry('moderation.lift', { kinds: ['invitations', 'held'], reason: 'Apologised' }))).toEqual([
      'Reason: “Apologised”',
      'Lifted the invitation restriction and the review hold',
    ]);
    expect(details(entry('report.create', { reportId: 9, reason: 'spam', invitationId: 4 }))).toEqual(['Report reason: spam', 'Report #9', 'Invitation #4']);
    expect(details(entry('invitation.dont_know', { invitationId: 4, previousStatus: 'pending', raisedFlagId: 2 }))).toEqual([
      'Invitation #4',
      'This answer put the sender in the moderation queue (flag #2)',
    ]);
    expect(details(entry('profile.update', { fields: ['headline', 'about'] }))).toEqual(['Changed: headline, about']);
    expect(details(entry('organisation.merge', { name: 'Acme Corp.', into: { id: 2, name: 'Acme Corp' }, members: 3 }))).toEqual([
      '“Acme Corp.” merged into “Acme Corp” (3 members moved)',
    ]);
    expect(details(entry('organisation.merge', { name: 'Acme Corp.', into: { id: 2, name: 'Acme Corp' }, members: 1 }))).toEqual([
      '“Acme Corp.” merged into “Acme Corp” (1 member moved)',
    ]);
    expect(details(entry('moderation.remove_content', { kind: 'comment', id: 5, postId: 2, conversationId: null, reason: 'Spam', reports: [3, 4] }))).toEqual([
      'Reason: “Spam”',
      'Comment #5',
      'Reports closed: #3 and #4',
    ]);
    expect(details(entry('report.create', { reportId: 9, reason: 'spam', content: { kind: 'message', id: 12 } }))).toEqual(['Report reason: spam', 'Report #9', 'Message #12']);
    const { t } = words('en');
    expect(actionLabel('moderation.remove_content', t)).toBe('Removed a post, comment or message');
    expect(actionLabel('moderation.restrict', t)).toBe('Restricted invitations');
    expect(actionLabel('something.new', t)).toBe('something.new');
  });

  it('words them in Italian, with its plurals, dates and lists', () => {
    const lines = details(entry('moderation.restrict', { flagId: 12, reason: 'Vendite', days: 1, until: '2027-01-04T10:00:00.000Z' }), 'it');
    expect(lines[0]).toBe('Motivo: “Vendite”');
    expect(lines[1]).toMatch(/^Per 1 giorno, fino al giorno 4 gennaio 2027/);
    expect(details(entry('moderation.lift', { kinds: ['invitations', 'held'] }), 'it')).toEqual([
      'Restrizioni revocate: restrizione degli inviti e blocco in attesa di revisione',
    ]);
    expect(details(entry('report.create', { reportId: 9, reason: 'scam' }), 'it')).toEqual(['Motivo della segnalazione: truffa', 'Segnalazione #9']);
    expect(actionLabel('moderation.restrict', words('it').t)).toBe('Inviti limitati');
    expect(details(entry('moderation.remove_content', { kind: 'post', id: 7, reason: 'Spam', reports: [3] }), 'it')).toEqual([
      'Motivo: “Spam”',
      'Post #7',
      'Segnalazione chiusa: #3',
    ]);
  });
});
