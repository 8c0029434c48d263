/**
 * Writing an export's ZIP as a stream (yazl): each entry's content is produced only when its turn comes
 * (addReadStreamLazy), from generators that page through the database, so the export is never held whole
 * in memory. The file is written under a temporary name and renamed once complete: a failed build leaves
 * nothing that looks finished, and the caller deletes the temporary file.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { rename, stat, unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import yazl from 'yazl';

export type Chunks = AsyncIterable<string | Buffer> | Iterable<string | Buffer>;

export class ZipWriter {
  private readonly zip = new yazl.ZipFile();
  private failure: Error | null = null;
  private readonly mtime: Date;

  constructor(mtime: Date) {
    this.mtime = mtime;
    this.zip.on('error', (err: Error) => {
      this.failure ??= err;
    });
  }

  /** An entry whose content is made when the ZIP reaches it: `produce` is called then, not now. */
  addLazy(name: string, produce: () => Chunks | Readable): void {
    this.zip.addReadStreamLazy(name, { mtime: this.mtime }, (cb) => {
      try {
        const made = produce();
        const stream = made instanceof Readable ? made : Readable.from(made, { objectMode: false });
        stream.on('error', (err) => {
          this.failure ??= err;
          // yazl would wait for this entry's end forever: the ZIP fails here, and writeTo deletes its file.
          (this.zip.outputStream as unknown as Readable).destroy(err);
        });
        cb(null, stream);
      } catch (err) {
        cb(err as Error, undefined as unknown as Readable);
      }
    });
  }

  addBuffer(name: string, content: Buffer): void {
    this.zip.addBuffer(content, name, { mtime: this.mtime });
  }

  /** Ends the ZIP and writes it to `tempPath`, then renames it to `finalPath`; returns its size. */
  async writeTo(tempPath: string, finalPath: string): Promise<number> {
    const out = createWriteStream(tempPath, { flags: 'wx' });
    const done = new Promise<void>((resolve, reject) => {
      out.on('close', resolve);
      out.on('error', reject);
      this.zip.on('error', reject);
      this.zip.outputStream.on('error', reject);
    });
    this.zip.outputStream.pipe(out);
    this.zip.end();
    try {
      await done;
      if (this.failure) throw this.failure;
      await rename(tempPath, finalPath);
      return (await stat(finalPath)).size;
    } catch (err) {
      out.destroy();
      await unlink(tempPath).catch(() => undefined);
      throw err;
    }
  }
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join('; ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * One pass over a table for both of its files: yields the JSON array (as jsonArray) and, as it goes, writes the
 * CSV to `csvPath` on disk, complete by the time the JSON ends; the CSV's entry then streams that file. The
 * database is read once per table, and memory holds a page at a time.
 */
export async function* jsonWithCsv<T extends Record<string, unknown>>(
  rows: AsyncIterable<T>,
  columns: readonly (keyof T & string)[],
  csvPath: string,
  count: (n: number) => void,
): AsyncGenerator<string> {
  const file = createWriteStream(csvPath, { flags: 'wx' });
  const csv = stringify({ header: true, columns: columns as string[], record_delimiter: 'windows' });
  csv.pipe(file);
  // A failed write (ENOSPC) unpipes the CSV, which then never drains: the failure is remembered and every wait
  // for a drain also ends when the file closes, so the export fails instead of hanging.
  let failure: Error | null = null;
  file.on('error', (err) => (failure ??= err));
  csv.on('error', (err) => (failure ??= err));
  const closed = new Promise<void>((resolve) => file.on('close', resolve));
  const failed = (): Error | null => failure;
  try {
    let n = 0;
    yield '[';
    for await (const row of rows) {
      yield `${n === 0 ? '\n' : ',\n'}${JSON.stringify(row)}`;
      if (!csv.write(columns.map((c) => cell(row[c])))) await Promise.race([once(csv, 'drain').catch(() => undefined), closed]);
      const err = failed();
      if (err) throw err;
      n += 1;
    }
    csv.end();
    await closed;
    const err = failed();
    if (err) throw err;
    yield n === 0 ? ']\n' : '\n]\n';
    count(n);
  } finally {
    if (!file.closed) {
      csv.destroy();
      file.destroy();
    }
  }
}
