import { describe, expect, it } from 'vitest';
import { hiddenByBlockRefusal } from './people.ts';

describe('people policy: a block hides the blocker', () => {
  it('refuses a write naming one who blocked the viewer with the 404 of a handle nobody has; a block of their own, or none, passes', () => {
    expect(hiddenByBlockRefusal('they_blocked')).toMatchObject({ status: 404, code: 'not_found', key: 'not_found.member' });
    expect(hiddenByBlockRefusal('i_blocked')).toBeNull();
    expect(hiddenByBlockRefusal(null)).toBeNull();
  });
});
