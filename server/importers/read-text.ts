import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

const gunzipAsync = promisify(gunzip);

/** A file that starts like gzip but does not decompress: truncated downloads, mostly. */
export class CompressedFileError extends Error {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`not a valid gzip file (${(cause as Error).message}): download it again, or decompress it yourself`);
  }
}

/** True when the bytes start with gzip's magic number (1f 8b). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** A file name without a trailing `.gz`: `person_0_0.csv.gz` → `person_0_0.csv`. */
export function withoutGz(name: string): string {
  return name.replace(/\.gz$/i, '');
}

/**
 * Reads a text file as UTF-8, decompressing it first when it is gzip-compressed. The content decides, not
 * the name: data sets are downloaded compressed (SNAP ships `.txt.gz`), and an operator should not have to
 * unpack them, nor rename a file that was unpacked by a browser.
 */
export async function readTextFile(path: string): Promise<string> {
  const bytes = await readFile(path);
  if (!isGzip(bytes)) return bytes.toString('utf8');
  try {
    return (await gunzipAsync(bytes)).toString('utf8');
  } catch (err) {
    throw new CompressedFileError(path, err);
  }
}
