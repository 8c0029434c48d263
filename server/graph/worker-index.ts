/**
 * GraphIndex over a worker pool: the CSR index's answers, with the heavy queries run off the event loop.
 *
 * Writes, `following`, `followees`, `connectedTo` (the follow graph is plain Maps on the main thread; a
 * connection test is one binary search) and `stats` go to the CsrGraphIndex on the main thread. Each read first estimates its cost on the main thread (`readCost`)
 * from the quantity that drives its running time: W(u) = Σ deg(x) over x ∈ N(u), the edges a 2-hop
 * expansion from u visits, counted only up to the cut-off (so the estimate reads at most min(deg u, cut-off)
 * degrees, a few µs even for a hub). Below the cut-off (about 50–70 µs of work) the read runs inline:
 * posting it to a worker would cost the main thread nearly as much (structured clone, the reply's message
 * event and promise) and add latency on top. Above it the read goes to the pool, where it may take
 * milliseconds without stalling anyone. In practice: mutuals (a merge of two sorted rows, ~5 µs) run
 * inline except between two hubs; badges, a page's mutual counts and 2nd degree run inline for viewers with
 * small networks (and pages without hubs);
 * paths run inline only when trivial or between two small networks; people-you-may-know always goes to
 * the pool. See bench/graph/event-loop.bench.ts for the numbers behind this.
 *
 * If the pool cannot answer (closed during shutdown, failed to start, or a query kept overlapping writes)
 * the query is answered inline: same answer, only the event loop pays for it.
 */
import type { CsrGraph } from './csr.ts';
import { type CommunityStructure, communityStructureOf } from './csr-community.ts';
import { edgesOfCsr, type LearnArgs, type LearnedFromIndex, learnFromEdges } from './csr-learn.ts';
import { type EgoResult, egoStructureOf } from './csr-ego.ts';
import { CsrGraphIndex } from './csr-index.ts';
import { GALLOP_RATIO } from './csr-intersect.ts';
import type { Degree, GraphIndex, GraphStats, Mutuals, QueryOptions, Suggestion, SuggestOptions } from './graph-index.ts';
import { nowDayOf } from './scoring.ts';
import { GraphPoolUnavailable, GraphWorkerPool, type GraphWorkerPoolOptions, type QueryOp } from './worker-pool.ts';

/**
 * Default cut-off, in edge visits. A visit costs about 7–12 ns on a 100 k–1 M-member graph (bench/graph/
 * event-loop.bench.ts, costModel), so this is roughly 50–70 µs of work: about what a worker round trip
 * costs the main thread itself, so inline never costs the event loop much more than offloading would.
 */
export const INLINE_WORK = 6_000;

export interface WorkerGraphIndexOptions extends GraphWorkerPoolOptions {
  /** Reads estimated below this many edge visits run inline (see `readCost`); 0 sends every read to the pool. */
  inlineWork?: number;
}

/** Σ deg(x) over x ∈ N(u), counted only up to `limit`. */
export function twoHopWork(g: CsrGraph, u: number, limit: number): number {
  if (!(u >= 0 && u < g.n)) return 0;
  const arr = g.rowArr(u);
  let w = 0;
  for (let p = g.rowLo(u), e = g.rowHi(u); p < e && w < limit; p++) w += g.degree(arr[p]!);
  return w;
}

/**
 * Each read's estimated cost in edge visits, counted only as far as `limit` (a caller compares it with the
 * cut-off). The weights come from measured time per unit relative to a badge query's (costModel in the
 * event-loop benchmark): a 2nd-degree list also writes every member it finds (×1.5); a mutuals merge reads
 * two rows sequentially (÷4); paths rank 3-hop candidates by intersecting rows on top of the expansion
 * (×2 on both ends). People-you-may-know ranks every candidate and intersects the viewer's row with each of
 * the best, and measured 50–100 ns per visit, so it always goes to the pool unless it is trivial.
 */
