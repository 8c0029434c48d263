/**
 * The risk score of an invitation (0–100) with its reasons (codes with parameters and their English text,
 * common/reasons.ts): a pure function of the evidence, so docs/screening.md can state the formula and
 * tests can pin it. Every weight is listed in RISK_WEIGHTS.
 */

import { type Reason, reason } from '../../common/reasons.ts';
import type { NoteKind } from './note-kind.ts';

export interface RiskSignals {
  accountAgeDays: number;
  profileStrength: number;
  /** The sender's degree from the recipient before connecting; null beyond 3rd or across a block. */
  degree: number | null;
  mutualCount: number;
  sharedOrgOrSchool: boolean;
  /** The recipient's connections: "outside your network" means something only to a member who has one. */
  recipientConnections: number;
  /** The note as the recipient sees it labelled (note-kind.ts; template from the sender's other notes). */
  noteKind: NoteKind;
  /** How many of the sender's recent notes are nearly identical to this one. */
  similarNotes: number;
  /** Of those, how many went to people the sender did not know (no organisation or school in common, fewer than 3 mutuals). */
  similarToStrangers: number;
  noteHasLink: boolean;
  /** The note asks a favour (a referral, a job, an introduction) rather than offering or reconnecting. */
  noteAsks: boolean;
  /** The note sells something: a call to book, a service, leads, a discount. */
  notePitches: boolean;
  offersCount: number;
  asksCount: number;
  history: { answered: number; acceptanceRate: number | null; dontKnow: number; dontKnowRate: number | null };
  reports: number;
  sentLastDay: number;
  /** Active restrictions and open moderation flags on the sender. */
  held: boolean;
  limited: boolean;
  flagged: boolean;
  /** New connections the sender pitched by message soon after connecting, when that is a pattern (pitch.ts `pitching`); 0 otherwise. */
  pitchedConnections: number;
}

/**
 * A new account and a thin profile are the absence of a record, not evidence of abuse: every honest
 * newcomer has both. They weigh little on their own; what tells abuse apart is how the sender approaches
 * someone they do not know (no note, a stock or one-word note, a copy, a pitch, an ask) and what the
 * recipients made of it. A note written for this person is the newcomer's best credential and lowers the score.
 */
export const RISK_WEIGHTS = {
  held: 60,
  flagged: 40,
  limited: 25,
  brandNew: 10, // account less than a day old
  young: 5, // less than a week old
  thinProfile: 10, // strength below 35
  stranger: 15, // out of network, nothing in common; only when the recipient has a network to be outside of
  farNoMutuals: 5, // 3rd degree without mutual connections
  // No record yet (under a week old or a thin profile), approaching someone they do not know without a
  // note of their own (none, stock, too short, a copy, a pitch or an ask): the bulk inviter's and the fake account's move.
  coldApproach: 15,
  personalNote: -15, // a note written for this recipient, neither a copy, a pitch nor an ask
  template: 30, // the note nearly matches 2+ of the sender's recent notes…
  templateToAcquaintance: 10, // …sent to someone they share an organisation or school with (a reunion message, not spam)
  templateToStrangers: 50, // …sent to someone they do not know, after 2+ copies to others they did not know: as much as a pitch
  massTemplate: 20, // on top: 10+ matches
  linkFromNewAccount: 10,
  // Someone the sender does not know: no organisation or school in common and fewer than 3 mutuals.
  askOfStranger: 25, // a favour asked of someone they do not know
  pitchToStranger: 50, // a sales pitch to someone they do not know: at least "Other" on its own
  asksOnly: 25, // a profile that lists asks and no offers, asking a favour: with the above, "Other"
  lowAcceptance: 15, // under 30% accepted, 5+ answered
  dontKnow: 20, // "I don't know this person" from 10%+ of answers, or 3+
  reportEach: 15,
  reportMax: 30,
  burst: 15, // 50+ invitations in the last day
  // Connected with people, then pitched them by message (pitch.ts): whom they invite next is likely next.
  connectThenPitch: 30,
  sharedHistory: -15, // an organisation or school in common, overlapping years
  mutuals: -10, // 3+ mutual connections
} as const;

/** Profile strength below this is thin (the same bar as sign-up clusters and trust levels). */
const THIN = 35;
/** A template counts as going to strangers once this many earlier copies went to people the sender did not know. */
export const TEMPLATE_STRANGER_COPIES = 2;

export interface Risk {
  score: number;
  /** The risks, heaviest first, each a code with its parameters and English text. */
  reasons: Reason[];
}

