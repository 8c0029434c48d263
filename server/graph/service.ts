/**
 * The application's graph: the CSR index over the connection and follow tables, kept in step with them.
 *
 * Commands record each change in graph_changes inside their transaction and hand it to `applyAfterCommit`,
 * so the index changes only once the transaction has committed (a rolled-back write never reaches it).
 * At start-up the index is loaded from a snapshot and caught up from graph_changes, or rebuilt from the
 * tables (persist.ts); `rapport graph verify` compares it with them.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../db/connection.ts';
import { graphChanges, type GraphChangeKind } from '../db/schema.ts';
import type { OnCommit } from '../db/transaction.ts';
import type { Tx } from '../db/connection.ts';
import { ChangeMarks } from './change-marks.ts';
import { CsrGraphIndex } from './csr-index.ts';
import type { CsrGraph } from './csr.ts';
import type { GraphIndex } from './graph-index.ts';
import { loadGraphFromDatabase } from './load.ts';
import { WorkerGraphIndex, type WorkerGraphIndexOptions } from './worker-index.ts';

export interface GraphChange {
  kind: GraphChangeKind;
  a: number;
  b: number;
  /** When it happened (connections keep their date for recency ranking). */
  atMs: number;
}

export class GraphService {
  /** Which changes the index holds (see change-marks.ts). */
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

  /** graph_changes.id of the newest change applied. */
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

  get csrIndex(): CsrGraphIndex {
    return this.csr;
  }

  /** Grows the index for a new member id (members join with no edges). */
  ensureMember(id: number): void {
    this.csr.graph.ensureNodes(id + 1);
  }

  /**
   * Records a change in the transaction's change log and applies it to the index once the transaction
   * commits. Call it for every connection or follow that a command adds or removes.
   */
  async record(tx: Tx, onCommit: OnCommit, change: GraphChange): Promise<void> {
    const token = this.marks.beginInsert();
    let logged: { id: number; xid: string } | undefined;
    try {
      [logged] = await tx
        .insert(graphChanges)
        .values({ kind: change.kind, a: change.a, b: change.b, at: new Date(change.atMs) })
        .returning({ id: graphChanges.id, xid: sql<string>`pg_current_xact_id()::text` });
    } finally {
      this.marks.endInsert(token, logged);
    }
    onCommit(() => this.apply(change, logged?.id ?? 0));
  }

  /** Applies a committed change. Idempotent, so replaying the log after a rebuild is safe. */
  apply(change: GraphChange, changeId = 0): void {
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
    this.marks.markApplied(changeId);
  }

  /**
   * Replays committed changes newer than the last one applied (after a snapshot load, or from other
   * processes), in pages so a long log never sits in memory at once. Returns how many it replayed.
   */
  async catchUp(db: DbOrTx, pageSize = 50_000): Promise<number> {
    let total = 0;
    for (;;) {
      const changes = await rows<{ id: string | number; kind: GraphChangeKind; a: number; b: number; ms: number }>(
        db,
        sql`SELECT id, kind, a, b, floor(extract(epoch FROM at) * 1000)::float8 AS ms
              FROM graph_changes WHERE id > ${this.lastChangeId} ORDER BY id LIMIT ${pageSize}`,
      );
      for (const c of changes) this.apply({ kind: c.kind, a: c.a, b: c.b, atMs: Number(c.ms) }, Number(c.id));
      total += changes.length;
      if (changes.length < pageSize) return total;
    }
  }
}
