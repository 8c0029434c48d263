import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { rows } from '../../server/db/connection.ts';
import { CsrGraphIndex } from '../../server/graph/csr-index.ts';
import { CsrGraph } from '../../server/graph/csr.ts';
import { parseEdgeList } from '../../server/graph/edge-list.ts';
import { loadGraphFromDatabase } from '../../server/graph/load.ts';
import { intOption, parseOptions } from '../lib/args.ts';
import { openConfiguredDatabase, UsageError } from '../lib/database.ts';

export const graphQueryUsage = `Usage: rapport graph query <degree|mutuals|paths|suggest> --viewer ID [options]

Answers one graph query with the server's index and prints JSON on stdout: the raw graph, without the
privacy and block rules the API applies.
  degree    --targets 1,2,3 (or --target ID)   connection degree (1-3, null beyond) of each target
  mutuals   --target ID [--limit N]            shared connections: count and the first N (default 10)
  paths     --target ID [--k K]                up to K shortest introduction paths (default 3)
  suggest   [--limit N]                        people you may know (default 10)
The graph is the configured database (ids are member ids), or with --file <edges.txt> a SNAP edge list
("a b" per line; ids are the file's). Exit status: 0 answered, 2 usage error.`;

const QUERIES = ['degree', 'mutuals', 'paths', 'suggest'] as const;
type Query = (typeof QUERIES)[number];

/** The graph to ask, with its ids translated: the file's own ids may have been remapped to dense ones. */
interface Source {
  index: CsrGraphIndex;
  toDense(id: number, flag: string): number;
  fromDense(id: number): number;
  close(): Promise<void>;
}

function idOption(value: string | undefined, flag: string): number {
  if (value === undefined || !/^\d+$/.test(value.trim())) throw new UsageError(`--${flag} must be a member id (a non-negative integer), not "${value ?? ''}"`);
  return Number(value);
}

async function fileSource(path: string): Promise<Source> {
  let text: string;
  try {
    text = await readFile(resolve(path), 'utf8');
  } catch (err) {
    throw new UsageError(`--file: cannot read ${path}: ${(err as Error).message}`);
  }
  const list = parseEdgeList(text, /[\s,]+/);
  const graph = CsrGraph.fromEdges(list.n, list.src, list.dst);
  const dense = list.originalIds ? new Map(list.originalIds.map((id, i) => [Number(id), i])) : null;
  return {
    index: new CsrGraphIndex(graph),
    toDense(id, flag) {
      const d = dense ? dense.get(id) : id < list.n ? id : undefined;
      if (d === undefined) throw new UsageError(`--${flag} ${id}: no such node in ${path}`);
      return d;
    },
    fromDense: (d) => (list.originalIds ? Number(list.originalIds[d]) : d),
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
      toDense(id, flag) {
        if (!ids.has(id)) throw new UsageError(`--${flag} ${id}: no member has this id`);
        return id;
      },
      fromDense: (id) => id,
      close: () => database.close(),
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** `rapport graph query`: prints the answer as JSON; returns the exit code. */
export async function runGraphQuery(args: string[]): Promise<number> {
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
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(graphQueryUsage);
    return 0;
  }
  const query = positionals[0] as Query | undefined;
  if (!query || !QUERIES.includes(query)) throw new UsageError(`${query ? `Unknown query "${query}"` : 'Which query?'}\n\n${graphQueryUsage}`);
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}".\n\n${graphQueryUsage}`);
  const viewerId = idOption(values.viewer, 'viewer');
  if (values.target !== undefined && values.targets !== undefined) throw new UsageError('--target and --targets: give one or the other');
  const targetIds =
    values.targets !== undefined ? values.targets.split(',').map((t) => idOption(t, 'targets')) : values.target !== undefined ? [idOption(values.target, 'target')] : [];
  const needsOne = query === 'mutuals' || query === 'paths';
  if (needsOne && (values.target === undefined || targetIds.length !== 1)) throw new UsageError(`${query} needs --target ID`);
  if (query === 'degree' && targetIds.length === 0) throw new UsageError('degree needs --targets 1,2,3 (or --target ID)');
  const k = intOption(values.k, 'k', 3);
  const limit = intOption(values.limit, 'limit', 10);

  const source = values.file !== undefined ? await fileSource(values.file) : await databaseSource();
  try {
    const viewer = source.toDense(viewerId, 'viewer');
    const targets = targetIds.map((t) => source.toDense(t, values.targets !== undefined ? 'targets' : 'target'));
    const ids = (list: readonly number[]) => list.map((d) => source.fromDense(d));
    let answer: object;
    if (query === 'degree') {
      const degrees = await source.index.degrees(viewer, targets);
      answer = { viewer: viewerId, degrees: targetIds.map((id, i) => ({ id, degree: degrees[i] ?? null })) };
    } else if (query === 'mutuals') {
      const m = await source.index.mutuals(viewer, targets[0]!, limit);
      answer = { viewer: viewerId, target: targetIds[0], count: m.count, mutuals: ids(m.first) };
    } else if (query === 'paths') {
      const paths = await source.index.paths(viewer, targets[0]!, k);
      answer = { viewer: viewerId, target: targetIds[0], paths: paths.map(ids) };
    } else {
      const found = await source.index.suggest(viewer, limit);
      answer = {
        viewer: viewerId,
        suggestions: found.map((s) => ({ id: source.fromDense(s.id), score: s.score, mutualCount: s.mutualCount, mutuals: ids(s.mutuals) })),
      };
    }
    console.log(JSON.stringify(answer));
    return 0;
  } finally {
    await source.close();
  }
}
