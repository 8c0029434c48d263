/** Reading and saving a member's screening policy; a member without one screens manually. */
import { eq, sql } from 'drizzle-orm';
import type { ScreeningPolicy } from '../../common/schemas/screening.ts';
import type { DbOrTx } from '../db/connection.ts';
import { screeningPolicies } from '../db/schema.ts';
import { DEFAULT_POLICY } from './policy.ts';

export async function loadPolicy(db: DbOrTx, memberId: number): Promise<ScreeningPolicy> {
  const [row] = await db.select().from(screeningPolicies).where(eq(screeningPolicies.memberId, memberId));
  if (!row) return DEFAULT_POLICY;
  return { mode: row.mode, whoCanInvite: row.whoCanInvite, rules: row.rules, otherwise: row.otherwise };
}

/** Replaces the policy whole (one statement, so a half-saved policy cannot exist). Applies to invitations that arrive afterwards. */
export async function savePolicy(db: DbOrTx, memberId: number, policy: ScreeningPolicy): Promise<void> {
  const values = { memberId, ...policy, updatedAt: sql`now()` };
  await db.insert(screeningPolicies).values(values).onConflictDoUpdate({ target: screeningPolicies.memberId, set: { ...policy, updatedAt: sql`now()` } });
}
