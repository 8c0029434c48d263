import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { cursor, id, idParam, pageLimit, requiredText, text } from './primitives.ts';
import { page, personCard } from './search.ts';

/**
 * Endorsements of skills and recommendations tied to a position (docs/endorsements.md). A skill is named in
 * the path by its name (URL-encoded), matched against the member's skills as skills are matched everywhere:
 * case, accents and spacing ignored.
 */
export const skillParams = z.strictObject({
  handle: z.string().min(1).max(100),
  skill: z.string().min(1).max(LIMITS.skillMax * 2),
});

/** A skill's endorsements after an endorse or a take-back. */
export const endorsementState = z.object({
  skill: z.string(),
  count: z.number(),
  endorsed: z.boolean(),
});
export type EndorsementState = z.infer<typeof endorsementState>;

/** One skill on a profile with its endorsements as the viewer may see them (blocks both ways left out). */
export const skillEndorsementView = z.object({
  skill: z.string(),
  count: z.number(),
  /** The first few endorsers, newest first, with their degree badges for the viewer. */
  endorsers: z.array(personCard),
  endorsedByMe: z.boolean(),
});
export type SkillEndorsementView = z.infer<typeof skillEndorsementView>;

export const endorserQuery = z.strictObject({ cursor, limit: pageLimit });
export const endorserPage = page(personCard);

/** A recommendation shown on a profile, under its position. */
export const shownRecommendationView = z.object({
  id: z.number(),
  positionId: z.number(),
  author: personCard,
  text: z.string(),
  createdAt: z.string(),
});
export type ShownRecommendationView = z.infer<typeof shownRecommendationView>;

export const recommendationRequestInput = z.strictObject({
  positionId: id,
  message: text(LIMITS.recommendationAskMax).default(''),
});

export const recommendationInput = z.strictObject({
  positionId: id,
  text: requiredText(LIMITS.recommendationMax),
  /** The request it answers; absent for a recommendation written unasked. */
  requestId: id.optional(),
});

export const RECOMMENDATION_BOXES = ['received', 'written', 'requests'] as const;
export const recommendationBoxQuery = z.strictObject({ box: z.enum(RECOMMENDATION_BOXES), cursor, limit: pageLimit });

export const RECOMMENDATION_STATUSES = ['pending', 'visible', 'hidden', 'declined'] as const;
export type RecommendationStatusView = (typeof RECOMMENDATION_STATUSES)[number];

/** A position as a recommendation names it. */
export const positionRef = z.object({ id: z.number(), title: z.string(), organisationName: z.string() });

/** One item of a box: a recommendation (received or written) or a request (to write, or that I sent). */
export const recommendationItem = z.object({
  id: z.number(),
  kind: z.enum(['recommendation', 'request']),
  /** The other member: the author of one I received, the recipient of one I wrote, who asks me. */
  other: personCard,
  position: positionRef,
  /** A recommendation's text, or the request's message. */
  text: z.string(),
  /** A recommendation's status; a request's is 'open' or 'written'. */
  status: z.enum([...RECOMMENDATION_STATUSES, 'open', 'written']),
  createdAt: z.string(),
});
export type RecommendationItem = z.infer<typeof recommendationItem>;
export const recommendationBox = page(recommendationItem);

export const createdId = z.object({ id: z.number() });
export const recommendationActionParams = z.strictObject({ id: idParam });
