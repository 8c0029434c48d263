/**
 * One processor's side of the dispatcher: its position, its serial work queue, and the switch between
 * being handed events as they commit ("live") and catching up from the outbox (at start, and after a
 * failure). Everything a runner does to its processor goes through its queue, so the processor sees one
 * event at a time, and catching up and live delivery never interleave.
 */
import type { Db } from '../db/connection.ts';
import type { ChangeMarks } from './change-marks.ts';
import { readEvents } from './outbox.ts';
import { savePosition } from './positions.ts';
import type { Processor } from './processor.ts';
import type { EventKind, StoredEvent } from './types.ts';

export interface RunnerDeps {
  db: Db;
  now: () => number;
  /** First retry this long after a failure, doubling with each further failure up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  pageSize: number;
  /** Told of every failed attempt (the dispatcher logs and counts it). */
  failed(runner: ProcessorRunner, event: StoredEvent, err: unknown, retryInMs: number): void;
  caughtUp(runner: ProcessorRunner): void;
}

/** Events handled ahead of the position are remembered so a replay does not hand them over twice; past this many, forget the settled ones. */
const HANDLED_KEPT = 1_000;
/** Events arriving while a catch-up reads the outbox are kept to hand over right after it, up to this many (beyond, it reads again). */
const ARRIVALS_KEPT = 10_000;

export class ProcessorRunner {
  readonly kinds: ReadonlySet<EventKind>;
  /** Consecutive failed attempts, and the earliest time (ms) the next may start. */
  attempts = 0;
  retryAt = 0;
  private live: boolean;
  private catchingUp = false;
  private arrivals: StoredEvent[] = [];
  private overflowed = false;
  private queue: Promise<void> = Promise.resolve();
  /** Ids handled above the saved position (or, when nothing is saved, above the safe position). */
  private readonly handled = new Set<number>();

  /**
   * `stored`: the position saved in event_consumers (a durable processor, which starts by catching up
   * from it), or null for one whose position lives elsewhere (the graph index: its snapshot's mark), which
   * is up to date when registered.
   */
  constructor(
    readonly processor: Processor,
    readonly marks: ChangeMarks,
    private stored: number | null,
    private readonly deps: RunnerDeps,
  ) {
    this.kinds = new Set(processor.kinds);
    this.live = stored === null;
  }

  get name(): string {
    return this.processor.name;
  }

  get durable(): boolean {
    return this.stored !== null;
  }

  /** Handed events as they commit (false: catching up from the outbox). */
  get isLive(): boolean {
    return this.live;
  }

  /** Where a restart would resume: every event up to here is handled or will never commit. */
  position(): number {
    return this.marks.safe();
  }

  /** How many events above the position it has handled already (they do not count as waiting). */
  handledAhead(): number {
    const floor = this.position();
    let n = 0;
    for (const id of this.handled) if (id > floor) n++;
    return n;
  }

  /**
   * A committed event. A runner that is catching up leaves it to the outbox, which still holds it.
   * `replay`: handed over again at start-up (the outbox follower's rewind), not a change since.
   */
  deliver(event: StoredEvent, replay = false): Promise<void> {
    if (!this.live) {
      this.arrive(event);
      return Promise.resolve();
    }
    return this.enqueue(async () => {
      if (this.live) await this.take(event, replay);
      else this.arrive(event);
    });
  }

  /**
   * Replays from the outbox, from the position on, and goes live once it has handed over everything,
   * including what committed meanwhile. Does nothing when live; stops at the first failure.
   */
  catchUp(): Promise<void> {
    return this.enqueue(async () => {
      if (this.live) return;
      await this.marks.settle(this.deps.db);
      this.catchingUp = true;
      try {
        for (;;) {
          this.arrivals = [];
          this.overflowed = false;
          if (!(await this.pass(this.position()))) return;
          // What committed while the outbox was read; more may arrive while these are handled.
          while (this.arrivals.length > 0 && !this.overflowed) {
            if (!(await this.take(this.arrivals.shift()!))) return;
          }
          if (!this.overflowed) break;
        }
        // No await between the last check and this: whatever commits from now on is delivered live.
        this.live = true;
        this.attempts = 0;
        this.retryAt = 0;
      } finally {
        this.catchingUp = false;
        this.arrivals = [];
      }
      this.deps.caughtUp(this);
      this.prune();
    });
  }

  /**
   * Saves the position of a durable processor. First it hands over the events up to there that never
   * reached it live (written by another process, or outside inTransaction), so a saved position never
   * passes an event the processor has not seen.
   */
  flush(): Promise<void> {
    return this.enqueue(async () => {
      if (this.stored === null) return;
      await this.marks.settle(this.deps.db);
      const target = this.position();
      if (target <= this.stored) return;
      if (!(await this.pass(this.stored, target, [...this.kinds]))) return;
      await savePosition(this.deps.db, this.name, target);
      this.stored = target;
      this.prune();
    });
  }

  /** Resolves once everything queued so far is done. */
  idle(): Promise<void> {
    return this.enqueue(async () => undefined);
  }

  private arrive(event: StoredEvent): void {
    if (!this.catchingUp) return;
    if (this.arrivals.length < ARRIVALS_KEPT) this.arrivals.push(event);
    else this.overflowed = true;
  }

  /** Reads the outbox after `from` (up to `upTo`) in id order and takes each event; false when one failed. */
  private async pass(from: number, upTo?: number, kinds?: EventKind[]): Promise<boolean> {
    let after = from;
    for (;;) {
      const page = await readEvents(this.deps.db, { after, ...(upTo === undefined ? {} : { upTo }), ...(kinds ? { kinds } : {}), limit: this.deps.pageSize });
      for (const event of page) {
        if (!(await this.take(event))) return false;
        after = event.id;
      }
      if (page.length < this.deps.pageSize) return true;
    }
  }

  /** Hands one event to the processor unless it is not its kind or already handled; false when it threw. */
  private async take(event: StoredEvent, replay = false): Promise<boolean> {
    if (!this.kinds.has(event.kind) || this.handled.has(event.id)) {
      this.marks.markApplied(event.id, false);
      return true;
    }
    try {
      await this.processor.handle(event);
    } catch (err) {
      this.fail(event, err);
      return false;
    }
    this.handled.add(event.id);
    this.marks.markApplied(event.id, !replay);
    if (this.handled.size > HANDLED_KEPT) this.prune();
    return true;
  }

  private fail(event: StoredEvent, err: unknown): void {
    this.live = false;
    this.marks.rewind(event.id);
    this.attempts++;
    const retryInMs = Math.min(this.deps.retryMaxMs, this.deps.retryBaseMs * 2 ** (this.attempts - 1));
    this.retryAt = this.deps.now() + retryInMs;
    this.deps.failed(this, event, err, retryInMs);
  }

  /** Forgets handled ids no replay can reach again: at or below the saved position (or the safe one). */
  private prune(): void {
    const floor = this.stored ?? this.position();
    for (const id of this.handled) if (id <= floor) this.handled.delete(id);
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    const run = this.queue.then(job);
    // The queue goes on after a job that threw (a database error while reading); the caller sees the error.
    this.queue = run.catch(() => undefined);
    return run;
  }
}
