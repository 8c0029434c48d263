import { describe, expect, it } from 'vitest';
import { PLATFORM_OTHER_RISK } from './policy.ts';
import { hasLink, noteAsks, notePitches, riskScore as scoreRisk, type RiskSignals } from './risk.ts';

/** The score with its reasons' English text, as API users read them. */
const riskScore = (s: RiskSignals) => {
  const risk = scoreRisk(s);
  return { score: risk.score, reasons: risk.reasons.map((r) => r.text) };
};

/** An established member with shared history, writing a personal note. */
const calm: RiskSignals = {
  accountAgeDays: 400, profileStrength: 80, degree: 2, mutualCount: 4, sharedOrgOrSchool: true, recipientConnections: 40, noteKind: 'personal',
  similarNotes: 0, similarToStrangers: 0, noteHasLink: false, noteAsks: false, notePitches: false, offersCount: 2, asksCount: 1,
  history: { answered: 20, acceptanceRate: 0.8, dontKnow: 0, dontKnowRate: 0 }, reports: 0, sentLastDay: 2, held: false, limited: false, flagged: false,
  pitchedConnections: 0,
};

/** A brand-new account with a thin profile, no history and nothing in common with the recipient. */
const newcomer: RiskSignals = {
  ...calm, accountAgeDays: 0.2, profileStrength: 20, degree: null, mutualCount: 0, sharedOrgOrSchool: false, offersCount: 0, asksCount: 0,
  history: { answered: 0, acceptanceRate: null, dontKnow: 0, dontKnowRate: null }, sentLastDay: 1,
};

/** A hub the adversaries go after: well connected, nothing in common with them. */
const hub = { recipientConnections: 150 };

