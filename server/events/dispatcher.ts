/**
 * Hands committed events to the processors that declared their kinds, in-process, and keeps each one's
 * position so it resumes from the outbox after a failure, a crash or a restart.
 *
 * - After commit, recordEvent's after-commit effect calls `dispatch`; the request waits for the processors
 *   that are up to date (graph index, caches), so a reader sees their own write.
 * - A processor whose `handle` throws is logged with the event id and its name, counted in /metrics
 *   (`rapport_event_processing_failures_total`), and retried from the outbox with backoff on the
 *   background timer; meanwhile the others go on, and the committed write still answers as it would have.
 * - Durable processors save their position in event_consumers on the timer and at close; at start they
 *   replay from it. The graph index keeps its position in its snapshot instead.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Db } from '../db/connection.ts';
import { reportAfterCommitFailures } from '../db/transaction.ts';
import { ChangeMarks } from './change-marks.ts';
import { countEventsAfter } from './outbox.ts';
import { loadPosition } from './positions.ts';
import type { Processor } from './processor.ts';
import { ProcessorRunner } from './runner.ts';

/** How long one scrape of /metrics waits for the count of events not yet handled. */
const SCRAPE_WAIT_MS = 1_000;
import type { EventKind, StoredEvent } from './types.ts';

export interface EventLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface DispatcherOptions {
  log: EventLog;
  /** The app's Prometheus registry. */
  metrics: Registry;
  /** First retry after a failure (default 1 s), doubling up to retryMaxMs (default 5 min). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Events read from the outbox at a time when catching up. */
  pageSize?: number;
  now?: () => number;
}

export interface ProcessorStatus {
  name: string;
  live: boolean;
  position: number;
  attempts: number;
}

const attached = new WeakMap<Db, EventDispatcher[]>();

/** The dispatcher of the app running on `db` (the newest, when tests build several in turn). */
export function dispatcherFor(db: Db): EventDispatcher | undefined {
  return attached.get(db)?.at(-1);
}

/** Background work: retries that are due every tick, positions saved every SAVE_EVERY ticks. */
const SAVE_EVERY = 10;

export class EventDispatcher {
  private readonly runners: ProcessorRunner[] = [];
  private readonly inserts = new Map<number, { runner: ProcessorRunner; token: number }[]>();
  private nextToken = 0;
  private timer: NodeJS.Timeout | null = null;
  private ticks = 0;
  private follower: { sync(): Promise<void>; floor(): number } | null = null;
  private ticking: Promise<void> | null = null;
  private readonly detach: (() => void)[] = [];
  private readonly failures: Counter<'processor' | 'kind'>;
  private readonly afterCommitFailures: Counter;
  private readonly now: () => number;

  constructor(
    private readonly db: Db,
    private readonly options: DispatcherOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.failures = new Counter({
      name: 'rapport_event_processing_failures_total',
      help: 'Failed attempts to handle an event, by processor and event kind; each is retried from the outbox',
      labelNames: ['processor', 'kind'],
      registers: [options.metrics],
    });
    this.afterCommitFailures = new Counter({
      name: 'rapport_after_commit_failures_total',
      help: 'Local after-commit effects (not events) that threw; their owners retry on their own',
      registers: [options.metrics],
    });
    const runners = this.runners;
    new Gauge({
      name: 'rapport_events_waiting',
      help: 'Events of the kinds a processor handles that it has not handled yet, by processor',
      labelNames: ['processor'],
      registers: [options.metrics],
      async collect() {
        for (const r of runners) {
          // A scrape must not wait on a slow database: past a second the gauge keeps its last value.
          const waiting = await Promise.race([countEventsAfter(db, r.position(), [...r.kinds]).catch(() => null), sleep(SCRAPE_WAIT_MS).then(() => null)]);
          if (waiting !== null) this.set({ processor: r.name }, Math.max(0, waiting - r.handledAhead()));
        }
      },
    });
    const list = attached.get(db) ?? [];
    list.push(this);
    attached.set(db, list);
    this.detach.push(() => list.splice(list.indexOf(this), 1));
    this.detach.push(
      reportAfterCommitFailures(db, (err) => {
        this.afterCommitFailures.inc();
        options.log.error({ err }, 'after-commit effect failed');
      }),
    );
  }

