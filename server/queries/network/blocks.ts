import { and, eq, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { blocks } from '../../db/schema.ts';

/** Whether a block stands between two members, seen from the first. */
export async function blockBetween(db: DbOrTx, me: number, other: number): Promise<'i_blocked' | 'they_blocked' | null> {
  const found = await db
    .select({ blockerId: blocks.blockerId })
    .from(blocks)
    .where(or(and(eq(blocks.blockerId, me), eq(blocks.blockedId, other)), and(eq(blocks.blockerId, other), eq(blocks.blockedId, me))));
  if (found.some((b) => b.blockerId === me)) return 'i_blocked';
  return found.length ? 'they_blocked' : null;
}
