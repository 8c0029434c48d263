/**
 * The CSR query kernels behind one object per thread. CsrQueries owns the thread's scratch (csr-scratch.ts)
 * and hub-ball cache (csr-hub-cache.ts) and hands them to the kernels: degrees and the 2nd-degree set
 * (csr-degrees.ts), mutuals (csr-mutuals.ts), introduction paths (csr-paths.ts) and people you may know
 * (csr-suggest.ts), which share one sorted-row intersection (csr-intersect.ts) and one top-k (csr-topk.ts).
 * Every kernel is synchronous and allocation-light and reads the graph only through typed arrays, so a
 * worker holding a replica over the same SharedArrayBuffers (csr.ts) runs it unchanged.
 */
import type { CsrGraph } from './csr.ts';
import { degrees, secondDegree } from './csr-degrees.ts';
import { HubBalls } from './csr-hub-cache.ts';
import { mutualCounts, mutuals } from './csr-mutuals.ts';
import { paths } from './csr-paths.ts';
import { CsrScratch } from './csr-scratch.ts';
import { suggest } from './csr-suggest.ts';
import { suggestByModel } from './csr-suggest-model.ts';
import type { LinkModel } from './link-model.ts';
import type { Degree, Mutuals, Suggestion } from './graph-index.ts';
import { SUGGEST_WORK } from './fof-budget.ts';

export interface CsrQueryOptions {
  /** Hub balls kept (each n/8 bytes); default 32. */
  hubCacheSize?: number;
  /** Edge visits a people-you-may-know walk may spend (fof-budget.ts); default SUGGEST_WORK. */
  suggestWork?: number;
}

export class CsrQueries {
  readonly scratch: CsrScratch;
  private readonly hubs: HubBalls;
  private readonly suggestWork: number;
  /** Per-member activity for ranking paths (GraphIndex.setActivity). */
  activity: ArrayLike<number> | null = null;

  constructor(
    readonly g: CsrGraph,
    opts: CsrQueryOptions = {},
  ) {
    this.scratch = new CsrScratch(g);
    this.hubs = new HubBalls(this.scratch, opts.hubCacheSize ?? 32);
    this.suggestWork = opts.suggestWork ?? SUGGEST_WORK;
  }

  /** Forgets every cached hub ball (the benchmark's "cold"). */
  clearCache(): void {
    this.hubs.clear();
  }

  /** Forgets what a run thrown away midway may have left in the scratch and the cache (graph-worker.ts). */
  scrub(): void {
    this.scratch.scrub();
    this.hubs.clear();
  }

  degrees(v: number, targets: readonly number[], avoid?: ReadonlySet<number>): Degree[] {
    return degrees(this.scratch, this.hubs, v, targets, avoid);
  }

  secondDegree(v: number, avoid?: ReadonlySet<number>): Int32Array {
    return secondDegree(this.scratch, this.hubs, v, avoid);
  }

  mutuals(a: number, b: number, limit: number, avoid: ReadonlySet<number> | undefined, nowDay: number): Mutuals {
    return mutuals(this.scratch, a, b, limit, avoid, nowDay);
  }

  mutualCounts(v: number, others: readonly number[], avoid?: ReadonlySet<number>): number[] {
    return mutualCounts(this.scratch, v, others, avoid);
  }

  /** Up to k shortest paths, ranked by scoring.ts `pathScore` (csr-paths.ts). */
  paths(v: number, t: number, k: number, avoid: ReadonlySet<number> | undefined, nowDay: number): number[][] {
    return paths(this.scratch, v, t, k, avoid, nowDay, this.activity);
  }

  /** Shaped Adamic–Adar (csr-suggest.ts), or the learned relevance model then the same shaping when one is given (csr-suggest-model.ts). */
  suggest(v: number, limit: number, avoid: ReadonlySet<number> | undefined, exclude: ReadonlySet<number> | undefined, nowDay: number, model?: LinkModel): Suggestion[] {
    if (model) return suggestByModel(this.scratch, v, limit, avoid, exclude, nowDay, this.suggestWork, model);
    return suggest(this.scratch, v, limit, avoid, exclude, nowDay, this.suggestWork);
  }
}
