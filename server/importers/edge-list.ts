import { LIMITS } from '../../common/limits.ts';
import { requiredText } from '../../common/schemas/primitives.ts';
import { isSafeNodeId } from '../graph/edge-list.ts';
import { parseCsv } from './csv-reader.ts';
import type { ImportIssue } from './issues.ts';
import { clip } from './people.ts';

/**
 * Reader for plain edge lists (SNAP `a b`, CSV `a,b`, tab-separated): one undirected pair of node ids per
 * line. Unlike server/graph/edge-list.ts (built for tests and benchmarks on files known to be good), it
 * names the line of every malformed row, so an operator can fix the file.
 */

export interface EdgeListRead {
  /** Distinct node ids in ascending numeric order (canonical decimal): members are created in this order. */
  nodes: string[];
  /** Distinct undirected pairs as indexes into nodes (first endpoint as in the file). */
  pairs: [number, number][];
  lines: number;
  selfLoops: number;
  /** Repeated pairs, either direction. */
  repeats: number;
  issues: ImportIssue[];
}

/** More problems than this and the file is surely not an edge list: stop collecting. */
const MAX_ISSUES = 1000;
const DIGITS = /^\d+$/;
/** Why a node id of digits cannot be used: a number would round it onto a neighbour and merge two nodes. */
const tooLarge = (id: string) => `node id ${id} is larger than ${Number.MAX_SAFE_INTEGER} (2^53 − 1), the largest id that is kept exactly`;

/**
 * Parses an edge list. Blank lines and comments (`#`, `%`) are skipped, and so is one header line before
 * the first edge (`id_1,id_2`). Columns after the second (weights, timestamps) are ignored.
 */
export function parseEdgeListText(text: string, file: string): EdgeListRead {
  const nodes: string[] = [];
  const index = new Map<string, number>();
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const issues: ImportIssue[] = [];
  let selfLoops = 0;
  let repeats = 0;
  let headerAllowed = true;
  const node = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) index.set(id, (i = nodes.push(id) - 1));
    return i;
  };
  const lines = text.split('\n');
  let lineNo = 0;
  for (const raw of lines) {
    lineNo++;
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('%')) continue;
    const cols = line.split(/\s*[,;\t ]\s*/);
    const [x = '', y = ''] = cols;
    const firstRow = headerAllowed;
    headerAllowed = false;
    if (!DIGITS.test(x) || !DIGITS.test(y)) {
      // A header (`id_1,id_2`, `from to`) is allowed as the first row only.
      if (firstRow && !/^\d/.test(x) && !/^\d/.test(y)) continue;
      const what = cols.length < 2 ? 'expected two node ids' : `node ids must be whole numbers, found "${x}" and "${y}"`;
      issues.push({ file, line: lineNo, message: what });
      if (issues.length >= MAX_ISSUES) break;
      continue;
    }
    const unsafe = isSafeNodeId(x) ? (isSafeNodeId(y) ? null : y) : x;
    if (unsafe !== null) {
      issues.push({ file, line: lineNo, message: tooLarge(unsafe) });
      if (issues.length >= MAX_ISSUES) break;
      continue;
    }
    const a = String(Number(x));
    const b = String(Number(y));
    // A node seen only in a self-loop is still a node of the file: it becomes a member without connections.
    const i = node(a);
    const j = node(b);
    if (i === j) {
      selfLoops++;
      continue;
    }
    const key = Math.min(i, j) * 4294967296 + Math.max(i, j);
    if (seen.has(key)) {
      repeats++;
      continue;
    }
    seen.add(key);
    pairs.push([i, j]);
  }
  if (pairs.length === 0 && issues.length === 0) issues.push({ file, line: lineNo, message: 'no edges found' });
  // Numeric order, so on an empty database a dense file's node N simply becomes member N + 1.
  const order = nodes.map((_, i) => i).sort((x, y) => Number(nodes[x]) - Number(nodes[y]));
  const rank = new Int32Array(nodes.length);
  order.forEach((old, k) => (rank[old] = k));
  return {
    nodes: order.map((i) => nodes[i]!),
    pairs: pairs.map(([i, j]) => [rank[i]!, rank[j]!]),
    lines: lineNo,
    selfLoops,
    repeats,
    issues,
  };
}

/**
 * Reads node names from a CSV with a header naming an `id` column and a `name` column (SNAP MUSAE's
 * `musae_git_target.csv`: `id,name,ml_target`). Names are clipped to the profile's limit.
 */
export function parseNodeNames(text: string, file: string): { names: Map<string, string>; issues: ImportIssue[] } {
  const names = new Map<string, string>();
  const issues: ImportIssue[] = [];
  let records;
  try {
    records = parseCsv(text);
  } catch (err) {
    const line = (err as { line?: number }).line ?? 0;
    return { names, issues: [{ file, line, message: (err as Error).message }] };
  }
  const [header, ...body] = records;
  const columns = (header?.fields ?? []).map((f) => f.trim().toLowerCase());
  const idAt = columns.indexOf('id');
  const nameAt = columns.indexOf('name');
  if (idAt < 0 || nameAt < 0) return { names, issues: [{ file, line: 1, message: 'the header must name an "id" and a "name" column' }] };
  for (const r of body) {
    const id = (r.fields[idAt] ?? '').trim();
    const name = requiredText(LIMITS.nameMax).safeParse(clip(r.fields[nameAt] ?? '', LIMITS.nameMax));
    if (!DIGITS.test(id)) issues.push({ file, line: r.line, message: `id: "${id}" is not a whole number` });
    else if (!isSafeNodeId(id)) issues.push({ file, line: r.line, message: `id: ${tooLarge(id)}` });
    else if (!name.success) issues.push({ file, line: r.line, message: `name: ${name.error.issues[0]?.message ?? 'is not valid'}` });
    else names.set(String(Number(id)), name.data);
    if (issues.length >= MAX_ISSUES) break;
  }
  return { names, issues };
}