export const readCost = {
  degrees(g: CsrGraph, viewer: number, targets: readonly number[], limit: number): number {
    // The viewer and their connections are answered by marking the viewer's row alone (csr-degrees.ts): a
    // profile of a connection, or a page of them, needs no 2-hop work and no round trip to a worker.
    if (targets.every((t) => t === viewer || g.hasEdge(viewer, t))) return g.degree(viewer) + targets.length;
    let work = twoHopWork(g, viewer, limit);
    for (let i = 0; i < targets.length && work < limit; i++) work += g.degree(targets[i]!);
    return work;
  },
  mutuals(g: CsrGraph, a: number, b: number): number {
    return (g.degree(a) + g.degree(b)) / 4;
  },
  /** Marking the viewer's row, then one bit test per edge of each other's row (at most GALLOP_RATIO× the viewer's). */
  mutualCounts(g: CsrGraph, viewer: number, others: readonly number[], limit: number): number {
    const dv = g.degree(viewer), cap = GALLOP_RATIO * dv;
    let work = dv;
    for (let i = 0; i < others.length && work < limit; i++) work += Math.min(g.degree(others[i]!), cap);
    return work;
  },
  paths(g: CsrGraph, viewer: number, target: number, k: number, limit: number): number {
    // Trivial answers (the viewer, a connection, nobody) cost a binary search.
    if (viewer === target || k <= 0 || g.degree(viewer) === 0 || g.degree(target) === 0 || g.hasEdge(viewer, target)) return 0;
    const half = limit / 2;
    return 2 * (twoHopWork(g, viewer, half) + twoHopWork(g, target, half));
  },
  secondDegree(g: CsrGraph, viewer: number, limit: number): number {
    return 1.5 * twoHopWork(g, viewer, limit / 1.5);
  },
  suggest(g: CsrGraph, viewer: number, limit: number): number {
    return limit <= 0 || g.degree(viewer) === 0 ? 0 : Infinity;
  },
  /** The 2-hop walk finding the ties, then Louvain over them (csr-louvain.ts: several passes per tie; ×20 keeps hubs off the event loop). */
  egoStructure(g: CsrGraph, viewer: number, limit: number): number {
    return 20 * twoHopWork(g, viewer, limit / 20);
  },
};

/** Valid member ids of a set, as an Int32Array (what loadAvoid would keep), or null when there are none. */
function idArray(set: ReadonlySet<number> | undefined): Int32Array | null {
  if (!set || set.size === 0) return null;
  const out = new Int32Array(set.size);
  let i = 0;
  for (const x of set) if (x >= 0 && (x | 0) === x) out[i++] = x;
  return i === 0 ? null : i === out.length ? out : out.slice(0, i);
}

/** Buffers of the given arrays, for a transfer list. */
function buffers(...arrays: (Int32Array | null)[]): ArrayBuffer[] {
  return arrays.flatMap((a) => (a && a.buffer instanceof ArrayBuffer ? [a.buffer] : []));
}

export interface RoutingCounts {
  inline: number;
  pool: number;
  /** Sent to the pool but answered inline (pool closed, failed or contended). */
  fallback: number;
}

export class WorkerGraphIndex implements GraphIndex {
  readonly pool: GraphWorkerPool;
  readonly inlineWork: number;
  readonly routed: Record<QueryOp, RoutingCounts> = {
    degrees: { inline: 0, pool: 0, fallback: 0 },
    mutuals: { inline: 0, pool: 0, fallback: 0 },
    mutualCounts: { inline: 0, pool: 0, fallback: 0 },
    paths: { inline: 0, pool: 0, fallback: 0 },
    secondDegree: { inline: 0, pool: 0, fallback: 0 },
    suggest: { inline: 0, pool: 0, fallback: 0 },
    egoStructure: { inline: 0, pool: 0, fallback: 0 },
    communityStructure: { inline: 0, pool: 0, fallback: 0 },
    learnLinks: { inline: 0, pool: 0, fallback: 0 },
  };

