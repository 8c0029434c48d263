import type { Migration } from './types.ts';

/**
 * **`system_settings`**: values the community's own jobs compute and the application reads, one row per key,
 * as JSON. First use: `suggestions.model`, the people-you-may-know weights the `suggestions.learn` job learns
 * from the community's history (server/jobs/suggestions-learn.ts). No member data: a key holds aggregates only.
 */
export const systemSettings: Migration = {
  name: '20261228-0038-system-settings',
  up: [
    `CREATE TABLE system_settings (
      key text PRIMARY KEY,
      value jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
  ],
  down: ['DROP TABLE system_settings'],
};
