import type { FastifyDynamicSwaggerOptions, SwaggerTransform } from '@fastify/swagger';
import type { FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../../common/error-codes.ts';
import { problem } from '../../common/schemas/primitives.ts';
import type { Config } from '../config.ts';
import { operationFor } from './operations.ts';

/** The document's default: a signed-in member, by access token or session cookie. */
export const SIGNED_IN: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];

const PROBLEM_SCHEMA = '#/components/schemas/Problem';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The document's own parts: info, servers, the security schemes and the problem+json schema that every
 * 4xx response refers to. `servers` is PUBLIC_URL; when that is unset (or names localhost, which is only
 * right for a browser on the server itself) it is `/`, the origin the document was fetched from.
 */
export function openApiDocument(config: Config): NonNullable<FastifyDynamicSwaggerOptions['openapi']> {
  const { $schema: _dialect, ...problemSchema } = z.toJSONSchema(problem) as Record<string, unknown>;
  const local = new URL(config.publicUrl).hostname === 'localhost';
  return {
    openapi: '3.1.0',
    info: { title: 'Rapport API', version: '1', description: 'The Rapport professional network API.' },
    servers: [{ url: local ? '/' : config.publicUrl, description: 'This instance' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A personal access token' },
        session: { type: 'apiKey', in: 'cookie', name: 'rapport_session' },
        metricsToken: { type: 'http', scheme: 'bearer', description: 'The instance\'s METRICS_TOKEN (docs/operations.md, "Who can read the metrics")' },
      },
      schemas: {
        Problem: { ...problemSchema, description: 'An RFC 9457 problem; `code` is one of the codes in docs/api.md ("Errors").' },
      },
    },
    security: SIGNED_IN,
  };
}

/**
 * zod → JSON Schema for each route, then what the route's entry in operations.ts and its config add:
 * - its operationId;
 * - its real authentication: `auth: 'public'` routes need none (`security: []`), `optional` ones accept
 *   either credential or none (`{}`), and the rest keep the document's default — decided from the same
 *   route config that authenticate.ts enforces;
 * - a problem+json response for each 4xx status it can answer, listing the codes of that status.
 */
export const openApiTransform: SwaggerTransform = (input) => {
  const out = jsonSchemaTransform(input);
  const schema: Record<string, unknown> = { ...out.schema };
  const route = input.route;
  const auth = route.config?.auth;
  if (route.config?.ownToken) schema.security = [{ [route.config.ownToken]: [] }];
  else if (auth === 'public') schema.security = [];
  else if (auth === 'optional') schema.security = [...SIGNED_IN, {}];

  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const operation = methods.length === 1 ? operationFor(methods[0]!, route.url) : undefined;
  if (operation) {
    schema.operationId = operation.operationId;
    const codes = new Set<ErrorCode>([...commonErrors(route, input.schema), ...operation.errors]);
    // A route without a response schema (metrics, photos) keeps the success answer the plugin gives it.
    const success = operation.stream
      ? { 200: { description: 'A server-sent event stream that stays open', content: { 'text/event-stream': { schema: { type: 'string' } } } } }
      : ((schema.response as object | undefined) ?? { 200: { description: 'Default Response' } });
    schema.response = { ...success, ...problemResponses(codes) };
  }
  return { ...out, schema };
};

/**
 * The codes every route of a kind can answer, so operations.ts lists only what is particular to a route:
 * the request budgets, validation of the path, query string and JSON body, and authentication.
 */
function commonErrors(route: RouteOptions, schema: FastifySchema): ErrorCode[] {
  const method = (Array.isArray(route.method) ? route.method[0]! : route.method).toUpperCase();
  // The health checks and metrics, outside /api/, have neither budgets nor validation.
  if (!route.url.startsWith('/api/')) return [];
  const codes: ErrorCode[] = ['rate_limited', 'validation_failed'];
  if (schema.body !== undefined) codes.push('invalid_json', 'unsupported_media_type', 'payload_too_large');
  if (schema.querystring instanceof z.ZodObject && 'cursor' in schema.querystring.shape) codes.push('invalid_cursor');
  const auth = route.config?.auth;
  if (auth === 'optional') codes.push('invalid_token');
  if (auth === undefined) {
    codes.push('unauthenticated', 'invalid_token');
    if (!route.config?.allowSuspended) codes.push('account_suspended');
    if (!SAFE_METHODS.has(method)) codes.push('csrf_failed');
  }
  return codes;
}

/** One problem+json response per status, its description naming each code and what it means. */
function problemResponses(codes: Set<ErrorCode>): Record<string, unknown> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const { status } = ERROR_CODES[code];
    if (status < 400 || status >= 500) continue;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, unknown> = {};
  for (const status of [...byStatus.keys()].sort()) {
    const list = byStatus.get(status)!.sort();
    responses[status] = {
      description: list.map((code) => `\`${code}\`: ${ERROR_CODES[code].meaning}`).join('\n\n'),
      ...(status === 429 ? { headers: { 'retry-after': { type: 'integer', description: 'Seconds to wait before trying again' } } } : {}),
      content: {
        'application/problem+json': {
          schema: { allOf: [{ $ref: PROBLEM_SCHEMA }, { type: 'object', properties: { code: { enum: list } } }] },
        },
      },
    };
  }
  return responses;
}
