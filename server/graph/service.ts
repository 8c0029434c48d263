/**
 * The application's graph: the CSR index over the connection and follow tables, kept in step with them.
 *
 * Commands record each change in graph_changes inside their transaction and hand it to `applyAfterCommit`,
 * so the index changes only once the transaction has committed (a rolled-back write never reaches it).
 * At start-up the index is rebuilt from the tables; `verify` compares it with them.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../db/connection.ts';
import { graphChanges, type GraphChangeKind } from '../db/schema.ts';
import type { OnCommit } from '../db/transaction.ts';
import type { Tx } from '../db/connection.ts';
import { CsrGraphIndex } from './csr-index.ts';
import type { GraphIndex } from './graph-index.ts';
import { loadGraphFromDatabase } from './load.ts';

export interface GraphChange {
  kind: GraphChangeKind;
  a: number;
  b: number;
  /** When it happened (connections keep their date for recency ranking). */
  atMs: number;
}

export class GraphService {
  private constructor(
    private readonly csr: CsrGraphIndex,
    /** graph_changes.id of the newest change applied. */
    private lastChangeId: number,
  ) {}

  static async load(db: DbOrTx): Promise<GraphService> {
    const { graph, lastChangeId } = await loadGraphFromDatabase(db);
    return new GraphService(new CsrGraphIndex(graph), lastChangeId);
  }

  /** The query side. */
  get index(): GraphIndex {
    return this.csr;
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
    const [row] = await tx
      .insert(graphChanges)
      .values({ kind: change.kind, a: change.a, b: change.b, at: new Date(change.atMs) })
      .returning({ id: graphChanges.id });
    onCommit(() => this.apply(change, row?.id ?? 0));
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
    if (changeId > this.lastChangeId) this.lastChangeId = changeId;
  }

  /** Replays committed changes newer than the last one applied (after a snapshot load, or from other processes). */
  async catchUp(db: DbOrTx): Promise<number> {
    const changes = await rows<{ id: string | number; kind: GraphChangeKind; a: number; b: number; ms: number }>(
      db,
      sql`SELECT id, kind, a, b, floor(extract(epoch FROM at) * 1000)::float8 AS ms
            FROM graph_changes WHERE id > ${this.lastChangeId} ORDER BY id`,
    );
    for (const c of changes) this.apply({ kind: c.kind, a: c.a, b: c.b, atMs: Number(c.ms) }, Number(c.id));
    return changes.length;
  }
}
