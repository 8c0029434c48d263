import type { Actor } from '../auth/actor.ts';
import type { DbOrTx } from '../db/connection.ts';
import type { GraphIndex } from '../graph/graph-index.ts';
import type { Blocks } from '../queries/network/avoid.ts';
import { type ReadCaches, readCachesOf } from './read-caches.ts';
import { loadStanding, type ViewerStanding } from './standing.ts';

export type { Blocks, ViewerStanding };

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
  /** This process's read caches, when `db` is the app's own handle (never inside a transaction). */
  caches?: ReadCaches;
  /**
   * `db` is a streaming replica (http/read-db.ts): its rows may be older than what the caches hold, and an
   * eviction does not wait for it to catch up. So the caches are read when they have an entry, and never
   * filled from it: one stale read must not be served to everyone (the author included) for a TTL.
   */
  fromReplica?: boolean;
}

/** The request's viewer once loaded: the signed-in member, their blocks both ways and their open invitations. */
export interface LoadedViewer extends Lens {
  blocks: Blocks;
  standing: ViewerStanding;
}

/**
 * The viewer of one request. Blocks are database work that only some routes need, so they are loaded on
 * first use and kept for the rest of the request (one query however many reads ask), and between requests
 * in the read caches (a block or an invitation evicts both members' standings at once).
 */
export interface Viewer {
  readonly actor: Actor;
  load(): Promise<LoadedViewer>;
}

export function createViewer(db: DbOrTx, graph: () => GraphIndex, actor: Actor): Viewer {
  let loaded: Promise<LoadedViewer> | null = null;
  const caches = readCachesOf(db);
  const standing = () => (caches ? caches.standing(actor.id) : loadStanding(db, actor.id));
  return {
    actor,
    load() {
      loaded ??= standing().then((s) => ({ db, graph: graph(), actor, blocks: s.blocks, avoid: s.blocks.avoid, standing: s, ...(caches ? { caches } : {}) }));
      return loaded;
    },
  };
}

/** The block between the viewer and one member, seen from the viewer. */
export function blockWith(blocks: Blocks, memberId: number): 'i_blocked' | 'they_blocked' | null {
  return blocks.iBlocked.has(memberId) ? 'i_blocked' : blocks.blockedMe.has(memberId) ? 'they_blocked' : null;
}
