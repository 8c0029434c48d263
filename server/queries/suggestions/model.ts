/**
 * The learned people-you-may-know model, as the `suggestions.learn` job stored it (jobs/suggestions-learn.ts),
 * cached per database for a few minutes: it changes weekly, and suggestions are asked for on every page.
 * Only a model that was actually learned is used; without one, suggestions rank by shaped Adamic–Adar.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/connection.ts';
import { isLinkModel, type LinkModel } from '../../graph/link-model.ts';

const MODEL_KEY = 'suggestions.model';
const TTL_MS = 5 * 60_000;
const cache = new WeakMap<object, { at: number; model: LinkModel | undefined }>();

export async function learnedModel(db: DbOrTx): Promise<LinkModel | undefined> {
  const nowMs = Date.now();
  const hit = cache.get(db);
  if (hit && nowMs - hit.at < TTL_MS) return hit.model;
  const [row] = await rows<{ value: unknown }>(db, sql`SELECT value FROM system_settings WHERE key = ${MODEL_KEY}`);
  const v = row?.value;
  const model = isLinkModel(v) && v.learned === true ? { weights: v.weights, learned: true } : undefined;
  cache.set(db, { at: nowMs, model });
  return model;
}

/** Drops the cached model (after the job stored a new one, and in tests). */
export function forgetLearnedModel(db: DbOrTx): void {
  cache.delete(db);
}
