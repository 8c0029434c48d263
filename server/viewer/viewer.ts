import type { Actor } from '../auth/actor.ts';
import type { DbOrTx } from '../db/connection.ts';
import type { GraphIndex } from '../graph/graph-index.ts';
import { type Blocks, loadBlocks } from '../queries/network/avoid.ts';

export type { Blocks };

/**
 * What a read needs to show people to someone: who is looking, what they must not see (`avoid`, both
 * sides of a block) and, when known, which side of each block they are on.
 */
export interface Lens {
  db: DbOrTx;
  graph: GraphIndex;
  actor: Actor;
  avoid: ReadonlySet<number>;
  blocks?: Blocks;
}

/** The request's viewer once loaded: the signed-in member and their blocks both ways. */
export interface LoadedViewer extends Lens {
  blocks: Blocks;
}

/**
 * The viewer of one request. Blocks are database work that only some routes need, so they are loaded on
 * first use and kept for the rest of the request (one query however many reads ask).
 */
export interface Viewer {
  readonly actor: Actor;
  load(): Promise<LoadedViewer>;
}

export function createViewer(db: DbOrTx, graph: () => GraphIndex, actor: Actor): Viewer {
  let loaded: Promise<LoadedViewer> | null = null;
  return {
    actor,
    load() {
      loaded ??= loadBlocks(db, actor.id).then((blocks) => ({ db, graph: graph(), actor, blocks, avoid: blocks.avoid }));
      return loaded;
    },
  };
}

/** The block between the viewer and one member, seen from the viewer. */
export function blockWith(blocks: Blocks, memberId: number): 'i_blocked' | 'they_blocked' | null {
  return blocks.iBlocked.has(memberId) ? 'i_blocked' : blocks.blockedMe.has(memberId) ? 'they_blocked' : null;
}
