/** Reading a member's screening policy; a member without one screens manually. */
import { eq } from 'drizzle-orm';
import type { ScreeningPolicy } from '../../../common/schemas/screening.ts';
import type { DbOrTx } from '../../db/connection.ts';
import { screeningPolicies } from '../../db/schema.ts';
import { DEFAULT_POLICY } from '../../screening/policy.ts';

export async function loadPolicy(db: DbOrTx, memberId: number): Promise<ScreeningPolicy> {
  const [row] = await db.select().from(screeningPolicies).where(eq(screeningPolicies.memberId, memberId));
  if (!row) return DEFAULT_POLICY;
  return { mode: row.mode, whoCanInvite: row.whoCanInvite, rules: row.rules, otherwise: row.otherwise };
}
