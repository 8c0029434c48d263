/**
 * The job queue's worker: claims due jobs of the kinds it has handlers for, runs them, and records the
 * outcome. Jobs are rows (`jobs`, enqueued by enqueue.ts in the transaction that causes them); see
 * docs/operations.md, "Job queue".
 *
 * - Claiming is one statement, `FOR UPDATE SKIP LOCKED`: several processes on one PostgreSQL never take
 *   the same job, and none waits for another's. Claiming counts the attempt and takes a lease
 *   (`locked_until`); a worker that dies mid-job leaves it `running`, and once the lease has expired any
 *   worker's sweep puts it back in the queue (or makes it dead, if that was its last attempt).
 * - Finishing is guarded by the lease's owner, so a worker that overran its lease cannot finish a job
 *   another worker has since taken.
 * - A handler that throws is retried with exponential backoff and jitter (backoff.ts) until its
 *   max_attempts, then the job is `dead`: kept, listed on the admin page, and retried or discarded by an
 *   operator. A handler throws `PermanentJobError` to go dead at once (a payload that can never work).
 * - It runs when woken (after a commit that enqueued a job, in this process or, on a server, another) and on
 *   a timer; `stop()` takes no new jobs and waits for the running ones.
 *
 * Delivery is at least once: a handler with outside effects (an email) may run twice if its process dies
 * between the effect and recording it; handlers whose effects are rows make them idempotent (digest/send.ts).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Counter, type Registry } from 'prom-client';
import { type Db, rows } from '../db/connection.ts';
import { type Backoff, DEFAULT_BACKOFF, retryDelayMs } from './backoff.ts';
import type { JobKind, JobKinds } from './kinds.ts';

/** What a handler knows of the job it runs. */
export interface JobInfo {
  id: number;
  kind: JobKind;
  /** This attempt's number, from 1. */
  attempt: number;
  maxAttempts: number;
  /** Whether a failure now makes the job dead. */
  lastAttempt: boolean;
}

export type JobHandler<K extends JobKind> = (payload: JobKinds[K], job: JobInfo) => Promise<void> | void;

export interface KindOptions {
  /** How long one attempt may run before another worker may take the job over (default 5 minutes). */
  leaseMs?: number;
  backoff?: Backoff;
}

/** Thrown by a handler for a job that can never succeed: it goes dead without further attempts. */
export class PermanentJobError extends Error {}

export interface JobLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface QueueOptions {
  log: JobLog;
  metrics?: Registry;
  /** Jobs run at once by this process (default 2). On PGlite their statements take turns anyway. */
  concurrency?: number;
  /** Run no jobs here (JOBS=off): the queue still takes jobs in, and the processes that run jobs do them. */
  idle?: boolean;
}

interface Registered {
  handle: JobHandler<JobKind>;
  leaseMs: number;
  backoff: Backoff;
}

interface ClaimedRow {
  id: string | number;
  kind: JobKind;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

const DEFAULT_LEASE_MS = 5 * 60_000;
/** How long stop() waits for running jobs; past it, their leases expire and another worker retries them. */
const STOP_WAIT_MS = 15_000;

export class JobQueue {
  /** This worker, as `locked_by` records it. */
  readonly workerId = randomUUID();
  private readonly handlers = new Map<JobKind, Registered>();
  private readonly concurrency: number;
  private running: Promise<void> | null = null;
  private again = false;
  private stopping = false;
  private readonly outcomes: Counter | null;

  constructor(
    private readonly db: Db,
    private readonly options: QueueOptions,
  ) {
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.outcomes = options.metrics
      ? new Counter({
          name: 'rapport_jobs_total',
          help: 'Job attempts by kind and outcome: done, retry (failed, will run again) or dead (out of attempts)',
          labelNames: ['kind', 'outcome'],
          registers: [options.metrics],
        })
      : null;
  }

  /** Handles jobs of a kind in this process: `jobs.register('kind', (payload) => work(payload))`. */
  register<K extends JobKind>(kind: K, handle: JobHandler<K>, options: KindOptions = {}): this {
    if (this.handlers.has(kind)) throw new Error(`job kind ${kind} has two handlers`);
    this.handlers.set(kind, { handle: handle as JobHandler<JobKind>, leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS, backoff: options.backoff ?? DEFAULT_BACKOFF });
    return this;
  }

  get kinds(): JobKind[] {
    return [...this.handlers.keys()];
  }

