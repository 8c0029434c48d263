import { eq, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { blocks } from '../../db/schema.ts';

/**
 * Members the viewer must neither see nor reach through: those who blocked the viewer and those the viewer
 * blocked. Passed to every graph query as `avoid`, and used to hide people from lists and search.
 */
export async function loadAvoidSet(db: DbOrTx, viewerId: number): Promise<Set<number>> {
  const found = await db
    .select({ blockerId: blocks.blockerId, blockedId: blocks.blockedId })
    .from(blocks)
    .where(or(eq(blocks.blockerId, viewerId), eq(blocks.blockedId, viewerId)));
  return new Set(found.map((b) => (b.blockerId === viewerId ? b.blockedId : b.blockerId)));
}
