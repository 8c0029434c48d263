import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { suggestionDismissals } from '../../db/schema.ts';

/** "Not now" on a suggestion: it is discounted from then on (dismissing again refreshes the date). */
export async function dismissSuggestion(db: DbOrTx, memberId: number, otherId: number): Promise<void> {
  await db
    .insert(suggestionDismissals)
    .values({ memberId, otherId })
    .onConflictDoUpdate({ target: [suggestionDismissals.memberId, suggestionDismissals.otherId], set: { dismissedAt: sql`now()` } });
}
