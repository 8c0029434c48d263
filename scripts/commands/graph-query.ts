import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { rows } from '../../server/db/connection.ts';
import { CsrGraphIndex } from '../../server/graph/csr-index.ts';
import { CsrGraph } from '../../server/graph/csr.ts';
import { isSafeNodeId, parseEdgeList, UnsafeNodeIdError } from '../../server/graph/edge-list.ts';
import { loadGraphFromDatabase } from '../../server/graph/load.ts';
import { readTextFile } from '../../server/importers/read-text.ts';
import { intOption, parseOptions } from '../lib/args.ts';
import { openConfiguredDatabase, UsageError } from '../lib/database.ts';

export const graphQueryUsage = `Usage: rapport graph query <degree|mutuals|paths|suggest> --viewer ID [options]
       rapport graph query <degree|mutuals|paths|suggest> --batch [--input <file>] [options]

Answers graph queries with the server's index and prints JSON on stdout: the raw graph, without the
privacy and block rules the API applies.
  degree    --targets 1,2,3 (or --target ID)   connection degree (1-3, null beyond) of each target
  mutuals   --target ID [--limit N]            shared connections: count and the first N (default 10)
  paths     --target ID [--k K]                up to K shortest introduction paths (default 3)
  suggest   [--limit N]                        people you may know (default 10)
--batch answers many queries of one kind in one run, loading the graph once: one query per line of stdin
(or of --input <file>), "viewer" for suggest, "viewer target" for mutuals and paths, "viewer target ..."
for degree (ids separated by spaces or commas; blank lines and # comments skipped). Every line is checked
first; then the answers follow as JSON Lines, one per query in input order, each exactly what the single
query would print.
The graph is the configured database (ids are member ids), or with --file <edges> a SNAP edge list
("a b" per line, plain or .gz; ids are the file's, at most 2^53 − 1). Exit status: 0 answered, 2 usage error.`;

const QUERIES = ['degree', 'mutuals', 'paths', 'suggest'] as const;
type Query = (typeof QUERIES)[number];

/** The graph to ask, with its ids translated: the file's own ids may have been remapped to dense ones. */
interface Source {
  index: CsrGraphIndex;
  /** The dense id of a file or member id; undefined when there is no such node. */
  toDense(id: number): number | undefined;
  fromDense(id: number): number;
  /** Why an id was not found: "no such node in edges.txt". */
  missing: string;
  close(): Promise<void>;
}

/** Where queries come from and answers go: stdin and stdout, or a test's strings. */
export interface QueryIo {
  /** The batch input: the --input file when given, else stdin. */
  readInput(inputFile: string | undefined): Promise<string>;
  write(text: string): void;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) console.error('Reading queries from stdin, one per line (end with Ctrl-D).');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const standardIo: QueryIo = {
  async readInput(inputFile) {
    if (inputFile === undefined) return readStdin();
    try {
      return await readFile(resolve(inputFile), 'utf8');
    } catch (err) {
      throw new UsageError(`--input: cannot read ${inputFile}: ${(err as Error).message}`);
    }
  },
  write: (text) => process.stdout.write(text),
};

/** A member or node id: digits only, and small enough that a number holds it exactly; else why not. */
function checkId(value: string): number | string {
  const text = value.trim();
  if (!/^\d+$/.test(text)) return `"${text}" is not a member id (a non-negative integer)`;
  if (!isSafeNodeId(text)) return `${text} is larger than ${Number.MAX_SAFE_INTEGER} (2^53 − 1), the largest id this command holds exactly`;
  return Number(text);
}

function idOption(value: string | undefined, flag: string): number {
  const id = checkId(value ?? '');
  if (typeof id === 'string') throw new UsageError(`--${flag} must be a member id (a non-negative integer up to 2^53 − 1): ${id}`);
  return id;
}

