/**
 * Suggestion (1) of the week: someone from the member's admire list (issue 15, "Map it out"). The admire list
 * is built on its own branch; until it is merged there is nobody to suggest from it.
 */
import type { DbOrTx } from '../../db/connection.ts';
import type { WeekSuggestion } from './types.ts';

export async function admiredSuggestion(_db: DbOrTx, _memberId: number, _week: string): Promise<WeekSuggestion | null> {
  // wired to the admire list at merge
  return Promise.resolve(null);
}
