import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, placeInvitation, type RuleFacts } from './policy.ts';

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
