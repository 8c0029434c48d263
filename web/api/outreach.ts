import type { NoteCheckResult, OutreachView } from '../../common/schemas/outreach.ts';
import { api } from './client.ts';

export type { NoteCheckResult, OutreachView };
export type OutreachSuggestion = OutreachView['suggestions'][number];
export type OutreachWeek = OutreachView['thisWeek'];

/** One person a week (docs/outreach.md): my goal, streak, year view and this week's suggestions; the note check. */
export const outreachApi = {
  get: () => api<OutreachView>('GET', '/me/outreach'),
  setGoal: (weeklyGoal: number) => api<OutreachView>('PUT', '/me/outreach', { body: { weeklyGoal } }),
  checkNote: (note: string, to?: string) => api<NoteCheckResult>('POST', '/notes/check', { body: to ? { note, to } : { note } }),
};
