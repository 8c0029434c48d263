/**
 * The CSR's binary form, for graph.snapshot (snapshot.ts adds the file header, checksum and change mark).
 *
 * A 32-byte header (magic, version, members, directed edges, follow edges), then `off` (Int32 × (n+1)),
 * `nbr` (Int32 × m), `day` (Uint16 × m, padded to 4 bytes) and the follow pairs (Int32 × 2f). Encoding
 * compacts first, so the body is exactly the base arrays and decoding is a few memcpys.
 */
import { CsrGraph, type CsrOptions } from './csr.ts';
import { allocInt32, allocUint16 } from './shared-arrays.ts';

const SNAPSHOT_MAGIC = 0x52504752; // "RPGR"
const SNAPSHOT_VERSION = 1;
const HEADER_BYTES = 32;

export function encodeCsr(g: CsrGraph): Uint8Array {
  if (g.poolUsed > 0) g.compact();
  const n = g.n, m = g.off[n]!;
  const follows = g.follows.toPairs();
  const dayBytes = (m * 2 + 3) & ~3;
  const size = HEADER_BYTES + (n + 1) * 4 + m * 4 + dayBytes + follows.byteLength;
  const out = new Uint8Array(size);
  const header = new DataView(out.buffer);
  header.setUint32(0, SNAPSHOT_MAGIC, true);
  header.setUint32(4, SNAPSHOT_VERSION, true);
  header.setUint32(8, n, true);
  header.setUint32(12, m, true);
  header.setUint32(16, follows.length / 2, true);
  let at = HEADER_BYTES;
  out.set(new Uint8Array(g.off.buffer, g.off.byteOffset, (n + 1) * 4), at);
  at += (n + 1) * 4;
  out.set(new Uint8Array(g.nbr.buffer, g.nbr.byteOffset, m * 4), at);
  at += m * 4;
  out.set(new Uint8Array(g.day.buffer, g.day.byteOffset, m * 2), at);
  at += dayBytes;
  out.set(new Uint8Array(follows.buffer, follows.byteOffset, follows.byteLength), at);
  return out;
}

export function decodeCsr(buffer: Uint8Array, opts: CsrOptions = {}): CsrGraph {
  if (buffer.byteLength < HEADER_BYTES) throw new Error('graph snapshot: truncated header');
  const header = new DataView(buffer.buffer, buffer.byteOffset, HEADER_BYTES);
  if (header.getUint32(0, true) !== SNAPSHOT_MAGIC) throw new Error('graph snapshot: bad magic');
  if (header.getUint32(4, true) !== SNAPSHOT_VERSION) throw new Error('graph snapshot: unsupported version');
  const n = header.getUint32(8, true), m = header.getUint32(12, true), f = header.getUint32(16, true);
  const dayBytes = (m * 2 + 3) & ~3;
  const size = HEADER_BYTES + (n + 1) * 4 + m * 4 + dayBytes + f * 8;
  if (buffer.byteLength < size) throw new Error('graph snapshot: truncated body');
  // Copy into shared, aligned arrays (the input buffer may be unaligned, e.g. a file slice).
  const copy = (at: number, bytes: number): Uint8Array => buffer.subarray(at, at + bytes);
  let at = HEADER_BYTES;
  const off = allocInt32(n + 1);
  new Uint8Array(off.buffer, off.byteOffset, (n + 1) * 4).set(copy(at, (n + 1) * 4));
  at += (n + 1) * 4;
  const nbr = allocInt32(m);
  new Uint8Array(nbr.buffer, nbr.byteOffset, m * 4).set(copy(at, m * 4));
  at += m * 4;
  const day = allocUint16(m);
  new Uint8Array(day.buffer, day.byteOffset, m * 2).set(copy(at, m * 2));
  at += dayBytes;
  if (off[0] !== 0 || off[n] !== m) throw new Error('graph snapshot: inconsistent offsets');
  const g = CsrGraph.fromBase(n, off, nbr, day, opts);
  const pairs = new Int32Array(f * 2);
  new Uint8Array(pairs.buffer).set(copy(at, f * 8));
  g.follows.addPairs(pairs);
  return g;
}
