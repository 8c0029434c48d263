/**
 * Events committed by the other app processes on the same PostgreSQL server, as they commit: each
 * announcement (announce.ts) carries an event id; the ids that arrive together are read from the outbox in
 * one statement and handed on in id order.
 *
 * This feeds what must reach people live (server-sent events, live/). The processors that keep state (the
 * graph index, the read caches) are still fed by their own process's writes and by replaying the outbox at
 * start-up; following other processes' writes with them is the multi-process step (docs/architecture.md,
 * "Growing past one process").
 */
import type { Database } from '../db/connection.ts';
import { parseAnnouncement } from './announce.ts';
import type { EventLog } from './dispatcher.ts';
import { readEventsById } from './outbox.ts';
import type { StoredEvent } from './types.ts';

export interface RemoteEvents {
  close(): Promise<void>;
}

/**
 * Follows the events other apps announce on a server, skipping those of `origin` (this app's own); on
 * PGlite (one process) there are none, and it does nothing.
 */
export function followRemoteEvents(
  database: Database,
  origin: string | null,
  log: EventLog,
  onEvents: (events: StoredEvent[]) => void,
): RemoteEvents {
  if (!database.events) return { close: async () => undefined };
  let pending: number[] = [];
  let reading: Promise<void> | null = null;

  const drain = async (): Promise<void> => {
    while (pending.length > 0) {
      const ids = pending;
      pending = [];
      try {
        onEvents(await readEventsById(database.db, ids));
      } catch (err) {
        // Live delivery is best effort: a reader reconnecting reloads what it shows. Never crash the process.
        log.warn({ err, ids: ids.length }, 'reading announced events failed');
      }
    }
  };

  const listener = database.events.listen({
    onPayload(payload) {
      const announcement = parseAnnouncement(payload);
      if (!announcement || announcement.origin === origin) return;
      pending.push(announcement.id);
      // Announcements arriving while a read runs are collected and read together by the same loop.
      reading ??= drain().finally(() => {
        reading = null;
      });
    },
    onError: (err) => log.warn({ err }, 'listening for other processes’ events failed; retrying'),
  });
  return {
    async close() {
      await listener.close();
      await reading;
    },
  };
}
