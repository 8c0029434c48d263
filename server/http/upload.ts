import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../errors.ts';

/**
 * Reads the one file of a multipart/form-data request into memory (null when there is none). A body cut short, a missing or broken
 * boundary, or a part that ends early is the client's mistake: busboy reports those as plain errors
 * without a status, which would otherwise surface as a 500. Limits (size, one file, no fields) are set
 * where @fastify/multipart is registered and come back as its own 4xx errors; `maxBytes` replaces the file
 * size limit for this request (a file over it is FST_REQ_FILE_TOO_LARGE).
 */
export async function readSingleUpload(request: FastifyRequest, options: { maxBytes?: number } = {}): Promise<Buffer | null> {
  if (!request.isMultipart()) throw new AppError(415, 'multipart_required');
  try {
    const file = await request.file(options.maxBytes === undefined ? undefined : { limits: { fileSize: options.maxBytes } });
    return file ? await file.toBuffer() : null;
  } catch (err) {
    if (err instanceof AppError || isClientError(err)) throw err;
    throw badRequest('invalid_upload', { key: 'malformed' });
  }
}

function isClientError(err: unknown): boolean {
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * Streams the one file of a multipart/form-data request to `path`, never holding more than a chunk in
 * memory (imports take archives of hundreds of megabytes). Returns the file's name as the client gave it
 * and its size, or null when the request carries no file. The file is written under `path`.part and renamed
 * once complete, so `path` never holds half an upload. Over `maxBytes` the partial file is deleted and
 * `tooLarge()` is thrown; a full disk is `storage_full` (507); a body cut short is `invalid_upload`, as for
 * readSingleUpload.
 */
export async function streamSingleUpload(
  request: FastifyRequest,
  path: string,
  options: { maxBytes: number; tooLarge: () => AppError },
): Promise<{ fileName: string; bytes: number } | null> {
  if (!request.isMultipart()) throw new AppError(415, 'multipart_required');
  const partial = `${path}.part`;
  let wrote = false;
  try {
    const file = await request.file({ limits: { fileSize: options.maxBytes } });
    if (!file) return null;
    wrote = true;
    let bytes = 0;
    const out = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
    // A failed write (ENOSPC) destroys the stream: remembered here, because once destroyed it never drains.
    let writeError: Error | null = null;
    out.once('error', (err) => (writeError = err));
    try {
      // Read as @fastify/multipart's own toBuffer does: a part cut short (no closing boundary) ends this
      // loop, where a pipeline would wait for the part forever.
      // After a failed write the rest of the body is still read (and dropped): answering before the client has
      // sent it all would reset the connection under the client, which would never see the answer.
      for await (const chunk of file.file as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (writeError) continue;
        if (!out.write(chunk)) await Promise.race([once(out, 'drain'), once(out, 'close')]).catch(() => undefined);
      }
    } finally {
      out.end();
      await finished(out).catch(() => undefined);
    }
    if (writeError) throw writeError;
    if (file.file.truncated) throw options.tooLarge();
    await rename(partial, path);
    return { fileName: file.filename, bytes };
  } catch (err) {
    if (wrote) await rm(partial, { force: true });
    if (err instanceof AppError) throw err;
    if (isStorageFull(err)) throw new AppError(507, 'storage_full');
    if ((err as { code?: unknown } | null)?.code === 'FST_REQ_FILE_TOO_LARGE') throw options.tooLarge();
    if (isClientError(err)) throw err;
    throw badRequest('invalid_upload', { key: 'malformed' });
  }
}

/** The disk (or the quota) is full: the server's state, not the client's mistake. */
export function isStorageFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}
