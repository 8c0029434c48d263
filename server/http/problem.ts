import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { eq } from 'drizzle-orm';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_CODES, type ErrorCode } from '../../common/error-codes.ts';
import english, { type MessageKey, type MessageParams } from '../../common/i18n/errors/en.ts';
import type { Locale } from '../../common/locales.ts';
import { members } from '../db/schema.ts';
import { AppError, type FieldErrorSource } from '../errors.ts';
import { errorText } from '../i18n/errors.ts';
import { resolveLocale } from './locale.ts';
import { isStorageFull } from './upload.ts';

const PROBLEM_TYPE = 'https://rapport.example/problems/';

type FieldError = { path: string; code?: string; message: string; params?: MessageParams };

/** What a problem says: its message's key and arguments, and the English title when it is not the key's English text. */
interface Message {
  key: MessageKey;
  params?: MessageParams;
  title?: string;
}

/**
 * The RFC 9457 body every error answer carries; the status is the code's, from the catalogue. `title` is
 * English (for API clients and logs), `detail` the same message in the reader's language; `key` and
 * `params` let a client word it itself.
 */
function problemBody(code: ErrorCode, locale: Locale, { key, params = {}, title }: Message, errors?: FieldError[]) {
  const status = ERROR_CODES[code].status;
  return {
    type: PROBLEM_TYPE + code,
    title: title ?? errorText('en', key, params),
    status,
    code,
    key,
    detail: errorText(locale, key, params),
    ...(Object.keys(params).length ? { params } : {}),
    ...(errors ? { errors } : {}),
  };
}

/**
 * Content-Language names the language of `detail` and the field errors' messages: the web shows them as they
 * are when it is showing that language, and words the problem by its key otherwise (the pseudo-locale, or a
 * change of language since), without loading its own copy of the messages for nothing.
 */
function sendProblem(reply: FastifyReply, code: ErrorCode, locale: Locale, message: Message, errors?: FieldError[]) {
  const body = problemBody(code, locale, message, errors);
  return reply.status(body.status).type('application/problem+json').header('content-language', locale).send(body);
}

/**
 * The reader's language (server/http/locale.ts): the signed-in member's setting, else Accept-Language,
 * else the community's. The member's setting is read only here, on the way out of a failed request.
 */
async function localeOf(request: FastifyRequest, askDatabase = true): Promise<Locale> {
  const ctx = (request.server as Partial<FastifyInstance>).ctx;
  const defaultLocale = ctx?.config.defaultLocale ?? 'en';
  let memberLocale: Locale | null = null;
  const memberId = request.viewer?.actor.id;
  if (ctx && memberId !== undefined && askDatabase) {
    try {
      const [row] = await ctx.db.select({ locale: members.locale }).from(members).where(eq(members.id, memberId));
      memberLocale = row?.locale ?? null;
    } catch {
      // The error being answered may be the database's own: the header still says something.
    }
  }
  return resolveLocale({ memberLocale, acceptLanguage: request.headers['accept-language'], defaultLocale });
}

/** A thrown field error in the reader's language. */
function fieldError(locale: Locale, { path, code, key, params = {} }: FieldErrorSource): FieldError {
  return { path, code, message: errorText(locale, key, params), ...(Object.keys(params).length ? { params } : {}) };
}

/**
 * A schema's field error. An issue that carries its own field code (fieldIssue in common/schemas/primitives.ts:
 * a display text the rules refuse, a date order) is answered as that code, worded from the catalogue in
 * every language. Otherwise the code is zod's: in English the schema's own message stands (it can be
 * specific: "must be YYYY-MM"); another language words it by the zod issue code and its parameters.
 */
