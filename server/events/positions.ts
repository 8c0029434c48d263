/**
 * Durable processors' positions in event_consumers: every event up to last_id is handled by that processor.
 * A processor seen for the first time starts at the end of the outbox: it handles what happens from now
 * on, not the history before it existed.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../db/connection.ts';

/** The saved position of a processor, creating it at the newest event if it has none. */
export async function loadPosition(db: DbOrTx, name: string): Promise<number> {
  await db.execute(sql`INSERT INTO event_consumers (name, last_id) SELECT ${name}, coalesce(max(id), 0) FROM events ON CONFLICT (name) DO NOTHING`);
  const [row] = await rows<{ last_id: string | number }>(db, sql`SELECT last_id FROM event_consumers WHERE name = ${name}`);
  return Number(row?.last_id ?? 0);
}

/** Moves a processor's saved position forward (never back: two writers of one name cannot undo each other). */
export async function savePosition(db: DbOrTx, name: string, lastId: number): Promise<void> {
  await db.execute(sql`UPDATE event_consumers SET last_id = greatest(last_id, ${lastId}), updated_at = now() WHERE name = ${name}`);
}

/** The smallest saved position: events above it are still wanted by some durable processor. */
export async function lowestPosition(db: DbOrTx): Promise<number | null> {
  const [row] = await rows<{ low: string | number | null }>(db, sql`SELECT min(last_id) AS low FROM event_consumers`);
  return row?.low == null ? null : Number(row.low);
}
