import { and, eq, inArray, or } from 'drizzle-orm';
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

/** The blocks between one member and each of several others, seen from the first; members without one are absent. */
export async function blocksAmong(db: DbOrTx, me: number, others: readonly number[]): Promise<Map<number, 'i_blocked' | 'they_blocked'>> {
  const out = new Map<number, 'i_blocked' | 'they_blocked'>();
  if (others.length === 0) return out;
  const found = await db
    .select({ blockerId: blocks.blockerId, blockedId: blocks.blockedId })
    .from(blocks)
    .where(or(and(eq(blocks.blockerId, me), inArray(blocks.blockedId, [...others])), and(inArray(blocks.blockerId, [...others]), eq(blocks.blockedId, me))));
  // Both ways at once: the viewer's own block is the one they can act on (unblock).
  for (const b of found) if (b.blockerId !== me && !out.has(b.blockerId)) out.set(b.blockerId, 'they_blocked');
  for (const b of found) if (b.blockerId === me) out.set(b.blockedId, 'i_blocked');
  return out;
}
