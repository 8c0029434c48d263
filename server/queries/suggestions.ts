/**
 * People you may know: candidates from friends of friends (the graph index), from overlapping time at the
 * same organisation or school, from comments exchanged both ways, and from a shared place or industry; ranked by suggestions/score.ts (whose
 * comment explains the formula and the weak-ties reasoning); each with its reasons, as codes with
 * parameters and their English rendering (suggestions/reasons.ts).
 *
 * Fetch, then shape: the viewer's context, i.e. who is off limits, the stints beside the viewer's at
 * their organisations and schools, and the members they have exchanged comments with (one query) → friends of friends (graph index, in memory) → rank in
 * batches, best upper bound first: profiles, pair history and the names to cite (one query per batch,
 * nearly always one) → members in the viewer's place or industry only if they can still make the list
 * (one query) → reasons. No query runs per candidate.
 */
import type { Reason } from '../../common/reasons.ts';
import type { DbOrTx } from '../db/connection.ts';
import type { Degree, GraphIndex } from '../graph/graph-index.ts';
import { DAY_MS } from '../graph/scoring.ts';
import {
  type CandidateRow,
  loadCandidates,
  loadNames,
  loadPlaceCandidates,
  loadViewerContext,
  type Names,
  type ViewerRow,
} from './suggestions/load.ts';
import { type OverlapRow, overlapsFrom } from './suggestions/overlap.ts';
import { learnedModel } from './suggestions/model.ts';
import { networkOrganisations } from './suggestions/network-orgs.ts';
import { widen, WIDEN_WINDOW_FACTOR } from './suggestions/widen.ts';
import { exchangeReason, industryReason, mutualReason, overlapReason, placeReason } from './suggestions/reasons.ts';
import { candidateScore, compareRanked, exchangeWeight, MIN_EXCHANGES, overlapWeight, PLACE_ONLY_MAX, upperBound } from './suggestions/score.ts';

export interface PeopleSuggestion {
  memberId: number;
  /** Only the order is meaningful (suggestions/score.ts). */
  score: number;
  /** Most telling first: mutual connections, shared organisations and schools, then place and industry. */
  reasons: Reason[];
  /** Mutual connections (blocked members never count). */
  mutualCount: number;
  /** The mutual connections named in the reason (up to two, most relevant first). */
  mutuals: number[];
  /** The viewer's degree to them: 2 with mutual connections, otherwise 3 or null (out of network). */
  degree: 2 | 3 | null;
}

export interface SuggestPeopleOptions {
  /** "Now", for overlap recency, dismissal windows and invitation expiry; pass it for reproducible rankings. */
  nowMs?: number;
  /** How long after withdrawing an invitation the viewer must wait to invite again (config); default 21 days. */
  reinviteWaitMs?: number;
  /**
   * 'relevance' (the default): the best matches. 'widen': "widen my garden", the same candidates re-ranked to
   * favour organisations the viewer's network has few people from (suggestions/widen.ts).
   */
  mode?: 'relevance' | 'widen';
}

/** Friends of friends asked of the graph: enough that table candidates rarely fall outside the pool. */
const FOF_POOL_MIN = 300;
const FOF_POOL_PER_RESULT = 10;
const FOF_POOL_MAX = 1000;
/** Stints read per kind (organisation, school) beside the viewer's, the most recent first. */
const MAX_STINTS = 2000;
/** Place and industry: the newest members scanned, and how many of them are kept. */
const PLACE_SCAN = 5000;
const PLACE_POOL = 100;
const MAX_OVERLAP_REASONS = 2;
const DEFAULT_REINVITE_WAIT_MS = 21 * DAY_MS;
/** Re-asking the graph for mutuals when a cited one turns out to be suspended (rare). */
const MAX_NAME_RETRIES = 3;

interface Candidate {
  id: number;
  graphScore: number;
  mutualCount: number;
  mutuals: number[];
  degree: Degree | undefined;
  overlaps: OverlapRow[];
  /** The best stint per shared organisation or school, with its weight, heaviest first. */
  shared: { o: OverlapRow; weight: number }[];
  /** Comments exchanged with the viewer, both ways (0 unless at least MIN_EXCHANGES). */
  exchanges: number;
  /** No fact still to load can score it higher than this (score.ts `upperBound`). */
  bound: number;
}

interface Ranked extends Candidate {
  memberId: number;
  score: number;
  row: CandidateRow;
}

/**
 * The viewer's top `limit` people you may know, best first. Never the viewer, a connection, a member with
 * an open invitation either way, a block either way, "I don't know" either way, or a suspended member;
 * blocked members are never cited as mutual connections. Deterministic for a given `nowMs`.
 *
 * Candidates are ranked in batches, best upper bound first, and ranking stops once the `limit`-th exact
 * score beats every remaining bound (the threshold algorithm), so profiles and history are loaded for
 * a few dozen candidates rather than for every friend of a friend. The result is the exact top `limit` of
 * the candidates found (the friend-of-friend pool is bounded: see `fromGraph`).
 */
