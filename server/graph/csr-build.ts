/**
 * Base rows from an unordered edge list (CsrGraph.fromEdges). For rows that already arrive in member
 * order, csr-sorted-builder.ts writes them in one pass instead.
 */
import type { BaseRows } from './csr-layout.ts';
import { allocInt32, allocUint16 } from './shared-arrays.ts';

/**
 * Each undirected edge once or in both directions, duplicates allowed: self-loops and out-of-range ids are
 * dropped, duplicates keep the earliest day. No comparison sort: a bucket pass by source, then a transpose,
 * which lists every row's neighbours in ascending order. The result lives on shared arrays.
 */
export function buildRows(n: number, src: Int32Array, dst: Int32Array, createdDays?: Uint16Array): BaseRows {
  const m = Math.min(src.length, dst.length);
  const deg = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) {
    const a = src[i]!, b = dst[i]!;
    if (a === b || a < 0 || b < 0 || a >= n || b >= n) continue;
    deg[a]!++;
    deg[b]!++;
  }
  const start = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) start[u + 1] = start[u]! + deg[u]!;
  const total = start[n]!;
  // Pass 1: bucket by source (rows unsorted).
  const n1 = new Int32Array(total);
  const d1 = new Uint16Array(total);
  const cur = start.slice(0, n);
  for (let i = 0; i < m; i++) {
    const a = src[i]!, b = dst[i]!;
    if (a === b || a < 0 || b < 0 || a >= n || b >= n) continue;
    const d = createdDays ? createdDays[i]! : 0;
    let p = cur[a]!++;
    n1[p] = b;
    d1[p] = d;
    p = cur[b]!++;
    n1[p] = a;
    d1[p] = d;
  }
  // Pass 2: transpose. Row w receives u for every u whose row holds w, in increasing u: sorted rows.
  const n2 = new Int32Array(total);
  const d2 = new Uint16Array(total);
  cur.set(start.subarray(0, n));
  for (let u = 0; u < n; u++) {
    for (let p = start[u]!, e = start[u + 1]!; p < e; p++) {
      const q = cur[n1[p]!]!++;
      n2[q] = u;
      d2[q] = d1[p]!;
    }
  }
  // Pass 3: drop duplicates (adjacent now), keeping the earliest day, into shared arrays.
  let kept = 0;
  for (let u = 0; u < n; u++) {
    let prev = -1;
    for (let p = start[u]!, e = start[u + 1]!; p < e; p++) {
      if (n2[p] !== prev) {
        prev = n2[p]!;
        kept++;
      }
    }
  }
  const off = allocInt32(n + 1);
  const nbr = allocInt32(kept);
  const day = allocUint16(kept);
  let w = 0;
  for (let u = 0; u < n; u++) {
    off[u] = w;
    let prev = -1;
    for (let p = start[u]!, e = start[u + 1]!; p < e; p++) {
      const v = n2[p]!;
      if (v === prev) {
        if (d2[p]! < day[w - 1]!) day[w - 1] = d2[p]!;
        continue;
      }
      prev = v;
      nbr[w] = v;
      day[w] = d2[p]!;
      w++;
    }
  }
  off[n] = w;
  return { off, nbr, day };
}