  /**
   * Runs every due job this process handles, until none is left; concurrent kicks coalesce into one more
   * pass. Never rejects: a failed pass is logged, and the timer tries again.
   */
  kick(): Promise<void> {
    if (this.stopping || this.options.idle) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await Promise.all(Array.from({ length: this.concurrency }, () => this.drain()));
      } while (this.again && !this.stopping);
    })()
      .catch((err: unknown) => this.options.log.error({ err }, 'job queue pass failed'))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Takes no new jobs and waits (up to 15 s) for the running ones. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (!this.running) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.running, new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)))]);
    clearTimeout(timer);
  }

  /**
   * Puts back the jobs whose worker stopped mid-run (lease expired): queued again, or dead when that was
   * their last attempt. Returns how many.
   */
  async sweepExpiredLeases(): Promise<number> {
    const swept = await rows<{ id: string | number }>(
      this.db,
      sql`UPDATE jobs SET status = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'queued' END,
                          last_error = 'the worker running it stopped before it finished (its lease expired)',
                          run_at = now(), locked_until = NULL, locked_by = NULL, updated_at = now()
           WHERE status = 'running' AND locked_until < now()
       RETURNING id`,
    );
    if (swept.length > 0) this.options.log.warn({ jobs: swept.map((r) => Number(r.id)) }, 'jobs whose worker stopped were put back');
    return swept.length;
  }

  private async drain(): Promise<void> {
    while (!this.stopping) {
      const job = await this.claim();
      if (!job) return;
      await this.run(job);
    }
  }

  /** One due job of a kind this process handles, now running under this worker's lease; null when none is due. */
  private async claim(): Promise<ClaimedRow | null> {
    const kinds = this.kinds;
    if (kinds.length === 0) return null;
    const leases = JSON.stringify(Object.fromEntries([...this.handlers].map(([kind, h]) => [kind, h.leaseMs / 1000])));
    const [row] = await rows<ClaimedRow>(
      this.db,
      sql`UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = ${this.workerId}, updated_at = now(),
                          locked_until = now() + make_interval(secs => (${leases}::jsonb ->> kind)::float8)
           WHERE id = (SELECT id FROM jobs
                        WHERE status = 'queued' AND run_at <= now() AND kind = ANY(${`{${kinds.join(',')}}`}::text[])
                        ORDER BY run_at, id
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED)
             AND status = 'queued'
       RETURNING id, kind, payload, attempts, max_attempts`,
    );
    return row ?? null;
  }

  private async run(row: ClaimedRow): Promise<void> {
    const registered = this.handlers.get(row.kind)!;
    const job: JobInfo = {
      id: Number(row.id),
      kind: row.kind,
      attempt: row.attempts,
      maxAttempts: row.max_attempts,
      lastAttempt: row.attempts >= row.max_attempts,
    };
    try {
      await registered.handle(row.payload as JobKinds[JobKind], job);
    } catch (err) {
      await this.failed(job, err, registered.backoff);
      return;
    }
    await this.db.execute(
      sql`UPDATE jobs SET status = 'done', finished_at = now(), updated_at = now(), locked_until = NULL, locked_by = NULL, last_error = NULL
           WHERE id = ${job.id} AND locked_by = ${this.workerId} AND status = 'running'`,
    );
    this.outcomes?.inc({ kind: job.kind, outcome: 'done' });
  }

  private async failed(job: JobInfo, err: unknown, backoff: Backoff): Promise<void> {
    const dead = job.lastAttempt || err instanceof PermanentJobError;
    const retryInMs = dead ? 0 : retryDelayMs(job.attempt, backoff);
    const message = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
    await this.db.execute(
      sql`UPDATE jobs SET status = ${dead ? 'dead' : 'queued'}, last_error = ${message}, updated_at = now(),
                          run_at = now() + make_interval(secs => ${retryInMs / 1000}), locked_until = NULL, locked_by = NULL
           WHERE id = ${job.id} AND locked_by = ${this.workerId} AND status = 'running'`,
    );
    this.outcomes?.inc({ kind: job.kind, outcome: dead ? 'dead' : 'retry' });
    const context = { err, jobId: job.id, kind: job.kind, attempt: job.attempt, maxAttempts: job.maxAttempts };
    if (dead) this.options.log.error(context, 'job failed for the last time; it is dead until an operator retries it');
    else this.options.log.warn({ ...context, retryInMs }, 'job failed; it will be retried');
  }
}
