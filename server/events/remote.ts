/**
 * Several app processes on one PostgreSQL server: each one's processors (graph index, read caches, live
 * streams) follow the events every process commits, through the outbox follower (follower.ts). Another
 * process's commit is announced with NOTIFY (announce.ts) and starts a sweep at once; a reconnection sweeps
 * at once, and the follower's timer (started with the app's background work: `follower.start()`) covers
 * announcements that never arrive (a dropped connection, a pause).
 *
 * On PGlite (one process) there is nobody else: the dispatcher hands this process's events over directly.
 */
import type { Database } from '../db/connection.ts';
import { parseAnnouncement } from './announce.ts';
import type { EventDispatcher, EventLog } from './dispatcher.ts';
import { OutboxFollower } from './follower.ts';

export interface RemoteEvents {
  /** The follower, on a server (null on PGlite). */
  follower: OutboxFollower | null;
  close(): Promise<void>;
}

export interface FollowOptions {
  /** This app's announcements: they need no sweep of their own, since its commits already ask for one. */
  origin: string | null;
  /** Every event up to here is reflected in the processors' state (the graph's position after start-up). */
  from: number;
  log: EventLog;
}

/** Starts following; resolves after the first sweep, so the app serves nothing older than its start. */
export async function followEveryProcess(database: Database, dispatcher: EventDispatcher, options: FollowOptions): Promise<RemoteEvents> {
  if (!database.events) return { follower: null, close: async () => undefined };
  const follower = new OutboxFollower(database.background, {
    log: options.log,
    from: options.from,
    deliver: (found, replayedUpTo) => dispatcher.deliver(found, replayedUpTo),
  });
  dispatcher.followWith(follower);
  const listener = database.events.listen({
    onPayload(payload) {
      const announcement = parseAnnouncement(payload);
      if (announcement && announcement.origin !== options.origin) void follower.sync();
    },
    onError: (err) => options.log.warn({ err }, 'listening for other processes’ events failed; retrying (the outbox is swept meanwhile)'),
    onConnected: () => void follower.sync(),
  });
  await follower.sync();
  return {
    follower,
    async close() {
      await listener.close();
      await follower.close();
    },
  };
}