  /**
   * Adds a processor. Without `marks` it is durable: its position is loaded from event_consumers (a new
   * one starts at the newest event) and it catches up from there in the background. With `marks`, the
   * processor holds its own position and is up to date now (the graph index, after its start-up catch-up).
   */
  async register<K extends EventKind>(processor: Processor<K>, options: { marks?: ChangeMarks } = {}): Promise<void> {
    if (this.runners.some((r) => r.name === processor.name)) throw new Error(`event processor ${processor.name} is registered twice`);
    // Beside the follower every process's processors see every process's events, durable ones too (which
    // are idempotent, at least once): work to be done once per installation belongs in the job queue.
    const stored = options.marks ? null : await loadPosition(this.db, processor.name);
    const marks = options.marks ?? new ChangeMarks(stored ?? 0);
    const follower = this.follower;
    if (follower) marks.limitTo(() => follower.floor(), () => follower.sync());
    const runner = new ProcessorRunner(processor as Processor, marks, stored, {
      db: this.db,
      now: this.now,
      retryBaseMs: this.options.retryBaseMs ?? 1_000,
      retryMaxMs: this.options.retryMaxMs ?? 300_000,
      pageSize: this.options.pageSize ?? 1_000,
      failed: (r, event, err, retryInMs) => {
        this.failures.inc({ processor: r.name, kind: event.kind });
        this.options.log.error(
          { err, eventId: event.id, kind: event.kind, processor: r.name, attempt: r.attempts, retryInMs },
          'event processor failed; it will retry from the outbox',
        );
      },
      caughtUp: (r) => this.options.log.info({ processor: r.name, position: r.position() }, 'event processor up to date'),
    });
    this.runners.push(runner);
    if (!runner.isLive) void this.retry(runner);
  }

  /** Call before inserting an event (recordEvent); pass the token to endInsert. */
  beginInsert(): number {
    const token = ++this.nextToken;
    this.inserts.set(
      token,
      this.runners.map((runner) => ({ runner, token: runner.marks.beginInsert() })),
    );
    return token;
  }

  /** The insert finished with this id in this transaction, or failed (nothing). */
  endInsert(token: number, logged?: { id: number; xid: string }): void {
    for (const entry of this.inserts.get(token) ?? []) entry.runner.marks.endInsert(entry.token, logged);
    this.inserts.delete(token);
  }

  /**
   * On a server, committed events reach the processors through the outbox follower, from every process in
   * one order (follower.ts); this process's own commits then wait for its next sweep instead of being
   * handed over directly, which could overtake an earlier change to the same thing from another process.
   */
  followWith(follower: { sync(): Promise<void>; floor(): number }): void {
    this.follower = follower;
    for (const runner of this.runners) runner.marks.limitTo(() => follower.floor(), () => follower.sync());
  }

  /** A committed event: every processor that is up to date handles it before this resolves. Never rejects. */
  async dispatch(event: StoredEvent): Promise<void> {
    if (this.follower) return this.follower.sync();
    await this.deliver([event]);
  }

  /**
   * Committed events, in the order given (the follower's sweeps); those with ids up to `replayedUpTo` are
   * handed over again, not new changes. Never rejects.
   */
  async deliver(found: readonly StoredEvent[], replayedUpTo = 0): Promise<void> {
    // Each runner queues its work in call order, so handing them all over before waiting keeps the order.
    const handled: Promise<void>[] = [];
    for (const event of found) for (const r of this.runners) handled.push(r.deliver(event, event.id <= replayedUpTo));
    await Promise.all(handled);
  }

  /** Retries the processors that failed and whose backoff has passed (the background timer calls it). */
  async retryDue(): Promise<void> {
    const now = this.now();
    await Promise.all(this.runners.filter((r) => !r.isLive && r.retryAt <= now).map((r) => this.retry(r)));
  }

  /** Catches every processor that is behind up from the outbox now, whatever its backoff (start-up, tests). */
  async catchUp(): Promise<void> {
    await Promise.all(this.runners.filter((r) => !r.isLive).map((r) => this.retry(r)));
  }

  /** Saves the durable processors' positions (after handing over anything they missed). */
  async savePositions(): Promise<void> {
    await Promise.all(
      this.runners.map((r) => r.flush().catch((err: unknown) => this.options.log.warn({ err, processor: r.name }, 'saving an event processor position failed'))),
    );
  }

  status(): ProcessorStatus[] {
    return this.runners.map((r) => ({ name: r.name, live: r.isLive, position: r.position(), attempts: r.attempts }));
  }

  /** Starts the background retries and position saves. */
  start(intervalMs = 1_000): void {
    this.timer = setInterval(() => {
      if (this.ticking) return;
      this.ticking = this.tick().finally(() => {
        this.ticking = null;
      });
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops the timer, lets queued work finish and saves positions. Events recorded afterwards are left to the outbox. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
    await Promise.all(this.runners.map((r) => r.idle().catch(() => undefined)));
    await this.savePositions();
    for (const detach of this.detach) detach();
  }

  private async tick(): Promise<void> {
    await this.retryDue();
    if (++this.ticks % SAVE_EVERY === 0) await this.savePositions();
  }

  private retry(runner: ProcessorRunner): Promise<void> {
    // A failing handler is counted by the runner; this only catches the outbox itself being unreadable.
    return runner.catchUp().catch((err: unknown) => this.options.log.warn({ err, processor: runner.name }, 'reading the events outbox failed'));
  }
}