export async function suggestPeople(
  deps: { db: DbOrTx; graph: GraphIndex },
  viewerId: number,
  limit: number,
  opts: SuggestPeopleOptions = {},
): Promise<PeopleSuggestion[]> {
  const { db, graph } = deps;
  if (!(limit > 0)) return [];
  const widening = opts.mode === 'widen';
  // Widening chooses among a deeper list than it returns.
  const depth = widening ? limit * WIDEN_WINDOW_FACTOR : limit;
  const nowMs = opts.nowMs ?? Date.now();
  const ctx = await loadViewerContext(db, viewerId, nowMs, opts.reinviteWaitMs ?? DEFAULT_REINVITE_WAIT_MS, MAX_STINTS, MIN_EXCHANGES);
  const { avoid, exclude } = ctx;
  const offLimits = new Set([...avoid, ...exclude]);

  // Candidates: friends of friends from the graph; colleagues, classmates and people the viewer has been
  // answering (and been answered by) from the tables.
  const pool = Math.min(FOF_POOL_MAX, Math.max(FOF_POOL_MIN, depth * FOF_POOL_PER_RESULT));
  // The learned relevance model when the community has one (suggestions/model.ts), then the weak-ties shaping.
  const model = await learnedModel(db);
  const fof = await graph.suggest(viewerId, pool, { avoid, exclude, nowMs, ...(model ? { model } : {}) });
  const overlaps = overlapsFrom(ctx.stints, ctx.orgNames, nowMs).filter((o) => !offLimits.has(o.id));
  const cands = new Map<number, Candidate>();
  const candidate = (id: number): Candidate => {
    let c = cands.get(id);
    if (!c) {
      c = { id, graphScore: 0, mutualCount: 0, mutuals: [], degree: undefined, overlaps: [], shared: [], exchanges: 0, bound: 0 };
      cands.set(id, c);
    }
    return c;
  };
  for (const s of fof) Object.assign(candidate(s.id), { graphScore: s.score, mutualCount: s.mutualCount, mutuals: s.mutuals, degree: 2 });
  for (const o of overlaps) candidate(o.id).overlaps.push(o);
  for (const [id, count] of ctx.exchanges) if (!offLimits.has(id) && id !== viewerId) candidate(id).exchanges = count;

  // When the pool is full, a colleague or neighbour outside it may still share connections with the
  // viewer. Its shaped Adamic–Adar is at most the pool's last score: estimate it from that one's weight
  // per mutual. (When the pool is not full, every friend of a friend is in it.)
  const last = fof.length === pool ? fof[fof.length - 1] : undefined;
  const fromGraph = async (list: Candidate[]) => {
    if (!last) return;
    for (const c of list) {
      if (c.degree !== undefined) continue;
      const m = await graph.mutuals(viewerId, c.id, 2, { avoid, nowMs });
      if (m.count === 0) continue;
      Object.assign(c, { mutualCount: m.count, mutuals: m.first, degree: 2 });
      c.graphScore = Math.min(last.score, (last.score * m.count) / Math.max(1, last.mutualCount));
    }
  };
  await fromGraph([...cands.values()]);
  for (const c of cands.values()) {
    c.shared = bestPerOrganisation(c.overlaps);
    c.bound = upperBound(c.graphScore + c.shared.reduce((sum, s) => sum + s.weight, 0) + exchangeWeight(c.exchanges));
  }
  const order = [...cands.values()].sort((a, b) => b.bound - a.bound || a.id - b.id);

  // Rank in batches until the rest cannot make the list.
  const ranked: Ranked[] = [];
  const names: Names = new Map();
  // Loaded with the first batch (a holder, since the batches assign it).
  const me: { viewer: ViewerRow | null } = { viewer: null };
  const kth = () => (ranked.length >= depth ? ranked[depth - 1]!.score : -Infinity);
  const rankBatch = async (batch: Candidate[]) => {
    const unknown = batch.filter((c) => c.degree === undefined);
    const degrees = await graph.degrees(viewerId, unknown.map((c) => c.id), { avoid, nowMs });
    unknown.forEach((c, i) => (c.degree = degrees[i] ?? null));
    const loaded = await loadCandidates(db, viewerId, batch.map((c) => c.id), [...new Set(batch.flatMap((c) => c.mutuals))], me.viewer === null, nowMs);
    me.viewer ??= loaded.viewer;
    for (const [id, n] of loaded.names) names.set(id, n);
    const viewerOrgs = new Set(me.viewer?.currentOrgs ?? []);
    for (const c of batch) {
      const row = loaded.facts.get(c.id);
      if (!row || !row.active || c.degree === 0 || c.degree === 1) continue;
      // A network-only profile does not show its place, industry or history to members beyond three degrees:
      // only the comments the two exchanged in front of each other may speak for them, and nothing else is used.
      const hidden = c.degree === null && row.networkOnly;
      if (hidden && c.exchanges === 0) continue;
      if (hidden) c.shared = [];
      const score = candidateScore(
        {
          graphScore: c.graphScore,
          overlaps: c.shared.map((s) => s.weight),
          exchanges: c.exchanges,
          bridge: !hidden && row.currentOrgs.length > 0 && !row.currentOrgs.some((o) => viewerOrgs.has(o)),
          samePlace: !hidden && row.samePlace,
          sameIndustry: !hidden && row.sameIndustry,
          dismissedAtMs: row.dismissedAtMs,
          ignored: row.ignored,
          removed: row.wasConnected,
        },
        nowMs,
      );
      if (score > 0) ranked.push({ ...c, memberId: c.id, score, row: hidden ? { ...row, samePlace: false, sameIndustry: false } : row });
    }
    ranked.sort(compareRanked);
  };
  let batchSize = 2 * depth + 10;
  for (let i = 0; i < order.length && !(kth() > order[i]!.bound); batchSize *= 2) {
    const batch = order.slice(i, i + batchSize);
    i += batch.length;
    await rankBatch(batch);
  }
  if (!(kth() > PLACE_ONLY_MAX)) {
    // Only the weakest signal can still fill or improve the list: members in the viewer's place or industry.
    const extra = (await loadPlaceCandidates(db, viewerId, offLimits, PLACE_SCAN, PLACE_POOL)).filter((id) => id !== viewerId && !cands.has(id));
    const batch = extra.map(candidate);
    await fromGraph(batch);
    if (batch.length > 0) await rankBatch(batch);
  }
  const top = widening ? widenRanked(ranked.slice(0, depth), await networkOrganisations(db, viewerId), limit) : ranked.slice(0, limit);

  // A suspended member is never named: ask the graph again without them.
  const hidden = new Set<number>();
  for (const r of top) {
    for (let tries = 0; tries < MAX_NAME_RETRIES && r.mutuals.some((z) => !names.get(z)?.active); tries++) {
      for (const z of r.mutuals) if (!names.get(z)?.active) hidden.add(z);
      const m = await graph.mutuals(viewerId, r.id, 2, { avoid: new Set([...avoid, ...hidden]), nowMs });
      r.mutualCount = m.count;
      r.mutuals = m.first;
      for (const [z, n] of await loadNames(db, m.first.filter((z) => !names.has(z)))) names.set(z, n);
    }
    r.mutuals = r.mutuals.filter((z) => names.get(z)?.active);
  }

  const place = me.viewer?.place ?? '';
  const industry = me.viewer?.industry ?? '';
  return top.map((r) => ({
    memberId: r.memberId,
    score: r.score,
    reasons: reasonsFor(r, names, place, industry),
    mutualCount: r.mutualCount,
    mutuals: r.mutuals,
    degree: r.degree === 2 || r.degree === 3 ? r.degree : null,
  }));
}

