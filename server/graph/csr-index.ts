/**
 * The CSR graph behind the async GraphIndex interface. Queries run synchronously on the calling thread for
 * now; the interface is async so that a worker pool over the same SharedArrayBuffers can take over later.
 */
import { CsrGraph, type CsrOptions } from './csr.ts';
import { CsrQueries, type CsrQueryOptions } from './csr-queries.ts';
import type { Degree, GraphIndex, GraphStats, Mutuals, QueryOptions, Suggestion, SuggestOptions } from './graph-index.ts';
import { nowDayOf } from './scoring.ts';

export class CsrGraphIndex implements GraphIndex {
  readonly queries: CsrQueries;

  constructor(
    readonly graph: CsrGraph = CsrGraph.empty(),
    opts: CsrQueryOptions & CsrOptions = {},
  ) {
    this.queries = new CsrQueries(graph, opts);
  }

  async degrees(viewer: number, targets: readonly number[], opts: QueryOptions = {}): Promise<Degree[]> {
    return this.queries.degrees(viewer, targets, opts.avoid);
  }
  async mutuals(a: number, b: number, limit: number, opts: QueryOptions = {}): Promise<Mutuals> {
    return this.queries.mutuals(a, b, limit, opts.avoid, nowDayOf(opts.nowMs));
  }
  async mutualCounts(viewerId: number, otherIds: readonly number[], opts: QueryOptions = {}): Promise<number[]> {
    return this.queries.mutualCounts(viewerId, otherIds, opts.avoid);
  }
  async paths(viewer: number, target: number, k: number, opts: QueryOptions = {}): Promise<number[][]> {
    return this.queries.paths(viewer, target, k, opts.avoid, nowDayOf(opts.nowMs));
  }
  async secondDegree(viewer: number, opts: QueryOptions = {}): Promise<Int32Array> {
    return this.queries.secondDegree(viewer, opts.avoid);
  }
  async suggest(viewer: number, limit: number, opts: SuggestOptions = {}): Promise<Suggestion[]> {
    return this.queries.suggest(viewer, limit, opts.avoid, opts.exclude, nowDayOf(opts.nowMs), opts.model);
  }
  async following(viewer: number, targets: readonly number[]): Promise<boolean[]> {
    return targets.map((t) => this.graph.follows.isFollowing(viewer, t));
  }
  async followees(viewer: number): Promise<number[]> {
    return this.graph.follows.following(viewer);
  }
  async connectedTo(viewer: number, targets: readonly number[]): Promise<boolean[]> {
    return targets.map((t) => t !== viewer && this.graph.hasEdge(viewer, t));
  }
  async addConnection(a: number, b: number, createdAtMs: number): Promise<void> {
    if (this.graph.addConnection(a, b, createdAtMs)) this.graph.scheduleCompaction();
  }
  async removeConnection(a: number, b: number): Promise<void> {
    if (this.graph.removeConnection(a, b)) this.graph.scheduleCompaction();
  }
  async follow(a: number, b: number): Promise<void> {
    this.graph.follows.follow(a, b);
  }
  async unfollow(a: number, b: number): Promise<void> {
    this.graph.follows.unfollow(a, b);
  }
  setActivity(activity: ArrayLike<number> | null): void {
    this.queries.activity = activity;
  }
  async stats(): Promise<GraphStats> {
    const g = this.graph;
    return { nodes: g.n, edges: g.directedEdges / 2, follows: g.follows.size(), bytes: g.bytes() };
  }
}
