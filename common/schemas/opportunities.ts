/**
 * The opportunity log over the API (issue 15): opportunities I logged, each with the people it came through
 * and how each relationship began, and the report of shares by origin. Returned to its member alone.
 */
import { z } from 'zod';
import { DEGREES_AT_START, OPPORTUNITY_KINDS, OPPORTUNITY_LIMITS, OPPORTUNITY_ORIGINS } from '../opportunities.ts';
import { cursor, handle, pageLimit, requiredLine } from './primitives.ts';
import { page, personCard } from './search.ts';

const value = z.number().int().min(0).max(OPPORTUNITY_LIMITS.valueMax);
const people = z.array(handle).min(1).max(OPPORTUNITY_LIMITS.peopleMax);

export const opportunityCreate = z.strictObject({
  kind: z.enum(OPPORTUNITY_KINDS),
  title: requiredLine(OPPORTUNITY_LIMITS.titleMax),
  people,
  /** Whole units of the member's currency; omitted or null when the member gives none. */
  value: value.nullable().optional(),
});
export type OpportunityCreate = z.infer<typeof opportunityCreate>;

/** A change: omitted fields stay; `value: null` clears it; `people` replaces the list. */
export const opportunityPatch = z.strictObject({
  kind: z.enum(OPPORTUNITY_KINDS).optional(),
  title: requiredLine(OPPORTUNITY_LIMITS.titleMax).optional(),
  people: people.optional(),
  value: value.nullable().optional(),
});
export type OpportunityPatch = z.infer<typeof opportunityPatch>;

export const opportunityQuery = z.strictObject({ cursor, limit: pageLimit });

/**
 * How a relationship began, as Rapport captured it: the connection's origin context (null when not connected),
 * the degree when it began, whether an open policy accepted it, the introducer (when visible), whether it
 * began over posts, and the imported contact's source (linkedin, vcard, csv, rapport) when one matches.
 */
export const relationshipOrigin = z.object({
  connected: z.boolean(),
  context: z.string().nullable(),
  at: z.string().nullable(),
  degreeAtStart: z.enum(DEGREES_AT_START),
  openInvitation: z.boolean(),
  viaPosts: z.boolean(),
  introducedBy: personCard.nullable(),
  importedFrom: z.string().nullable(),
  origins: z.array(z.enum(OPPORTUNITY_ORIGINS)),
});
export type RelationshipOriginView = z.infer<typeof relationshipOrigin>;

export const opportunityView = z.object({
  id: z.number(),
  kind: z.enum(OPPORTUNITY_KINDS),
  title: z.string(),
  value: z.number().nullable(),
  createdAt: z.string(),
  people: z.array(personCard.extend({ origin: relationshipOrigin })),
  origins: z.array(z.enum(OPPORTUNITY_ORIGINS)),
});
export type OpportunityView = z.infer<typeof opportunityView>;

export const opportunityPage = page(opportunityView);

export const opportunityShare = z.object({
  origin: z.enum(OPPORTUNITY_ORIGINS),
  count: z.number(),
  /** count / total, 0–1. */
  share: z.number(),
  /** The value of these opportunities, and its share of all logged value (null when no value was given). */
  value: z.number(),
  valueShare: z.number().nullable(),
});

export const opportunityReport = z.object({
  total: z.number(),
  /** The sum of the values given, and how many opportunities carry one. */
  totalValue: z.number(),
  valued: z.number(),
  shares: z.array(opportunityShare),
  /** Opportunities whose people's relationships began in no way the report names (a search, a suggestion…). */
  other: z.number(),
});
export type OpportunityReportView = z.infer<typeof opportunityReport>;
