/**
 * The application's graph: the CSR index over the connection and follow tables, kept in step with them.
 *
 * Commands record each connection and follow change as an event in their transaction (server/events/);
 * once it commits, the graph index processor (events/processors/graph-index.ts) applies it here, so a
 * rolled-back write never reaches the index. At start-up the index is loaded from a snapshot and caught up
 * from the events outbox, or rebuilt from the tables (persist.ts); `rapport graph verify` compares it with them.
 */
import type { DbOrTx } from '../db/connection.ts';
import { ChangeMarks } from '../events/change-marks.ts';
import { readEvents } from '../events/outbox.ts';
import type { StoredEvent } from '../events/types.ts';
import { type CommunityStructure, communityStructureOf } from './csr-community.ts';
import { edgesOfCsr, type LearnArgs, type LearnedFromIndex, learnFromEdges } from './csr-learn.ts';
import { type EgoResult, egoStructureOf } from './csr-ego.ts';
import { CsrGraphIndex } from './csr-index.ts';
import type { CsrGraph } from './csr.ts';
import type { GraphIndex } from './graph-index.ts';
import { loadGraphFromDatabase } from './load.ts';
import { WorkerGraphIndex, type WorkerGraphIndexOptions } from './worker-index.ts';

/** The events that change the graph, which is all the index replays. */
export const GRAPH_EVENT_KINDS = ['connection.made', 'connection.removed', 'follow.added', 'follow.removed'] as const;
export type GraphEventKind = (typeof GRAPH_EVENT_KINDS)[number];

export type GraphChangeKind = 'connect' | 'disconnect' | 'follow' | 'unfollow';

export interface GraphChange {
  kind: GraphChangeKind;
  a: number;
  b: number;
  /** When it happened (connections keep their date for recency ranking). */
  atMs: number;
}

export class GraphService {
  /** Which events the index holds: its position in the outbox (see events/change-marks.ts). */
  readonly marks: ChangeMarks;

  private constructor(
    private readonly csr: CsrGraphIndex,
    lastChangeId: number,
  ) {
    this.marks = new ChangeMarks(lastChangeId);
  }

  /** Rebuilds the index from the tables. */
  static async load(db: DbOrTx): Promise<GraphService> {
    const { graph, lastChangeId } = await loadGraphFromDatabase(db);
    return new GraphService(new CsrGraphIndex(graph), lastChangeId);
  }

  /** Wraps a graph that holds every change up to `mark` (a snapshot); `catchUp` brings it up to date. */
  static fromGraph(graph: CsrGraph, mark: number): GraphService {
    return new GraphService(new CsrGraphIndex(graph), mark);
  }

  /** events.id of the newest graph change applied. */
  get lastChangeId(): number {
    return this.marks.applied;
  }

  /** Heavy reads in worker threads once started; null: every read on the main thread. */
  private workers: WorkerGraphIndex | null = null;

  /** The query side. */
  get index(): GraphIndex {
    return this.workers ?? this.csr;
  }

  /** Moves heavy reads to worker threads over the same shared arrays; size 0 keeps them inline. */
  startWorkers(opts: WorkerGraphIndexOptions = {}): void {
    if (this.workers || opts.size === 0) return;
    this.workers = new WorkerGraphIndex(this.csr, opts);
  }

  /** Stops the workers; reads run inline from then on. Idempotent. */
  async close(): Promise<void> {
    const w = this.workers;
    this.workers = null;
    await w?.close();
  }

  /**
   * The structure of a member's ego network (csr-ego.ts): in a worker thread when workers run and the
   * network is large, else here. `avoid` leaves blocked members out of the network entirely.
   */
  egoStructure(viewer: number, opts: { avoid?: ReadonlySet<number>; seed: number }): Promise<EgoResult> {
    if (this.workers) return this.workers.egoStructure(viewer, opts);
    return Promise.resolve(egoStructureOf(this.csr.graph, viewer, opts.avoid, opts.seed));
  }

  /** The whole community's clusters and bridges (csr-community.ts), without the excluded members: in a worker when workers run. */
  communityStructure(opts: { exclude: ReadonlySet<number>; seed: number }): Promise<CommunityStructure> {
    if (this.workers) return this.workers.communityStructure(opts);
    return Promise.resolve(communityStructureOf(this.csr.graph, Int32Array.from(opts.exclude), opts.seed));
  }

  /** The people-you-may-know weights learned from every connection in the index (csr-learn.ts): in a worker when workers run. */
  learnLinks(args: LearnArgs): Promise<LearnedFromIndex> {
    if (this.workers) return this.workers.learnLinks(args);
    return Promise.resolve(learnFromEdges(edgesOfCsr(this.csr.graph), args));
  }

  get csrIndex(): CsrGraphIndex {
    return this.csr;
  }

  /** Grows the index for a new member id (members join with no edges). */
  ensureMember(id: number): void {
    this.csr.graph.ensureNodes(id + 1);
  }

  /** Applies a committed change. Idempotent, so replaying the outbox after a rebuild is safe. */
  apply(change: GraphChange): void {
    const g = this.csr.graph;
    g.ensureNodes(Math.max(change.a, change.b) + 1);
    switch (change.kind) {
      case 'connect':
        g.addConnection(change.a, change.b, change.atMs);
        break;
      case 'disconnect':
        g.removeConnection(change.a, change.b);
        break;
      case 'follow':
        g.follows.follow(change.a, change.b);
        break;
      case 'unfollow':
        g.follows.unfollow(change.a, change.b);
        break;
    }
    if (g.needsCompaction()) g.scheduleCompaction();
  }

  /** Applies a committed connection or follow event. */
  applyEvent(event: StoredEvent<GraphEventKind>): void {
    this.apply(graphChangeOf(event));
  }

  /**
   * Replays the committed events newer than the last one applied (after a snapshot load), in pages so a
   * long stretch of the outbox never sits in memory at once. Every event moves the position on, so it ends
   * where live delivery would have; the graph events change the index. Returns how many of those it replayed.
   */
  async catchUp(db: DbOrTx, pageSize = 50_000): Promise<number> {
    let replayed = 0;
    for (;;) {
      const page = await readEvents(db, { after: this.lastChangeId, limit: pageSize });
      for (const event of page) {
        const graphEvent = isGraphEvent(event);
        if (graphEvent) {
          this.applyEvent(event);
          replayed++;
        }
        this.marks.markApplied(event.id, graphEvent);
      }
      if (page.length < pageSize) return replayed;
    }
  }
}

const GRAPH_KINDS: ReadonlySet<string> = new Set(GRAPH_EVENT_KINDS);
const isGraphEvent = (event: StoredEvent): event is StoredEvent<GraphEventKind> => GRAPH_KINDS.has(event.kind);

const CHANGE_OF: Record<GraphEventKind, GraphChangeKind> = {
  'connection.made': 'connect',
  'connection.removed': 'disconnect',
  'follow.added': 'follow',
  'follow.removed': 'unfollow',
};

/** The edge change an event makes: its actor and subject are the two ends; a connection keeps its own date. */
export function graphChangeOf(event: StoredEvent<GraphEventKind>): GraphChange {
  const atMs = event.kind === 'connection.made' ? Date.parse(event.data.at) : event.createdAt.getTime();
  return { kind: CHANGE_OF[event.kind], a: event.actorId, b: event.subjectId, atMs };
}