describe('the risk score', () => {
  it('is zero with no reasons for an established sender with shared history', () => {
    expect(riskScore(calm)).toEqual({ score: 0, reasons: [] });
  });

  it('reads an ordinary newcomer-to-newcomer invitation with a personal note as low risk, and still says the account is new', () => {
    // Both joined this week: the recipient has no connections yet, or a couple.
    for (const recipientConnections of [0, 2]) {
      const risk = riskScore({ ...newcomer, recipientConnections });
      expect(risk.score).toBeLessThanOrEqual(24); // the "Low risk" band of the web app (RiskScore.tsx)
      expect(risk.reasons).toContain('The account was created today');
      expect(risk.reasons).toContain('Thin profile (strength 20 of 100)');
    }
    // Until this change the same invitation scored 45 ("medium risk"): +15 new, +15 thin, +15 stranger.
    expect(riskScore({ ...newcomer, recipientConnections: 0 }).score).toBe(5);
    // A few days old, to an established member they share nothing with: still low.
    expect(riskScore({ ...newcomer, accountAgeDays: 3, ...hub }).score).toBeLessThanOrEqual(24);
  });

  it('counts "outside your network" only when the recipient has a network to be outside of', () => {
    expect(riskScore({ ...newcomer, recipientConnections: 0 }).reasons).not.toContain('Outside your network, with nothing in common');
    expect(riskScore({ ...newcomer, recipientConnections: 1 }).reasons).toContain('Outside your network, with nothing in common');
  });

  it('tells the newcomer from the abuser by how they approach a stranger: no note, a stock or one-word note', () => {
    for (const noteKind of ['none', 'short', 'stock'] as const) {
      const cold = riskScore({ ...newcomer, ...hub, noteKind });
      expect(cold.score).toBeGreaterThanOrEqual(PLATFORM_OTHER_RISK);
      expect(cold.reasons.some((r) => r.startsWith('Approaches someone they do not know'))).toBe(true);
    }
    // An established member may send no note to a stranger, as most do: no record is missing.
    expect(riskScore({ ...calm, degree: null, mutualCount: 0, sharedOrgOrSchool: false, noteKind: 'none' }).score).toBe(15);
  });

  it('scores every adversary pattern as before or higher', () => {
    // [pattern, its score before the newcomer calibration]; each must score at least as much now.
    const patterns: [string, RiskSignals, number][] = [
      ['bulk bot, first stock note', { ...newcomer, ...hub, noteKind: 'stock' }, 45],
      ['bulk bot, third copy', { ...newcomer, ...hub, noteKind: 'template', similarNotes: 2, similarToStrangers: 2 }, 75],
      ['fake account, no note, day one', { ...newcomer, ...hub, noteKind: 'none' }, 45],
      ['fake account, "Let\'s connect!", day three', { ...newcomer, ...hub, accountAgeDays: 3, noteKind: 'stock' }, 40],
      ['fake account, no note, a fortnight old', { ...newcomer, ...hub, accountAgeDays: 14, noteKind: 'none' }, 30],
      ['fake account, no note, 3rd degree', { ...newcomer, ...hub, degree: 3, noteKind: 'none' }, 35],
      ['peddler, pitch with a link, day one', { ...newcomer, ...hub, profileStrength: 90, offersCount: 2, notePitches: true, noteHasLink: true }, 90],
      ['peddler, pitch, day three, 2nd degree', { ...newcomer, ...hub, accountAgeDays: 3, profileStrength: 90, degree: 2, mutualCount: 1, notePitches: true }, 60],
      ['peddler, unrecognised pitch copied to strangers', { ...newcomer, ...hub, profileStrength: 90, noteKind: 'template', similarNotes: 3, similarToStrangers: 2 }, 60],
      ['moocher, ask of a stranger, day one', { ...newcomer, ...hub, profileStrength: 60, noteAsks: true, asksCount: 3 }, 80],
      ['moocher, ask, 2nd degree, day three', { ...newcomer, ...hub, accountAgeDays: 3, profileStrength: 60, degree: 2, mutualCount: 1, noteAsks: true, asksCount: 3 }, 60],
    ];
    for (const [pattern, signals, before] of patterns) {
      expect({ pattern, score: riskScore(signals).score >= before }).toEqual({ pattern, score: true });
    }
    // The first copies of the bulk bot and of a fake account now reach "Other" on their own.
    expect(riskScore(patterns[0]![1]).score).toBeGreaterThanOrEqual(PLATFORM_OTHER_RISK);
    expect(riskScore(patterns[2]![1]).score).toBeGreaterThanOrEqual(PLATFORM_OTHER_RISK);
  });

  it('weighs a template sent to three or more strangers as much as a recognised pitch', () => {
    // An established sender, nothing in common with the recipient, the same text to two others they did not know.
    const stranger = { ...calm, degree: 3, mutualCount: 1, sharedOrgOrSchool: false, noteKind: 'template' as const, similarNotes: 2 };
    const copied = riskScore({ ...stranger, similarToStrangers: 2 });
    expect(copied).toEqual({ score: 50, reasons: ['The note is nearly identical to 2 other notes this sender wrote recently, to people they did not know'] });
    expect(copied.score).toBe(riskScore({ ...stranger, noteKind: 'personal', similarNotes: 0, notePitches: true }).score);
    expect(copied.score).toBeGreaterThanOrEqual(PLATFORM_OTHER_RISK);
    // The same copies to people the sender did know, or to someone they share a school with, stay light.
    expect(riskScore({ ...stranger, similarToStrangers: 1 }).score).toBe(30);
    expect(riskScore({ ...stranger, sharedOrgOrSchool: true, similarToStrangers: 2 }).score).toBe(0);
  });

  it('adds each documented weight with its reason, heaviest first, capped at 100', () => {
    const bot = riskScore({
      ...newcomer, ...hub, noteKind: 'template', similarNotes: 12,
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
    const reunion = riskScore({ ...calm, noteKind: 'template', similarNotes: 5 });
    expect(reunion.reasons).toEqual(['The note is nearly identical to 5 other notes this sender wrote recently']);
    expect(reunion.score).toBe(0); // +10, offset by the shared school (−15) and mutuals (−10)
    const cold = riskScore({ ...calm, noteKind: 'template', similarNotes: 5, sharedOrgOrSchool: false, mutualCount: 1 });
    expect(cold.score).toBe(30);
    const pitch = riskScore({ ...calm, sharedOrgOrSchool: false, mutualCount: 1, notePitches: true });
    expect(pitch).toEqual({ score: 50, reasons: ['A sales pitch to someone they do not know'] });
    expect(riskScore({ ...calm, notePitches: true }).score).toBe(0);
  });

  it('gives each reason as a code with its parameters, the English text rendered from them', () => {
    const risk = scoreRisk({ ...newcomer, ...hub, accountAgeDays: 3, noteKind: 'stock', similarNotes: 2, similarToStrangers: 2 });
    expect(risk.reasons.map((r) => r.code)).toEqual(['risk.template_to_strangers', 'risk.stranger', 'risk.cold_approach', 'risk.thin_profile', 'risk.young_account']);
    expect(risk.reasons.find((r) => r.code === 'risk.young_account')).toEqual({ code: 'risk.young_account', params: { days: 3 }, text: 'The account is 3 days old' });
    expect(risk.reasons.find((r) => r.code === 'risk.cold_approach')).toEqual({
      code: 'risk.cold_approach',
      params: { note: 'stock' },
      text: 'Approaches someone they do not know with a stock note, with no record here yet',
    });
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
