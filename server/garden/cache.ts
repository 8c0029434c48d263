/**
 * The garden, cached per member (issue 15: "cached thereafter, refreshed on change"). A garden is one scan
 * of the member's connections and their profiles, so it is kept until something it counted changes: the
 * garden-cache processor (events/processors/garden-cache.ts) hears every committed change from the events
 * outbox and drops the gardens it touches, i.e. the member's own when they connect, disconnect, block or
 * are blocked, and every garden that counts a member whose profile changed, who was suspended, reinstated
 * or deleted. Which gardens count whom is remembered as they are stored (`counted`), so a profile edit drops
 * exactly its connections' gardens without asking the graph.
 *
 * On a PostgreSQL server, changes committed through another process reach the processor too, through the
 * outbox follower (events/remote.ts), within milliseconds (a second at most). GARDEN_CACHE_TTL_MS still bounds
 * a garden's age, should an event ever be missed.
 */
import { TtlCache } from '../viewer/ttl-cache.ts';
import type { Db } from '../db/connection.ts';
import type { StoredEvent } from '../events/types.ts';

export const GARDEN_CACHE_TTL_MS = 60_000;
/** Gardens kept at most; the least recently read go first. */
const GARDENS_KEPT = 5_000;
/** Past this many (member → gardens) links, the index starts over with the cache (bounded memory). */
const LINKS_KEPT = 2_000_000;

export class GardenCache<G> {
  readonly gardens: TtlCache<number, G>;
  /** Member id → the members whose cached garden counts them. Stale links only cost an extra eviction. */
  private readonly countedIn = new Map<number, Set<number>>();
  private links = 0;

  constructor(options: { ttlMs?: number; now?: () => number } = {}) {
    this.gardens = new TtlCache(options.ttlMs ?? GARDEN_CACHE_TTL_MS, GARDENS_KEPT, options.now ?? Date.now);
  }

  /** The member's garden from the cache, or loaded (with the ids it counts) and kept unless a change came meanwhile. */
  async get(ownerId: number, load: () => Promise<{ garden: G; counted: readonly number[] }>): Promise<G> {
    return this.gardens.get(ownerId, async () => {
      const { garden, counted } = await load();
      if (this.links + counted.length > LINKS_KEPT) this.clear();
      for (const id of counted) {
        let owners = this.countedIn.get(id);
        if (!owners) this.countedIn.set(id, (owners = new Set()));
        if (!owners.has(ownerId)) {
          owners.add(ownerId);
          this.links += 1;
        }
      }
      return garden;
    });
  }

  forgetOwner(ownerId: number): void {
    this.gardens.forget(ownerId);
  }

  /** Every garden that counts the member (and theirs). */
  forgetCounted(memberId: number): void {
    this.gardens.forget(memberId);
    const owners = this.countedIn.get(memberId);
    if (!owners) return;
    for (const owner of owners) this.gardens.forget(owner);
    this.links -= owners.size;
    this.countedIn.delete(memberId);
  }

  clear(): void {
    this.gardens.clear();
    this.countedIn.clear();
    this.links = 0;
  }

  /** What a committed event changes for the gardens held. */
  apply(event: StoredEvent): void {
    switch (event.kind) {
      case 'connection.made':
      case 'connection.removed':
      case 'block.added':
      case 'block.removed':
        this.forgetOwner(event.actorId);
        this.forgetOwner(event.subjectId);
        return;
      case 'profile.changed':
      case 'member.suspended':
      case 'member.reinstated':
        this.forgetCounted(event.subjectId);
        return;
      case 'member.deleted':
      case 'organisation.merged':
        // Rare, and they reach into many gardens at once (a purge removes connections; a merge renames).
        this.clear();
        return;
      default:
        return;
    }
  }
}

/** The garden cache of the app reading through `db`, as the read caches are attached (viewer/read-caches.ts). */
const attached = new WeakMap<Db, GardenCache<unknown>>();

export function attachGardenCache(db: Db, cache: GardenCache<unknown>): () => void {
  attached.set(db, cache);
  return () => {
    if (attached.get(db) === cache) attached.delete(db);
  };
}

export function gardenCacheOf<G>(db: Db): GardenCache<G> | undefined {
  return attached.get(db) as GardenCache<G> | undefined;
}
