import type { ReadCaches } from '../../viewer/read-caches.ts';
import type { Processor } from '../processor.ts';
import { EVENT_KINDS, type EventKind, type StoredEvent } from '../types.ts';

/**
 * Evicts what a committed change makes stale from this process's read caches (viewer/read-caches.ts), so
 * the next request reads it: a profile edit, a block, a suspension, a privacy setting. It needs no
 * position of its own: the caches start empty, so it only has to hear what commits while the process runs
 * (registered with marks at the graph's position). On a server, other processes' changes arrive through the
 * outbox follower (events/follower.ts) like this process's own.
 */
export class ReadCacheProcessor implements Processor {
  readonly name = 'read-caches';
  readonly kinds: readonly EventKind[] = EVENT_KINDS;

  constructor(private readonly caches: ReadCaches) {}

  handle(event: StoredEvent): void {
    this.caches.apply(event);
  }
}
