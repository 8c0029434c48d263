/**
 * Plain edge lists (SNAP `a b`, CSV `a,b`, LDBC `a|b|yyyyMMddHHmmssSSS`) as typed arrays, for building
 * the index, the tests on ../shared/data and the benchmarks.
 */
import { toDay } from './scoring.ts';

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
 * appearance otherwise (LDBC's 14-digit ids).
 */
export function parseEdgeList(text: string, separator: string | RegExp, opts: { dateColumn?: number } = {}): EdgeList {
  const lines = text.split('\n');
  const a: string[] = [], b: string[] = [], dates: number[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('%')) continue;
    const cols = line.split(separator);
    const x = cols[0]?.trim() ?? '', y = cols[1]?.trim() ?? '';
    if (!/^\d+$/.test(x) || !/^\d+$/.test(y)) continue;
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
    const dense = (s: string): number => {
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
