import { describe, expect, it } from 'vitest';
import { introductionRefusal, stepRefusal } from './introductions.ts';

const codeOf = (e: { code: string } | null) => e?.code ?? null;

describe('introductionRefusal', () => {
  const target = { id: 2, block: null, connected: false, degree: 2 } as const;
  it('lets a member ask for a 2nd- or 3rd-degree member', () => {
    expect(introductionRefusal(1, target)).toBeNull();
    expect(introductionRefusal(1, { ...target, degree: 3 })).toBeNull();
  });
  it('refuses oneself, a block either way, a connection and anyone beyond three hops', () => {
    expect(codeOf(introductionRefusal(2, target))).toBe('introduction_self');
    expect(codeOf(introductionRefusal(1, { ...target, block: 'they_blocked' }))).toBe('not_found');
    expect(codeOf(introductionRefusal(1, { ...target, block: 'i_blocked' }))).toBe('blocked');
    expect(codeOf(introductionRefusal(1, { ...target, connected: true }))).toBe('introduction_connected');
    expect(codeOf(introductionRefusal(1, { ...target, degree: 4 }))).toBe('introduction_unreachable');
    expect(codeOf(introductionRefusal(1, { ...target, degree: null }))).toBe('introduction_unreachable');
  });
});

describe('stepRefusal', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');
  const open = { requesterId: 1, status: 'open' as const, expiresAt: new Date(now + 86_400_000) };
  it('lets the member whose turn it is take their step', () => {
    expect(stepRefusal(2, open, { status: 'waiting', role: 'introducer' }, 'forward', now)).toBeNull();
    expect(stepRefusal(3, open, { status: 'waiting', role: 'target' }, 'accept', now)).toBeNull();
  });
  it('hides the introduction from anyone whose turn has not come, and tells its requester it is not theirs', () => {
    expect(codeOf(stepRefusal(9, open, undefined, 'forward', now))).toBe('not_found');
    expect(codeOf(stepRefusal(1, open, undefined, 'accept', now))).toBe('introduction_not_your_turn');
  });
  it('refuses a replay, a step after expiry or closing, and the other role’s action', () => {
    expect(codeOf(stepRefusal(2, open, { status: 'forwarded', role: 'introducer' }, 'forward', now))).toBe('introduction_answered');
    expect(codeOf(stepRefusal(2, { ...open, expiresAt: new Date(now) }, { status: 'waiting', role: 'introducer' }, 'forward', now))).toBe('introduction_expired');
    expect(codeOf(stepRefusal(2, { ...open, status: 'declined' }, { status: 'waiting', role: 'introducer' }, 'forward', now))).toBe('introduction_closed');
    expect(codeOf(stepRefusal(2, open, { status: 'waiting', role: 'introducer' }, 'accept', now))).toBe('introduction_not_your_turn');
    expect(codeOf(stepRefusal(3, open, { status: 'waiting', role: 'target' }, 'forward', now))).toBe('introduction_not_your_turn');
  });
});
