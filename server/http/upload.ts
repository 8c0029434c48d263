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
