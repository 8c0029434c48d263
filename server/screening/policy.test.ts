import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, placeInvitation, type RuleFacts } from './policy.ts';
import { hasLink, noteAsks, notePitches, riskScore, type RiskSignals } from './risk.ts';

const facts = (f: Partial<RuleFacts> = {}): RuleFacts => ({ hasNote: true, mutualCount: 0, sharedOrgOrSchool: false, profileStrength: 60, degree: 2, risk: 10, flagged: false, ...f });

describe('placing an invitation', () => {
  const selective = {
    mode: 'selective' as const,
    whoCanInvite: 'everyone' as const,
    rules: [
      { when: { maxRisk: 20, sharedOrgOrSchool: true as const }, then: 'accept' as const },
      { when: { hasNote: true as const, minMutuals: 2 }, then: 'inbox' as const },
      { when: { maxDegree: 2 as const }, then: 'other' as const },
    ],
    otherwise: 'inbox' as const,
  };

  it('lets the first matching rule decide, and says which', () => {
    expect(placeInvitation(selective, facts({ sharedOrgOrSchool: true }))).toEqual({ folder: 'auto', placement: 'Rule 1: a shared organisation or school and risk at most 20 → accepted automatically' });
    expect(placeInvitation(selective, facts({ mutualCount: 2 }))).toEqual({ folder: 'inbox', placement: 'Rule 2: a note and at least 2 mutual connections → Inbox' });
    expect(placeInvitation(selective, facts({ hasNote: false, mutualCount: 5 }))).toEqual({ folder: 'other', placement: 'Rule 3: 2nd degree or closer → Other' });
    expect(placeInvitation(selective, facts({ hasNote: false, degree: 3 }))).toEqual({ folder: 'inbox', placement: 'No rule matched → Inbox' });
    expect(placeInvitation(selective, facts({ hasNote: false, degree: null }))).toEqual({ folder: 'inbox', placement: 'No rule matched → Inbox' });
  });

  it('puts the platform first: risky goes to Other, very risky is held, whatever the mode', () => {
    for (const mode of ['open', 'manual', 'selective'] as const) {
      expect(placeInvitation({ ...selective, mode }, facts({ risk: 50, sharedOrgOrSchool: true })).folder).toBe('other');
      expect(placeInvitation({ ...selective, mode }, facts({ risk: 75 })).folder).toBe('held');
      expect(placeInvitation({ ...selective, mode }, facts({ flagged: true, sharedOrgOrSchool: true })).folder).toBe('other');
    }
    expect(placeInvitation({ ...DEFAULT_POLICY, mode: 'open' }, facts({ risk: 49 })).folder).toBe('auto');
    expect(placeInvitation(DEFAULT_POLICY, facts({ risk: 49 })).folder).toBe('inbox');
  });
});

describe('the risk score', () => {
  const calm: RiskSignals = {
    accountAgeDays: 400, profileStrength: 80, degree: 2, mutualCount: 4, sharedOrgOrSchool: true, similarNotes: 0, noteHasLink: false, noteAsks: false,
    notePitches: false, offersCount: 2, asksCount: 1, history: { answered: 20, acceptanceRate: 0.8, dontKnow: 0, dontKnowRate: 0 }, reports: 0, sentLastDay: 2, held: false, limited: false, flagged: false,
  };

  it('is zero with no reasons for an established sender with shared history', () => {
    expect(riskScore(calm)).toEqual({ score: 0, reasons: [] });
  });

  it('adds each documented weight with its reason, heaviest first, capped at 100', () => {
    const bot = riskScore({
      ...calm, accountAgeDays: 0.1, profileStrength: 10, degree: null, mutualCount: 0, sharedOrgOrSchool: false, similarNotes: 12,
      history: { answered: 10, acceptanceRate: 0.1, dontKnow: 4, dontKnowRate: 0.4 }, sentLastDay: 80,
    });
    expect(bot.score).toBe(100);
    expect(bot.reasons[0]).toBe('The note is nearly identical to 12 other notes this sender wrote recently');
    expect(bot.reasons).toContain('Sent 80 invitations in the last day');
    expect(bot.reasons).toContain('4 people answered "I don\'t know this person" in the last 90 days');
    const moocher = riskScore({ ...calm, mutualCount: 0, sharedOrgOrSchool: false, degree: 3, noteAsks: true, offersCount: 0, asksCount: 3 });
    expect(moocher).toEqual({ score: 55, reasons: ['Asks a favour of someone they do not know', 'Their profile lists asks and no offers', '3rd degree, with no mutual connections'] });
    // A job seeker who lists what they offer, asking the same, stays in the inbox.
    expect(riskScore({ ...calm, mutualCount: 1, sharedOrgOrSchool: false, noteAsks: true }).score).toBe(25);
  });

  it('weighs a template less when sent to people the sender shares history with, and a pitch to a stranger more', () => {
    const reunion = riskScore({ ...calm, similarNotes: 5 });
    expect(reunion.reasons).toEqual(['The note is nearly identical to 5 other notes this sender wrote recently']);
    expect(reunion.score).toBe(0); // +10, offset by the shared school (−15) and mutuals (−10)
    const cold = riskScore({ ...calm, similarNotes: 5, sharedOrgOrSchool: false, mutualCount: 1 });
    expect(cold.score).toBe(30);
    const pitch = riskScore({ ...calm, sharedOrgOrSchool: false, mutualCount: 1, notePitches: true });
    expect(pitch).toEqual({ score: 50, reasons: ['A sales pitch to someone they do not know'] });
    expect(riskScore({ ...calm, notePitches: true }).score).toBe(0);
  });

  it('tells a pitch and a link from an ordinary note', () => {
    expect(notePitches('Hi! We help SaaS teams double their pipeline. Can we book a 15-minute call this week?')).toBe(true);
    expect(notePitches('Our agency can cut your cloud costs by 30%.')).toBe(true);
    expect(notePitches('Would love to grab a coffee and hear about your move to Lisbon.')).toBe(false);
    expect(hasLink('My deck: https://example.com/deck')).toBe(true);
    expect(hasLink('see www.example.com')).toBe(true);
    expect(hasLink('see example.com/pricing')).toBe(true);
    expect(hasLink('We overlapped at Verity.io in 2019.')).toBe(false);
  });

  it('recognises a note that asks a favour', () => {
    expect(noteAsks('Could you refer me to the hiring manager at Acme?')).toBe(true);
    expect(noteAsks('Great meeting you at the conference yesterday!')).toBe(false);
  });
});
