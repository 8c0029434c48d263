/**
 * Runs a process's job queue in the background: a timer that sweeps expired leases, enqueues the
 * schedules whose slot turned and runs what is due; on a PostgreSQL server, a listener on the jobs channel
 * so a job enqueued by another process (or `rapport jobs digest`) runs at once rather than on the timer.
 */
import type { Database } from '../db/connection.ts';
import type { Listener } from '../db/notifications.ts';
import type { JobLog, JobQueue } from './queue.ts';
import type { Scheduler } from './schedule.ts';

export interface JobRunner {
  stop(): Promise<void>;
}

export function runJobs(queue: JobQueue, database: Database, scheduler: Scheduler, log: JobLog, pollMs = 10_000): JobRunner {
  let ticking: Promise<void> | null = null;
  const tick = () => {
    ticking ??= (async () => {
      try {
        await queue.sweepExpiredLeases();
        await scheduler.tick();
      } catch (err) {
        log.warn({ err }, 'job queue tick failed; the next one tries again');
      }
      await queue.kick();
    })().finally(() => {
      ticking = null;
    });
  };
  const timer = setInterval(tick, pollMs);
  timer.unref();
  tick();
  const listener: Listener | null =
    database.jobs?.listen({
      onPayload: () => void queue.kick(),
      onError: (err) => log.warn({ err }, 'listening for jobs enqueued by other processes failed; retrying'),
      // What was enqueued while the listener was away is picked up now rather than on the next tick.
      onConnected: () => void queue.kick(),
    }) ?? null;
  return {
    async stop() {
      clearInterval(timer);
      await listener?.close();
      await queue.stop();
      await ticking;
    },
  };
}
