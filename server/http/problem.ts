import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_CODES, type ErrorCode } from '../../common/error-codes.ts';
import { AppError } from '../errors.ts';

const PROBLEM_TYPE = 'https://rapport.example/problems/';

type FieldError = { path: string; message: string };

/** The RFC 9457 body every error answer carries; the status is the code's, from the catalogue. */
function problemBody(code: ErrorCode, title: string, errors?: FieldError[]) {
  const status = ERROR_CODES[code].status;
  return { type: PROBLEM_TYPE + code, title, status, code, ...(errors ? { errors } : {}) };
}

function sendProblem(reply: FastifyReply, code: ErrorCode, title: string, errors?: FieldError[]) {
  const body = problemBody(code, title, errors);
  return reply.status(body.status).type('application/problem+json').send(body);
}

/**
 * The one renderer of errors: RFC 9457 problem+json with a stable code. Validation failures list each
 * field; anything unexpected becomes a 500 whose message is hidden (and logged).
 */
export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      for (const [k, v] of Object.entries(error.extra.headers ?? {})) reply.header(k, v);
      return sendProblem(reply, error.code, error.message, error.extra.errors);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => {
        const keys = (v.params as { keys?: unknown }).keys;
        const base = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
        let path = [error.validationContext, base].filter(Boolean).join('.');
        let message = v.message ?? 'is not valid';
        if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
          path = [error.validationContext, base, ...keys].filter(Boolean).join('.');
          message = `unknown field${keys.length > 1 ? 's' : ''}: ${keys.join(', ')}`;
        }
        return { path, message };
      });
      return sendProblem(reply, 'validation_failed', 'Some fields are not valid.', errors);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's and its plugins' own client errors: bad JSON, wrong content type, body too large.
      const known = FASTIFY_CODES[error.code];
      return sendProblem(reply, known?.code ?? fallbackCode(error.statusCode), known?.title ?? error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, 'internal_error', 'Something went wrong on our side.');
  });

  app.setNotFoundHandler((request, reply) => sendProblem(reply, 'not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`));
}

/**
 * Fastify's `frameworkErrors` option: errors the router meets before any route or hook runs, such as bad
 * percent-encoding in the path (FST_ERR_BAD_URL) or a path parameter past maxParamLength. Without it
 * Fastify answers them in its own JSON shape.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  // No hook runs for these answers (the route is unknown), so the headers the hooks would add are set here.
  reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
  const known = FASTIFY_CODES[error.code];
  if (known) void sendProblem(reply, known.code, known.title ?? error.message);
  else if ((error.statusCode ?? 500) >= 500) void sendProblem(reply, 'internal_error', 'Something went wrong on our side.');
  else void sendProblem(reply, fallbackCode(error.statusCode ?? 400), 'The request could not be understood.');
}

/**
 * Fastify's `clientErrorHandler`: requests Node's HTTP parser rejects (a space or control character in
 * the path, a malformed header line, headers too large). There is no request object yet, so the answer
 * is written to the socket directly, still as problem+json, and the connection is closed.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [code, title]: [ErrorCode, string] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? ['request_timeout', 'The request took too long to arrive.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? ['headers_too_large', 'The request headers are too large.']
        : ['bad_request', 'The request is not valid HTTP.'];
  const problem = problemBody(code, title);
  const body = JSON.stringify(problem);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * Stable codes (and a clearer title where Fastify's is unhelpful) for framework and plugin errors; each
 * answers with its code's status, which may differ from Fastify's own.
 */
const FASTIFY_CODES: Record<string, { code: ErrorCode; title?: string }> = {
  FST_ERR_BAD_URL: { code: 'invalid_url', title: 'The address is not valid: it has malformed percent-encoding.' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'uri_too_long', title: 'A part of the address is too long.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large' },
  FST_REQ_FILE_TOO_LARGE: { code: 'payload_too_large', title: 'The file is too large.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request', title: 'The Content-Length header does not match the body.' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { code: 'multipart_required', title: 'Send the file as multipart/form-data.' },
  FST_PARTS_LIMIT: { code: 'invalid_upload', title: 'Send one file and nothing else.' },
  FST_FILES_LIMIT: { code: 'invalid_upload', title: 'Send one file and nothing else.' },
  FST_FIELDS_LIMIT: { code: 'invalid_upload', title: 'Send one file and nothing else.' },
  FST_PROTO_VIOLATION: { code: 'invalid_upload' },
};

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
