import type { Migration } from './types.ts';

/**
 * **`rate_limit_counters`**: the rate limits' counters when they live on the database (RATE_LIMIT_STORE=postgres,
 * the default on a PostgreSQL server), so that every app process counts against one budget
 * (server/http/rate-limit-store.ts). One row per budget and key (a member id or a client address), counting
 * the requests of the window that started at `window_start`; the hourly `rate-limits.sweep` job deletes the
 * rows whose window has ended.
 *
 * UNLOGGED: the counters are rewritten on nearly every API request and are worth nothing after a crash (a
 * restart forgives a window's requests, as restarting a single process always has), so they skip the WAL,
 * are truncated by crash recovery, and are not sent to replicas. Nothing here is a member's data beyond the
 * key, and every row is gone within the longest window (15 minutes by default) of its last use.
 */
export const rateLimitCounters: Migration = {
  name: '20261228-0042-rate-limit-counters',
  up: [
    `CREATE UNLOGGED TABLE rate_limit_counters (
      key text PRIMARY KEY,
      window_start timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      count integer NOT NULL
    )`,
  ],
  down: ['DROP TABLE rate_limit_counters'],
};
