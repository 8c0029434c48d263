/**
 * The operator's community rollups (commands/community/rollups.ts), brought up to date every hour: each run
 * recomputes only the last few days and the cohort cells of the current weeks, so it costs the same on the
 * first day of an install and after years of history.
 */
import type { Db } from '../db/connection.ts';
import { refreshCommunityRollups } from '../commands/community/rollups.ts';
import type { JobQueue } from './queue.ts';
import { type Schedule, schedule } from './schedule.ts';

export const COMMUNITY_ROLLUP_SCHEDULE: Schedule = schedule({ kind: 'community.rollup', every: 'hour', payload: (slot) => ({ slot }), maxAttempts: 3 });

export function registerCommunityRollup(jobs: JobQueue, deps: { db: Db }): void {
  jobs.register('community.rollup', async () => {
    await refreshCommunityRollups(deps.db);
  });
}
