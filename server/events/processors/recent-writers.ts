import type { RecentWriters } from '../../db/replicas/recent-writers.ts';
import type { Processor } from '../processor.ts';
import { EVENT_KINDS, type EventKind, type StoredEvent } from '../types.ts';

/**
 * Read-your-writes for changes a member makes without a write request of their own in this process (an
 * import's job connecting them, say): each committed event keeps its actor's reads on the primary for
 * READ_YOUR_WRITES_MS (db/replicas/recent-writers.ts). Registered only with replicas, and like the read
 * caches' processor it needs no position of its own: only what commits while the process runs matters.
 */
export class RecentWritersProcessor implements Processor {
  readonly name = 'recent-writers';
  readonly kinds: readonly EventKind[] = EVENT_KINDS;

  constructor(private readonly writers: RecentWriters) {}

  handle(event: StoredEvent): void {
    if (event.actorId !== null) this.writers.note(event.actorId);
  }
}