  constructor(
    /** The main thread's index: the writer, and the inline path. */
    readonly csr: CsrGraphIndex = new CsrGraphIndex(),
    opts: WorkerGraphIndexOptions = {},
  ) {
    this.pool = new GraphWorkerPool(csr.graph, opts);
    // Activity set on the CSR index before the pool existed carries over.
    if (csr.queries.activity) this.pool.setActivity(csr.queries.activity);
    this.inlineWork = opts.inlineWork ?? INLINE_WORK;
  }

  get graph(): CsrGraph {
    return this.csr.graph;
  }

  /** Resolves once the workers have started. */
  ready(): Promise<void> {
    return this.pool.ready();
  }

  /** Stops the workers; later reads run inline. */
  close(): Promise<void> {
    return this.pool.close();
  }

  /** Runs `remote` on the pool, or `local` when the pool cannot answer. */
  private async offload<T>(op: QueryOp, remote: () => Promise<T>, local: () => Promise<T>): Promise<T> {
    this.routed[op].pool++;
    try {
      return await remote();
    } catch (err) {
      if (!(err instanceof GraphPoolUnavailable)) throw err;
      this.routed[op].fallback++;
      return local();
    }
  }

  /** Whether a read of this estimated cost runs inline (and counts it). */
  private light(op: QueryOp, work: number): boolean {
    if (work < this.inlineWork) {
      this.routed[op].inline++;
      return true;
    }
    return false;
  }

  async degrees(viewer: number, targets: readonly number[], opts: QueryOptions = {}): Promise<Degree[]> {
    if (this.light('degrees', readCost.degrees(this.graph, viewer, targets, this.inlineWork))) return this.csr.degrees(viewer, targets, opts);
    return this.offload(
      'degrees',
      async () => {
        const avoid = idArray(opts.avoid);
        const out = await this.pool.run('degrees', { viewer, targets: [...targets], avoid }, buffers(avoid));
        return Array.from(out, (d) => (d < 0 ? null : (d as Degree)));
      },
      () => this.csr.degrees(viewer, targets, opts),
    );
  }

  async mutuals(a: number, b: number, limit: number, opts: QueryOptions = {}): Promise<Mutuals> {
    if (this.light('mutuals', readCost.mutuals(this.graph, a, b))) return this.csr.mutuals(a, b, limit, opts);
    return this.offload(
      'mutuals',
      () => {
        const avoid = idArray(opts.avoid);
        return this.pool.run('mutuals', { a, b, limit, avoid, nowDay: nowDayOf(opts.nowMs) }, buffers(avoid));
      },
      () => this.csr.mutuals(a, b, limit, opts),
    );
  }

  async mutualCounts(viewerId: number, otherIds: readonly number[], opts: QueryOptions = {}): Promise<number[]> {
    if (this.light('mutualCounts', readCost.mutualCounts(this.graph, viewerId, otherIds, this.inlineWork))) {
      return this.csr.mutualCounts(viewerId, otherIds, opts);
    }
    return this.offload(
      'mutualCounts',
      async () => {
        const avoid = idArray(opts.avoid);
        const out = await this.pool.run('mutualCounts', { viewer: viewerId, others: [...otherIds], avoid }, buffers(avoid));
        return Array.from(out);
      },
      () => this.csr.mutualCounts(viewerId, otherIds, opts),
    );
  }

  async paths(viewer: number, target: number, k: number, opts: QueryOptions = {}): Promise<number[][]> {
    if (this.light('paths', readCost.paths(this.graph, viewer, target, k, this.inlineWork))) return this.csr.paths(viewer, target, k, opts);
    return this.offload(
      'paths',
      () => {
        const avoid = idArray(opts.avoid);
        return this.pool.run('paths', { viewer, target, k, avoid, nowDay: nowDayOf(opts.nowMs) }, buffers(avoid));
      },
      () => this.csr.paths(viewer, target, k, opts),
    );
  }

  async secondDegree(viewer: number, opts: QueryOptions = {}): Promise<Int32Array> {
    if (this.light('secondDegree', readCost.secondDegree(this.graph, viewer, this.inlineWork))) return this.csr.secondDegree(viewer, opts);
    return this.offload(
      'secondDegree',
      () => {
        const avoid = idArray(opts.avoid);
        return this.pool.run('secondDegree', { viewer, avoid }, buffers(avoid));
      },
      () => this.csr.secondDegree(viewer, opts),
    );
  }

