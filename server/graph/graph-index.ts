import type { LinkModel } from './link-model.ts';

/**
 * The graph engine's one interface. Two implementations answer it: the in-memory CSR index (csr.ts, the
 * hot path) and straight SQL over the connection table (sql.ts, the reference). graph.case.test.ts runs
 * one conformance suite against both.
 *
 * Members are dense non-negative integer ids. Connections are undirected; follows are a separate directed
 * graph that never affects degrees, mutuals, paths or suggestions.
 *
 * Every query is batch-first or bounded, and all of them are async so that the SQL reference (and later a
 * worker-thread pool over SharedArrayBuffer) fits behind the same signature.
 */

/** 0 for the viewer themself, 1–3 for the connection degree, null when out of network (beyond 3 hops, or avoided). */
export type Degree = 0 | 1 | 2 | 3 | null;

export interface QueryOptions {
  /**
   * Members the viewer must not see or go through: those who block the viewer or whom the viewer blocks.
   * An avoided member is never an intermediary (of a 2nd/3rd degree, a mutual, a path or a suggestion
   * reason) and is never returned; as a target of `degrees` it is out of network (null).
   */
  avoid?: ReadonlySet<number>;
  /** "Now" for recency weights, in ms since the epoch; defaults to Date.now(). Pass it to make rankings reproducible. */
  nowMs?: number;
}

export interface SuggestOptions extends QueryOptions {
  /** Members never to suggest: already connected is implicit; pass pending, blocked, dismissed and "I don't know" pairs here. */
  exclude?: ReadonlySet<number>;
  /**
   * The learned relevance model (link-model.ts, learned by the `suggestions.learn` job). The CSR ranks friends
   * of friends by it, then applies the weak-ties shaping (csr-suggest-model.ts); without it, and always in the
   * SQL reference, the ranking is shaped Adamic–Adar.
   */
  model?: LinkModel;
}

export interface Mutuals {
  /** How many connections a and b share (avoided members not counted). */
  count: number;
  /** The first `limit` of them by relevance (see scoring.ts `mutualRelevance`). */
  first: number[];
}

export interface Suggestion {
  id: number;
  /** Adamic–Adar shaped toward moderately weak ties (scoring.ts `suggestionScore`); only the order is meaningful. */
  score: number;
  /** Reason: how many mutual connections… */
  mutualCount: number;
  /** …and the two most relevant of them, for "14 mutual connections: Ana Ruiz, Li Wei and 12 others". */
  mutuals: number[];
}

export interface GraphStats {
  /** Member slots (max id + 1). */
  nodes: number;
  /** Undirected connections. */
  edges: number;
  /** Follow edges (directed). */
  follows: number;
  /** Bytes held by the index (0 for SQL, whose storage is the database's). */
  bytes: number;
}

export interface GraphIndex {
  /** Degree of each target from the viewer, in the targets' order. */
  degrees(viewer: number, targets: readonly number[], opts?: QueryOptions): Promise<Degree[]>;
  /** Common connections of a and b. a === b gives `{ count: 0, first: [] }`. */
  mutuals(a: number, b: number, limit: number, opts?: QueryOptions): Promise<Mutuals>;
  /**
   * How many connections the viewer shares with each of `otherIds`, in their order: `mutuals(viewer, other).count`
   * for each, 0 for the viewer themself and unknown ids. One call for a page of people.
   */
  mutualCounts(viewerId: number, otherIds: readonly number[], opts?: QueryOptions): Promise<number[]>;
  /**
   * Up to k distinct shortest introduction paths of at most 3 hops, each `[viewer, …, target]`, best first
   * (scoring.ts `pathScore`). Empty when the target is the viewer, avoided or beyond 3 hops.
   */
  paths(viewer: number, target: number, k: number, opts?: QueryOptions): Promise<number[][]>;
  /**
   * The 2nd-degree set: reachable in 2 hops, not directly connected, not the viewer, not avoided.
   * Order unspecified (the CSR returns discovery order; sorting a 190k-member set would cost more than finding it).
   */
  secondDegree(viewer: number, opts?: QueryOptions): Promise<Int32Array>;
  /** People you may know: friends of friends ranked by shaped Adamic–Adar, with reasons. */
  suggest(viewer: number, limit: number, opts?: SuggestOptions): Promise<Suggestion[]>;
  /** Whether the viewer follows each target, in order. */
  following(viewer: number, targets: readonly number[]): Promise<boolean[]>;
  /**
   * Every member the viewer follows, ascending: the authors of the viewer's home feed (fan-out on read,
   * docs/feed.md). Follows only; connecting follows both ways, so connections are here unless unfollowed.
   */
  followees(viewer: number): Promise<number[]>;
  /** Whether the viewer is connected to each target (1st degree, no avoid set), in order: a bit test per target, no 2-hop work. */
  connectedTo(viewer: number, targets: readonly number[]): Promise<boolean[]>;

  /** Adds an undirected connection; a no-op (keeping the older date) when it already exists or a === b. */
  addConnection(a: number, b: number, createdAtMs: number): Promise<void>;
  removeConnection(a: number, b: number): Promise<void>;
  follow(a: number, b: number): Promise<void>;
  unfollow(a: number, b: number): Promise<void>;
  /**
   * Per-member activity in [0, 1] (e.g. recent posts, replies, accepted introductions), indexed by id; used to
   * rank introduction paths. Missing or null means "unknown" (0.5).
   */
  setActivity(activity: ArrayLike<number> | null): void;
  stats(): Promise<GraphStats>;
}
