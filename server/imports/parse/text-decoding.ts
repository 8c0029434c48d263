/**
 * Bytes to text for every text parser. A UTF-8 byte-order mark is stripped; UTF-16 with a byte-order mark
 * (LE or BE, as Outlook on Windows writes "Unicode" CSVs) is decoded; anything else must be valid UTF-8, or
 * the import fails with not_utf8 naming the line, because guessing a legacy code page would silently garble
 * names. Line endings are normalised (CRLF and lone CR become LF, also inside quoted fields) so that the CSV
 * reader's line count is the file's line count.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { ImportFormatError } from '../records.ts';

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding a file's first bytes announce, and how many bytes of byte-order mark to drop. */
export function detectEncoding(head: Uint8Array): { encoding: Encoding; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  // Without a mark, UTF-16 text of Latin letters shows as every other byte zero; UTF-8 text has no zero bytes.
  if (head.length >= 4 && head[0] !== 0 && head[1] === 0 && head[2] !== 0 && head[3] === 0) return { encoding: 'utf-16le', bom: 0 };
  if (head.length >= 4 && head[0] === 0 && head[1] !== 0 && head[2] === 0 && head[3] !== 0) return { encoding: 'utf-16be', bom: 0 };
  return { encoding: 'utf-8', bom: 0 };
}

/** Decodes a short prefix leniently, for sniffing only (never for parsing). */
export function sniffText(head: Uint8Array): string {
  const { encoding, bom } = detectEncoding(head);
  return new TextDecoder(encoding).decode(head.subarray(bom));
}

export class DecodeText extends Transform {
  private decoder: TextDecoder | null = null;
  private head: Buffer[] = [];
  private headLength = 0;
  /** Newlines already passed downstream, so a bad byte can be placed on its line. */
  private lines = 0;
  private pendingCr = false;

  constructor(private readonly file: string) {
    super({ readableObjectMode: true });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      if (!this.decoder) {
        this.head.push(chunk);
        this.headLength += chunk.length;
        if (this.headLength < 4) return done();
        this.start();
      } else this.decode(chunk, true);
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      if (!this.decoder) this.start();
      this.decode(Buffer.alloc(0), false);
      if (this.pendingCr) this.push('\n');
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  private start(): void {
    const all = Buffer.concat(this.head);
    this.head = [];
    const { encoding, bom } = detectEncoding(all);
    this.decoder = new TextDecoder(encoding, { fatal: true });
    this.decode(all.subarray(bom), true);
  }

  private decode(bytes: Buffer, stream: boolean): void {
    let text: string;
    try {
      text = this.decoder!.decode(bytes, { stream });
    } catch {
      throw new ImportFormatError('not_utf8', this.file, this.lines + 1 + newlinesBeforeInvalid(bytes, this.decoder!.encoding), this.decoder!.encoding === 'utf-8' ? undefined : this.decoder!.encoding);
    }
    if (text.length === 0) return;
    if (this.pendingCr) {
      text = `\r${text}`;
      this.pendingCr = false;
    }
    if (stream && text.endsWith('\r')) {
      this.pendingCr = true;
      text = text.slice(0, -1);
    }
    const normalised = text.replace(/\r\n?/g, '\n');
    for (let i = normalised.indexOf('\n'); i !== -1; i = normalised.indexOf('\n', i + 1)) this.lines++;
    if (normalised.length > 0) this.push(normalised);
  }
}

/**
 * Where a chunk that failed to decode went wrong, as the number of complete lines before the bad byte.
 * A newline byte never sits inside a valid multi-byte sequence, so decoding line by line finds it; this runs
 * only once, on the failing chunk. (Bytes carried over from the previous chunk are on the chunk's first line.)
 */
function newlinesBeforeInvalid(bytes: Buffer, encoding: string): number {
  if (encoding !== 'utf-8') return 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Continuation bytes at the start finish a sequence the previous chunk began; the real decoder judged them.
  let start = 0;
  while (start < 3 && start < bytes.length && (bytes[start]! & 0xc0) === 0x80) start++;
  let lines = 0;
  for (;;) {
    const end = bytes.indexOf(0x0a, start);
    try {
      decoder.decode(bytes.subarray(start, end === -1 ? bytes.length : end + 1), { stream: true });
    } catch {
      return lines;
    }
    if (end === -1) return lines;
    lines++;
    start = end + 1;
  }
}
