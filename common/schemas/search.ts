import { z } from 'zod';
import { CAREER_STAGES, LIMITS } from '../limits.ts';
import { cursor, pageLimit, queryText } from './primitives.ts';

export const memberSearchQuery = z.strictObject({
  q: queryText(LIMITS.searchQueryMax).default(''),
  degree: z.enum(['1', '2', '3']).optional(),
  industry: queryText(LIMITS.industryMax).optional(),
  function: queryText(LIMITS.industryMax).optional(),
  careerStage: z.enum(CAREER_STAGES).optional(),
  organisation: z.coerce.number().int().positive().optional(),
  cursor,
  limit: pageLimit,
});
export type MemberSearchQuery = z.infer<typeof memberSearchQuery>;

/** A person as shown in any list: always with the viewer's degree and mutual count (null until the graph exists). */
export const personCard = z.object({
  id: z.number(),
  handle: z.string(),
  name: z.string(),
  headline: z.string(),
  location: z.string().nullable(),
  photoUrl: z.string().nullable(),
  degree: z.number().nullable(),
  mutualCount: z.number().nullable(),
});
export type PersonCard = z.infer<typeof personCard>;

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const memberSearchResult = page(personCard);
