/** Saving a member's screening policy. */
import { sql } from 'drizzle-orm';
import type { ScreeningPolicy } from '../../../common/schemas/screening.ts';
import type { DbOrTx } from '../../db/connection.ts';
import { screeningPolicies } from '../../db/schema.ts';

/** Replaces the policy whole (one statement, so a half-saved policy cannot exist). Applies to invitations that arrive afterwards. */
export async function savePolicy(db: DbOrTx, memberId: number, policy: ScreeningPolicy): Promise<void> {
  const values = { memberId, ...policy, updatedAt: sql`now()` };
  await db.insert(screeningPolicies).values(values).onConflictDoUpdate({ target: screeningPolicies.memberId, set: { ...policy, updatedAt: sql`now()` } });
}
