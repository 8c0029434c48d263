import type { GardenCache } from '../../garden/cache.ts';
import type { Processor } from '../processor.ts';
import type { EventKind, StoredEvent } from '../types.ts';

/**
 * Drops the cached gardens a committed change touches (garden/cache.ts): connections and blocks of their
 * owner, profile edits, suspensions and deletions of anyone they count. Like the read caches it needs no
 * position of its own: the cache starts empty, so it only has to hear what commits while the process runs.
 */
export class GardenCacheProcessor implements Processor {
  readonly name = 'garden-cache';
  readonly kinds: readonly EventKind[] = [
    'connection.made',
    'connection.removed',
    'block.added',
    'block.removed',
    'profile.changed',
    'member.suspended',
    'member.reinstated',
    'member.deleted',
    'organisation.merged',
  ];

  constructor(private readonly cache: GardenCache<unknown>) {}

  handle(event: StoredEvent): void {
    this.cache.apply(event);
  }
}
