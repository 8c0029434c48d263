/**
 * Enqueueing a job: one row in `jobs`, written in the caller's transaction, so a job exists exactly when the
 * write that caused it committed. Once that transaction commits, this process's worker is woken (no wait
 * for its timer), and on a PostgreSQL server a `NOTIFY` (sent in the same transaction, so delivered only on
 * commit) wakes the workers of the other processes. Neither wake-up is needed for correctness: every
 * worker also polls on a timer, and the row is what must not be lost.
 */
import { sql } from 'drizzle-orm';
import { type Db, type DbOrTx, rows, type Tx } from '../db/connection.ts';
import { transactionScope } from '../db/transaction.ts';
import type { JobKind, JobKinds } from './kinds.ts';

export interface EnqueueOptions {
  /** Not before this time (default: now). */
  runAt?: Date;
  /**
   * Idempotent enqueue: with the kind, at most one job per key for as long as the row is kept (done jobs are
   * pruned after JOB_RETENTION_DAYS), whatever became of it. A second enqueue with the same key does nothing.
   */
  uniqueKey?: string;
  /** Attempts before the job is dead (default 5). */
  maxAttempts?: number;
}

interface Waking {
  /** Wakes this process's worker. */
  wake?: () => void;
  /** A server's channel for the other processes' workers. */
  channel?: string;
}

const waking = new WeakMap<Db, Waking>();

/** Where jobs enqueued on `db` send their wake-ups; returns the function that stops it. */
export function wakeJobsOn(db: Db, how: Waking): () => void {
  waking.set(db, how);
  return () => {
    if (waking.get(db) === how) waking.delete(db);
  };
}

/**
 * Writes a job in the caller's transaction (or, given the database itself, at once). Returns its id, or null
 * when a job with the same kind and `uniqueKey` already exists.
 */
export async function enqueueJob<K extends JobKind>(tx: DbOrTx, kind: K, payload: JobKinds[K], options: EnqueueOptions = {}): Promise<number | null> {
  const [row] = await rows<{ id: string | number }>(
    tx,
    sql`INSERT INTO jobs (kind, payload, unique_key, run_at, max_attempts)
        VALUES (${kind}, ${JSON.stringify(payload)}::jsonb, ${options.uniqueKey ?? null},
                ${options.runAt ? sql`${options.runAt.toISOString()}::timestamptz` : sql`now()`}, ${options.maxAttempts ?? 5})
        ON CONFLICT (kind, unique_key) WHERE unique_key IS NOT NULL DO NOTHING
        RETURNING id`,
  );
  if (!row) return null;
  await announce(tx, options.runAt);
  return Number(row.id);
}

/** Wakes the workers after commit (now, when not in a transaction); nothing for a job due later. */
export async function announce(tx: DbOrTx, runAt?: Date): Promise<void> {
  if (runAt && runAt.getTime() > Date.now()) return;
  const scope = transactionScope(tx as Tx);
  const how = waking.get(scope?.db ?? (tx as Db));
  if (!how) return;
  // PostgreSQL delivers it on commit, once per transaction however many jobs it enqueued (the same payload
  // is sent once); listeners ignore an empty payload, so it says what it is.
  if (how.channel) await tx.execute(sql`select pg_notify(${how.channel}, 'jobs')`);
  if (!how.wake) return;
  if (scope) scope.onCommit(how.wake);
  else how.wake();
}
