import { and, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { members } from '../db/schema.ts';

/** Operators who can act: active admins. */
export async function countActiveOperators(tx: DbOrTx): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(members).where(and(eq(members.role, 'admin'), eq(members.status, 'active')));
  return row?.n ?? 0;
}
