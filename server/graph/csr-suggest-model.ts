/**
 * People you may know by the learned relevance model (link-model.ts) over the CSR, when the suggestions
 * query passes one (`SuggestOptions.model`); csr-suggest.ts ranks without it, and the SQL reference always does.
 *
 * Two stages, kept apart on purpose:
 * 1. relevance: one walk (link-features.ts: 2- and 3-hop path counts, bounded by the same work budget as the
 *    friends-of-friends walk), a pool of the best few dozen by Adamic–Adar, resource allocation and local
 *    path index, and the model's score for each; only candidates with a mutual connection are kept, because
 *    a suggestion must be able to say why (the 3-hop counts still order them);
 * 2. the weak-ties shaping (scoring.ts `suggestionScore`), applied to that relevance as it was to Adamic–Adar:
 *    an explained re-ranking that discounts candidates whose network mostly is the viewer's own.
 * The relevance is put on Adamic–Adar's scale (the pool's best model score maps to the pool's largest
 * Adamic–Adar, its worst to 5% of it), so the suggestions query can add organisation and comment evidence to it as before.
 */
import type { Suggestion } from './graph-index.ts';
import type { CsrGraph } from './csr.ts';
import { mutualsLoaded } from './csr-mutuals.ts';
import type { CsrScratch } from './csr-scratch.ts';
import { TopK } from './csr-topk.ts';
import { degreeCutoff } from './fof-budget.ts';
import { FEATURE_COUNT, FeatureScratch, writeFeatures } from './link-features.ts';
import { type LinkModel, modelScore } from './link-model.ts';
import { pool } from './learn-links.ts';
import { suggestionScore } from './scoring.ts';

/** One feature scratch per thread, grown with the graph (about 45 bytes per member). */
let shared: FeatureScratch | null = null;
function scratchFor(g: CsrGraph): FeatureScratch {
  if (!shared || shared.n < g.n) shared = new FeatureScratch(Math.max(g.n, Math.ceil((shared?.n ?? 0) * 1.25)));
  return shared;
}

export function suggestByModel(
  s: CsrScratch,
  v: number,
  limit: number,
  avoid: ReadonlySet<number> | undefined,
  exclude: ReadonlySet<number> | undefined,
  nowDay: number,
  work: number,
  model: LinkModel,
): Suggestion[] {
  const g = s.g;
  if (!(v >= 0 && v < g.n) || limit <= 0) return [];
  const fs = scratchFor(g);
  // The third hop gets a quarter of the walk's budget: it only refines the order of the 2-hop candidates.
  fs.walk(g, v, { ...(avoid ? { avoid } : {}), maxDegree: degreeCutoff(g, v, work), work: work / 4 });
  if (exclude) for (const x of exclude) if (x >= 0 && x < fs.n && (x | 0) === x && fs.skip[x] === 0 && fs.cn[x]! > 0) fs.cn[x] = -fs.cn[x]!;
  // Excluded candidates were marked by a negative count: the pool and the ranking skip them, then the sign is restored.
  const ids = pool(fs, Math.max(limit, 50)).filter((c) => fs.cn[c]! > 0);
  if (exclude) for (const x of exclude) if (x >= 0 && x < fs.n && (x | 0) === x && fs.cn[x]! < 0) fs.cn[x] = -fs.cn[x]!;
  const f = new Float64Array(FEATURE_COUNT);
  const ctx = { nowDay };
  const raw = ids.map((c) => {
    writeFeatures(fs, g, v, c, ctx, f, 0);
    return modelScore(model, f);
  });
  let hi = -Infinity, lo = Infinity, aaMax = 0;
  ids.forEach((c, i) => {
    hi = Math.max(hi, raw[i]!);
    lo = Math.min(lo, raw[i]!);
    aaMax = Math.max(aaMax, fs.aa[c]!);
  });
  const span = hi > lo ? hi - lo : 1;
  const dv = g.degree(v);
  const top = new TopK(limit);
  const counts = new Map<number, number>();
  ids.forEach((c, i) => {
    const relevance = hi > lo ? aaMax * (0.05 + (0.95 * (raw[i]! - lo)) / span) : fs.aa[c]!;
    counts.set(c, fs.cn[c]!);
    top.offer(c, suggestionScore(relevance, fs.cn[c]!, dv, g.degree(c)));
  });
  s.begin(avoid);
  const result = top.ids.map((id, i) => ({ id, score: top.scores[i]!, mutualCount: counts.get(id)!, mutuals: mutualsLoaded(s, v, id, 2, nowDay).first }));
  s.end();
  return result;
}