/** Each candidate's current organisation (the first by id) as their category; none for a profile hidden from the viewer. */
function widenRanked(ranked: Ranked[], network: (string | null)[], limit: number): Ranked[] {
  const items = ranked.map((r) => {
    const hidden = r.degree === null && r.row.networkOnly;
    const org = hidden ? undefined : [...r.row.currentOrgs].sort((a, b) => a - b)[0];
    return { ...r, id: r.memberId, category: org === undefined ? null : String(org) };
  });
  return widen(items, network, limit);
}

/** The heaviest stint per (kind, organisation): two stints at one employer are one acquaintance. */
function bestPerOrganisation(rows: readonly OverlapRow[]): { o: OverlapRow; weight: number }[] {
  const best = new Map<string, { o: OverlapRow; weight: number }>();
  for (const o of rows) {
    const weight = overlapWeight(o.kind, o.years, o.yearsSince, o.cohort);
    const key = `${o.kind}:${o.orgId}`;
    const cur = best.get(key);
    if (!cur || weight > cur.weight || (weight === cur.weight && o.fromYear < cur.o.fromYear)) best.set(key, { o, weight });
  }
  return [...best.values()].sort(
    (a, b) => b.weight - a.weight || (a.o.kind === b.o.kind ? 0 : a.o.kind === 'org' ? -1 : 1) || a.o.orgId - b.o.orgId,
  );
}

/** Reasons by how much each contributed to the score; place and industry, the weakest signals, last. */
function reasonsFor(r: Ranked, names: Names, place: string, industry: string): Reason[] {
  const weighted: { reason: Reason; weight: number }[] = [];
  if (r.mutualCount > 0) {
    weighted.push({ reason: mutualReason(r.mutualCount, r.mutuals.map((z) => names.get(z)?.name ?? '').filter(Boolean)), weight: r.graphScore });
  }
  const name = names.get(r.memberId)?.name;
  if (r.exchanges > 0 && name) weighted.push({ reason: exchangeReason(r.exchanges, name), weight: exchangeWeight(r.exchanges) });
  for (const s of r.shared.slice(0, MAX_OVERLAP_REASONS)) {
    weighted.push({ reason: overlapReason({ kind: s.o.kind, name: s.o.orgName, fromYear: s.o.fromYear, toYear: s.o.toYear }), weight: s.weight });
  }
  // Stable: equal weights keep mutuals before exchanges before organisations before schools.
  const reasons = weighted.sort((a, b) => b.weight - a.weight).map((w) => w.reason);
  if (r.row.samePlace && place) reasons.push(placeReason(place));
  if (r.row.sameIndustry && industry) reasons.push(industryReason(industry));
  return reasons;
}
