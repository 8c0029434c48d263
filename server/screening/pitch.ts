/**
 * Connect-then-pitch: connecting politely, then using the new connection as a sales channel. Pure: the
 * approaches are loaded and written by server/commands/screening/pitch.ts, and summed for risk and the
 * allowance by the sender-facts loader.
 *
 * An *approach* is a message to a member the sender connected with in the last APPROACH_DAYS days who has
 * not written to them in that conversation since. The evidence, strongest first:
 * - the same text (MinHash-near, as invitation templates are found: minhash.ts, TEMPLATE_SIMILARITY) sent
 *   as an approach to several new connections, when it reads as a sales pitch (the phrases of risk.ts:
 *   a call or demo to book, "our services", leads, a discount…). Copying alone is not abuse (a thank-you
 *   after a meetup goes to everyone met there), and a phrase alone is weak evidence (a data engineer talks
 *   about pipelines); a sales text copied to new connections is the pattern;
 * - sales pitches to many new connections within a day of connecting, however each is worded.
 * A short text ("Thanks for connecting, Ana!": fewer than MIN_COPY_WORDS words, or nothing beyond greetings
 * and stock phrases) is never a copy: thank-yous are alike by nature. Whether the recipients
 * ever answered is not used: a pitch is a pitch before anyone reads it.
 */
import { type Reason, reason } from '../../common/reasons.ts';
import { normaliseNote, noteSignature, similarity } from './minhash.ts';
import { classifyNote } from './note-kind.ts';
import { notePitches } from './risk.ts';
import { TEMPLATE_SIMILARITY } from './template.ts';

/** Fewer words than this (names and greetings included) are never compared as a copy. */
export const MIN_COPY_WORDS = 8;
/** A message to a member connected this recently, who has not written since, is an approach. */
export const APPROACH_DAYS = 7;
/** Approaches are compared and summed over this many days, at most the newest APPROACH_LOOK_BACK. */
export const PITCH_WINDOW_DAYS = 30;
export const APPROACH_LOOK_BACK = 500;
/** An approach this soon after connecting is "fast". */
export const FAST_HOURS = 24;
/** New connections who received nearly the same sales text that flag the sender. */
export const PITCH_COPIES_FLAG = 3;
/** New connections pitched within a day of connecting that flag the sender, however each was worded. */
export const FAST_PITCHES_FLAG = 5;
/** Below the flag, fast pitches to this many new connections shrink the allowance. */
export const FAST_PITCHES_ALLOWANCE = 2;
/** New connections who received nearly the same text, pitch or not, that shrink the allowance (a mass approach). */
export const MASS_APPROACH_COPIES = 10;

export interface ApproachJudgement {
  /** The text's signature, with the recipient's names as a placeholder; null when it says too little to be copied. */
  signature: number[] | null;
  pitch: boolean;
  fast: boolean;
}

/** What one approach is, from its text and how long after connecting it came. */
export function judgeApproach(text: string, names: { sender: string; recipient: string }, connectedAtMs: number, sentAtMs: number): ApproachJudgement {
  const says = normaliseNote(text).length >= MIN_COPY_WORDS && classifyNote(text, [names.sender, names.recipient]) === 'personal';
  return {
    signature: says ? noteSignature(text, [names.recipient]) : null,
    pitch: notePitches(text),
    fast: sentAtMs - connectedAtMs < FAST_HOURS * 3_600_000,
  };
}

/** One of the sender's earlier approaches in the window, newest first. */
export interface EarlierApproach {
  recipientId: number;
  signature: readonly number[];
}

/** How many new connections nearly this text has reached, this recipient included (1 when it is not a copy). */
export function approachCopies(signature: readonly number[] | null, recipientId: number, earlier: readonly EarlierApproach[]): number {
  if (!signature) return 1;
  const people = new Set([recipientId]);
  for (const e of earlier.slice(0, APPROACH_LOOK_BACK)) if (similarity(signature, e.signature) >= TEMPLATE_SIMILARITY) people.add(e.recipientId);
  return people.size;
}

/** The sender's approaches over the window, summed (server/queries/screening/sender-facts.ts). */
export interface PitchRecord {
  /** The most new connections one sales text reached (its copies), 0 without any. */
  salesCopies: number;
  /** The same for any text. */
  copies: number;
  /** New connections who got a sales pitch within a day of connecting. */
  fastPitches: number;
}

export const NO_PITCHES: PitchRecord = { salesCopies: 0, copies: 0, fastPitches: 0 };

/** The record from its loaded form: [salesCopies, copies, fastPitches], or null for none. */
export const pitchRecordFrom = (loaded: readonly (number | string)[] | null): PitchRecord =>
  loaded ? { salesCopies: Number(loaded[0] ?? 0), copies: Number(loaded[1] ?? 0), fastPitches: Number(loaded[2] ?? 0) } : NO_PITCHES;

/** Whether the record shows connect-then-pitch: what flags the sender and weighs in their risk. */
export const pitching = (r: PitchRecord) => r.salesCopies >= PITCH_COPIES_FLAG || r.fastPitches >= FAST_PITCHES_FLAG;

/** How many new connections were pitched, for the reasons: the larger of the two counts. */
export const pitchedPeople = (r: PitchRecord) => Math.max(r.salesCopies, r.fastPitches);

/**
 * The moderation flag the record calls for, if any: an AutoFlag (auto-flags.ts, which this module does not
 * import: auto-flags reads the sender facts, which read this), raised by server/commands/screening/auto-flags.ts.
 */
export function pitchFlag(r: PitchRecord): { kind: 'pitch'; score: number; reasons: Reason[] } | null {
  if (!pitching(r)) return null;
  const reasons: Reason[] = [];
  if (r.salesCopies >= PITCH_COPIES_FLAG) reasons.push(reason('flag.connect_then_pitch', { people: r.salesCopies }));
  if (r.fastPitches >= FAST_PITCHES_FLAG) reasons.push(reason('flag.fast_pitches', { people: r.fastPitches }));
  return { kind: 'pitch', score: Math.min(100, 40 + 5 * pitchedPeople(r)), reasons };
}

/** The allowance's adjustment for the record, as a share of the base (negative), with its reason; null for none. */
export function pitchAllowance(r: PitchRecord): { reason: Reason; share: number } | null {
  if (pitching(r)) return { reason: reason('allowance.connect_then_pitch', { people: pitchedPeople(r) }), share: -0.5 };
  if (r.copies >= MASS_APPROACH_COPIES) return { reason: reason('allowance.approach_copies', { people: r.copies }), share: -0.25 };
  if (r.fastPitches >= FAST_PITCHES_ALLOWANCE) return { reason: reason('allowance.fast_pitches', { people: r.fastPitches }), share: -0.25 };
  return null;
}
