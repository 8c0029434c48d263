/**
 * One error module: every failure the API reports has a stable machine code and an HTTP status.
 * Handlers throw these; one renderer (server/http/problem.ts) turns them into problem+json.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { errors?: { path: string; message: string }[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, errors?: { path: string; message: string }[]) =>
  new AppError(400, code, message, errors ? { errors } : {});
export const unauthorized = (message = 'Sign in to continue.') => new AppError(401, 'unauthenticated', message);
export const forbidden = (code: string, message: string) => new AppError(403, code, message);
export const notFound = (what = 'Resource') => new AppError(404, 'not_found', `${what} not found.`);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const tooManyRequests = (retryAfterSeconds: number, message = 'Too many attempts. Try again later.') =>
  new AppError(429, 'rate_limited', message, { headers: { 'retry-after': String(retryAfterSeconds) } });
export const payloadTooLarge = (message: string) => new AppError(413, 'payload_too_large', message);
export const unsupportedMedia = (message: string) => new AppError(415, 'unsupported_media_type', message);
