/**
 * Start-up and snapshots for the graph index.
 *
 * Start-up: load RAPPORT_DATA_DIR/graph.snapshot, check it belongs to this database and that the events
 * outbox still holds everything after its mark, replay the graph events since, and check the counts
 * against the tables; on any doubt, rebuild from the tables and log why. The snapshot is only an accelerator: the
 * tables stay the truth, and a bad or stale snapshot costs a rebuild, never a wrong index.
 *
 * Snapshots are written at shutdown and every so often while running (snapshot-schedule.ts). Events well
 * below the mark of a snapshot on disk, and below every durable processor's position, are pruned from the
 * outbox, so it stays small.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../db/connection.ts';
import { lowestPosition } from '../events/positions.ts';
import { GraphService } from './service.ts';
import { encodeCsr } from './csr-snapshot.ts';
import { readSnapshotFile, SnapshotError, type SnapshotMeta, writeSnapshotFile } from './snapshot.ts';

export interface GraphLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Events kept below a snapshot's mark when pruning: slack for anything still reading the outbox. */
export const PRUNE_MARGIN = 10_000;
/** Past this many events to replay, a rebuild from the tables is the faster start (an offline bulk import). */
const MAX_REPLAY = 500_000;

/** Identifies the database a snapshot was taken from: cluster, database and schema. */
export async function databaseFingerprint(db: DbOrTx): Promise<string> {
  const [id] = await rows<{ db: string; schema: string }>(db, sql`SELECT current_database() AS db, current_schema() AS schema`);
  let system = '';
  try {
    const [row] = await rows<{ id: string }>(db, sql`SELECT system_identifier::text AS id FROM pg_control_system()`);
    system = row?.id ?? '';
  } catch {
    // Some managed servers restrict pg_control_system(); database and schema still tell most apart.
  }
  return `${system}/${id?.db ?? ''}/${id?.schema ?? ''}`;
}

async function changeRange(db: DbOrTx, after: number): Promise<{ min: number | null; max: number; newer: number }> {
  const [r] = await rows<{ min: string | null; max: string | null; newer: string }>(
    db,
    sql`SELECT min(id) AS min, max(id) AS max, count(*) FILTER (WHERE id > ${after}) AS newer FROM events`,
  );
  return { min: r?.min == null ? null : Number(r.min), max: Number(r?.max ?? 0), newer: Number(r?.newer ?? 0) };
}

/**
 * Loads the snapshot and replays the change log after its mark. Null when there is no file; throws
 * SnapshotError when it cannot be trusted for this database.
 */
export async function loadSnapshot(db: DbOrTx, path: string): Promise<{ service: GraphService; meta: SnapshotMeta; replayed: number } | null> {
  const read = await readSnapshotFile(path);
  if (!read) return null;
  const { meta, graph } = read;
  if (meta.database !== (await databaseFingerprint(db))) throw new SnapshotError(`it was taken from another database (${meta.database})`);
  const range = await changeRange(db, meta.mark);
  if (range.max < meta.maxApplied) throw new SnapshotError(`the database is older than the snapshot (last change ${range.max}, snapshot has ${meta.maxApplied})`);
  // Events after the mark must all still be in the outbox; a gap means some were pruned by someone else.
  if (range.min !== null && range.min > meta.mark + 1) throw new SnapshotError(`changes after its mark ${meta.mark} were pruned (the outbox starts at ${range.min})`);
  if (range.newer > MAX_REPLAY) throw new SnapshotError(`${range.newer} events to replay; rebuilding is faster`);

  const service = GraphService.fromGraph(graph, meta.mark);
  const replayed = await service.catchUp(db);
  const [size] = await rows<{ n: number }>(db, sql`SELECT coalesce(max(id), 0)::int + 1 AS n FROM members`);
  // Members who joined since, with no edges yet, get their (empty) rows as a rebuild would give them.
  service.csrIndex.graph.ensureNodes(size?.n ?? 1);
  return { service, meta, replayed };
}

/**
 * A writer that recorded no events (a manual edit, an old import) goes unnoticed by catch-up; comparing
 * the counts catches most of that for the price of two counts, far less than a rebuild.
 */
async function checkCounts(db: DbOrTx, service: GraphService): Promise<void> {
  const [counts] = await rows<{ c: string; f: string }>(db, sql`SELECT (SELECT count(*) FROM connections) AS c, (SELECT count(*) FROM follows) AS f`);
  const g = service.csrIndex.graph;
  if (Number(counts?.c) !== g.directedEdges || Number(counts?.f) !== g.follows.size()) {
    throw new SnapshotError(
      `after catch-up it has ${g.directedEdges} connection rows and ${g.follows.size()} follows, the tables ${counts?.c} and ${counts?.f}`,
    );
  }
}

/**
 * The server's graph at start-up: from the snapshot at `snapshotPath` when it is present and sound, else
 * rebuilt from the tables. `snapshot` is the loaded file's metadata (null after a rebuild).
 */
export async function openGraph(db: DbOrTx, snapshotPath: string | null, log: GraphLog): Promise<{ service: GraphService; snapshot: SnapshotMeta | null }> {
  if (snapshotPath) {
    const started = performance.now();
    try {
      const loaded = await loadSnapshot(db, snapshotPath);
      if (loaded) {
        await checkCounts(db, loaded.service);
        const ms = Math.round(performance.now() - started);
        log.info({ mark: loaded.meta.mark, replayed: loaded.replayed, ms }, 'graph index loaded from snapshot');
        return { service: loaded.service, snapshot: loaded.meta };
      }
    } catch (err) {
      if (!(err instanceof SnapshotError)) throw err;
      log.warn({ path: snapshotPath, reason: err.message }, 'graph snapshot not used; rebuilding the index from the tables');
    }
  }
  const started = performance.now();
  const service = await GraphService.load(db);
  log.info({ ms: Math.round(performance.now() - started) }, 'graph index built from the tables');
  return { service, snapshot: null };
}

/**
 * Writes a snapshot of the service's graph. The safe mark and the arrays are captured in one synchronous
 * step, so no change can land between them.
 */
export async function saveSnapshot(service: GraphService, db: DbOrTx, path: string): Promise<SnapshotMeta> {
  await service.marks.settle(db);
  const database = await databaseFingerprint(db);
  const mark = service.marks.safe();
  const maxApplied = service.marks.applied;
  const payload = encodeCsr(service.csrIndex.graph);
  return writeSnapshotFile(path, payload, { mark, maxApplied, database, takenAt: new Date().toISOString() });
}

/**
 * Deletes events more than PRUNE_MARGIN below a snapshot's mark, which no catch-up from it needs, and
 * keeps every event a durable processor (event_consumers) has not handled yet.
 */
export async function pruneEvents(db: DbOrTx, mark: number, margin = PRUNE_MARGIN): Promise<number> {
  const lowest = await lowestPosition(db);
  const below = Math.min(mark - margin, lowest ?? Infinity);
  if (below <= 0) return 0;
  const deleted = await rows<{ n: string }>(
    db,
    sql`WITH gone AS (DELETE FROM events WHERE id <= ${below} RETURNING 1) SELECT count(*) AS n FROM gone`,
  );
  return Number(deleted[0]?.n ?? 0);
}
