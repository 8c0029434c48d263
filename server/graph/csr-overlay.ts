/**
 * The mutable overlay of the CSR graph (csr.ts describes the layout): member capacity growth, copying a
 * changed member's row into the pool, inserting and removing one neighbour in place, and folding the
 * overlay back into fresh base rows. Plain functions over the graph's fields; each one that replaces an
 * array returns true, so the caller (inside its seqlock bracket) publishes the new set to replicas.
 */
import { log2Floor } from './csr-layout.ts';
import { allocInt32, allocUint16, allocUint32, allocUint8 } from './shared-arrays.ts';

/** The fields and row access of a CsrGraph that the overlay edits (an interface, so no import cycle). */
export interface OverlayRows {
  n: number;
  off: Int32Array;
  nbr: Int32Array;
  day: Uint16Array;
  ovOff: Int32Array;
  ovLen: Int32Array;
  ovCap: Int32Array;
  ovBits: Uint32Array;
  logDeg: Uint8Array;
  pool: Int32Array;
  poolDay: Uint16Array;
  poolUsed: number;
  degree(u: number): number;
  rowArr(u: number): Int32Array;
  rowDays(u: number): Uint16Array;
  rowLo(u: number): number;
  rowHi(u: number): number;
}

/** Makes ids < n valid members (new members have empty rows), growing capacity by half when needed. */
export function growMembers(g: OverlayRows, n: number): boolean {
  const cap = g.off.length - 1;
  let replaced = false;
  if (n > cap) {
    const next = Math.max(n, Math.ceil(cap * 1.5) + 16);
    const off = allocInt32(next + 1);
    off.set(g.off);
    off.fill(g.off[cap]!, cap + 1);
    g.off = off;
    const ovOff = allocInt32(next).fill(-1);
    ovOff.set(g.ovOff);
    g.ovOff = ovOff;
    const ovLen = allocInt32(next);
    ovLen.set(g.ovLen);
    g.ovLen = ovLen;
    const ovCap = allocInt32(next);
    ovCap.set(g.ovCap);
    g.ovCap = ovCap;
    const ovBits = allocUint32((next + 31) >>> 5);
    ovBits.set(g.ovBits);
    g.ovBits = ovBits;
    const logDeg = allocUint8(next);
    logDeg.set(g.logDeg);
    g.logDeg = logDeg;
    replaced = true;
  }
  g.n = n;
  return replaced;
}

/** Room for `extra` more pool entries; true when the pool moved. */
function reservePool(g: OverlayRows, extra: number): boolean {
  if (g.poolUsed + extra <= g.pool.length) return false;
  const size = Math.max(g.poolUsed + extra, g.pool.length * 2);
  const pool = allocInt32(size);
  pool.set(g.pool.subarray(0, g.poolUsed));
  const poolDay = allocUint16(size);
  poolDay.set(g.poolDay.subarray(0, g.poolUsed));
  g.pool = pool;
  g.poolDay = poolDay;
  return true;
}

/** Makes u's row an overlay row with room for `extra` more entries (25% slack when it is copied); true when the pool moved. */
function ownRow(g: OverlayRows, u: number, extra: number): boolean {
  const o = g.ovOff[u]!;
  const len = g.degree(u);
  if (o >= 0 && len + extra <= g.ovCap[u]!) return false;
  const cap = len + extra + Math.max(4, len >> 2);
  const moved = reservePool(g, cap);
  const start = g.poolUsed;
  // Read the source after reservePool: growing the pool moves overlay rows.
  const srcArr = g.rowArr(u), srcDays = g.rowDays(u), lo = g.rowLo(u);
  g.pool.set(srcArr.subarray(lo, lo + len), start);
  g.poolDay.set(srcDays.subarray(lo, lo + len), start);
  g.poolUsed += cap;
  g.ovOff[u] = start;
  g.ovLen[u] = len;
  g.ovCap[u] = cap;
  g.ovBits[u >>> 5]! |= 1 << (u & 31);
  return moved;
}

/** Inserts w (tie day d) into u's row, which stays sorted; true when the pool moved. */
export function insertNeighbour(g: OverlayRows, u: number, w: number, d: number): boolean {
  const moved = ownRow(g, u, 1);
  const start = g.ovOff[u]!, len = g.ovLen[u]!;
  const pool = g.pool, days = g.poolDay;
  let p = start + len;
  while (p > start && pool[p - 1]! > w) {
    pool[p] = pool[p - 1]!;
    days[p] = days[p - 1]!;
    p--;
  }
  pool[p] = w;
  days[p] = d;
  g.ovLen[u] = len + 1;
  g.logDeg[u] = log2Floor(len + 1);
  return moved;
}

/** Removes w from u's row (the caller knows it is there); true when the pool moved. */
export function removeNeighbour(g: OverlayRows, u: number, w: number): boolean {
  const moved = ownRow(g, u, 0);
  const start = g.ovOff[u]!, len = g.ovLen[u]!;
  const pool = g.pool, days = g.poolDay;
  let p = start;
  const end = start + len;
  while (p < end && pool[p] !== w) p++;
  for (; p + 1 < end; p++) {
    pool[p] = pool[p + 1]!;
    days[p] = days[p + 1]!;
  }
  g.ovLen[u] = len - 1;
  g.logDeg[u] = log2Floor(len - 1);
  return moved;
}

/** Folds the overlay into fresh base rows and empties it (always replaces arrays). */
export function foldOverlay(g: OverlayRows): void {
  const n = g.n;
  const off = allocInt32(g.off.length);
  let total = 0;
  for (let u = 0; u < n; u++) {
    off[u] = total;
    total += g.degree(u);
  }
  off.fill(total, n);
  const nbr = allocInt32(total);
  const day = allocUint16(total);
  for (let u = 0; u < n; u++) {
    const lo = g.rowLo(u), hi = g.rowHi(u);
    nbr.set(g.rowArr(u).subarray(lo, hi), off[u]!);
    day.set(g.rowDays(u).subarray(lo, hi), off[u]!);
  }
  g.off = off;
  g.nbr = nbr;
  g.day = day;
  g.ovOff.fill(-1);
  g.ovBits.fill(0);
  g.ovLen.fill(0);
  g.ovCap.fill(0);
  g.pool = allocInt32(1024);
  g.poolDay = allocUint16(1024);
  g.poolUsed = 0;
}
