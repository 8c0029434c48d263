/**
 * Plain edge lists (SNAP `a b`, CSV `a,b`, LDBC `a|b|yyyyMMddHHmmssSSS`) as typed arrays, for building
 * the index, `rapport graph query --file`, the tests on the real graphs in datasets/ and the benchmarks.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { toDay } from './scoring.ts';

/** The repository's datasets/ folder: real graphs, gzip-compressed, with their source and licence. */
export const DATASETS = new URL('../../datasets/', import.meta.url);

/** Reads a file of datasets/ (`ego-facebook/facebook_combined.txt.gz`) as text, decompressed. */
export function readDataset(path: string): string {
  return gunzipSync(readFileSync(new URL(path, DATASETS))).toString('utf8');
}

/**
 * A node id above 2^53 − 1: as a JavaScript number it would round onto a neighbouring id, and two nodes
 * of the file would silently become one.
 */
export class UnsafeNodeIdError extends Error {
  constructor(
    readonly line: number,
    readonly id: string,
  ) {
    super(`line ${line}: node id ${id} is larger than ${Number.MAX_SAFE_INTEGER} (2^53 − 1), so it cannot be kept apart from its neighbours`);
  }
}

/** Whether a string of digits is an id that a number holds exactly (leading zeros allowed). */
export function isSafeNodeId(digits: string): boolean {
  return digits.length <= 15 || Number.isSafeInteger(Number(digits));
}

export interface EdgeList {
  /** Member slots: ids are 0 ≤ id < n. */
  n: number;
  src: Int32Array;
  dst: Int32Array;
  /** Index days (scoring.ts), when the file has dates. */
  days?: Uint16Array;
  /** The file's id of each dense id, when the file's ids were remapped. */
  originalIds?: string[];
}

/** LDBC dates are yyyyMMddHHmmssSSS numbers, too long for a double: parse the digits. */
export function parseLdbcDate(text: string): number {
  const t = text.trim();
  return Date.UTC(+t.slice(0, 4), +t.slice(4, 6) - 1, +t.slice(6, 8), +t.slice(8, 10), +t.slice(10, 12), +t.slice(12, 14), +t.slice(14, 17));
}

/**
 * Parses one edge per line, skipping blank lines, comments (#, %) and a header line (any non-numeric id).
 * Ids stay as they are when they are small dense integers, and are remapped to 0..n-1 in order of first
 * appearance otherwise (LDBC's 14-digit ids); `007` and `7` are one node either way. An id above 2^53 − 1
 * throws UnsafeNodeIdError naming its line.
 */
export function parseEdgeList(text: string, separator: string | RegExp, opts: { dateColumn?: number } = {}): EdgeList {
  const lines = text.split('\n');
  const a: string[] = [], b: string[] = [], dates: number[] = [];
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at]!.trim();
    if (!line || line.startsWith('#') || line.startsWith('%')) continue;
    const cols = line.split(separator);
    const x = cols[0]?.trim() ?? '', y = cols[1]?.trim() ?? '';
    if (!/^\d+$/.test(x) || !/^\d+$/.test(y)) continue;
    if (!isSafeNodeId(x)) throw new UnsafeNodeIdError(at + 1, x);
    if (!isSafeNodeId(y)) throw new UnsafeNodeIdError(at + 1, y);
    a.push(x);
    b.push(y);
    if (opts.dateColumn !== undefined) dates.push(parseLdbcDate(cols[opts.dateColumn] ?? ''));
  }
  const m = a.length;
  let max = -1;
  const distinct = new Set<string>();
  for (let i = 0; i < m; i++) {
    distinct.add(a[i]!).add(b[i]!);
    max = Math.max(max, Number(a[i]), Number(b[i]));
  }
  const src = new Int32Array(m), dst = new Int32Array(m);
  let n: number;
  let originalIds: string[] | undefined;
  if (max < 2 * distinct.size + 16 && max < 2 ** 31 - 1) {
    for (let i = 0; i < m; i++) {
      src[i] = Number(a[i]);
      dst[i] = Number(b[i]);
    }
    n = max + 1;
  } else {
    const ids = new Map<string, number>();
    originalIds = [];
    const dense = (text: string): number => {
      const s = text.length > 1 && text.startsWith('0') ? String(Number(text)) : text;
      let id = ids.get(s);
      if (id === undefined) ids.set(s, (id = originalIds!.push(s) - 1));
      return id;
    };
    for (let i = 0; i < m; i++) {
      src[i] = dense(a[i]!);
      dst[i] = dense(b[i]!);
    }
    n = originalIds.length;
  }
  const out: EdgeList = { n, src, dst };
  if (opts.dateColumn !== undefined) out.days = Uint16Array.from(dates, (ms) => toDay(ms));
  if (originalIds) out.originalIds = originalIds;
  return out;
}

/** Deterministic pseudo-random dates (2005–2024) for edge lists without any, so recency has something to rank. */
export function syntheticDays(m: number, seed = 1): Uint16Array {
  const days = new Uint16Array(m);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < m; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    days[i] = 1826 + ((s >>> 0) % 7300);
  }
  return days;
}
