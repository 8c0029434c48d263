/** The member directory: every active member the viewer may see, newest first or by name, with filters. */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { cursor, pageLimit, text } from './primitives.ts';
import { organisationFilter, page, personCardWithConnection } from './search.ts';

export const DIRECTORY_SORTS = ['newest', 'name'] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];

export const memberDirectoryQuery = z.strictObject({
  sort: z.enum(DIRECTORY_SORTS).default('newest'),
  /** Members who work or studied there, now or before. */
  organisation: organisationFilter.optional(),
  /** Part of the place on the profile, any case: "lisbon" finds "Lisbon, Portugal". */
  location: text(LIMITS.locationMax).optional(),
  industry: text(LIMITS.industryMax).optional(),
  cursor,
  limit: pageLimit,
});
export type MemberDirectoryQuery = z.infer<typeof memberDirectoryQuery>;

export const memberDirectoryPage = page(personCardWithConnection);
