/**
 * The vocabulary of the opportunity log (issue 15, "where opportunities came from"): plain values with no zod,
 * so the web can import them without the schema library. The log is private to the member who keeps it.
 */

export const OPPORTUNITY_KINDS = ['job', 'client', 'project', 'speaking', 'partnership'] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];

export const OPPORTUNITY_LIMITS = {
  titleMax: 200,
  /** People one opportunity came through: the few who mattered, not a mailing list. */
  peopleMax: 10,
  /** A value in whole units of the member's currency; anything above is a typo, not a deal. */
  valueMax: 1_000_000_000,
  /** Opportunities one member may keep: far beyond a career's worth, and it bounds the report's one read. */
  perMemberMax: 2000,
} as const;

/**
 * The ways an opportunity can have come, one per share in the report. An opportunity counts in every way one
 * of its people came (a person met through an introduction who was a 2nd-degree tie at the time counts for
 * both), so the shares need not sum to 100%.
 *
 * - `weak_tie`: the relationship began when they were 2nd or 3rd degree (the invitation's degree at send).
 * - `posts`: it began from a comment (origin 'comment') or they had interacted over posts before connecting.
 * - `introduction`: it began with an introduction.
 * - `open_invitation`: the invitation was accepted on arrival by an open (accept-all) policy or rule.
 * - `import`: it came from an import (origin 'import'), or the person matches one of my imported contacts.
 * - `not_connected`: the person is not my connection today.
 */
export const OPPORTUNITY_ORIGINS = ['weak_tie', 'posts', 'introduction', 'open_invitation', 'import', 'not_connected'] as const;
export type OpportunityOrigin = (typeof OPPORTUNITY_ORIGINS)[number];

/** The degree between us when the relationship began: 2 or 3, `beyond` (no path within 3 hops), or `unknown` (never recorded). */
export const DEGREES_AT_START = ['2', '3', 'beyond', 'unknown'] as const;
export type DegreeAtStart = (typeof DEGREES_AT_START)[number];
