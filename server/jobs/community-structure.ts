/**
 * The community's structure (commands/community/structure.ts), recomputed once a day: a Louvain over the whole
 * connection graph takes seconds at a million members (in a graph worker), and its density-over-time chart wants
 * one point a day.
 */
import type { Db } from '../db/connection.ts';
import { refreshCommunityStructure } from '../commands/community/structure.ts';
import type { GraphService } from '../graph/service.ts';
import type { JobQueue } from './queue.ts';
import { type Schedule, schedule } from './schedule.ts';

export const COMMUNITY_STRUCTURE_SCHEDULE: Schedule = schedule({ kind: 'community.structure', every: 'day', payload: (day) => ({ day }), maxAttempts: 3 });

export function registerCommunityStructure(jobs: JobQueue, deps: { db: Db; graph: () => GraphService }): void {
  jobs.register('community.structure', async (payload) => {
    await refreshCommunityStructure(deps.db, deps.graph(), payload.day);
  });
}
