/**
 * The vocabulary of the admire list (issue 15, "map it out"): plain values with no zod, so the web can import
 * them without the schema library. Everything here is private to the member who keeps the list.
 */

/** The pipeline of an entry, in order. */
export const ADMIRE_STAGES = ['identified', 'reached_out', 'replied', 'met', 'connected'] as const;
export type AdmireStage = (typeof ADMIRE_STAGES)[number];

/** Longest note on an entry or on a stage change, in characters. */
export const ADMIRE_NOTE_MAX = 500;
/** Most entries one member keeps: a list to work through, not a second address book. */
export const ADMIRE_ENTRIES_MAX = 100;
/** Most stage changes and notes an entry remembers (the oldest go first). */
export const ADMIRE_HISTORY_MAX = 50;

/** One change of an entry's stage, or a note added at the same stage; `at` is an ISO timestamp. */
export interface AdmireHistoryItem {
  stage: AdmireStage;
  note: string;
  at: string;
}

/**
 * The pipeline's one rule: a stage may move forward by any number of steps (someone may reply the day
 * they are reached, or be met at a conference before any message) or stay where it is (to add a note), but
 * never move backwards: what happened does not un-happen. A mistaken move is undone by deleting the entry.
 */
export function stageMoveAllowed(from: AdmireStage, to: AdmireStage): boolean {
  return ADMIRE_STAGES.indexOf(to) >= ADMIRE_STAGES.indexOf(from);
}
