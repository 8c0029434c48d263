import type { CodeWithStatus, ERROR_CODES, ErrorCode } from '../common/error-codes.ts';

/**
 * One error module: every failure the API reports has a stable machine code from the catalogue
 * (common/error-codes.ts) and that code's HTTP status; a status that does not match the code, or a code
 * not in the catalogue, is a type error. Handlers throw these; one renderer (server/http/problem.ts)
 * turns them into problem+json.
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly status: (typeof ERROR_CODES)[C]['status'],
    readonly code: C,
    message: string,
    readonly extra: { errors?: { path: string; message: string }[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }
}

export const badRequest = (code: CodeWithStatus<400>, message: string, errors?: { path: string; message: string }[]) =>
  new AppError(400, code, message, errors ? { errors } : {});
export const unauthorized = (message = 'Sign in to continue.') => new AppError(401, 'unauthenticated', message);
export const forbidden = (code: CodeWithStatus<403>, message: string) => new AppError(403, code, message);
export const notFound = (what = 'Resource') => new AppError(404, 'not_found', `${what} not found.`);
export const conflict = (code: CodeWithStatus<409>, message: string) => new AppError(409, code, message);
export const tooManyRequests = (retryAfterSeconds: number, message = 'Too many attempts. Try again later.') =>
  new AppError(429, 'rate_limited', message, { headers: { 'retry-after': String(retryAfterSeconds) } });
export const payloadTooLarge = (message: string) => new AppError(413, 'payload_too_large', message);
export const unsupportedMedia = (message: string) => new AppError(415, 'unsupported_media_type', message);
