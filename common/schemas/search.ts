import { z } from 'zod';
import { CAREER_STAGES, LIMITS } from '../limits.ts';
import { personAbilities } from './abilities.ts';
import { cursor, idParam, pageLimit, queryText } from './primitives.ts';

/**
 * An organisation to filter people by. Ids are PostgreSQL integers, so a larger number is a 400 here
 * rather than an overflow in SQL.
 */
export const organisationFilter = idParam;

export const memberSearchQuery = z.strictObject({
  q: queryText(LIMITS.searchQueryMax).default(''),
  degree: z.enum(['1', '2', '3']).optional(),
  // queryText refuses control characters (a NUL byte would otherwise reach PostgreSQL and fail there) and invalid UTF-8.
  industry: queryText(LIMITS.industryMax).optional(),
  function: queryText(LIMITS.industryMax).optional(),
  careerStage: z.enum(CAREER_STAGES).optional(),
  organisation: organisationFilter.optional(),
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

/** The viewer's connection to a person: 'self' for the viewer's own card. */
export const CONNECTION_STATES = ['self', 'connected', 'pending_sent', 'pending_received', 'none'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

/**
 * A person card in a list the viewer acts from (search, the member directory, suggestions): with the
 * viewer's connection state, so the list offers Accept to someone who already invited them rather than
 * Connect, and "Pending" for an invitation they sent.
 */
export const personCardWithConnection = personCard.extend({
  connection: z.enum(CONNECTION_STATES),
  /** The open invitation between the two, either way, while one is pending: Accept or Withdraw acts on it. */
  invitationId: z.number().nullable(),
  /** What the viewer may do with them, decided by the server's policies: clients render from this. */
  abilities: personAbilities,
});
export type PersonCardWithConnection = z.infer<typeof personCardWithConnection>;

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const memberSearchResult = page(personCardWithConnection);
