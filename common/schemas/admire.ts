/**
 * The admire list (issue 15, "map it out"): people and organisations a member wants to reach, with the best
 * introduction paths to each and a pipeline stage. Private to the member. Shared by the server's routes and the web.
 */
import { z } from 'zod';
import { ADMIRE_NOTE_MAX, ADMIRE_STAGES } from '../admire.ts';
import { bigIdParam, handle, text } from './primitives.ts';
import { personCard } from './search.ts';

export { ADMIRE_STAGES };

const slug = z.string().min(1).max(80).regex(/^[a-z0-9-]+$/);

/** Add a member (by handle) or an organisation (by slug): exactly one of the two (else 400 admire_target_required). */
export const admireCreate = z.strictObject({
  member: handle.optional(),
  organisation: slug.optional(),
  note: text(ADMIRE_NOTE_MAX).optional(),
});
export type AdmireCreate = z.infer<typeof admireCreate>;

/**
 * Move the pipeline and/or note it. `stage` may stay or move forward by any number of steps, never back
 * (400 admire_stage_backwards); `note` without a stage change is kept in the history at the current stage.
 * `entryNote` replaces the entry's own note.
 */
export const admireUpdate = z.strictObject({
  stage: z.enum(ADMIRE_STAGES).optional(),
  note: text(ADMIRE_NOTE_MAX).optional(),
  entryNote: text(ADMIRE_NOTE_MAX).optional(),
});
export type AdmireUpdate = z.infer<typeof admireUpdate>;

export const admireParams = z.strictObject({ id: bigIdParam });

/** One way to reach a person: their card with my degree to them, and the people on my best paths to them (introducers only, in order). */
export const admireReach = z.object({
  person: personCard,
  /** Up to 3 best paths, each the introducers between me and the person, in order; empty for a 1st-degree person or when none is left. */
  paths: z.array(z.array(personCard)),
});

export const admireEntry = z.object({
  id: z.number(),
  kind: z.enum(['member', 'organisation']),
  /** A member entry: the member, my degree and my paths to them (null when they have left or a block stands between us). */
  member: admireReach.nullable(),
  /** An organisation entry: the organisation, and the people I can reach there (current experience), best first. */
  organisation: z
    .object({
      name: z.string(),
      slug: z.string(),
      people: z.array(admireReach),
    })
    .nullable(),
  note: z.string(),
  stage: z.enum(ADMIRE_STAGES),
  history: z.array(z.object({ stage: z.enum(ADMIRE_STAGES), note: z.string(), at: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdmireEntry = z.infer<typeof admireEntry>;

export const admireList = z.object({ items: z.array(admireEntry) });
export const admireOne = z.object({ entry: admireEntry });
