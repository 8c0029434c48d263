import type { SuggestionReason } from '../../../common/outreach.ts';

/** One of the week's suggestions, as chosen: who, why, and the reason's parameters. */
export interface WeekSuggestion {
  otherId: number;
  reason: SuggestionReason;
  params: Record<string, string | number>;
}
