/**
 * Reading an uploaded ZIP with yauzl: the central directory is listed (names checked against traversal),
 * and an entry is inflated only when a reader opens it, streamed, with every inflated byte counted against
 * the declared size, the archive's total and the entry's ratio, so a ZIP bomb fails however its headers lie.
 */
import { Transform, type TransformCallback } from 'node:stream';
import yauzl from 'yauzl';
import { type ArchiveEntry, ImportFormatError, type ImportLimits } from '../records.ts';
import { RATIO_FLOOR_BYTES } from './limits.ts';

/** More entries than any genuine export has; listing them is the only work done before this check. */
const MAX_ENTRIES = 10_000;

export const ZIP_MAGIC = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];

export interface OpenZip {
  entries: ArchiveEntry[];
  /** Compressed bytes of the entries read to the end so far (for progress). */
  close(): void;
}

/** yauzl's errors as the import's codes; anything else about the container is unreadable. */
function zipError(error: unknown, file: string): ImportFormatError {
  if (error instanceof ImportFormatError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/invalid characters in fileName|absolute path|invalid relative path/i.test(message)) return new ImportFormatError('zip_path_traversal', file, null, message.slice(0, 200));
  if (/too many bytes|too few bytes|exceeds/i.test(message) && /stream|bytes/i.test(message)) return new ImportFormatError('zip_bomb', file, null, message.slice(0, 200));
  if (/truncated|unexpected EOF|overflows file bounds|signature/i.test(message)) return new ImportFormatError('zip_truncated', file, null, message.slice(0, 200));
  return new ImportFormatError('zip_unreadable', file, null, message.slice(0, 200));
}

/** Names yauzl lets through in lenient modes are checked again here: no absolute, drive, `..` or backslash paths. */
function checkName(name: string, file: string): void {
  if (name.includes('\\') || name.includes('\0') || name.startsWith('/') || /^[a-z]:/i.test(name) || name.split('/').includes('..')) {
    throw new ImportFormatError('zip_path_traversal', file, null, name.slice(0, 200));
  }
}

export async function openZip(path: string, file: string, limits: ImportLimits, onEntryDone: (compressedBytes: number) => void): Promise<OpenZip> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true }, (error, opened) => (error ? reject(zipError(error, file)) : resolve(opened)));
  });
  const raw: yauzl.Entry[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        try {
          checkName(entry.fileName, file);
          if (raw.length >= MAX_ENTRIES) throw new ImportFormatError('zip_too_many_entries', file, null, String(MAX_ENTRIES));
          if (!entry.fileName.endsWith('/')) raw.push(entry);
          zip.readEntry();
        } catch (error) {
          reject(error);
        }
      });
      zip.on('end', () => resolve());
      zip.on('error', (error) => reject(zipError(error, file)));
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    throw error;
  }
  zip.removeAllListeners('error');
  zip.on('error', () => {}); // later errors surface through the entry streams

  let inflated = 0;
  const entries = raw.map<ArchiveEntry>((entry) => ({
    name: entry.fileName,
    uncompressedSize: entry.uncompressedSize,
    open: async () => {
      const declaredRatio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > limits.maxInflatedBytes - inflated || (entry.uncompressedSize > RATIO_FLOOR_BYTES && declaredRatio > limits.maxInflationRatio)) {
        throw new ImportFormatError('zip_bomb', file, null, `${entry.fileName} declares ${entry.uncompressedSize} bytes`);
      }
      if (entry.isEncrypted()) throw new ImportFormatError('zip_encrypted', file, null, entry.fileName);
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => {
        zip.openReadStream(entry, (error, opened) => (error ? reject(zipError(error, file)) : resolve(opened)));
      });
      let bytes = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done: TransformCallback) {
          bytes += chunk.length;
          inflated += chunk.length;
          if (bytes > entry.uncompressedSize || inflated > limits.maxInflatedBytes || (bytes > RATIO_FLOOR_BYTES && bytes / Math.max(1, entry.compressedSize) > limits.maxInflationRatio)) {
            return done(new ImportFormatError('zip_bomb', file, null, `${entry.fileName} inflates past ${bytes} bytes`));
          }
          done(null, chunk);
        },
        flush(done) {
          onEntryDone(entry.compressedSize);
          done();
        },
      });
      stream.on('error', (error) => counter.destroy(zipError(error, file)));
      counter.on('close', () => (stream as unknown as { destroy(): void }).destroy());
      stream.pipe(counter);
      return counter;
    },
  }));
  return { entries, close: () => zip.close() };
}
