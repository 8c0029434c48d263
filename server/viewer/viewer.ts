import type { Actor } from '../commands/auth/sessions.ts';
import type { DbOrTx } from '../db/connection.ts';
import type { GraphIndex } from '../graph/graph-index.ts';
import { loadBlocks } from '../queries/network/avoid.ts';

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
 * Everything a read needs about who is looking, loaded once: the signed-in member and their blocks both
 * ways. The fields of the old `Lens` (db, graph, actor, avoid) are kept so queries take one argument.
 */
export interface LoadedViewer {
  db: DbOrTx;
  graph: GraphIndex;
  actor: Actor;
  blocks: Blocks;
  avoid: ReadonlySet<number>;
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
