/**
 * How "people you may know" ranks candidates: pure functions over facts that load.ts gathered, so the order
 * depends only on those facts and on `nowMs` (deterministic, and testable without a database).
 *
 * The score of a candidate c for viewer v is
 *
 *   score(c) = ( ln(1 + E) · bridge + place + industry ) · discount
 *
 *   E        = G + Σ_org O + Σ_school S + X                              (evidence that v and c could know each other)
 *   G        = Adamic–Adar over mutual connections, shaped by the graph (graph/scoring.ts `suggestionScore`):
 *              Σ 1/ln(deg z) over mutuals z, times (1 − o/2) where o is the share of the smaller network
 *              the two already have in common
 *   O, S     = K · ln(1 + years together) / (1 + years since the overlap ended / 3) / ln(2 + cohort)
 *              K = 1.5 for an organisation, 1.0 for a school; the cohort is how many members overlapped
 *              with the viewer there (an Adamic–Adar weight for the organisation as a shared "neighbour":
 *              three years at a ten-person start-up says more than three years at a 50,000-person company)
 *   X        = 1.0 · ln(1 + n) for n comments between them (on each other's posts, replies to each other's
 *              comments), when both wrote to the other and n ≥ 3; else 0
 *   bridge   = 1.15 when c currently works somewhere and none of it is where v currently works, else 1
 *   place    = +0.12 for the same place, industry = +0.08 for the same industry
 *   discount = 0.1 if v dismissed c in the last 90 days, 0.5 if longer ago;
 *              × 0.3 if an invitation between them was ignored or left to expire (either way);
 *              × 0.2 if they were connected once and one of them removed the connection
 *
 * Why this shape (the weak-ties research). Granovetter ("The strength of weak ties", 1973) showed that new
 * information and opportunities travel through weak ties, and the LinkedIn field experiment of Rajkumar et
 * al. (Science, 2022, 20 million members) found the effect of a tie on job mobility to be an inverted U:
 * moderately weak ties, with some but not many mutual connections, helped most; the strongest ties added
 * little because they reach people the member already reaches. Adamic–Adar alone keeps rewarding more
 * mutual connections, so the ranking bends it three ways:
 *  - diminishing returns: the evidence enters as ln(1 + E), so 40 mutuals rank above 4 but not ten times
 *    higher, and a candidate with a few mutuals plus a past workplace can overtake one deep in the
 *    viewer's own circle;
 *  - embeddedness discount: the graph's (1 − o/2) halves a candidate whose network mostly is the viewer's
 *    network (a clique-mate adds no reach) and keeps full weight for one who bridges to another circle;
 *  - a bridge bonus: a candidate who now works at a different organisation (a former colleague who moved on
 *    is the textbook useful weak tie) gets +15%.
 * Repeated two-way engagement is the conversation layer's own evidence ("one comment became a business
 * relationship"): three or more comments between two members, each having answered the other, weigh about
 * as much as a few years at a small organisation (ln 4 ≈ 1.39), growing slowly after that; one-way attention
 * (a fan, a critic) counts nothing, since it says nothing about whether the other would answer.
 * Organisation and school overlap count as evidence of a real acquaintance (they are how most people met),
 * longer and more recent overlap counting more with diminishing returns. Place and industry only break near
 * ties: on their own (0.2 together) they stay below a single mutual connection with an ordinary network
 * (ln(1 + 1/ln 20) ≈ 0.29), so strangers never crowd out people the viewer may really know. Dismissals and
 * ignored invitations are the member's own "not now": they discount rather than hide, so a strong candidate
 * can come back later, weaker after the first 90 days.
 */

