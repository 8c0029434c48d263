/**
 * The shapes and constants of the CSR graph's storage (csr.ts describes the layout): the slots of the
 * shared control array, the change-log size, the array set a read-only replica adopts, and the build
 * options. Kept apart from the class so the builders and the overlay (csr-build.ts, csr-overlay.ts) share
 * them without importing the class.
 */

/** Slots of the shared control array. */
export const CTL = { SEQ: 0, GEN: 1, N: 2, EDGES: 3, VERSION: 4 } as const;
export const CTL_SLOTS = 8;
/** Change-log ring size (a power of two): caches older than this many changes are dropped, not checked. */
export const CHANGE_LOG = 4096;

/** Everything a read-only replica needs, all on SharedArrayBuffers (postMessage shares, never copies them). */
export interface CsrArrays {
  ctl: Int32Array;
  off: Int32Array;
  nbr: Int32Array;
  day: Uint16Array;
  ovOff: Int32Array;
  ovLen: Int32Array;
  ovBits: Uint32Array;
  logDeg: Uint8Array;
  pool: Int32Array;
  poolDay: Uint16Array;
  changeA: Int32Array;
  changeB: Int32Array;
}

export interface CsrOptions {
  /** Overlay pool size (entries) at which `needsCompaction()` turns true; default max(2^20, base edges / 16). */
  compactAt?: number;
}

/** The base rows: `off` (n + 1 entries or more), and each row's neighbours (ascending) and days. */
export interface BaseRows {
  off: Int32Array;
  nbr: Int32Array;
  day: Uint16Array;
}

/** ⌊log2 d⌋ for d ≥ 1, and 0 for d ≤ 1. */
export function log2Floor(d: number): number {
  return d > 1 ? 31 - Math.clz32(d) : 0;
}
