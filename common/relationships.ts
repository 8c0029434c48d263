/**
 * The vocabulary of the private relationship memory (docs/relationships.md): plain values with no zod, so the
 * web can import them without the schema library. Everything here is private to the member who set it.
 */

import { LEDGER_KINDS, LEDGER_WEIGHTS } from './ledger.ts';

/**
 * The stay-in-touch cadences a member may pick, for a person or a tag, with their length in days. A fixed set:
 * a reminder every 9 days is not a habit anyone keeps, and codes translate where numbers would not.
 */
export const CADENCE_DAYS = {
  two_weeks: 14,
  month: 30,
  two_months: 61,
  quarter: 91,
  six_months: 182,
  year: 365,
} as const;
export type Cadence = keyof typeof CADENCE_DAYS;
export const CADENCES = Object.keys(CADENCE_DAYS) as Cadence[];

/** How long a snooze lasts, in days, when the member asks for one. */
export const SNOOZE_DAYS = [7, 14, 30] as const;

/** The colours a tag may have: Mantine's palette names, so the web draws them with the theme's own shades. */
export const TAG_COLOURS = ['gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'] as const;
export type TagColour = (typeof TAG_COLOURS)[number];

/** The interactions a member may log by hand (a meeting, a call, anything else), dated by them. */
export const LOGGED_INTERACTION_KINDS = ['meeting', 'call', 'other'] as const;
export type LoggedInteractionKind = (typeof LOGGED_INTERACTION_KINDS)[number];

/**
 * Every kind of row in the interactions ledger, one per side of what happened between two members. Each is
 * derived from an event (server/relationships/from-events.ts); none is written anywhere else, except the
 * `connected` rows that the bulk import's one statement mirrors.
 */
export const INTERACTION_KINDS = [
  'invitation_sent',
  'invitation_received',
  'connected',
  'message_sent',
  'message_received',
  'comment_sent',
  'comment_received',
  'reaction_given',
  'reaction_received',
  ...LOGGED_INTERACTION_KINDS,
  // Gives and asks (common/ledger.ts): introductions, endorsements, recommendations, help logged by hand.
  ...LEDGER_KINDS,
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** How much one interaction of each kind says about a relationship, for its strength (strength.ts). */
export const INTERACTION_WEIGHTS: Record<InteractionKind, number> = {
  meeting: 5,
  call: 4,
  other: 2,
  message_sent: 2,
  message_received: 2,
  comment_sent: 1.5,
  comment_received: 1.5,
  connected: 1,
  invitation_sent: 0.5,
  invitation_received: 0.5,
  reaction_given: 0.5,
  reaction_received: 0.5,
  ...LEDGER_WEIGHTS,
};

export const STRENGTH_LEVELS = ['none', 'weak', 'moderate', 'strong'] as const;
export type StrengthLevel = (typeof STRENGTH_LEVELS)[number];

/** Why a relationship is as strong as it is, each a code with its parameters, worded by the reader's language. */
export const STRENGTH_REASON_CODES = ['last_interaction_days', 'no_interaction', 'interactions_year', 'messages_year', 'met_in_person_year', 'comments_year'] as const;
export type StrengthReasonCode = (typeof STRENGTH_REASON_CODES)[number];
