import type { Migration } from './types.ts';

/**
 * **`auth_attempts`**: the sign-in, password-change, sign-up-probe and email throttles' attempts when several
 * app processes share a PostgreSQL server (server/auth/attempt-log.ts, server/db/auth-attempts.ts), so a
 * guesser spreading requests over the processes behind a proxy gets one budget, not one per process. One row
 * per attempt under a key (an account and address pair, an address, a recipient; `…-known:` keys are the
 * addresses a member signed in from). The hourly `rate-limits.sweep` job deletes what no window reaches.
 *
 * UNLOGGED like rate_limit_counters: a crash forgives the attempts, as restarting a process always has.
 */
export const authAttempts: Migration = {
  name: '20261228-0043-auth-attempts',
  up: [
    `CREATE UNLOGGED TABLE auth_attempts (
      key text NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX auth_attempts_key_at ON auth_attempts (key, at)`,
    `CREATE INDEX auth_attempts_at ON auth_attempts (at)`,
  ],
  down: ['DROP TABLE auth_attempts'],
};
