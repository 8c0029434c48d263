import type { Migration } from './types.ts';

/**
 * The job queue (server/jobs/queue.ts, docs/operations.md "Job queue"): background work as rows, enqueued
 * in the transaction of the change that causes it, claimed with FOR UPDATE SKIP LOCKED, retried with
 * backoff and kept as `dead` once out of attempts, for an operator to retry or discard. Email delivery
 * becomes one of its kinds (email_outbox stays the message store), and the weekly digest another.
 *
 * Also `members.last_seen_at`, the activity the digest asks about: touched by the first request of a
 * member in an hour (http/last-seen.ts), and filled here from what the tables already knew.
 */
export const jobs: Migration = {
  name: '20261224-0024-jobs',
  up: [
    `CREATE TABLE jobs (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       kind text NOT NULL,
       payload jsonb NOT NULL DEFAULT '{}',
       unique_key text,
       status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'dead')),
       run_at timestamptz NOT NULL DEFAULT now(),
       attempts smallint NOT NULL DEFAULT 0,
       max_attempts smallint NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
       last_error text,
       locked_until timestamptz,
       locked_by text,
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now(),
       finished_at timestamptz
     )`,
    // Idempotent enqueue: one job per (kind, key) for as long as the row is kept, whatever became of it.
    `CREATE UNIQUE INDEX jobs_kind_unique_key ON jobs (kind, unique_key) WHERE unique_key IS NOT NULL`,
    // The claim reads the due jobs in order; the sweep finds expired leases; operators list the dead.
    `CREATE INDEX jobs_due ON jobs (run_at, id) WHERE status = 'queued'`,
    `CREATE INDEX jobs_leases ON jobs (locked_until) WHERE status = 'running'`,
    `CREATE INDEX jobs_dead ON jobs (id DESC) WHERE status = 'dead'`,
    `CREATE INDEX jobs_finished ON jobs (finished_at) WHERE status = 'done'`,
    // Emails still waiting for delivery move onto the queue, keeping the attempts they had.
    `INSERT INTO jobs (kind, payload, attempts, max_attempts)
       SELECT 'email.send', jsonb_build_object('emailId', id), LEAST(attempts, 4), 5
         FROM email_outbox WHERE status = 'pending' ORDER BY id`,
    `ALTER TABLE members ADD COLUMN last_seen_at timestamptz`,
    // The best the tables knew: sign-up, the newest session started, the last use of an access token.
    `UPDATE members m SET last_seen_at = GREATEST(
       m.created_at,
       (SELECT max(s.created_at) FROM sessions s WHERE s.member_id = m.id),
       (SELECT max(t.last_used_at) FROM access_tokens t WHERE t.member_id = m.id))`,
    `ALTER TABLE members ALTER COLUMN last_seen_at SET DEFAULT now()`,
    `ALTER TABLE members ALTER COLUMN last_seen_at SET NOT NULL`,
  ],
  down: [`ALTER TABLE members DROP COLUMN last_seen_at`, `DROP TABLE jobs`],
};
