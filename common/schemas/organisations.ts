import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { cursor, pageLimit, queryText } from './primitives.ts';
import { personCard } from './search.ts';

export const organisationSuggestQuery = z.strictObject({
  q: queryText(LIMITS.organisationNameMax).refine((s) => s.length > 0, { message: 'must not be empty' }),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});

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

export const organisationView = z.object({
  id: z.number(),
  name: z.string(),
  slug: z.string(),
  currentCount: z.number(),
  pastCount: z.number(),
});
