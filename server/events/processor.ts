/**
 * A processor of the events outbox: it declares the kinds it handles and handles one event at a time.
 * The dispatcher (dispatcher.ts) hands it each committed event of those kinds, keeps its position, and
 * when `handle` throws, logs and counts the failure and retries from the outbox with backoff, without
 * holding up the other processors or the write that caused the event.
 *
 * Rules for a handler:
 * - Idempotent: after a crash or a failure, events since the processor's last saved position are handed
 *   over again (at least once, never lost).
 * - Quick: the request that committed the event waits for the processors that are up to date (so a reader
 *   sees its own write in the graph index and caches). Slow work belongs in a table of its own (as email
 *   does), written by the handler and worked off elsewhere.
 * - Order: a processor sees events in id order when it replays, and a transaction's events in id order as
 *   they commit; changes to one thing (a pair of members, a member's profile) commit in id order because
 *   the commands that make them lock it, so both orders agree wherever order matters.
 */
import type { EventKind, StoredEvent } from './types.ts';

export interface Processor<K extends EventKind = EventKind> {
  /** Stable: the key of its position in event_consumers, and the `processor` label of its metrics. */
  readonly name: string;
  /** The kinds it handles; it never sees any other. */
  readonly kinds: readonly K[];
  handle(event: StoredEvent<K>): void | Promise<void>;
}
