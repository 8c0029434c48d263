/**
 * The `suggestions.learn` job: once a week, learn the people-you-may-know relevance weights from the
 * community's own connections (graph/learn-links.ts: hide the most recent tenth, learn from the rest) and keep
 * them in system_settings under `suggestions.model`, where the suggestions query reads them
 * (queries/suggestions/model.ts). A community with too little history keeps the defaults (the model says
 * `learned: false`, and suggestions stay on shaped Adamic–Adar).
 *
 * The connections come from the graph index, which holds each with its day, and the learning runs in a graph
 * worker (GraphService.learnLinks): reading them from the table put every row through JavaScript objects, and
 * learning took about a minute at a million members, both on the event loop, once a week and at every start.
 * The learning samples at most LEARN_MEMBERS members, so its cost is one pass over the connections plus a few
 * thousand walks.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import type { GraphService } from '../graph/service.ts';
import type { JobQueue } from './queue.ts';
import { type Schedule, schedule } from './schedule.ts';

export const SUGGESTIONS_LEARN_SCHEDULE: Schedule = schedule({ kind: 'suggestions.learn', every: 'week', payload: (week) => ({ week }), maxAttempts: 3 });
export const MODEL_KEY = 'suggestions.model';
const LEARN_MEMBERS = 2000;

export function registerSuggestionsLearn(jobs: JobQueue, deps: { db: Db; graph: () => GraphService; onLearned?: () => void }): void {
  jobs.register('suggestions.learn', async () => {
    await learnSuggestions(deps.db, deps.graph());
    deps.onLearned?.();
  });
}

/** Learns and stores the weights; returns what was stored. */
export async function learnSuggestions(db: Db, graph: GraphService, opts: { seed?: number } = {}): Promise<Record<string, unknown>> {
  const learned = await graph.learnLinks({ seed: opts.seed ?? 1, members: LEARN_MEMBERS });
  const value = { ...learned.model, positives: learned.positives, pairs: learned.pairs, members: learned.members, connections: learned.connections };
  await db.execute(
    sql`INSERT INTO system_settings (key, value, updated_at) VALUES (${MODEL_KEY}, ${JSON.stringify(value)}::jsonb, now())
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
  );
  return value;
}
