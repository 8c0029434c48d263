import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client.ts';
import type { ScreeningPolicy } from '../../../api/screening.ts';
import { emptyNumberErrors, ruleDraft, serverErrors, toDraft, toPolicy } from './screeningForm.ts';

const words = { failed: 'Something went wrong.', request: 'Request' };

const policy: ScreeningPolicy = {
  mode: 'selective',
  whoCanInvite: 'second_degree',
  rules: [
    { when: { hasNote: true, minMutuals: 2 }, then: 'inbox' },
    { when: { sharedOrgOrSchool: true, minProfileStrength: 60, maxDegree: 3, maxRisk: 20 }, then: 'accept' },
  ],
  otherwise: 'other',
};

describe('the screening form model', () => {
  it('round-trips a policy: only the ticked conditions are sent', () => {
    expect(toPolicy(toDraft(policy))).toEqual(policy);
  });

  it('keeps a condition’s number while it is unticked, and drops it from what is sent', () => {
    const draft = toDraft(policy);
    draft.rules[0]!.useMinMutuals = false;
    expect(draft.rules[0]!.minMutuals).toBe(2);
    expect(toPolicy(draft).rules[0]!.when).toEqual({ hasNote: true });
  });

  it('gives each rule its own stable key', () => {
    expect(ruleDraft().key).not.toBe(ruleDraft().key);
  });

  it('stops an empty number before it is sent', () => {
    const draft = toDraft(policy);
    draft.rules[1]!.maxRisk = '';
    expect(emptyNumberErrors(draft, 'Enter a number')).toEqual({ 'rules.1.maxRisk': 'Enter a number' });
    draft.rules[1]!.useMaxRisk = false;
    expect(emptyNumberErrors(draft, 'Enter a number')).toEqual({});
  });

  it('puts the server’s problem+json errors on the rule fields, and the rest in words', () => {
    const error = new ApiError(400, {
      title: 'Some fields are not valid.',
      code: 'validation_failed',
      errors: [
        { path: 'body.rules.0.when.minMutuals', message: 'too small: expected number to be >=1' },
        { path: 'body.rules.1.when', message: 'a rule needs at least one condition' },
        { path: 'body.rules.1.when.colour', message: 'unknown field: colour' },
        { path: 'query.x', message: 'odd' },
      ],
    });
    expect(serverErrors(error, words)).toEqual({
      fields: {
        'rules.0.minMutuals': 'Too small: expected number to be >=1',
        'rules.1': 'A rule needs at least one condition',
      },
      other: 'Some fields are not valid. rules.1.colour: unknown field: colour; query.x: odd',
    });
    expect(serverErrors(new ApiError(429, { title: 'Slow down.', code: 'rate_limited' }), words)).toEqual({ fields: {}, other: 'Slow down.' });
  });
});
