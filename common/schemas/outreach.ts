/** One person a week over the API (docs/outreach.md): returned to the member alone. */
import { z } from 'zod';
import { NOTE_KINDS, SUGGESTION_REASONS, WEEKLY_GOAL_MAX, WEEKLY_GOAL_MIN } from '../outreach.ts';
import { LIMITS } from '../limits.ts';
import { handle, text } from './primitives.ts';
import { personCardWithConnection } from './search.ts';

export const outreachGoalUpdate = z.strictObject({
  weeklyGoal: z.number().int().min(WEEKLY_GOAL_MIN).max(WEEKLY_GOAL_MAX),
});

export const outreachReason = z.object({
  code: z.enum(SUGGESTION_REASONS),
  /** dormant_tie: `weeks` since the last interaction, `cadenceDays`; diverse_weak_tie: `dimension`, `value`, `mutualCount`. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const outreachSuggestion = z.object({
  person: personCardWithConnection,
  reason: outreachReason,
  /** Reached out to them this week already. */
  reached: z.boolean(),
});

export const outreachWeek = z.object({
  /** The week's Monday, YYYY-MM-DD (ISO weeks, UTC). */
  start: z.string(),
  /** ISO week label, 2026-W49. */
  week: z.string(),
  count: z.number(),
  met: z.boolean(),
});

export const outreachView = z.object({
  weeklyGoal: z.number(),
  thisWeek: outreachWeek,
  streak: z.number(),
  /** 52 weeks, oldest first, ending with this week. */
  year: z.array(outreachWeek),
  suggestions: z.array(outreachSuggestion),
});
export type OutreachView = z.infer<typeof outreachView>;

export const noteCheckBody = z.strictObject({
  note: text(LIMITS.messageMax),
  /** The recipient, whose name in the note is not counted as the note's own words. */
  to: handle.optional(),
});

export const noteCheckResult = z.object({
  kind: z.enum(NOTE_KINDS),
  /** Near-copies among the member's recent notes. */
  copies: z.number(),
});
export type NoteCheckResult = z.infer<typeof noteCheckResult>;
