/**
 * The risk score of an invitation (0–100) with its reasons in words: a pure function of the evidence,
 * so docs/screening.md can state the formula and tests can pin it. Every weight is listed in RISK_WEIGHTS.
 */

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
  sharedHistory: -15, // an organisation or school in common, overlapping years
  mutuals: -10, // 3+ mutual connections
} as const;

/** Profile strength below this is thin (the same bar as sign-up clusters and trust levels). */
const THIN = 35;
/** A template counts as going to strangers once this many earlier copies went to people the sender did not know. */
export const TEMPLATE_STRANGER_COPIES = 2;

export interface Risk {
  score: number;
  reasons: string[];
}

const pct = (r: number) => `${Math.round(r * 100)}%`;
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function riskScore(s: RiskSignals): Risk {
  const W = RISK_WEIGHTS;
  const parts: [number, string][] = [];
  if (s.held) parts.push([W.held, 'The account is waiting for review by the operators']);
  if (s.flagged) parts.push([W.flagged, 'The account is flagged for moderation']);
  if (s.limited) parts.push([W.limited, 'The sign-up looked risky, so the account is limited']);
  if (s.accountAgeDays < 1) parts.push([W.brandNew, 'The account was created today']);
  else if (s.accountAgeDays < 7) parts.push([W.young, `The account is ${plural(Math.floor(s.accountAgeDays), 'day')} old`]);
  if (s.profileStrength < THIN) parts.push([W.thinProfile, `Thin profile (strength ${s.profileStrength} of 100)`]);
  const nothingShared = s.mutualCount === 0 && !s.sharedOrgOrSchool;
  // To a member with no connections yet, everyone is outside their network: that says nothing.
  if (nothingShared && s.degree === null && s.recipientConnections > 0) parts.push([W.stranger, 'Outside your network, with nothing in common']);
  else if (nothingShared && s.degree === 3) parts.push([W.farNoMutuals, '3rd degree, with no mutual connections']);
  const unknown = !s.sharedOrgOrSchool && s.mutualCount < 3;
  const ownWords = s.noteKind === 'personal' && !s.notePitches && !s.noteAsks;
  const noRecord = s.accountAgeDays < 7 || s.profileStrength < THIN;
  if (noRecord && unknown && !ownWords) parts.push([W.coldApproach, `Approaches someone they do not know ${COLD_NOTE[s.noteKind]}, with no record here yet`]);
  if (ownWords) parts.push([W.personalNote, 'A personal note']);
  if (s.similarNotes >= 2) {
    const text = `The note is nearly identical to ${plural(s.similarNotes, 'other note')} this sender wrote recently`;
    if (s.sharedOrgOrSchool) parts.push([W.templateToAcquaintance, text]);
    else if (unknown && s.similarToStrangers >= TEMPLATE_STRANGER_COPIES) {
      parts.push([W.templateToStrangers, `${text}, to people they did not know`]);
    } else parts.push([W.template, text]);
  }
  if (s.similarNotes >= 10) parts.push([W.massTemplate, 'The same pitch is going to many people']);
  if (s.noteHasLink && s.accountAgeDays < 7) parts.push([W.linkFromNewAccount, 'A link in a note from a new account']);
  if (s.noteAsks && unknown) parts.push([W.askOfStranger, 'Asks a favour of someone they do not know']);
  if (s.notePitches && unknown) parts.push([W.pitchToStranger, 'A sales pitch to someone they do not know']);
  if (s.noteAsks && s.asksCount > 0 && s.offersCount === 0) parts.push([W.asksOnly, 'Their profile lists asks and no offers']);
  if (s.history.acceptanceRate !== null && s.history.acceptanceRate < 0.3) {
    parts.push([W.lowAcceptance, `Only ${pct(s.history.acceptanceRate)} of their invitations were accepted in the last 90 days`]);
  }
  if ((s.history.dontKnowRate !== null && s.history.dontKnowRate >= 0.1) || s.history.dontKnow >= 3) {
    parts.push([W.dontKnow, `${plural(s.history.dontKnow, 'person', 'people')} answered "I don't know this person" in the last 90 days`]);
  }
  if (s.reports > 0) parts.push([Math.min(W.reportMax, W.reportEach * s.reports), `${plural(s.reports, 'report')} against this sender`]);
  if (s.sentLastDay >= 50) parts.push([W.burst, `Sent ${plural(s.sentLastDay, 'invitation')} in the last day`]);
  if (s.sharedOrgOrSchool) parts.push([W.sharedHistory, 'You share an organisation or school']);
  if (s.mutualCount >= 3) parts.push([W.mutuals, `${plural(s.mutualCount, 'mutual connection')}`]);

  const raw = parts.reduce((sum, [w]) => sum + w, 0);
  const score = Math.max(0, Math.min(100, raw));
  // Reasons are the risks, heaviest first; the reassuring facts lower the score but are shown as evidence elsewhere.
  const reasons = parts.filter(([w]) => w > 0).sort((a, b) => b[0] - a[0]).map(([, r]) => r);
  return { score, reasons };
}

/** How the cold approach is worded for each kind of note that is not the sender's own. */
const COLD_NOTE: Record<NoteKind, string> = {
  none: 'without a note',
  short: 'with a note too short to say anything',
  stock: 'with a stock note',
  template: 'with a copied note',
  personal: 'with a pitch or an ask',
};

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
