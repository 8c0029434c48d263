/**
 * The private relationship memory over the API (docs/relationships.md): a member's card on a person, its notes,
 * their tags and the keep-in-touch list. Everything here is returned to its author alone.
 */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import {
  CADENCES,
  INTERACTION_KINDS,
  LOGGED_INTERACTION_KINDS,
  SNOOZE_DAYS,
  STRENGTH_LEVELS,
  STRENGTH_REASON_CODES,
  TAG_COLOURS,
} from '../relationships.ts';
import { originComment } from './network.ts';
import { cursor, id, pageLimit, queryText, requiredLine, requiredText, text } from './primitives.ts';
import { page, personCard } from './search.ts';

export const cadence = z.enum(CADENCES as [string, ...string[]]) as z.ZodType<(typeof CADENCES)[number]>;
export const tagColour = z.enum(TAG_COLOURS);

/** A calendar day, YYYY-MM-DD, not in the future (a meeting that happened, a date we met). */
export const pastDay = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'must be YYYY-MM-DD' })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: 'must be a real date' })
  .refine((d) => d >= '1900-01-01' && Date.parse(`${d}T00:00:00Z`) <= Date.now() + 86_400_000, { message: 'must not be in the future' });

export const tagView = z.object({
  id: z.number(),
  name: z.string(),
  colour: tagColour,
  cadence: cadence.nullable(),
  /** How many of the member's people carry it (on the tag list only). */
  count: z.number().optional(),
});
export type TagView = z.infer<typeof tagView>;

/**
 * How we met: the connection's origin as Rapport captured it (`context` an invitation context such as
 * `search`, `suggestion`, `comment`, `introduction`, `import`; null for a contact never connected), when (`at`),
 * the comment it began from, the person who introduced us (`via`, for an introduction), and the member's own
 * words over it (`edited`), which a reset removes.
 */
export const howWeMet = z.object({
  context: z.string().nullable(),
  at: z.string().nullable(),
  via: personCard.nullable().optional(),
  comment: originComment.nullable().optional(),
  edited: z.object({ text: z.string(), at: z.string().nullable() }).nullable().optional(),
});
export type HowWeMet = z.infer<typeof howWeMet>;

export const interactionView = z.object({ kind: z.enum(INTERACTION_KINDS), at: z.string() });

export const strengthView = z.object({
  level: z.enum(STRENGTH_LEVELS),
  /** 0–100: recency and frequency over the last year, weighted by kind. */
  score: z.number(),
  reasons: z.array(z.object({ code: z.enum(STRENGTH_REASON_CODES), params: z.record(z.string(), z.number()) })),
});
export type StrengthView = z.infer<typeof strengthView>;

export const relationshipView = z.object({
  person: personCard,
  howWeMet,
  tags: z.array(tagView),
  /** The card's own cadence; `effectiveCadence` is it, else the shortest of its tags'. */
  cadence: cadence.nullable(),
  effectiveCadence: cadence.nullable(),
  dueAt: z.string().nullable(),
  snoozedUntil: z.string().nullable(),
  lastInteraction: interactionView.nullable(),
  strength: strengthView,
  notesCount: z.number(),
});
export type RelationshipView = z.infer<typeof relationshipView>;

/** A change to my card: omitted fields stay; null clears (howWeMet: back to what Rapport captured). */
export const relationshipPatch = z.strictObject({
  howWeMet: z.strictObject({ text: requiredLine(LIMITS.howWeMetMax), date: pastDay.nullable().optional() }).nullable().optional(),
  cadence: cadence.nullable().optional(),
  /** The card's tags, replacing the ones it has. */
  tags: z.array(id).max(LIMITS.cardTagsMax).optional(),
  /** Put the reminder off for this many days (from now); null ends a snooze. */
  snoozeDays: z.union(SNOOZE_DAYS.map((d) => z.literal(d)) as [z.ZodLiteral<7>, z.ZodLiteral<14>, z.ZodLiteral<30>]).nullable().optional(),
});
export type RelationshipPatch = z.infer<typeof relationshipPatch>;

export const noteView = z.object({ id: z.number(), text: z.string(), date: z.string().nullable(), createdAt: z.string(), updatedAt: z.string() });
export type NoteView = z.infer<typeof noteView>;
export const noteCreate = z.strictObject({ text: requiredText(LIMITS.relationshipNoteMax), date: pastDay.nullable().optional() });
export const noteUpdate = z.strictObject({ text: requiredText(LIMITS.relationshipNoteMax).optional(), date: pastDay.nullable().optional() });
export const notePage = page(noteView);
export const notesQuery = z.strictObject({ cursor, limit: pageLimit });

export const tagCreate = z.strictObject({ name: requiredLine(LIMITS.tagNameMax), colour: tagColour, cadence: cadence.nullable().optional() });
export const tagUpdate = z.strictObject({ name: requiredLine(LIMITS.tagNameMax).optional(), colour: tagColour.optional(), cadence: cadence.nullable().optional() });
export const tagList = z.object({ items: z.array(tagView) });

export const interactionLog = z.strictObject({
  kind: z.enum(LOGGED_INTERACTION_KINDS),
  date: pastDay.optional(),
  /** Kept as a note on the card, dated with the interaction. */
  note: text(LIMITS.relationshipNoteMax).optional(),
});
export const interactionLogged = z.object({ lastInteraction: interactionView.nullable(), dueAt: z.string().nullable() });

/** One of my people on the keep-in-touch list or the list of cards. */
export const relationshipItem = personCard.extend({
  tags: z.array(tagView),
  effectiveCadence: cadence.nullable(),
  dueAt: z.string().nullable(),
  lastInteraction: interactionView.nullable(),
});
export type RelationshipItem = z.infer<typeof relationshipItem>;
export const relationshipPage = page(relationshipItem);

export const keepInTouchQuery = z.strictObject({ cursor, limit: pageLimit });
export const relationshipsQuery = z.strictObject({ tag: z.coerce.number().int().min(1).max(2_147_483_647).optional(), q: queryText(LIMITS.searchQueryMax).default(''), cursor, limit: pageLimit });