function validationError(locale: Locale, context: string | undefined, v: { keyword: string; instancePath?: string; message?: string; params: unknown }): FieldError {
  const issue = v.params as { keys?: unknown; origin?: unknown; minimum?: unknown; maximum?: unknown; params?: { fieldCode?: unknown } };
  const base = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
  let path = [context, base].filter(Boolean).join('.');
  const fieldCode = issue.params?.fieldCode;
  if (v.keyword === 'custom' && typeof fieldCode === 'string' && Object.hasOwn(english.field, fieldCode)) {
    return { path, code: fieldCode, message: errorText(locale, `field.${fieldCode}`) };
  }
  const params: MessageParams = {};
  if (typeof issue.origin === 'string') params.origin = issue.origin;
  if (typeof issue.minimum === 'number' || typeof issue.minimum === 'bigint') params.minimum = Number(issue.minimum);
  if (typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint') params.maximum = Number(issue.maximum);
  let message = v.message ?? 'is not valid';
  if (v.keyword === 'unrecognized_keys' && Array.isArray(issue.keys)) {
    const keys = issue.keys.map(String);
    path = [context, base, ...keys].filter(Boolean).join('.');
    params.keys = keys.join(', ');
    params.count = keys.length;
    message = `unknown field${keys.length > 1 ? 's' : ''}: ${keys.join(', ')}`;
  }
  if (locale !== 'en') message = errorText(locale, `field.${FIELD_CODES.has(v.keyword) ? v.keyword : 'custom'}`, params);
  return { path, code: v.keyword, message, ...(Object.keys(params).length ? { params } : {}) };
}

/** The zod issue codes with a message of their own under `field` in common/i18n/errors. */
const FIELD_CODES = new Set([
  'invalid_type',
  'too_small',
  'too_big',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
]);

/**
 * The one renderer of errors: RFC 9457 problem+json with a stable code, its message in the reader's
 * language. Validation failures list each field; anything unexpected becomes a 500 whose message is
 * hidden (and logged).
 */
export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    // When the database is what failed, asking it for the member's language would only wait for it again.
    const locale = await localeOf(request, !isDatabaseTimeout(error) && !isDatabaseUnavailable(error));
    if (error instanceof AppError) {
      for (const [k, v] of Object.entries(error.extra.headers ?? {})) reply.header(k, v);
      const errors = error.extra.errors?.map((e) => fieldError(locale, e));
      return sendProblem(reply, error.code, locale, { key: error.key, params: error.params }, errors);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => validationError(locale, error.validationContext, v));
      return sendProblem(reply, 'validation_failed', locale, { key: 'validation_failed' }, errors);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's and its plugins' own client errors: bad JSON, wrong content type, body too large.
      const known = FASTIFY_CODES[error.code];
      return sendProblem(reply, known?.code ?? fallbackCode(error.statusCode), locale, known ? knownMessage(known, error) : fallbackMessage(error.statusCode, error.message));
    }
    if (isDatabaseTimeout(error)) {
      // Given up rather than left queueing behind a slow database: the request's connection (and any
      // transaction on it) is gone, so nothing half-done stays behind.
      request.log.warn({ err: error }, 'database too slow');
      reply.header('retry-after', '5');
      return sendProblem(reply, 'database_timeout', locale, { key: 'database_timeout' });
    }
    if (isDatabaseUnavailable(error)) {
      // Fail fast and say so: the pool reconnects by itself once the server is back.
      request.log.warn({ err: error }, 'database unavailable');
      reply.header('retry-after', '5');
      return sendProblem(reply, 'database_unavailable', locale, { key: 'database_unavailable' });
    }
    if (isStorageFull(error)) {
      request.log.error({ err: error }, 'disk full');
      return sendProblem(reply, 'storage_full', locale, { key: 'storage_full' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, 'internal_error', locale, { key: 'internal_error' });
  });

  app.setNotFoundHandler(async (request, reply) => {
    const params = { method: request.method, path: request.url.split('?')[0] ?? '' };
    return sendProblem(reply, 'not_found', await localeOf(request), { key: 'not_found.route', params });
  });
}

/**
 * Errors that mean the database cannot be reached rather than that the request went wrong: the socket was
 * refused or cut (the server stopped or restarted), PostgreSQL is shutting down or starting (57P01-57P03), or
 * a connection exception (class 08). Drizzle wraps the driver's error, so the causes are followed too.
 */
const UNREACHABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
const UNAVAILABLE_SQLSTATE = new Set(['57P01', '57P02', '57P03']);
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNREACHABLE_ERRNO.has(code) || UNAVAILABLE_SQLSTATE.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    const message = (e as { message?: unknown }).message;
    // node-postgres's own words when the server ends a connection it was using.
    if (typeof message === 'string' && /^Connection terminated|^Client has encountered a connection error/.test(message)) return true;
  }
  return false;
}

/**
 * Errors that mean the database is reachable but too slow: PostgreSQL cancelled a statement past
 * statement_timeout (57014), the driver gave up waiting for an answer (db/timeouts.ts ends that connection),
 * or no pooled connection freed up within the acquire timeout.
 */
