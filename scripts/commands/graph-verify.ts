import type { Config } from '../../server/config.ts';
import type { Database } from '../../server/db/connection.ts';
import type { CsrGraph } from '../../server/graph/csr.ts';
import { loadGraphFromDatabase } from '../../server/graph/load.ts';
import { loadSnapshot } from '../../server/graph/persist.ts';
import { SnapshotError } from '../../server/graph/snapshot.ts';
import { type VerifyReport, verifyGraph } from '../../server/graph/verify.ts';
import { intOption, parseOptions } from '../lib/args.ts';
import { describeDatabase, openConfiguredDatabase, UsageError } from '../lib/database.ts';

export const graphVerifyUsage = `Usage: rapport graph verify [--limit N]

Builds the graph index as the server does and compares it with the connections and follows tables, row
for row (both directions of every connection, its day, every follow):
  1. rebuilt from the tables;
  2. when RAPPORT_DATA_DIR/graph.snapshot exists: loaded from it and caught up from the change log.
Prints a summary and the first N differences of each (default 20). Exit status: 0 when both match the
tables, 1 on any difference, 2 on a usage error. Stop the server first when it uses embedded PGlite.`;

const n = (x: number) => x.toLocaleString('en');

function printReport(label: string, report: VerifyReport): void {
  const summary = `${n(report.indexEdges)} directed edges, ${n(report.indexFollows)} follows`;
  if (report.differenceCount === 0) {
    console.log(`${label}: ${summary}: matches the tables`);
    return;
  }
  console.log(`${label}: ${summary}: ${n(report.differenceCount)} difference${report.differenceCount === 1 ? '' : 's'}`);
  for (const d of report.differences) console.log(`  ${d.kind.padEnd(14)} ${d.detail}`);
  if (report.differenceCount > report.differences.length) console.log(`  ... and ${n(report.differenceCount - report.differences.length)} more`);
}

async function check(database: Database, label: string, graph: CsrGraph, limit: number): Promise<boolean> {
  const report = await verifyGraph(database.db, graph, { limit });
  printReport(label, report);
  return report.differenceCount === 0;
}

async function verifySnapshot(config: Config, database: Database, limit: number): Promise<boolean> {
  const path = config.graphSnapshot.path;
  if (!path) return true;
  try {
    const loaded = await loadSnapshot(database.db, path);
    if (!loaded) {
      console.log(`snapshot: none at ${path} (the server rebuilds from the tables)`);
      return true;
    }
    const label = `snapshot (mark ${loaded.meta.mark}, ${loaded.meta.takenAt}) + ${n(loaded.replayed)} changes replayed`;
    return await check(database, label, loaded.service.csrIndex.graph, limit);
  } catch (err) {
    if (!(err instanceof SnapshotError)) throw err;
    // The server refuses such a snapshot and rebuilds, so it is a note, not a difference.
    console.log(`snapshot: not usable (${err.message}); the server would rebuild from the tables`);
    return true;
  }
}

/** `rapport graph verify`: returns the exit code. */
export async function runGraphVerify(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions({ args, allowPositionals: true, options: { limit: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(graphVerifyUsage);
    return 0;
  }
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".\n\n${graphVerifyUsage}`);
  const limit = intOption(values.limit, 'limit', 20);
  const { config, database } = await openConfiguredDatabase();
  try {
    console.log(`Verifying the graph index against ${describeDatabase(config)}`);
    const started = performance.now();
    const { graph } = await loadGraphFromDatabase(database.db);
    const rebuilt = await check(database, 'rebuilt from the tables', graph, limit);
    const snapshot = await verifySnapshot(config, database, limit);
    console.log(`${rebuilt && snapshot ? 'OK' : 'DIFFERENCES FOUND'} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return rebuilt && snapshot ? 0 : 1;
  } finally {
    await database.close();
  }
}
