/**
 * Double opt-in introductions (docs/architecture.md, "Introductions"): a member asks a connection to
 * introduce them to someone 2 or 3 hops away; each introducer forwards or declines in turn, and the target
 * accepts or declines. Shared by the server's routes and the web.
 */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { bigIdParam, cursor, handle, requiredText, text } from './primitives.ts';
import { page, personCard } from './search.ts';

import { INTRODUCTION_BOXES, type IntroductionBox } from '../introductions.ts';

export { INTRODUCTION_BOXES, type IntroductionBox };

export const INTRODUCTION_STATUSES = ['open', 'accepted', 'declined', 'expired'] as const;
export const INTRODUCTION_STEP_STATUSES = ['pending', 'waiting', 'forwarded', 'accepted', 'declined', 'expired'] as const;
export const INTRODUCTION_ROLES = ['requester', 'introducer', 'target'] as const;
export type IntroductionRole = (typeof INTRODUCTION_ROLES)[number];

/** Ask for an introduction to `target` through `via` (one of the paths GET /members/:handle/paths gives, without its ends). */
export const introductionCreate = z.strictObject({
  target: handle,
  via: z.array(handle).min(1).max(2),
  blurb: requiredText(LIMITS.introductionBlurbMax),
});
export type IntroductionCreate = z.infer<typeof introductionCreate>;

export const introductionForward = z.strictObject({ note: text(LIMITS.introductionNoteMax).optional() }).nullish();
/** `dontKnow`: "I don't know this person" (an introducer about the requester, or the target): counts against the requester. */
export const introductionDecline = z.strictObject({ reason: text(LIMITS.introductionNoteMax).optional(), dontKnow: z.boolean().optional() }).nullish();
export const introductionParams = z.strictObject({ id: bigIdParam });
export const introductionListQuery = z.strictObject({ box: z.enum(INTRODUCTION_BOXES), cursor });

/** One step, as a member who may see it sees it. */
export const introductionStepView = z.object({
  person: personCard,
  role: z.enum(['introducer', 'target']),
  status: z.enum(INTRODUCTION_STEP_STATUSES),
  /** An introducer's note to the next person. */
  note: z.string().nullable(),
  /** Why they declined. */
  reason: z.string().nullable(),
  dontKnow: z.boolean(),
  actedAt: z.string().nullable(),
});

export const introductionView = z.object({
  id: z.number(),
  status: z.enum(INTRODUCTION_STATUSES),
  /** The viewer's part in it. */
  role: z.enum(INTRODUCTION_ROLES),
  requester: personCard,
  target: personCard,
  blurb: z.string(),
  /** The introducers in order, then the target. */
  steps: z.array(introductionStepView),
  createdAt: z.string(),
  expiresAt: z.string(),
  /** The group conversation opened on acceptance, when the viewer is still in it. */
  conversationId: z.number().nullable(),
  /** What the viewer may do now. */
  abilities: z.object({ forward: z.boolean(), accept: z.boolean(), decline: z.boolean(), leave: z.boolean() }),
});
export type IntroductionView = z.infer<typeof introductionView>;
export type IntroductionStepView = z.infer<typeof introductionStepView>;

export const introductionPage = page(introductionView);
export const introductionCreated = z.object({ id: z.number() });
