/**
 * Recording an event: one row in the events outbox, written in the transaction that makes the change, so
 * the two commit together or not at all. Once that transaction commits, the event is handed to the
 * processors in this process (dispatcher.ts); whatever they miss, they find in the outbox.
 */
import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../db/connection.ts';
import { transactionScope } from '../db/transaction.ts';
import { announceEvent } from './announce.ts';
import { recordNotifications } from '../notifications/record.ts';
import { recordInteractions } from '../relationships/record.ts';
import { recordOutreach } from '../outreach/record.ts';
import { markAdmiredConnected } from '../commands/admire/entries.ts';
import { dispatcherFor } from './dispatcher.ts';
import type { NewEvent, StoredEvent } from './types.ts';

/**
 * Writes an event in the caller's transaction. In a transaction opened by inTransaction it reaches this
 * process's processors right after commit; in any other (a script, an import) the processors find it in
 * the outbox when they next start.
 */
export async function recordEvent(tx: Tx, event: NewEvent): Promise<void> {
  const scope = transactionScope(tx);
  const dispatcher = scope ? dispatcherFor(scope.db) : undefined;
  // The processors' positions must stay below this event until it commits or rolls back (change-marks.ts).
  const token = dispatcher?.beginInsert();
  let row: { id: number; xid: string; createdAt: Date } | undefined;
  try {
    // The transaction takes its id (xid) before the event takes its number: the fenced subquery runs before
    // the row's identity default. A reader in another process relies on it (follower.ts): an id it skips
    // belongs to a transaction its snapshot saw running.
    const [inserted] = await rows<{ id: string | number; xid: string; created_at: string | Date }>(
      tx,
      sql`INSERT INTO events (kind, actor_id, subject_id, data, xid)
          SELECT ${event.kind}::text, ${event.actorId}::int, ${event.subjectId}::int, ${JSON.stringify(event.data)}::jsonb, x.xid
            FROM (SELECT pg_current_xact_id() AS xid OFFSET 0) x
          RETURNING id, xid::text AS xid, created_at`,
    );
    row = inserted && { id: Number(inserted.id), xid: inserted.xid, createdAt: new Date(inserted.created_at) };
  } finally {
    if (dispatcher && token !== undefined) dispatcher.endInsert(token, row && { id: row.id, xid: row.xid });
  }
  if (!row) return;
  const stored = { ...event, id: row.id, createdAt: row.createdAt } as StoredEvent;
  // Whom it notifies is written with it, so a notification exists exactly when its change committed.
  await recordNotifications(tx, stored);
  // So is the interaction it is between two members (relationship memory).
  await recordInteractions(tx, stored);
  // And the outreach it is (one person a week, docs/outreach.md), read from that ledger.
  await recordOutreach(tx, stored);
  // And a connection moves each one's admire-list entry for the other to `connected` (docs/admire.md).
  if (stored.kind === 'connection.made') await markAdmiredConnected(tx, stored.actorId, stored.subjectId, stored.createdAt);
  if (!scope || !dispatcher) return;
  // Other processes on the same server learn of it when (and only if) this transaction commits.
  await announceEvent(tx, scope.db, row.id);
  scope.onCommit(() => dispatcher.dispatch(stored));
}
