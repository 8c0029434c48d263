/**
 * A priority lane in front of embedded PGlite. PGlite is one connection: every query waits its turn, and
 * its own queue is first come, first served. Worse, a queued query starts as soon as the previous one's
 * promise settles, so a backlog of reads runs as one chain of microtasks and the event loop cannot even
 * read a new request (a health check, a sign-in) until the whole backlog is done.
 *
 * The lane runs one database call at a time, hands the turn over through setImmediate so that pending
 * I/O is read between two calls, and gives the turn to high-priority work (health, sign-in, sign-up,
 * identifying the caller) before ordinary work. The priority travels with the async context
 * (AsyncLocalStorage), so a route sets it once and every query it makes, however deep, inherits it.
 * A transaction holds the lane from BEGIN to COMMIT, so it stays atomic and nothing interleaves with it.
 */
import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import type { PGlite } from '@electric-sql/pglite';

export type DbPriority = 'high' | 'normal';

const priorityStorage = new AsyncLocalStorage<DbPriority>();

/**
 * Runs fn with every database call it makes (and its async descendants make) at the given priority.
 * Await the queries inside fn: drizzle's queries are lazy and start when first awaited, in that context.
 */
export function withDbPriority<T>(priority: DbPriority, fn: () => T): T {
  return priorityStorage.run(priority, fn);
}

/** The priority of database calls made from here: 'normal' unless an enclosing withDbPriority says otherwise. */
export function currentDbPriority(): DbPriority {
  return priorityStorage.getStore() ?? 'normal';
}

/** A scheduler that runs async tasks one at a time, high priority first, each priority in arrival order. */
export class PriorityLane {
  readonly #queues: Record<DbPriority, (() => void)[]> = { high: [], normal: [] };
  #busy = false;
  #dispatchPending = false;
  /** Tasks started, by priority: for metrics and tests. */
  readonly started: Record<DbPriority, number> = { high: 0, normal: 0 };

  /** Tasks waiting for their turn. */
  get waiting(): number {
    return this.#queues.high.length + this.#queues.normal.length;
  }

  /** Runs task when its turn comes; the returned promise settles with the task's. */
  run<T>(priority: DbPriority, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // The task runs in its caller's async context, not in that of whichever task finished before it.
      const start = AsyncResource.bind(() => {
        this.#busy = true;
        this.started[priority]++;
        let settled: Promise<T>;
        try {
          settled = task();
        } catch (err) {
          settled = Promise.reject(err);
        }
        settled.then(resolve, reject).finally(() => {
          this.#busy = false;
          this.#scheduleDispatch();
        });
      });
      // An idle lane starts at once; otherwise the task waits for a turn.
      if (!this.#busy && !this.#dispatchPending && this.waiting === 0) start();
      else this.#queues[priority].push(start);
    });
  }

  /** The next turn goes through the event loop, so requests that arrived meanwhile can queue high-priority work first. */
  #scheduleDispatch(): void {
    if (this.#dispatchPending) return;
    this.#dispatchPending = true;
    setImmediate(() => {
      this.#dispatchPending = false;
      if (this.#busy) return;
      const next = this.#queues.high.shift() ?? this.#queues.normal.shift();
      next?.();
    });
  }
}

/**
 * Puts PGlite's query, exec and transaction behind the lane, each at the caller's priority. Calls made
 * inside a transaction go through its own handle and so never wait for the lane the transaction holds.
 */
export function gatePglite(client: PGlite, lane: PriorityLane): void {
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = (...args) => lane.run(currentDbPriority(), () => query(...args));
  client.exec = (...args) => lane.run(currentDbPriority(), () => exec(...args));
  client.transaction = (...args) => lane.run(currentDbPriority(), () => transaction(...args));
}
