import { sql } from 'drizzle-orm';
import { bigint, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

export const JOB_STATUSES = ['queued', 'running', 'done', 'dead'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * Background work (server/jobs/queue.ts): one row per job, written in the transaction that causes it.
 * `queued` until due and claimed, `running` under a lease (`locked_until`) that another worker may take over
 * once it expires, then `done`, or `dead` once out of attempts (kept for operators to retry or discard).
 */
export const jobs = pgTable('jobs', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  kind: text('kind').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
  /** With the kind, unique for as long as the row is kept: enqueueing the same key again does nothing. */
  uniqueKey: text('unique_key'),
  status: text('status', { enum: JOB_STATUSES }).notNull().default('queued'),
  runAt: timestamp('run_at', { withTimezone: true }).notNull().default(sql`now()`),
  attempts: smallint('attempts').notNull().default(0),
  maxAttempts: smallint('max_attempts').notNull().default(5),
  lastError: text('last_error'),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  /** The worker holding the lease (its random id), so a worker that lost it cannot finish the job. */
  lockedBy: text('locked_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});