export const ORG_WEIGHT = 1.5;
export const SCHOOL_WEIGHT = 1.0;
/** Years after which an overlap counts half (then a third after 6, a quarter after 9…). */
export const OVERLAP_HALF_LIFE_YEARS = 3;
export const BRIDGE_BONUS = 1.15;
export const PLACE_BOOST = 0.12;
export const INDUSTRY_BOOST = 0.08;
export const DISMISSED_RECENTLY = 0.1;
export const DISMISSED_LONG_AGO = 0.5;
export const DISMISSAL_WINDOW_DAYS = 90;
export const IGNORED_INVITATION = 0.3;
export const REMOVED_CONNECTION = 0.2;
export const EXCHANGE_WEIGHT = 1.0;
/** Comments between two members, both ways, before they count as knowing each other. */
export const MIN_EXCHANGES = 3;

const DAY_MS = 86_400_000;

/** Weight of one shared organisation or school. `years` > 0; `yearsSince` is 0 while it is ongoing. */
export function overlapWeight(kind: 'org' | 'school', years: number, yearsSince: number, cohort: number): number {
  const k = kind === 'org' ? ORG_WEIGHT : SCHOOL_WEIGHT;
  return (k * Math.log1p(Math.max(0, years))) / (1 + Math.max(0, yearsSince) / OVERLAP_HALF_LIFE_YEARS) / Math.log(2 + Math.max(1, cohort));
}

/** Weight of `count` comments exchanged both ways (0 below MIN_EXCHANGES: the caller passes only two-way pairs). */
export function exchangeWeight(count: number): number {
  return count >= MIN_EXCHANGES ? EXCHANGE_WEIGHT * Math.log1p(count) : 0;
}

export interface CandidateFacts {
  /** Shaped Adamic–Adar from the graph index (0 without mutual connections). */
  graphScore: number;
  /** overlapWeight of each shared organisation and school (the best stint per organisation). */
  overlaps: readonly number[];
  /** Comments exchanged both ways with the viewer (0 when not both ways, or fewer than MIN_EXCHANGES). */
  exchanges?: number;
  bridge: boolean;
  samePlace: boolean;
  sameIndustry: boolean;
  /** When the viewer last dismissed this candidate, or null. */
  dismissedAtMs: number | null;
  /** An invitation between them was ignored or expired unanswered. */
  ignored: boolean;
  /** They were connected once (an accepted invitation) and are not now. */
  removed: boolean;
}

/** Multiplier for the member's own "not now" signals. */
export function discountFactor(f: Pick<CandidateFacts, 'dismissedAtMs' | 'ignored' | 'removed'>, nowMs: number): number {
  let d = 1;
  if (f.dismissedAtMs !== null) {
    d *= nowMs - f.dismissedAtMs < DISMISSAL_WINDOW_DAYS * DAY_MS ? DISMISSED_RECENTLY : DISMISSED_LONG_AGO;
  }
  if (f.ignored) d *= IGNORED_INVITATION;
  if (f.removed) d *= REMOVED_CONNECTION;
  return d;
}

/** The candidate's score (see the module comment). Sums run in a fixed order, so equal facts give equal floats. */
export function candidateScore(f: CandidateFacts, nowMs: number): number {
  let evidence = f.graphScore;
  for (const o of f.overlaps) evidence += o;
  evidence += exchangeWeight(f.exchanges ?? 0);
  let s = evidence > 0 ? Math.log1p(evidence) * (f.bridge ? BRIDGE_BONUS : 1) : 0;
  if (f.samePlace) s += PLACE_BOOST;
  if (f.sameIndustry) s += INDUSTRY_BOOST;
  return s * discountFactor(f, nowMs);
}

/** The most a candidate with only place and industry in common can score. */
export const PLACE_ONLY_MAX = PLACE_BOOST + INDUSTRY_BOOST;

/**
 * The most a candidate with this much evidence can score, whatever its profile and history say (bridge,
 * place and industry at best, no discount). Lets the query stop loading profiles once no remaining
 * candidate can overtake the list.
 */
export function upperBound(evidence: number): number {
  return (evidence > 0 ? Math.log1p(evidence) * BRIDGE_BONUS : 0) + PLACE_ONLY_MAX;
}

/** Best first: higher score, then the smaller id. */
export function compareRanked(a: { memberId: number; score: number }, b: { memberId: number; score: number }): number {
  return b.score - a.score || a.memberId - b.memberId;
}
