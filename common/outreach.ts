/**
 * One person a week (issue 15, docs/outreach.md): plain values shared by the server and the web, no zod.
 */

/** The weekly goal: 1 when the member never set one; at most 20 a week, a habit rather than a campaign. */
export const WEEKLY_GOAL_DEFAULT = 1;
export const WEEKLY_GOAL_MIN = 1;
export const WEEKLY_GOAL_MAX = 20;

/** Weeks in the year view. */
export const YEAR_WEEKS = 52;

/**
 * A message counts as outreach only to someone the member has not messaged for this many weeks: keeping up a
 * running conversation is not reaching out.
 */
export const MESSAGE_QUIET_WEEKS = 12;

/** What reached a person: a message (after a quiet spell), an invitation with a note, an introduction request. */
export const OUTREACH_KINDS = ['message', 'invitation', 'introduction'] as const;
export type OutreachKind = (typeof OUTREACH_KINDS)[number];

/** Why a person is suggested this week; the words are in the web's `outreach` namespace. */
export const SUGGESTION_REASONS = ['admired', 'dormant_tie', 'diverse_weak_tie'] as const;
export type SuggestionReason = (typeof SUGGESTION_REASONS)[number];

/** The profile dimension on which a diverse weak tie differs from most of the member's connections. */
export const DIVERSITY_DIMENSIONS = ['industry', 'function', 'career_stage', 'location'] as const;
export type DiversityDimension = (typeof DIVERSITY_DIMENSIONS)[number];

/** What the note check says of a note (server/screening/note-kind.ts): only `personal` needs no nudge. */
export const NOTE_KINDS = ['none', 'short', 'stock', 'template', 'personal'] as const;
export type NoteCheckKind = (typeof NOTE_KINDS)[number];

const DAY_MS = 86_400_000;

/** The Monday (UTC) that starts the ISO week holding `at`, as YYYY-MM-DD. */
export function weekStartOf(at: Date): string {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(day - weekday * DAY_MS).toISOString().slice(0, 10);
}

/** The week starting `weeks` weeks after (or before, if negative) the one starting on `monday`. */
export function addWeeks(monday: string, weeks: number): string {
  return new Date(Date.parse(`${monday}T00:00:00Z`) + weeks * 7 * DAY_MS).toISOString().slice(0, 10);
}

/** The ISO week label of a week's Monday: `2026-W49` (the ISO year is the year of its Thursday). */
export function isoWeekLabel(monday: string): string {
  const thursday = new Date(Date.parse(`${monday}T00:00:00Z`) + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The streak: consecutive weeks meeting the goal, ending with this week if it is met, else with last week
 * (a week still under way does not break it). `counts` maps a week's Monday to the people reached in it.
 */
export function streakOf(counts: ReadonlyMap<string, number>, goal: number, thisWeek: string): number {
  let week = (counts.get(thisWeek) ?? 0) >= goal ? thisWeek : addWeeks(thisWeek, -1);
  let streak = 0;
  while ((counts.get(week) ?? 0) >= goal) {
    streak++;
    week = addWeeks(week, -1);
  }
  return streak;
}
