/**
 * The `suggestions.learn` job: once a week, learn the people-you-may-know relevance weights from the
 * community's own connections (graph/learn-links.ts: hide the most recent tenth, learn from the rest) and keep
 * them in system_settings under `suggestions.model`, where the suggestions query reads them
 * (queries/suggestions/model.ts). A community with too little history keeps the defaults (the model says
 * `learned: false`, and suggestions stay on shaped Adamic–Adar).
 *
 * Connections are read once, one row per pair; the learning samples at most LEARN_MEMBERS members, so its
 * cost is one pass over the connections plus a few thousand walks (seconds for ego-Facebook's 88 k ties, a
 * minute for 1 M members on one core; it runs off the request path, in the job runner).
 */
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../db/connection.ts';
import { learnLinkModel } from '../graph/learn-links.ts';
import { toDay } from '../graph/scoring.ts';
import type { JobQueue } from './queue.ts';
import { type Schedule, schedule } from './schedule.ts';

export const SUGGESTIONS_LEARN_SCHEDULE: Schedule = schedule({ kind: 'suggestions.learn', every: 'week', payload: (week) => ({ week }), maxAttempts: 3 });
export const MODEL_KEY = 'suggestions.model';
const LEARN_MEMBERS = 2000;

export function registerSuggestionsLearn(jobs: JobQueue, deps: { db: Db; onLearned?: () => void }): void {
  jobs.register('suggestions.learn', async () => {
    await learnSuggestions(deps.db);
    deps.onLearned?.();
  });
}

/** Learns and stores the weights; returns what was stored. */
export async function learnSuggestions(db: Db, opts: { seed?: number } = {}): Promise<Record<string, unknown>> {
  const ties = await rows<{ a: number; b: number; ms: number }>(
    db,
    sql`SELECT member_id AS a, other_id AS b, (extract(epoch FROM created_at) * 1000)::float8 AS ms
          FROM connections WHERE member_id < other_id`,
  );
  let n = 0;
  const src = new Int32Array(ties.length), dst = new Int32Array(ties.length), days = new Uint16Array(ties.length);
  ties.forEach((t, i) => {
    src[i] = t.a;
    dst[i] = t.b;
    days[i] = toDay(Number(t.ms));
    n = Math.max(n, t.a + 1, t.b + 1);
  });
  const learned = learnLinkModel({ n, src, dst, days }, { dated: true, seed: opts.seed ?? 1, members: LEARN_MEMBERS });
  const value = { ...learned.model, positives: learned.positives, pairs: learned.pairs, members: learned.members, connections: ties.length };
  await db.execute(
    sql`INSERT INTO system_settings (key, value, updated_at) VALUES (${MODEL_KEY}, ${JSON.stringify(value)}::jsonb, now())
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
  );
  return value;
}
