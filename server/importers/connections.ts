import { type BulkConnectResult, type BulkEdge, bulkConnect } from '../commands/network/bulk-connect.ts';
import type { Tx } from '../db/connection.ts';

/** A connection between two imported people, named by their addresses (ids exist only once written). */
export interface ImportConnection {
  a: string;
  b: string;
  atMs: number;
  context: BulkEdge['context'];
  note?: string;
  /** `file:line`, for messages. */
  source?: string;
}

/**
 * Connects imported people inside the import's transaction. Every address must belong to a person of this
 * import: a reader that found an edge to someone it did not import has already reported it as an issue.
 */
export async function connectImported(
  tx: Tx,
  idByEmail: ReadonlyMap<string, number>,
  connections: readonly ImportConnection[],
  onProgress?: (done: number, total: number) => void,
): Promise<BulkConnectResult> {
  const edges: BulkEdge[] = connections.map((c) => {
    const a = idByEmail.get(c.a);
    const b = idByEmail.get(c.b);
    if (a === undefined || b === undefined) throw new Error(`${c.source ?? 'connection'}: ${a === undefined ? c.a : c.b} is not part of this import`);
    return { a, b, atMs: c.atMs, context: c.context, ...(c.note ? { note: c.note } : {}) };
  });
  return bulkConnect(tx, edges, { onProgress });
}
