/**
 * One query set, three engines: the CSR index (the product), graphology (what a developer would reach for
 * in JavaScript) and the SQL reference on PostgreSQL. Each answers the same five queries on the same
 * Workload, and measureSync / measureAsync time them under the same names, so results line up by key.
 */
import type { CsrQueries } from '../../server/graph/csr-queries.ts';
import type { GraphIndex } from '../../server/graph/graph-index.ts';
import { nowDayOf } from '../../server/graph/scoring.ts';
import { type AsyncTiming, type Summary, timeAsync, timeSync } from './measure.ts';
import type { Workload } from './workload.ts';

export interface SyncEngine {
  secondDegree(v: number): unknown;
  degrees(v: number, targets: number[]): unknown;
  paths(v: number, t: number): unknown;
  mutuals(a: number, b: number): unknown;
  pymk(v: number): unknown;
  /** Forget caches, so a query is timed from cold. */
  cold?(): void;
}

export type AsyncEngine = { [K in keyof Omit<SyncEngine, 'cold'>]: (...args: Parameters<SyncEngine[K]>) => Promise<unknown> };

/** Hub PYMK is the slowest query everywhere: time at most this many hub viewers for it. */
const HUB_PYMK_SAMPLES = 100;

export function measureSync(e: SyncEngine, w: Workload): Record<string, Summary> {
  const cold = e.cold?.bind(e);
  const out: Record<string, Summary> = {};
  out.secondDegree = timeSync(w.viewers, w.warm.viewers, (v) => e.secondDegree(v), cold);
  out.badges50Cold = timeSync(w.badges, w.warm.badges, (x) => e.degrees(x.v, x.targets), cold);
  out.paths3 = timeSync(w.paths, w.warm.paths, (x) => e.paths(x.v, x.t));
  out.mutuals = timeSync(w.mutuals, w.warm.mutuals, (x) => e.mutuals(x.v, x.t));
  out.pymk20 = timeSync(w.viewers, w.warm.viewers, (v) => e.pymk(v));
  if (w.hub.viewers.length > 0) {
    const warm = w.hub.viewers.slice(0, 4);
    out.hubSecondDegree = timeSync(w.hub.viewers, warm, (v) => e.secondDegree(v), cold);
    out.hubBadges50Cold = timeSync(w.hub.badges, w.hub.badges.slice(0, 4), (x) => e.degrees(x.v, x.targets), cold);
    out.hubPaths3 = timeSync(w.hub.paths, w.hub.paths.slice(0, 4), (x) => e.paths(x.v, x.t));
    out.hubMutuals = timeSync(w.hub.mutuals, w.hub.mutuals.slice(0, 4), (x) => e.mutuals(x.v, x.t));
    out.hubPymk20 = timeSync(w.hub.viewers.slice(0, HUB_PYMK_SAMPLES), warm, (v) => e.pymk(v));
  }
  return out;
}

export async function measureAsync(e: AsyncEngine, w: Workload, timing: AsyncTiming, hubTiming: AsyncTiming, log: (line: string) => void): Promise<Record<string, Summary>> {
  const out: Record<string, Summary> = {};
  const step = async (name: string, run: () => Promise<Summary>): Promise<void> => {
    out[name] = await run();
    log(`  sql ${name}: n=${out[name].n} p50=${out[name].p50} µs p99=${out[name].p99} µs${out[name].timeouts ? ` timeouts=${out[name].timeouts}` : ''}`);
  };
  await step('secondDegree', () => timeAsync(w.viewers, w.warm.viewers, (v) => e.secondDegree(v), timing));
  await step('badges50Cold', () => timeAsync(w.badges, w.warm.badges, (x) => e.degrees(x.v, x.targets), timing));
  await step('paths3', () => timeAsync(w.paths, w.warm.paths, (x) => e.paths(x.v, x.t), timing));
  await step('mutuals', () => timeAsync(w.mutuals, w.warm.mutuals, (x) => e.mutuals(x.v, x.t), timing));
  await step('pymk20', () => timeAsync(w.viewers, w.warm.viewers, (v) => e.pymk(v), timing));
  if (w.hub.viewers.length > 0) {
    await step('hubSecondDegree', () => timeAsync(w.hub.viewers, [], (v) => e.secondDegree(v), hubTiming));
    await step('hubBadges50Cold', () => timeAsync(w.hub.badges, [], (x) => e.degrees(x.v, x.targets), hubTiming));
    await step('hubPaths3', () => timeAsync(w.hub.paths, [], (x) => e.paths(x.v, x.t), hubTiming));
    await step('hubMutuals', () => timeAsync(w.hub.mutuals, [], (x) => e.mutuals(x.v, x.t), hubTiming));
    await step('hubPymk20', () => timeAsync(w.hub.viewers, [], (v) => e.pymk(v), hubTiming));
  }
  return out;
}

/** The CSR engine, calling the synchronous query code directly (the async GraphIndex wrapper adds a microtask). */
export function csrEngine(q: CsrQueries): SyncEngine {
  const nowDay = nowDayOf(undefined);
  return {
    secondDegree: (v) => q.secondDegree(v).length,
    degrees: (v, targets) => q.degrees(v, targets),
    paths: (v, t) => q.paths(v, t, 3, undefined, nowDay),
    mutuals: (a, b) => q.mutuals(a, b, 3, undefined, nowDay),
    pymk: (v) => q.suggest(v, 20, undefined, undefined, nowDay),
    cold: () => q.clearCache(),
  };
}

/** The SQL reference through the GraphIndex interface; `shift` maps bench ids to member ids (members start at 1). */
export function sqlEngine(index: GraphIndex, shift: number): AsyncEngine {
  return {
    secondDegree: (v) => index.secondDegree(v + shift),
    degrees: (v, targets) => index.degrees(v + shift, targets.map((t) => t + shift)),
    paths: (v, t) => index.paths(v + shift, t + shift, 3),
    mutuals: (a, b) => index.mutuals(a + shift, b + shift, 3),
    pymk: (v) => index.suggest(v + shift, 20),
  };
}

/** The heaviest hub query at p99, which is what the hub-viewer target (≤ 30 ms) is about. */
export function heaviestHub(queries: Record<string, Summary>): { query: string; p99: number } | null {
  let best: { query: string; p99: number } | null = null;
  for (const [k, s] of Object.entries(queries)) {
    if (!k.startsWith('hub') || k.endsWith('Cached')) continue;
    if (!best || s.p99 > best.p99) best = { query: k, p99: s.p99 };
  }
  return best;
}
