import { type PitchRecord, pitchRecordFrom } from './pitch.ts';

/**
 * What the platform knows about an invitation's sender: account age, the last 90 days of answers to their
 * invitations, reports, recent volume, restrictions and open flags. Aggregates only, never who answered.
 * Loaded in batches by server/queries/screening/sender-facts.ts; this module only shapes the counts.
 */

export interface SenderFacts {
  accountAgeDays: number;
  /** Invitations sent in the last 90 days, and how they were answered. */
  history: { sent: number; answered: number; accepted: number; ignored: number; dontKnow: number; acceptanceRate: number | null; dontKnowRate: number | null };
  /** Open or upheld reports against the sender. */
  reports: number;
  spamReports: number;
  sentLastDay: number;
  held: boolean;
  limited: boolean;
  /** An operator restricted their invitations. */
  invitationsRestricted: boolean;
  flagged: boolean;
  /** Their messages to new connections over the last 30 days (pitch.ts). */
  pitch: PitchRecord;
}

/** The counts a loader reads for one sender. */
export interface SenderCounts {
  createdAt: Date | string;
  sent: number;
  accepted: number;
  ignored: number;
  dontKnow: number;
  lastDay: number;
  reports: number;
  spamReports: number;
  /** Kinds of the restrictions in force. */
  restrictions: readonly string[] | null;
  flagged: boolean;
  /** [salesCopies, copies, fastPitches] of their approaches (pitch.ts); null without any. */
  approaches: readonly (number | string)[] | null;
}

/** Rates need a few answers before they mean anything. */
export const MIN_ANSWERS_FOR_RATE = 5;

export function senderFactsFrom(r: SenderCounts, nowMs: number): SenderFacts {
  const answered = r.accepted + r.ignored + r.dontKnow;
  const rate = (n: number) => (answered >= MIN_ANSWERS_FOR_RATE ? n / answered : null);
  const restrictions = new Set(r.restrictions ?? []);
  return {
    accountAgeDays: Math.max(0, (nowMs - new Date(r.createdAt).getTime()) / 86_400_000),
    history: { sent: r.sent, answered, accepted: r.accepted, ignored: r.ignored, dontKnow: r.dontKnow, acceptanceRate: rate(r.accepted), dontKnowRate: rate(r.dontKnow) },
    reports: r.reports,
    spamReports: r.spamReports,
    sentLastDay: r.lastDay,
    held: restrictions.has('held'),
    limited: restrictions.has('limited'),
    invitationsRestricted: restrictions.has('invitations'),
    flagged: r.flagged,
    pitch: pitchRecordFrom(r.approaches),
  };
}
