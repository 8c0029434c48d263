import { describe, expect, it } from 'vitest';
import type { NetworkLimits } from '../config.ts';
import { allowanceFrom } from './allowance.ts';
import {
  approachCopies,
  type EarlierApproach,
  judgeApproach,
  MASS_APPROACH_COPIES,
  NO_PITCHES,
  pitchAllowance,
  pitchFlag,
  pitching,
  pitchRecordFrom,
} from './pitch.ts';
import { riskScore, type RiskSignals } from './risk.ts';
import type { SenderFacts } from './sender-facts.ts';

const HOUR = 3_600_000;
const names = (recipient: string) => ({ sender: 'Paul Pitcher', recipient });
const pitch = (name: string) => `Hi ${name}, great to be connected! I help teams like yours add 30% more qualified pipeline in 90 days. Worth a quick 15-minute call?`;

/** Judges each text as an approach to a new recipient, in order, the way the command does. */
function copiesOf(texts: { to: string; text: string }[]): number[] {
  const earlier: EarlierApproach[] = [];
  return texts.map(({ to, text }, i) => {
    const judged = judgeApproach(text, names(to), 0, HOUR);
    const copies = approachCopies(judged.signature, i + 1, earlier);
    if (judged.signature) earlier.unshift({ recipientId: i + 1, signature: judged.signature });
    return copies;
  });
}

