/**
 * Telling the other app processes on the same PostgreSQL server which events were committed: each event's
 * transaction also sends `NOTIFY <channel>, '<origin>:<id>'`, which PostgreSQL delivers only if and when the
 * transaction commits. It only wakes the other processes' outbox followers (remote.ts, follower.ts), which read
 * the rows themselves. `origin` names the app that sent it, so an app skips its own announcements: its own
 * commits start a sweep already.
 *
 * On PGlite there is one process and nobody to tell, so nothing is registered and nothing is sent.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/connection.ts';

const channels = new WeakMap<Db, { channel: string; origin: string }>();

export interface Announcing {
  /** This app, as the others see it in announcements: a random id, new at each start. */
  origin: string;
  stop(): void;
}

/** Announce the events committed on `db` on `channel` (a server's; see db/notifications.ts). */
export function announceEventsOn(db: Db, channel: string): Announcing {
  const origin = randomUUID();
  channels.set(db, { channel, origin });
  return { origin, stop: () => channels.delete(db) };
}

/** Sends the announcement of one event in its transaction; nothing when `db` announces nowhere. */
export async function announceEvent(tx: Tx, db: Db, id: number): Promise<void> {
  const to = channels.get(db);
  if (!to) return;
  await tx.execute(sql`select pg_notify(${to.channel}, ${`${to.origin}:${id}`})`);
}

/** The parts of an announcement, or null when it is not one of ours. */
export function parseAnnouncement(payload: string): { origin: string; id: number } | null {
  const match = /^([0-9a-f-]{36}):([0-9]{1,16})$/.exec(payload);
  return match?.[1] && match[2] ? { origin: match[1], id: Number(match[2]) } : null;
}