export function isDatabaseTimeout(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '57014') return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && /^timeout exceeded when trying to connect|^Query read timeout|^Connection terminated due to connection timeout|^query timed out/.test(message)) return true;
  }
  return false;
}

/**
 * Fastify's `frameworkErrors` option: errors the router meets before any route or hook runs, such as bad
 * percent-encoding in the path (FST_ERR_BAD_URL) or a path parameter past maxParamLength. Without it
 * Fastify answers them in its own JSON shape. No member is known yet: the language is Accept-Language's.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  // No hook runs for these answers (the route is unknown), so the headers the hooks would add are set here.
  reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
  const defaultLocale = (request.server as Partial<FastifyInstance>).ctx?.config.defaultLocale ?? 'en';
  const locale = resolveLocale({ acceptLanguage: request.headers['accept-language'], defaultLocale });
  const known = FASTIFY_CODES[error.code];
  if (known) void sendProblem(reply, known.code, locale, knownMessage(known, error));
  else if ((error.statusCode ?? 500) >= 500) void sendProblem(reply, 'internal_error', locale, { key: 'internal_error' });
  else void sendProblem(reply, fallbackCode(error.statusCode ?? 400), locale, fallbackMessage(error.statusCode ?? 400));
}

/**
 * Fastify's `clientErrorHandler`: requests Node's HTTP parser rejects (a space or control character in
 * the path, a malformed header line, headers too large). There is no request object yet, so the answer
 * is written to the socket directly, still as problem+json, and the connection is closed. Its headers
 * could not be read, so it is in English.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [code, key]: [ErrorCode, MessageKey] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? ['request_timeout', 'request_timeout']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? ['headers_too_large', 'headers_too_large']
        : ['bad_request', 'bad_request.http'];
  const problem = problemBody(code, 'en', { key });
  const body = JSON.stringify(problem);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Language: en\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * Stable codes and message keys for framework and plugin errors; each answers with its code's status,
 * which may differ from Fastify's own. `ownTitle`: Fastify's English message stays the title (it can be
 * more specific than the key's, e.g. naming the content type), the key words the detail.
 */
const FASTIFY_CODES: Record<string, { code: ErrorCode; key: MessageKey; ownTitle?: true }> = {
  FST_ERR_BAD_URL: { code: 'invalid_url', key: 'invalid_url' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'uri_too_long', key: 'uri_too_long' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', key: 'unsupported_media_type.body', ownTitle: true },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', key: 'payload_too_large.body', ownTitle: true },
  FST_REQ_FILE_TOO_LARGE: { code: 'payload_too_large', key: 'payload_too_large.file' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json', key: 'invalid_json', ownTitle: true },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', key: 'invalid_json', ownTitle: true },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request', key: 'bad_request.content_length' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { code: 'multipart_required', key: 'multipart_required' },
  FST_PARTS_LIMIT: { code: 'invalid_upload', key: 'invalid_upload.one_file' },
  FST_FILES_LIMIT: { code: 'invalid_upload', key: 'invalid_upload.one_file' },
  FST_FIELDS_LIMIT: { code: 'invalid_upload', key: 'invalid_upload.one_file' },
  FST_PROTO_VIOLATION: { code: 'invalid_upload', key: 'invalid_upload.malformed', ownTitle: true },
};

function knownMessage(known: { key: MessageKey; ownTitle?: true }, error: FastifyError): Message {
  return known.ownTitle ? { key: known.key, title: error.message } : { key: known.key };
}

/** The code for another client error of the framework or a plugin, by its status; anything unnamed is a 400. */
function fallbackCode(status: number): ErrorCode {
  if (status === 404) return 'not_found';
  if (status === 408) return 'request_timeout';
  if (status === 413) return 'payload_too_large';
  if (status === 414) return 'uri_too_long';
  if (status === 415) return 'unsupported_media_type';
  if (status === 431) return 'headers_too_large';
  return 'bad_request';
}

/** The message for fallbackCode's answer; `title`, when given, is Fastify's own English message. */
function fallbackMessage(status: number, title?: string): Message {
  const key: MessageKey =
    status === 404
      ? 'not_found.resource'
      : status === 408
        ? 'request_timeout'
        : status === 413
          ? 'payload_too_large.body'
          : status === 414
            ? 'uri_too_long'
            : status === 415
              ? 'unsupported_media_type.body'
              : status === 431
                ? 'headers_too_large'
                : 'bad_request.unreadable';
  return title === undefined ? { key } : { key, title };
}
