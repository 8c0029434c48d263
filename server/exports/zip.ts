/**
 * Writing an export's ZIP as a stream (yazl): each entry's content is produced only when its turn comes
 * (addReadStreamLazy), from generators that page through the database, so the export is never held whole
 * in memory. The file is written under a temporary name and renamed once complete: a failed build leaves
 * nothing that looks finished, and the caller deletes the temporary file.
 */
import { createWriteStream } from 'node:fs';
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

/** A JSON array, one element per row, streamed: `[` rows `]`. */
export async function* jsonArray<T>(rows: AsyncIterable<T>, count?: (n: number) => void): AsyncGenerator<string> {
  let n = 0;
  yield '[';
  for await (const row of rows) {
    yield `${n === 0 ? '\n' : ',\n'}${JSON.stringify(row)}`;
    n += 1;
  }
  yield n === 0 ? ']\n' : '\n]\n';
  count?.(n);
}

/**
 * A CSV with a header row (RFC 4180, CRLF, UTF-8 with no BOM), streamed through csv-stringify. Cells that a
 * spreadsheet would run as a formula (=, +, -, @ first) are prefixed with an apostrophe.
 */
export function csvStream<T extends Record<string, unknown>>(columns: readonly (keyof T & string)[], rows: AsyncIterable<T>): Readable {
  const source = Readable.from(
    (async function* () {
      for await (const row of rows) yield columns.map((c) => cell(row[c]));
    })(),
  );
  const out = stringify({ header: true, columns: columns as string[], record_delimiter: 'windows' });
  source.on('error', (err) => out.destroy(err));
  return source.pipe(out);
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join('; ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
