/**
 * The relevance model behind people you may know: a linear score over link-features.ts's features whose
 * weights are learned from the community's own history, as production "people you may know" systems do.
 *
 * Learning (learn-links.ts runs it): hide the community's most recent connections (a random tenth when the
 * ties carry no real dates), rank candidates for members who lost one from what remains, and fit the
 * weights so that the connections that did happen rank above those that did not. The fit is pairwise
 * logistic regression (RankNet with a linear scorer): for a member's hidden connection p and a candidate n
 * from the same pool that did not connect, P(p above n) = σ(w · (f(p) − f(n))). Pairs from one member
 * cancel what is constant for that member (their own degree, their activity), so the weights only learn
 * what separates candidates. Newton's method on a dozen weights converges in a few steps, deterministically.
 *
 * A model is plain numbers (JSON in the settings table), one weight per feature on its raw scale: the score
 * of a candidate is Σ w_i · f_i. Only the order matters.
 */
import { FEATURE_COUNT } from './link-features.ts';

export const FEATURES = [
  'commonNeighbours', // ln(1 + cn)
  'adamicAdar',
  'resourceAllocation',
  'paths3', // ln(1 + A³[v,c])
  'resourceAllocation3', // ln(1 + 100 · Σ 1/(deg x · deg y))
  'candidateDegree', // ln(1 + deg c)
  'overlap', // cn / min(deg v, deg c)
  'pathFreshness', // 1 / (1 + age of the newest 2-hop path / 30 days)
  'candidateRecentTies', // share of c's ties made in the last 90 days
  'sameOrganisation',
  'samePlace',
] as const;

export interface LinkModel {
  /** One weight per FEATURES entry, on the features' raw scale. */
  weights: number[];
  /** Whether the weights were learned (false: the defaults, for a community with too little history). */
  learned: boolean;
}

/**
 * Before there is history to learn from: Adamic–Adar, with 3-hop paths to break its ties and rank the
 * members it cannot see (those with no common connection). ε = 0.01 is the local path index's usual order.
 */
export const DEFAULT_MODEL: LinkModel = { weights: [0, 1, 0, 0.01, 0, 0, 0, 0, 0, 0, 0], learned: false };

if (FEATURES.length !== FEATURE_COUNT || DEFAULT_MODEL.weights.length !== FEATURE_COUNT) throw new Error('link-model: feature lists disagree');

/** Whether a stored value is a usable model (the settings row may be from an older version). */
export function isLinkModel(x: unknown): x is LinkModel {
  if (typeof x !== 'object' || x === null) return false;
  const w = (x as { weights?: unknown }).weights;
  return Array.isArray(w) && w.length === FEATURE_COUNT && w.every((v) => typeof v === 'number' && Number.isFinite(v));
}

/** Σ w_i · f_i over the features at `at`. */
export function modelScore(model: LinkModel, f: ArrayLike<number>, at = 0): number {
  const w = model.weights;
  let s = 0;
  for (let i = 0; i < FEATURE_COUNT; i++) s += w[i]! * f[at + i]!;
  return s;
}

/** Training pairs: each row is f(connected) − f(not connected), FEATURE_COUNT numbers per pair. */
export class PairSet {
  private data: Float64Array = new Float64Array(1024 * FEATURE_COUNT);
  count = 0;
  add(f: ArrayLike<number>, pos: number, neg: number): void {
    if ((this.count + 1) * FEATURE_COUNT > this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    const o = this.count * FEATURE_COUNT;
    for (let i = 0; i < FEATURE_COUNT; i++) this.data[o + i] = f[pos + i]! - f[neg + i]!;
    this.count++;
  }
  row(k: number): Float64Array {
    return this.data.subarray(k * FEATURE_COUNT, (k + 1) * FEATURE_COUNT);
  }
}

/** Solves A x = b (A symmetric positive definite, small) by Gaussian elimination with partial pivoting. */
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[piv]![c]!)) piv = r;
    [m[c], m[piv]] = [m[piv]!, m[c]!];
    const d = m[c]![c]!;
    if (Math.abs(d) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const k = m[r]![c]! / d;
      if (k !== 0) for (let j = c; j <= n; j++) m[r]![j]! -= k * m[c]![j]!;
    }
  }
  return Float64Array.from({ length: n }, (_, i) => (Math.abs(m[i]![i]!) < 1e-12 ? 0 : m[i]![n]! / m[i]![i]!));
}

export interface FitOptions {
  /** L2 penalty per pair on the standardised weights: keeps features that never vary (or barely help) near 0. */
  l2?: number;
  iterations?: number;
}

/**
 * Fits the pairwise logistic model. Features are standardised by the spread of the pair differences (so
 * the penalty treats them alike), fitted by Newton's method, and the weights returned on the raw scale.
 * A feature that never differs within a pair (absent in this community) gets weight 0.
 */
export function fitPairwise(pairs: PairSet, opts: FitOptions = {}): number[] {
  const n = pairs.count, k = FEATURE_COUNT;
  const l2 = (opts.l2 ?? 1e-3) * Math.max(1, n);
  const scale = new Float64Array(k);
  for (let r = 0; r < n; r++) {
    const d = pairs.row(r);
    for (let i = 0; i < k; i++) scale[i]! += d[i]! * d[i]!;
  }
  for (let i = 0; i < k; i++) scale[i] = n > 0 && scale[i]! > 1e-18 ? Math.sqrt(scale[i]! / n) : 0;
  const w = new Float64Array(k);
  const x = new Float64Array(k);
  for (let it = 0; it < (opts.iterations ?? 25); it++) {
    const grad = new Float64Array(k);
    const hess = Array.from({ length: k }, () => new Float64Array(k));
    for (let r = 0; r < n; r++) {
      const d = pairs.row(r);
      let z = 0;
      for (let i = 0; i < k; i++) {
        x[i] = scale[i]! > 0 ? d[i]! / scale[i]! : 0;
        z += w[i]! * x[i]!;
      }
      // Loss ln(1 + e^(−z)): gradient −(1 − σ(z))·x, curvature σ(z)(1 − σ(z))·x xᵀ.
      const p = 1 / (1 + Math.exp(-z));
      const g = 1 - p, h = p * (1 - p);
      for (let i = 0; i < k; i++) {
        if (x[i] === 0) continue;
        grad[i]! -= g * x[i]!;
        const hi = hess[i]!;
        for (let j = 0; j < k; j++) hi[j]! += h * x[i]! * x[j]!;
      }
    }
    for (let i = 0; i < k; i++) {
      grad[i]! += l2 * w[i]!;
      hess[i]![i]! += l2;
    }
    const step = solve(hess, grad);
    let moved = 0;
    for (let i = 0; i < k; i++) {
      w[i]! -= step[i]!;
      moved = Math.max(moved, Math.abs(step[i]!));
    }
    if (moved < 1e-7) break;
  }
  return Array.from(w, (wi, i) => (scale[i]! > 0 ? wi / scale[i]! : 0));
}
