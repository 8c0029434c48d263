/**
 * What a reconnecting stream missed (its `Last-Event-ID` cursor: cursor.ts), read back from the events
 * outbox of the primary and routed to the member exactly as live delivery routes it (LiveUpdatesProcessor:
 * the same recipients, the same silence, blocks and post visibility as they are now). Any process can
 * answer: every process writes the one outbox.
 *
 * Bounded: at most MAX_REPLAYED events of the live kinds after the cursor are read (a short outage: a
 * process killed or restarted, a network blip). Further back, or from a cursor this outbox cannot answer
 * (pruned below it, or beyond its newest event: another installation's), the stream is told to `resync`:
 * the page reloads what it shows, as it did on every reconnection before replay existed.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../db/connection.ts';
import { readEvents } from '../events/outbox.ts';
import type { Cursor, Missed } from './cursor.ts';
import type { LiveUpdatesProcessor } from './live-processor.ts';
import { LIVE_KINDS } from './routing.ts';

/** Events of the live kinds replayed at most, whoever they concern (a few seconds of a busy community). */
export const MAX_REPLAYED = 2_000;

export async function missedSince(db: DbOrTx, processor: LiveUpdatesProcessor, memberId: number, cursor: Cursor, limit = MAX_REPLAYED): Promise<Missed> {
  const [range] = await rows<{ lo: string | number | null; hi: string | number | null }>(db, sql`SELECT min(id) AS lo, max(id) AS hi FROM events`);
  const lo = range?.lo == null ? null : Number(range.lo);
  const hi = range?.hi == null ? 0 : Number(range.hi);
  // Pruned past the cursor (events/prune keeps a margin below the graph snapshot), or not this outbox's.
  if ((lo !== null && lo > cursor.base + 1) || cursor.base > hi) return 'resync';
  const events = await readEvents(db, { after: cursor.base, kinds: LIVE_KINDS, limit: limit + 1 });
  if (events.length > limit) return 'resync';
  const written = new Set(cursor.above);
  const missed = [];
  for (const event of events) if (!written.has(event.id)) missed.push(...(await processor.messagesFor(memberId, event)));
  return missed;
}