async function fileSource(path: string): Promise<Source> {
  let text: string;
  try {
    text = await readTextFile(resolve(path));
  } catch (err) {
    throw new UsageError(`--file: cannot read ${path}: ${(err as Error).message}`);
  }
  let list;
  try {
    list = parseEdgeList(text, /[\s,]+/);
  } catch (err) {
    if (err instanceof UnsafeNodeIdError) {
      throw new UsageError(`${path}:${err.line}: node id ${err.id} is larger than ${Number.MAX_SAFE_INTEGER} (2^53 − 1); ids this large would round onto their neighbours and merge two nodes, so the file is refused`);
    }
    throw err;
  }
  const graph = CsrGraph.fromEdges(list.n, list.src, list.dst);
  const dense = list.originalIds ? new Map(list.originalIds.map((id, i) => [Number(id), i])) : null;
  return {
    index: new CsrGraphIndex(graph),
    toDense: (id) => (dense ? dense.get(id) : id < list.n ? id : undefined),
    fromDense: (d) => (list.originalIds ? Number(list.originalIds[d]) : d),
    missing: `no such node in ${path}`,
    close: async () => undefined,
  };
}

async function databaseSource(): Promise<Source> {
  const { database } = await openConfiguredDatabase();
  try {
    const { graph } = await loadGraphFromDatabase(database.db);
    const ids = new Set((await rows<{ id: number }>(database.db, sql`SELECT id FROM members`)).map((r) => r.id));
    return {
      index: new CsrGraphIndex(graph),
      toDense: (id) => (ids.has(id) ? id : undefined),
      fromDense: (id) => id,
      missing: 'no member has this id',
      close: () => database.close(),
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** One query: the file's or the database's ids, as given. */
interface Ask {
  viewer: number;
  targets: number[];
}

interface Limits {
  k: number;
  limit: number;
}

/** The answer to one query, as the JSON object printed for it. */
async function answer(source: Source, query: Query, ask: Ask, { k, limit }: Limits): Promise<object> {
  const viewer = source.toDense(ask.viewer)!;
  const targets = ask.targets.map((t) => source.toDense(t)!);
  const ids = (list: readonly number[]) => list.map((d) => source.fromDense(d));
  if (query === 'degree') {
    const degrees = await source.index.degrees(viewer, targets);
    return { viewer: ask.viewer, degrees: ask.targets.map((id, i) => ({ id, degree: degrees[i] ?? null })) };
  }
  if (query === 'mutuals') {
    const m = await source.index.mutuals(viewer, targets[0]!, limit);
    return { viewer: ask.viewer, target: ask.targets[0], count: m.count, mutuals: ids(m.first) };
  }
  if (query === 'paths') {
    const paths = await source.index.paths(viewer, targets[0]!, k);
    return { viewer: ask.viewer, target: ask.targets[0], paths: paths.map(ids) };
  }
  const found = await source.index.suggest(viewer, limit);
  return {
    viewer: ask.viewer,
    suggestions: found.map((s) => ({ id: source.fromDense(s.id), score: s.score, mutualCount: s.mutualCount, mutuals: ids(s.mutuals) })),
  };
}

const TARGETS_PER_LINE: Record<Query, [min: number, max: number]> = { degree: [1, Infinity], mutuals: [1, 1], paths: [1, 1], suggest: [0, 0] };
const LINE_SHAPE: Record<Query, string> = { degree: 'viewer target ...', mutuals: 'viewer target', paths: 'viewer target', suggest: 'viewer' };
const MAX_SHOWN = 20;

/** Reads every batch line into a query, or throws one usage error listing the problems by line. */
function parseBatch(text: string, inputName: string, query: Query): { asks: Ask[]; lines: number[] } {
  const asks: Ask[] = [];
  const lines: number[] = [];
  const problems: string[] = [];
  const [min, max] = TARGETS_PER_LINE[query];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const at = `${inputName}:${i + 1}`;
    const ids = line.split(/[\s,]+/).map(checkId);
    const bad = ids.find((id): id is string => typeof id === 'string');
    if (bad !== undefined) problems.push(`${at}: ${bad}`);
    else if (ids.length - 1 < min || ids.length - 1 > max) problems.push(`${at}: expected "${LINE_SHAPE[query]}", found ${ids.length} id${ids.length === 1 ? '' : 's'}`);
    else {
      const [viewer, ...targets] = ids as number[];
      asks.push({ viewer: viewer!, targets });
      lines.push(i + 1);
    }
  });
  if (problems.length) throw batchProblems(problems);
  if (asks.length === 0) throw new UsageError(`${inputName}: no queries (one "${LINE_SHAPE[query]}" per line)`);
  return { asks, lines };
}

function batchProblems(problems: string[]): UsageError {
  const more = problems.length > MAX_SHOWN ? `\n... and ${problems.length - MAX_SHOWN} more` : '';
  return new UsageError(`${problems.slice(0, MAX_SHOWN).join('\n')}${more}\n${problems.length} bad line${problems.length === 1 ? '' : 's'}; nothing was answered.`);
}

/** `rapport graph query`: prints the answer (or, with --batch, one per line) as JSON; returns the exit code. */
export async function runGraphQuery(args: string[], io: QueryIo = standardIo): Promise<number> {
  const { values, positionals } = parseOptions({
    args,
    allowPositionals: true,
    options: {
      viewer: { type: 'string' },
      target: { type: 'string' },
      targets: { type: 'string' },
      k: { type: 'string' },
      limit: { type: 'string' },
      file: { type: 'string' },
      batch: { type: 'boolean' },
      input: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.write(`${graphQueryUsage}\n`);
    return 0;
  }
  const query = positionals[0] as Query | undefined;
  if (!query || !QUERIES.includes(query)) throw new UsageError(`${query ? `Unknown query "${query}"` : 'Which query?'}\n\n${graphQueryUsage}`);
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}".\n\n${graphQueryUsage}`);
  const limits = { k: intOption(values.k, 'k', 3), limit: intOption(values.limit, 'limit', 10) };

  let asks: Ask[];
  let inputName = '';
  let inputLines: number[] = [];
  let flags: { viewer: string; target: string } = { viewer: 'viewer', target: 'target' };
  if (values.batch) {
    if (values.viewer !== undefined || values.target !== undefined || values.targets !== undefined) {
      throw new UsageError('--batch reads the viewers and targets from its input: leave out --viewer, --target and --targets');
    }
    inputName = values.input ?? 'stdin';
    ({ asks, lines: inputLines } = parseBatch(await io.readInput(values.input), inputName, query));
  } else {
    if (values.input !== undefined) throw new UsageError('--input goes with --batch');
    const viewer = idOption(values.viewer, 'viewer');
    if (values.target !== undefined && values.targets !== undefined) throw new UsageError('--target and --targets: give one or the other');
    const targets =
      values.targets !== undefined ? values.targets.split(',').map((t) => idOption(t, 'targets')) : values.target !== undefined ? [idOption(values.target, 'target')] : [];
    const needsOne = query === 'mutuals' || query === 'paths';
    if (needsOne && (values.target === undefined || targets.length !== 1)) throw new UsageError(`${query} needs --target ID`);
    if (query === 'degree' && targets.length === 0) throw new UsageError('degree needs --targets 1,2,3 (or --target ID)');
    asks = [{ viewer, targets }];
    flags = { viewer: 'viewer', target: values.targets !== undefined ? 'targets' : 'target' };
  }

  const source = values.file !== undefined ? await fileSource(values.file) : await databaseSource();
  try {
    // Every id must name a node before anything is printed, so a batch is answered whole or not at all.
    const unknown: string[] = [];
    asks.forEach((ask, i) => {
      for (const [flag, id] of [[flags.viewer, ask.viewer] as const, ...ask.targets.map((t) => [flags.target, t] as const)]) {
        if (source.toDense(id) !== undefined) continue;
        unknown.push(values.batch ? `${inputName}:${inputLines[i]}: ${id}: ${source.missing}` : `--${flag} ${id}: ${source.missing}`);
      }
    });
    if (unknown.length) throw values.batch ? batchProblems(unknown) : new UsageError(unknown[0]!);

    let buffered = '';
    for (const ask of asks) {
      buffered += `${JSON.stringify(await answer(source, query, ask, limits))}\n`;
      if (buffered.length > 1 << 16) {
        io.write(buffered);
        buffered = '';
      }
    }
    if (buffered) io.write(buffered);
    return 0;
  } finally {
    await source.close();
  }
}
