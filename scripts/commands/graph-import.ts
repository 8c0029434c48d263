import { access, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { type EdgeListRead, parseEdgeListText, parseNodeNames } from '../../server/importers/edge-list.ts';
import { importGraph } from '../../server/importers/graph.ts';
import { type ImportIssue, formatIssue } from '../../server/importers/issues.ts';
import { readTextFile, withoutGz } from '../../server/importers/read-text.ts';
import { parseOptions } from '../lib/args.ts';
import { describeDatabase, openConfiguredDatabase, UsageError } from '../lib/database.ts';
import { progressReporter } from '../lib/progress.ts';

export const graphImportUsage = `Usage: rapport graph import <edge-list> [--names <csv>] [--source <name>] [--map <out.tsv>]

Loads an undirected edge list (SNAP "a b" per line, or CSV "a,b"; blank lines, #/% comments and one
header line are skipped) into the database: one member per node, then every edge as a connection
(origin "import"), with a follow each way. Self-loops and repeated edges are ignored. The file may be
gzip-compressed (.gz, as SNAP ships it): it is decompressed as it is read.

  --names <csv>    node names from a CSV whose header has "id" and "name" columns; for "X_edges.csv"
                   a sibling "X_target.csv" (or .csv.gz; SNAP MUSAE) is used when present. Others are "Node <id>".
  --source <name>  names the data set (default: the file name). A node's member is found again by it
                   (address <id>@<source>.graph.invalid), so importing the same file twice adds nothing.
  --map <out.tsv>  writes "file_id<TAB>member_id<TAB>handle" for every node, to compare
                   "rapport graph query" over the database with one over --file.

Every line is checked first; if any is malformed, the problems are listed (file:line) and nothing is
imported. Exit status: 0 done, 1 bad data, 2 usage.`;

const MAX_SHOWN = 50;

function reportIssues(issues: ImportIssue[]): number {
  for (const issue of issues.slice(0, MAX_SHOWN)) console.error(formatIssue(issue));
  if (issues.length > MAX_SHOWN) console.error(`... and ${issues.length - MAX_SHOWN} more`);
  console.error(`\n${issues.length} problem${issues.length === 1 ? '' : 's'} found; nothing was imported.`);
  return 1;
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readTextFile(path);
  } catch (err) {
    throw new UsageError(`Cannot read the ${what} ${path}: ${(err as Error).message}`);
  }
}

/** SNAP MUSAE ships names beside the edges: musae_git_edges.csv(.gz) → musae_git_target.csv(.gz). */
async function siblingNames(file: string): Promise<string | null> {
  const name = withoutGz(basename(file));
  if (!/_edges\.csv$/.test(name)) return null;
  const target = name.replace(/_edges\.csv$/, '_target.csv');
  for (const candidate of [target, `${target}.gz`].map((n) => join(dirname(file), n))) {
    if (await access(candidate).then(() => true, () => false)) return candidate;
  }
  return null;
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
const n = (x: number) => x.toLocaleString('en');

/** `rapport graph import`: returns the exit code (2 for usage, 1 for bad data). */
export async function runGraphImport(args: string[]): Promise<number> {
  try {
    return await run(args);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(err.message);
    return 2;
  }
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions({
    args,
    allowPositionals: true,
    options: { names: { type: 'string' }, source: { type: 'string' }, map: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(graphImportUsage);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(graphImportUsage);
  const file = resolve(positionals[0]!);
  const started = performance.now();

  const read: EdgeListRead = parseEdgeListText(await readText(file, 'edge list'), basename(file));
  const namesFile = values.names ? resolve(values.names) : await siblingNames(file);
  const names = namesFile ? parseNodeNames(await readText(namesFile, 'names file'), basename(namesFile)) : null;
  const issues = [...read.issues, ...(names?.issues ?? [])];
  if (issues.length) return reportIssues(issues);
  console.error(
    `read ${n(read.pairs.length)} distinct edges between ${n(read.nodes.length)} nodes from ${basename(file)} in ${seconds(started)} s` +
      ` (${n(read.repeats)} repeated, ${n(read.selfLoops)} self-loops skipped)` +
      (names ? `; names from ${basename(namesFile!)}` : ''),
  );

  const source = values.source ?? withoutGz(basename(file)).replace(/\.[^.]*$/, '');
  const { config, database } = await openConfiguredDatabase();
  const progress = { members: progressReporter('members'), connections: progressReporter('connections') };
  try {
    console.error(`importing into ${describeDatabase(config)}`);
    const result = await importGraph(database, read, {
      source,
      names: names?.names,
      publicUrl: config.publicUrl,
      scryptLogN: config.scryptLogN,
      onProgress: (phase, done, total) => {
        if (phase === 'connections') progress.members.finish();
        progress[phase].update(done, total);
      },
    });
    progress.connections.finish();
    const p = result.people;
    console.log(
      `Imported ${basename(file)} in ${seconds(started)} s: ${n(p.created)} new members (${n(p.unchanged + p.updated)} already there), ` +
        `${n(p.connectionsCreated)} new connections (${n(read.pairs.length - p.connectionsCreated)} already there or blocked).`,
    );
    if (values.map) {
      const lines = result.nodes.map((m) => `${m.fileId}\t${m.memberId}\t${m.handle}`);
      await writeFile(resolve(values.map), `file_id\tmember_id\thandle\n${lines.join('\n')}\n`);
      console.log(`Wrote the node → member map to ${values.map}.`);
    }
    // On an empty database the members are numbered in file id order: often a plain offset, easy to state.
    const offset = result.nodes[0] ? result.nodes[0].memberId - Number(result.nodes[0].fileId) : 0;
    if (result.nodes.length && result.nodes.every((m) => m.memberId - Number(m.fileId) === offset)) {
      const first = result.nodes[0]!;
      console.log(`Member ids are the file's ids ${offset < 0 ? '-' : '+'} ${Math.abs(offset)}: file id ${first.fileId} is member id ${first.memberId}.`);
    } else {
      for (const m of result.nodes.slice(0, 3)) console.log(`  file id ${m.fileId} is member id ${m.memberId} (@${m.handle})`);
      if (!values.map && result.nodes.length > 3) console.log('  (--map <out.tsv> writes all of them)');
    }
    // An embedded data directory cannot be open in a running server, but a PostgreSQL server can be.
    if (config.database.kind === 'postgres' && p.connectionsCreated > 0) {
      console.log('A server already running on this database sees the new connections after a restart.');
    }
    return 0;
  } finally {
    progress.members.finish();
    progress.connections.finish();
    await database.close();
  }
}
