import type { Registry } from 'prom-client';
import type { AuthThrottles } from './auth/throttles.ts';
import type { Config } from './config.ts';
import type { Database, Db } from './db/connection.ts';
import type { EmailDelivery } from './jobs/email-delivery.ts';
import type { EventDispatcher } from './events/dispatcher.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { GraphService } from './graph/service.ts';
import type { Cursor, Missed } from './live/cursor.ts';
import type { LiveStreams } from './live/streams.ts';

/** What every route handler can reach: built once in buildApp and decorated onto the Fastify instance. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  /** Sign-in, password and email throttles of the authentication routes. */
  throttles: AuthThrottles;
  /** The app's Prometheus metrics, served at /metrics. */
  metrics: Registry;
  /** Email delivery, a kind of job; `kick()` runs the queue now. */
  email: EmailDelivery;
  /** This process's job queue worker (jobs/queue.ts): handlers by kind, woken after commits and on a timer. */
  jobs: JobQueue;
  /** The in-memory connection graph, kept in step with the tables after every commit. */
  graph: GraphService;
  /** Hands committed events to their processors (the graph index among them) and retries failures from the outbox. */
  events: EventDispatcher;
  /** The members' open server-sent event streams in this process (routes/events). */
  live: LiveStreams;
  /** Resuming a stream from its `Last-Event-ID` (live/cursor.ts, live/replay.ts). */
  liveReplay: {
    /** The live processor's safe position: every event up to it is written to the open streams or never commits. */
    floor(): number;
    /** What a member's stream missed after `cursor`, or `resync` when that is too far back. */
    missed(memberId: number, cursor: Cursor): Promise<Missed>;
  };
}
