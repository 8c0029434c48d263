import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';

const PROBLEM_TYPE = 'https://rapport.example/problems/';

type FieldError = { path: string; message: string };

/** The RFC 9457 body every error answer carries. */
function problemBody(status: number, code: string, title: string, errors?: FieldError[]) {
  return { type: PROBLEM_TYPE + code, title, status, code, ...(errors ? { errors } : {}) };
}

function sendProblem(reply: FastifyReply, status: number, code: string, title: string, errors?: FieldError[]) {
  return reply.status(status).type('application/problem+json').send(problemBody(status, code, title, errors));
}

/**
 * The one renderer of errors: RFC 9457 problem+json with a stable code. Validation failures list each
 * field; anything unexpected becomes a 500 whose message is hidden (and logged).
 */
export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      for (const [k, v] of Object.entries(error.extra.headers ?? {})) reply.header(k, v);
      return sendProblem(reply, error.status, error.code, error.message, error.extra.errors);
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
      return sendProblem(reply, 400, 'validation_failed', 'Some fields are not valid.', errors);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's and its plugins' own client errors: bad JSON, wrong content type, body too large.
      const known = FASTIFY_CODES[error.code];
      return sendProblem(reply, known?.status ?? error.statusCode, known?.code ?? fallbackCode(error.statusCode), known?.title ?? error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, 500, 'internal_error', 'Something went wrong on our side.');
  });

  app.setNotFoundHandler((request, reply) => sendProblem(reply, 404, 'not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`));
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
  if (known) void sendProblem(reply, known.status, known.code, known.title ?? error.message);
  else if ((error.statusCode ?? 500) >= 500) void sendProblem(reply, 500, 'internal_error', 'Something went wrong on our side.');
  else void sendProblem(reply, error.statusCode ?? 400, fallbackCode(error.statusCode ?? 400), 'The request could not be understood.');
}

/**
 * Fastify's `clientErrorHandler`: requests Node's HTTP parser rejects (a space or control character in
 * the path, a malformed header line, headers too large). There is no request object yet, so the answer
 * is written to the socket directly, still as problem+json, and the connection is closed.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, title] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request_timeout', 'The request took too long to arrive.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large', 'The request headers are too large.']
        : [400, 'bad_request', 'The request is not valid HTTP.'];
  const body = JSON.stringify(problemBody(status, code, title));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** Stable codes (and a clearer status or title where Fastify's is unhelpful) for framework and plugin errors. */
const FASTIFY_CODES: Record<string, { status: number; code: string; title?: string }> = {
  FST_ERR_BAD_URL: { status: 400, code: 'invalid_url', title: 'The address is not valid: it has malformed percent-encoding.' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'uri_too_long', title: 'A part of the address is too long.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'payload_too_large', title: 'The file is too large.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_json' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_request', title: 'The Content-Length header does not match the body.' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: 'multipart_required', title: 'Send the file as multipart/form-data.' },
  FST_PARTS_LIMIT: { status: 400, code: 'invalid_upload', title: 'Send one file and nothing else.' },
  FST_FILES_LIMIT: { status: 400, code: 'invalid_upload', title: 'Send one file and nothing else.' },
  FST_FIELDS_LIMIT: { status: 400, code: 'invalid_upload', title: 'Send one file and nothing else.' },
  FST_PROTO_VIOLATION: { status: 400, code: 'invalid_upload' },
};

function fallbackCode(status: number): string {
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  return 'bad_request';
}