  async suggest(viewer: number, limit: number, opts: SuggestOptions = {}): Promise<Suggestion[]> {
    if (this.light('suggest', readCost.suggest(this.graph, viewer, limit))) return this.csr.suggest(viewer, limit, opts);
    return this.offload(
      'suggest',
      () => {
        const avoid = idArray(opts.avoid), exclude = idArray(opts.exclude);
        return this.pool.run('suggest', { viewer, limit, avoid, exclude, nowDay: nowDayOf(opts.nowMs), model: opts.model ?? null }, buffers(avoid, exclude));
      },
      () => this.csr.suggest(viewer, limit, opts),
    );
  }

  /**
   * The structure of the viewer's ego network (csr-ego.ts), not part of GraphIndex: the SQL reference has no
   * equivalent, and only GraphService.egoStructure calls it. Clustering a few hundred connections takes a
   * millisecond or two and runs inline; a larger network goes to the pool (a hub's takes hundreds of ms).
   */
  async egoStructure(viewer: number, opts: { avoid?: ReadonlySet<number>; seed: number }): Promise<EgoResult> {
    const local = async (): Promise<EgoResult> => egoStructureOf(this.graph, viewer, opts.avoid, opts.seed);
    if (this.light('egoStructure', readCost.egoStructure(this.graph, viewer, this.inlineWork))) return local();
    return this.offload(
      'egoStructure',
      () => {
        const avoid = idArray(opts.avoid);
        return this.pool.run('egoStructure', { viewer, avoid, seed: opts.seed }, buffers(avoid));
      },
      local,
    );
  }

  /**
   * The whole community's clusters and bridges (csr-community.ts), for the daily structure job: always in the
   * pool (seconds at a million members), inline only when the pool cannot answer.
   */
  async communityStructure(opts: { exclude: ReadonlySet<number>; seed: number }): Promise<CommunityStructure> {
    const local = async (): Promise<CommunityStructure> => communityStructureOf(this.graph, idArray(opts.exclude), opts.seed);
    return this.offload(
      'communityStructure',
      () => {
        const exclude = idArray(opts.exclude);
        return this.pool.run('communityStructure', { exclude, seed: opts.seed }, buffers(exclude));
      },
      local,
    );
  }

  /** The people-you-may-know weights learned from the whole graph (csr-learn.ts), for the weekly job: in the pool, inline only when it cannot answer. */
  async learnLinks(args: LearnArgs): Promise<LearnedFromIndex> {
    return this.offload(
      'learnLinks',
      () => this.pool.run('learnLinks', args, []),
      async () => learnFromEdges(edgesOfCsr(this.graph), args),
    );
  }

  following(viewer: number, targets: readonly number[]): Promise<boolean[]> {
    return this.csr.following(viewer, targets);
  }
  // A copy of one member's follow set and a binary search per target: cheaper inline than a worker round trip.
  followees(viewer: number): Promise<number[]> {
    return this.csr.followees(viewer);
  }
  connectedTo(viewer: number, targets: readonly number[]): Promise<boolean[]> {
    return this.csr.connectedTo(viewer, targets);
  }
  addConnection(a: number, b: number, createdAtMs: number): Promise<void> {
    return this.csr.addConnection(a, b, createdAtMs);
  }
  removeConnection(a: number, b: number): Promise<void> {
    return this.csr.removeConnection(a, b);
  }
  follow(a: number, b: number): Promise<void> {
    return this.csr.follow(a, b);
  }
  unfollow(a: number, b: number): Promise<void> {
    return this.csr.unfollow(a, b);
  }
  setActivity(activity: ArrayLike<number> | null): void {
    this.csr.setActivity(activity);
    this.pool.setActivity(activity);
  }
  stats(): Promise<GraphStats> {
    return this.csr.stats();
  }
}
