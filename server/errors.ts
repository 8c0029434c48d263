import type { CodeWithStatus, ERROR_CODES, ErrorCode } from '../common/error-codes.ts';
import type { MessageKey, MessageParams, Situation } from '../common/i18n/errors/en.ts';
import { errorText } from './i18n/errors.ts';

/**
 * A field error as thrown: the field's path, a stable code, and its message by key (rendered in the
 * request's language by server/http/problem.ts).
 */
export interface FieldErrorSource {
  path: string;
  code: string;
  key: MessageKey | `field.${string}`;
  params?: MessageParams;
}

interface Extra {
  errors?: FieldErrorSource[];
  headers?: Record<string, string>;
}

/**
 * What an error says, beyond its code: which of the code's situations it is (required exactly when the
 * code has several messages in common/i18n/errors/en.ts), the message's arguments, field errors, headers.
 */
export type Detail<C extends ErrorCode> = [Situation<C>] extends [never]
  ? [detail?: { key?: never; params?: MessageParams } & Extra]
  : [detail: { key: Situation<C>; params?: MessageParams } & Extra];

/**
 * One error module: every failure the API reports has a stable machine code from the catalogue
 * (common/error-codes.ts) and that code's HTTP status; a status that does not match the code, or a code
 * not in the catalogue, is a type error. The message is a key of the error messages (common/i18n/errors)
 * with its arguments, never text, so it can be said in the reader's language. Handlers throw these; one
 * renderer (server/http/problem.ts) turns them into problem+json.
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  /** The message's key: the code, or `code.situation`. */
  readonly key: MessageKey;
  readonly params: MessageParams;
  readonly extra: Extra;

  constructor(
    readonly status: (typeof ERROR_CODES)[C]['status'],
    readonly code: C,
    ...[detail]: Detail<C>
  ) {
    const key = (detail?.key ? `${code}.${detail.key}` : code) as MessageKey;
    const params = detail?.params ?? {};
    // The English text, for logs and for code that reads `message`.
    super(errorText('en', key, params));
    this.key = key;
    this.params = params;
    this.extra = { ...(detail?.errors ? { errors: detail.errors } : {}), ...(detail?.headers ? { headers: detail.headers } : {}) };
  }
}

export const badRequest = <C extends CodeWithStatus<400>>(code: C, ...detail: Detail<C>) => new AppError<C>(400 as (typeof ERROR_CODES)[C]['status'], code, ...detail);
export const unauthorized = () => new AppError(401, 'unauthenticated');
export const forbidden = <C extends CodeWithStatus<403>>(code: C, ...detail: Detail<C>) => new AppError<C>(403 as (typeof ERROR_CODES)[C]['status'], code, ...detail);
export const notFound = (what: Situation<'not_found'> = 'resource') => new AppError(404, 'not_found', { key: what });
export const conflict = <C extends CodeWithStatus<409>>(code: C, ...detail: Detail<C>) => new AppError<C>(409 as (typeof ERROR_CODES)[C]['status'], code, ...detail);
export const tooManyRequests = (retryAfterSeconds: number, key: Situation<'rate_limited'>, params: MessageParams = {}) =>
  new AppError(429, 'rate_limited', { key, params, headers: { 'retry-after': String(retryAfterSeconds) } });
export const payloadTooLarge = (key: Situation<'payload_too_large'>) => new AppError(413, 'payload_too_large', { key });
export const unsupportedMedia = (key: Situation<'unsupported_media_type'>) => new AppError(415, 'unsupported_media_type', { key });

/** The minutes to announce for a wait in seconds (at least one), for the rate_limited messages that count minutes. */
export const minutesOf = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));
