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

  const placed = (f: RuleFacts) => {
    const { folder, placement } = placeInvitation(selective, f);
    return { folder, code: placement.code, params: placement.params, text: placement.text };
  };

  it('lets the first matching rule decide, and says which, as a code with parameters and in English', () => {
    expect(placed(facts({ sharedOrgOrSchool: true }))).toEqual({
      folder: 'auto',
      code: 'placement.rule',
      params: { rule: 1, folder: 'accept', conditions: ['shared', 'risk'], risk: 20 },
      text: 'Rule 1: a shared organisation or school and risk at most 20 → accepted automatically',
    });
    expect(placed(facts({ mutualCount: 2 }))).toEqual({
      folder: 'inbox',
      code: 'placement.rule',
      params: { rule: 2, folder: 'inbox', conditions: ['note', 'mutuals'], mutuals: 2 },
      text: 'Rule 2: a note and at least 2 mutual connections → Inbox',
    });
    expect(placed(facts({ hasNote: false, mutualCount: 5 })).text).toBe('Rule 3: 2nd degree or closer → Other');
    expect(placed(facts({ hasNote: false, degree: 3 }))).toEqual({ folder: 'inbox', code: 'placement.no_rule', params: { folder: 'inbox' }, text: 'No rule matched → Inbox' });
    expect(placed(facts({ hasNote: false, degree: null })).text).toBe('No rule matched → Inbox');
  });

  it('says why the platform placed it', () => {
    expect(placed(facts({ risk: 80 }))).toMatchObject({ folder: 'held', code: 'placement.held', params: { risk: 80 }, text: 'Held by the platform: risk 80 of 100' });
    expect(placed(facts({ risk: 55 })).text).toBe('Put in Other by the platform: risk 55 of 100');
    expect(placed(facts({ flagged: true })).text).toBe('Put in Other by the platform: the sender is flagged');
    expect(placeInvitation(DEFAULT_POLICY, facts()).placement.text).toBe('Manual policy: everything waits in the inbox');
    expect(placeInvitation({ ...DEFAULT_POLICY, mode: 'open' }, facts()).placement.text).toBe('Open policy: accepted automatically');
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
