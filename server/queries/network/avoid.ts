import { eq, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { blocks } from '../../db/schema.ts';

/** Blocks between the viewer and others, both ways. */
export interface Blocks {
  /** Members the viewer blocked: they still meet them as a name card, to unblock. */
  iBlocked: ReadonlySet<number>;
  /** Members who blocked the viewer: gone for the viewer everywhere. */
  blockedMe: ReadonlySet<number>;
  /** Both together: never shown, never an intermediary in a graph answer (`QueryOptions.avoid`). */
  avoid: ReadonlySet<number>;
}

/**
 * The viewer's blocks both ways, in one query. Members on either side are neither seen nor reached through:
 * `avoid` is passed to every graph query and hides people from lists and search.
 */
export async function loadBlocks(db: DbOrTx, viewerId: number): Promise<Blocks> {
  const found = await db
    .select({ blockerId: blocks.blockerId, blockedId: blocks.blockedId })
    .from(blocks)
    .where(or(eq(blocks.blockerId, viewerId), eq(blocks.blockedId, viewerId)));
  const iBlocked = new Set<number>();
  const blockedMe = new Set<number>();
  for (const b of found) {
    if (b.blockerId === viewerId) iBlocked.add(b.blockedId);
    else blockedMe.add(b.blockerId);
  }
  return { iBlocked, blockedMe, avoid: new Set([...iBlocked, ...blockedMe]) };
}

/** Members the viewer must neither see nor reach through (both sides of a block), for callers without a viewer. */
export async function loadAvoidSet(db: DbOrTx, viewerId: number): Promise<Set<number>> {
  return new Set((await loadBlocks(db, viewerId)).avoid);
}