export function riskScore(s: RiskSignals): Risk {
  const W = RISK_WEIGHTS;
  const parts: [number, Reason][] = [];
  if (s.held) parts.push([W.held, reason('risk.held')]);
  if (s.flagged) parts.push([W.flagged, reason('risk.flagged')]);
  if (s.limited) parts.push([W.limited, reason('risk.limited')]);
  if (s.accountAgeDays < 1) parts.push([W.brandNew, reason('risk.new_account')]);
  else if (s.accountAgeDays < 7) parts.push([W.young, reason('risk.young_account', { days: Math.floor(s.accountAgeDays) })]);
  if (s.profileStrength < THIN) parts.push([W.thinProfile, reason('risk.thin_profile', { strength: s.profileStrength })]);
  const nothingShared = s.mutualCount === 0 && !s.sharedOrgOrSchool;
  // To a member with no connections yet, everyone is outside their network: that says nothing.
  if (nothingShared && s.degree === null && s.recipientConnections > 0) parts.push([W.stranger, reason('risk.stranger')]);
  else if (nothingShared && s.degree === 3) parts.push([W.farNoMutuals, reason('risk.far_no_mutuals')]);
  const unknown = !s.sharedOrgOrSchool && s.mutualCount < 3;
  const ownWords = s.noteKind === 'personal' && !s.notePitches && !s.noteAsks;
  const noRecord = s.accountAgeDays < 7 || s.profileStrength < THIN;
  if (noRecord && unknown && !ownWords) parts.push([W.coldApproach, reason('risk.cold_approach', { note: s.noteKind })]);
  if (ownWords) parts.push([W.personalNote, reason('risk.personal_note')]);
  if (s.similarNotes >= 2) {
    const copies = { copies: s.similarNotes };
    if (s.sharedOrgOrSchool) parts.push([W.templateToAcquaintance, reason('risk.template', copies)]);
    else if (unknown && s.similarToStrangers >= TEMPLATE_STRANGER_COPIES) parts.push([W.templateToStrangers, reason('risk.template_to_strangers', copies)]);
    else parts.push([W.template, reason('risk.template', copies)]);
  }
  if (s.similarNotes >= 10) parts.push([W.massTemplate, reason('risk.mass_template')]);
  if (s.noteHasLink && s.accountAgeDays < 7) parts.push([W.linkFromNewAccount, reason('risk.link_from_new_account')]);
  if (s.noteAsks && unknown) parts.push([W.askOfStranger, reason('risk.asks_stranger')]);
  if (s.notePitches && unknown) parts.push([W.pitchToStranger, reason('risk.pitch_to_stranger')]);
  if (s.noteAsks && s.asksCount > 0 && s.offersCount === 0) parts.push([W.asksOnly, reason('risk.asks_only')]);
  if (s.history.acceptanceRate !== null && s.history.acceptanceRate < 0.3) {
    parts.push([W.lowAcceptance, reason('risk.low_acceptance', { percent: Math.round(s.history.acceptanceRate * 100) })]);
  }
  if ((s.history.dontKnowRate !== null && s.history.dontKnowRate >= 0.1) || s.history.dontKnow >= 3) {
    parts.push([W.dontKnow, reason('risk.dont_know', { count: s.history.dontKnow })]);
  }
  if (s.reports > 0) parts.push([Math.min(W.reportMax, W.reportEach * s.reports), reason('risk.reports', { count: s.reports })]);
  if (s.sentLastDay >= 50) parts.push([W.burst, reason('risk.burst', { count: s.sentLastDay })]);
  if (s.pitchedConnections > 0) parts.push([W.connectThenPitch, reason('risk.connect_then_pitch', { people: s.pitchedConnections })]);
  if (s.sharedOrgOrSchool) parts.push([W.sharedHistory, reason('risk.shared_history')]);
  if (s.mutualCount >= 3) parts.push([W.mutuals, reason('risk.mutuals', { count: s.mutualCount })]);

  const raw = parts.reduce((sum, [w]) => sum + w, 0);
  const score = Math.max(0, Math.min(100, raw));
  // Reasons are the risks, heaviest first; the reassuring facts lower the score but are shown as evidence elsewhere.
  const reasons = parts.filter(([w]) => w > 0).sort((a, b) => b[0] - a[0]).map(([, r]) => r);
  return { score, reasons };
}

/** Phrases that ask for something: the moocher's opening move. Lower-cased, matched on word boundaries. */
const ASK_PATTERNS = [
  /\brefer(ral)?\b/, /\brefer me\b/, /\bintroduce me\b/, /\bintro to\b/, /\blooking for (a )?(job|role|position|work|funding|investors?)\b/,
  /\bhire me\b/, /\bany (openings|vacancies|roles)\b/, /\bhelp me (get|find|land)\b/, /\bcan you (help|introduce|refer|recommend|share)\b/,
  /\bcould you (help|introduce|refer|recommend|share|put in a word)\b/, /\bput in a (good )?word\b/, /\bendorse me\b/, /\bfavou?r\b/,
];

export function noteAsks(note: string): boolean {
  const t = note.toLowerCase();
  return ASK_PATTERNS.some((p) => p.test(t));
}

/**
 * Phrases that sell: the peddler's opening move. A meeting request alone is not a pitch; a meeting about
 * what the sender sells is.
 */
const PITCH_PATTERNS = [
  /\b(book|schedule|grab|hop on|jump on) a (quick |short |brief )?(\d+[- ]min(ute)?s? )?(call|demo|meeting)\b/, /\b\d+[- ]min(ute)?s? (call|chat|demo)\b/,
  /\bquick (call|demo)\b/, /\bfree (trial|audit|consultation|demo)\b/, /\b(our|my) (services?|solution|platform|product|agency|offering)\b/,
  /\b(more|qualified) (leads|clients|customers|sales)\b/, /\b(grow|scale|boost|double|triple) your (business|revenue|sales|pipeline|leads)\b/,
  /\b(cut|reduce|lower|slash) your [a-z ]{0,20}(costs?|bills?|spend)\b/, /\bpipeline\b/, /\b\d+% (off|discount)\b/, /\bdiscount\b/, /\bcalendly\b/, /\bROI\b/i,
];

export function notePitches(note: string): boolean {
  const t = note.toLowerCase();
  return PITCH_PATTERNS.some((p) => p.test(t));
}

/**
 * A link in a note: a URL, or a bare domain followed by a path. A bare name like "Verity.io" is how many
 * companies are called, and an employer named in a note is not a link.
 */
export const hasLink = (note: string) => /\bhttps?:\/\/|\bwww\.[a-z0-9-]|\b[a-z0-9-]+\.[a-z]{2,}\/\S/i.test(note);
