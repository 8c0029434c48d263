/**
 * The graph snapshot file (RAPPORT_DATA_DIR/graph.snapshot): the CSR (csr-snapshot.ts, which holds
 * the follows too) behind a small header that says how new it is and lets a reader reject a torn,
 * truncated or foreign file before trusting a byte of it.
 *
 * Layout: "RPGRAPH\n" (8 bytes), format version (u32 LE), metadata length (u32 LE), the metadata as JSON,
 * then the CSR payload. The metadata carries the payload's length and SHA-256.
 *
 * Written to a temporary file, fsynced, then renamed over the old one (and the directory fsynced), so a
 * crash at any point leaves either the old snapshot or the new one, never half of one.
 */
import { webcrypto } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isAlive } from '../db/data-dir-lock.ts';
import type { CsrGraph } from './csr.ts';
import { decodeCsr } from './csr-snapshot.ts';

const MAGIC = Buffer.from('RPGRAPH\n', 'latin1');
const FORMAT = 1;
const PREFIX = MAGIC.length + 8;

export interface SnapshotMeta {
  /** Every graph change with id ≤ mark is in the snapshot (or never committed): catch-up replays from mark + 1. */
  mark: number;
  /** The newest change applied when it was taken (≥ mark). The database must have reached it. */
  maxApplied: number;
  /** Which database it belongs to (see persist.ts `databaseFingerprint`). */
  database: string;
  takenAt: string;
  payloadBytes: number;
  sha256: string;
}

/** Why a snapshot file was not used; the caller logs it and rebuilds from the tables. */
export class SnapshotError extends Error {}

/** Hashed on libuv's thread pool (WebCrypto), so hundreds of megabytes do not stall the event loop. */
async function sha256(bytes: Uint8Array): Promise<string> {
  return Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes)).toString('hex');
}

/** Removes temporary files left by a writer that died mid-write (each writer puts its pid in the name). */
async function removeStaleTemporaries(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(name.slice(prefix.length, -'.tmp'.length));
    if (name.startsWith(prefix) && name.endsWith('.tmp') && Number.isInteger(pid) && (pid === process.pid || !isAlive(pid))) {
      await rm(join(dirname(path), name), { force: true });
    }
  }
}

/** Writes the snapshot atomically (temp file, fsync, rename, fsync of the directory). */
export async function writeSnapshotFile(path: string, payload: Uint8Array, meta: Omit<SnapshotMeta, 'payloadBytes' | 'sha256'>): Promise<SnapshotMeta> {
  const full: SnapshotMeta = { ...meta, payloadBytes: payload.byteLength, sha256: await sha256(payload) };
  const json = Buffer.from(JSON.stringify(full), 'utf8');
  const prefix = Buffer.alloc(PREFIX);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(FORMAT, MAGIC.length);
  prefix.writeUInt32LE(json.length, MAGIC.length + 4);

  await mkdir(dirname(path), { recursive: true });
  await removeStaleTemporaries(path);
  const tmp = `${path}.${process.pid}.tmp`;
  const file = await open(tmp, 'w', 0o600);
  try {
    await file.writev([prefix, json, payload]);
    await file.sync();
  } catch (err) {
    await file.close();
    await rm(tmp, { force: true });
    throw err;
  }
  await file.close();
  await rename(tmp, path);
  // The rename is durable only once the directory entry is on disk.
  const dir = await open(dirname(path), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
  return full;
}

/**
 * Reads and checks a snapshot: magic, format, lengths and checksum, then the CSR's own header.
 * Returns null when there is no file; throws SnapshotError saying what is wrong with a bad one.
 */
export async function readSnapshotFile(path: string): Promise<{ meta: SnapshotMeta; graph: CsrGraph } | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new SnapshotError(`cannot read ${path}: ${(err as Error).message}`);
  }
  if (bytes.length < PREFIX || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new SnapshotError('not a graph snapshot (bad magic)');
  const format = bytes.readUInt32LE(MAGIC.length);
  if (format !== FORMAT) throw new SnapshotError(`unsupported snapshot format ${format} (this version reads ${FORMAT})`);
  const jsonBytes = bytes.readUInt32LE(MAGIC.length + 4);
  if (PREFIX + jsonBytes > bytes.length) throw new SnapshotError('truncated header');
  let meta: SnapshotMeta;
  try {
    meta = JSON.parse(bytes.subarray(PREFIX, PREFIX + jsonBytes).toString('utf8')) as SnapshotMeta;
  } catch {
    throw new SnapshotError('unreadable header');
  }
  if (!Number.isSafeInteger(meta.mark) || !Number.isSafeInteger(meta.maxApplied) || typeof meta.sha256 !== 'string') {
    throw new SnapshotError('incomplete header');
  }
  const payload = bytes.subarray(PREFIX + jsonBytes);
  if (payload.length !== meta.payloadBytes) throw new SnapshotError(`payload is ${payload.length} bytes, header says ${meta.payloadBytes}`);
  if ((await sha256(payload)) !== meta.sha256) throw new SnapshotError('checksum mismatch');
  try {
    return { meta, graph: decodeCsr(payload) };
  } catch (err) {
    throw new SnapshotError((err as Error).message);
  }
}
