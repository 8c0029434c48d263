/**
 * The garden's community baseline (commands/garden/baseline.ts), recomputed once a day: the distribution of
 * members' Blau moves slowly, and a scan of every connection is not something to run per request.
 */
import type { Db } from '../db/connection.ts';
import { refreshGardenBaselines } from '../commands/garden/baseline.ts';
import type { JobQueue } from './queue.ts';
import { type Schedule, schedule } from './schedule.ts';

export const GARDEN_BASELINE_SCHEDULE: Schedule = schedule({ kind: 'garden.baseline', every: 'day', payload: (day) => ({ day }), maxAttempts: 3 });

export function registerGardenBaseline(jobs: JobQueue, deps: { db: Db }): void {
  jobs.register('garden.baseline', async () => {
    await refreshGardenBaselines(deps.db);
  });
}
