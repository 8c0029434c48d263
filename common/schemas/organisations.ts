import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { cursor, fieldIssue, id, idParam, pageLimit, queryText } from './primitives.ts';
import { personCard } from './search.ts';

export const organisationSuggestQuery = z.strictObject({
  q: queryText(LIMITS.organisationNameMax).refine((s) => s.length > 0, fieldIssue('text_empty')),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});

/** An autocomplete entry: memberCount counts only the members the viewer may see listing it. */
export const organisationSummary = z.object({
  id: z.number(),
  name: z.string(),
  slug: z.string(),
  memberCount: z.number(),
});

export const organisationMembersQuery = z.strictObject({
  when: z.enum(['current', 'past']).default('current'),
  cursor,
  limit: pageLimit,
});

export const organisationMember = personCard.extend({
  role: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});
export type OrganisationMember = z.infer<typeof organisationMember>;

/** An organisation page. The counts are of the members the viewer may see. */
export const organisationView = z.object({
  id: z.number(),
  name: z.string(),
  slug: z.string(),
  currentCount: z.number(),
  pastCount: z.number(),
});

// ───────────────────────────── Operators: finding and merging duplicates ─────────────────────────────


export const adminOrganisationsQuery = z.strictObject({
  /** Part of the name, matched on case, accents and spacing, or a name that is spelt nearly the same. */
  q: queryText(LIMITS.organisationNameMax).optional(),
  cursor,
  limit: pageLimit,
});

/** An organisation as operators see it: every listing counted, whatever the profiles' privacy. */
export const adminOrganisation = z.object({
  id: z.number(),
  name: z.string(),
  slug: z.string(),
  kind: z.enum(['company', 'school', 'other']),
  /** Members who list it (positions and schools), suspended ones included. */
  members: z.number(),
  createdAt: z.string(),
});
export type AdminOrganisation = z.infer<typeof adminOrganisation>;

export const organisationIdParams = z.strictObject({ id: idParam });
export const organisationMergeBody = z.strictObject({ into: id });

const organisationRef = z.object({ id: z.number(), name: z.string(), slug: z.string() });
export const organisationMergeResult = z.object({
  from: organisationRef,
  into: organisationRef,
  /** Members whose positions or schools moved. */
  members: z.number(),
});
export type OrganisationMergeResult = z.infer<typeof organisationMergeResult>;
