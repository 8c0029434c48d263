import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../api/moderation.ts';
import { actionLabel, auditDetails } from './auditWords.ts';

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

describe('audit log words', () => {
  it('words a time-limited restriction from the queue, never as JSON', () => {
    const lines = auditDetails(entry('moderation.restrict', { flagId: 12, reason: 'Sales pitches', days: 30, until: '2027-01-04T10:00:00.000Z' }, '198.51.100.7'));
    expect(lines[0]).toBe('Reason: “Sales pitches”');
    expect(lines[1]).toMatch(/^For 30 days, until .*2027/);
    expect(lines.slice(2)).toEqual(['From flag #12 in the moderation queue', 'From address 198.51.100.7']);
    expect(lines.join(' ')).not.toMatch(/[{}"]/);
  });

  it('words the other actions it knows, and names an unknown one by its code', () => {
    expect(auditDetails(entry('moderation.restrict', { reportId: 3, reason: 'x' }))).toEqual(['Reason: “x”', 'Until an operator lifts it', 'From report #3']);
    expect(auditDetails(entry('moderation.lift', { kinds: ['invitations', 'held'], reason: 'Apologised' }))).toEqual([
      'Reason: “Apologised”',
      'Lifted the invitation restriction and the review hold',
    ]);
    expect(auditDetails(entry('report.create', { reportId: 9, reason: 'spam', invitationId: 4 }))).toEqual(['Report reason: spam', 'Report #9', 'Invitation #4']);
    expect(auditDetails(entry('invitation.dont_know', { invitationId: 4, previousStatus: 'pending', raisedFlagId: 2 }))).toEqual([
      'Invitation #4',
      'This answer put the sender in the moderation queue (flag #2)',
    ]);
    expect(auditDetails(entry('profile.update', { fields: ['headline', 'about'] }))).toEqual(['Changed: headline, about']);
    expect(auditDetails(entry('organisation.merge', { name: 'Acme Corp.', into: { id: 2, name: 'Acme Corp' }, members: 3 }))).toEqual([
      '“Acme Corp.” merged into “Acme Corp” (3 members moved)',
    ]);
    expect(actionLabel('moderation.restrict')).toBe('Restricted invitations');
    expect(actionLabel('something.new')).toBe('something.new');
  });
});
