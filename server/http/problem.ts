import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';

const PROBLEM_TYPE = 'https://rapport.example/problems/';

/**
 * The one renderer of errors: RFC 9457 problem+json with a stable code. Validation failures list each
 * field; anything unexpected becomes a 500 whose message is hidden (and logged).
 */
export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let status = 500;
    let code = 'internal_error';
    let title = 'Something went wrong on our side.';
    let errors: { path: string; message: string }[] | undefined;

    if (error instanceof AppError) {
      ({ status, code } = error);
      title = error.message;
      errors = error.extra.errors;
      for (const [k, v] of Object.entries(error.extra.headers ?? {})) reply.header(k, v);
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      status = 400;
      code = 'validation_failed';
      title = 'Some fields are not valid.';
      errors = error.validation.map((v) => {
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
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors: bad JSON, wrong content type, body too large.
      status = error.statusCode;
      code = fastifyCode(error);
      title = error.message;
    } else {
      request.log.error({ err: error }, 'unhandled error');
    }

    reply
      .status(status)
      .type('application/problem+json')
      .send({ type: PROBLEM_TYPE + code, title, status, code, ...(errors ? { errors } : {}) });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).type('application/problem+json').send({
      type: PROBLEM_TYPE + 'not_found',
      title: `No route for ${request.method} ${request.url.split('?')[0]}.`,
      status: 404,
      code: 'not_found',
    });
  });
}

function fastifyCode(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported_media_type';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return 'payload_too_large';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'invalid_json';
    default:
      return error.statusCode === 413 ? 'payload_too_large' : 'bad_request';
  }
}