describe('connect-then-pitch', () => {
  it('reads a sales text as a pitch, within a day of connecting as fast, and a greeting as too short to copy', () => {
    expect(judgeApproach(pitch('Ana'), names('Ana Rossi'), 0, 2 * HOUR)).toMatchObject({ pitch: true, fast: true, signature: expect.any(Array) });
    expect(judgeApproach(pitch('Ana'), names('Ana Rossi'), 0, 30 * HOUR)).toMatchObject({ fast: false });
    expect(judgeApproach('Thanks for connecting, Ana!', names('Ana Rossi'), 0, HOUR)).toEqual({ signature: null, pitch: false, fast: true });
    expect(judgeApproach('Your talk on river restoration made me rethink our own field plans for the spring.', names('Ana Rossi'), 0, HOUR).pitch).toBe(false);
  });

  it('counts the new connections that received nearly the same text, names aside', () => {
    expect(copiesOf(['Ana', 'Bruno', 'Carla', 'Dario'].map((to) => ({ to, text: pitch(to) })))).toEqual([1, 2, 3, 4]);
    // Different words for each: never a copy.
    const own = [
      'Ana, thanks for the tip about the Turin meetup, I will bring the slides on accessibility testing.',
      'Bruno, congratulations on the new role at the library! Let me know when the reading room reopens.',
      'Carla, your talk on river restoration made me rethink our own field plans for the coming spring.',
    ];
    expect(copiesOf(own.map((text, i) => ({ to: ['Ana', 'Bruno', 'Carla'][i]!, text })))).toEqual([1, 1, 1]);
    // The same person twice is one person.
    const sig = judgeApproach(pitch('Ana'), names('Ana'), 0, HOUR).signature;
    expect(approachCopies(sig, 7, [{ recipientId: 7, signature: sig! }, { recipientId: 7, signature: sig! }])).toBe(1);
  });

  it('flags sales copies to 3 new connections, or fast pitches to 5, and nothing less', () => {
    expect(pitchFlag({ salesCopies: 2, copies: 9, fastPitches: 4 })).toBeNull();
    expect(pitchFlag({ salesCopies: 3, copies: 3, fastPitches: 0 })).toMatchObject({ kind: 'pitch', score: 55, reasons: [{ code: 'flag.connect_then_pitch', params: { people: 3 } }] });
    expect(pitchFlag({ salesCopies: 0, copies: 0, fastPitches: 5 })?.reasons.map((r) => r.code)).toEqual(['flag.fast_pitches']);
    // Copying without selling flags nobody: a thank-you after a meetup goes to everyone met there.
    expect(pitchFlag({ salesCopies: 0, copies: 40, fastPitches: 0 })).toBeNull();
  });

  it('shrinks the allowance: half for the pattern, a quarter for a mass copy or a few fast pitches', () => {
    expect(pitchAllowance(NO_PITCHES)).toBeNull();
    expect(pitchAllowance({ salesCopies: 3, copies: 3, fastPitches: 3 })).toMatchObject({ share: -0.5, reason: { code: 'allowance.connect_then_pitch', params: { people: 3 } } });
    expect(pitchAllowance({ salesCopies: 0, copies: MASS_APPROACH_COPIES, fastPitches: 0 })).toMatchObject({ share: -0.25, reason: { code: 'allowance.approach_copies' } });
    expect(pitchAllowance({ salesCopies: 1, copies: 1, fastPitches: 2 })).toMatchObject({ share: -0.25, reason: { code: 'allowance.fast_pitches', params: { people: 2 } } });
    expect(pitchAllowance({ salesCopies: 2, copies: 9, fastPitches: 1 })).toBeNull();

    const history = { sent: 0, answered: 0, accepted: 0, ignored: 0, dontKnow: 0, acceptanceRate: null, dontKnowRate: null };
    const sender: SenderFacts = { accountAgeDays: 200, history, reports: 0, spamReports: 0, sentLastDay: 0, held: false, limited: false, invitationsRestricted: false, flagged: false, pitch: NO_PITCHES };
    const usage = { connections: 80, usedThisWeek: 0, oldestThisWeek: null, outstanding: 0, templatesThisWeek: 0, restrictions: [] };
    const limits = { weeklyInvitationsNew: 20, weeklyInvitationsEstablished: 100, maxPendingSent: 200 } as NetworkLimits;
    expect(allowanceFrom({ sender, usage, strength: 80 }, limits).weekly).toBe(100);
    const pitched = allowanceFrom({ sender: { ...sender, pitch: { salesCopies: 4, copies: 4, fastPitches: 4 } }, usage, strength: 80 }, limits);
    expect(pitched.weekly).toBe(50);
    expect(pitched.reasons).toContainEqual(expect.objectContaining({ code: 'allowance.connect_then_pitch', delta: -50 }));
  });

  it('weighs 30 in the risk of their next invitations, with a reason', () => {
    const calm: RiskSignals = {
      accountAgeDays: 400, profileStrength: 80, degree: 2, mutualCount: 4, sharedOrgOrSchool: true, recipientConnections: 40, noteKind: 'personal',
      similarNotes: 0, similarToStrangers: 0, noteHasLink: false, noteAsks: false, notePitches: false, offersCount: 2, asksCount: 1,
      history: { answered: 20, acceptanceRate: 0.8, dontKnow: 0, dontKnowRate: 0 }, reports: 0, sentLastDay: 2, held: false, limited: false, flagged: false,
      pitchedConnections: 0,
    };
    const stranger = { ...calm, degree: 3, mutualCount: 0, sharedOrgOrSchool: false, noteKind: 'none' as const };
    const before = riskScore(stranger).score;
    const after = riskScore({ ...stranger, pitchedConnections: 6 });
    expect(after.score).toBe(before + 30);
    expect(after.reasons.map((r) => r.text)).toContain('Pitched 6 new connections by message soon after connecting, in the last 30 days');
  });

  it('reads the loaded sums, and none as no pattern', () => {
    expect(pitchRecordFrom(null)).toEqual(NO_PITCHES);
    expect(pitchRecordFrom(['3', 4, 1])).toEqual({ salesCopies: 3, copies: 4, fastPitches: 1 });
    expect(pitching(pitchRecordFrom([3, 3, 0]))).toBe(true);
    expect(pitching(pitchRecordFrom([2, 12, 4]))).toBe(false);
  });
});
