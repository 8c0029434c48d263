import type { FastifyInstance, RouteOptions } from 'fastify';
import { z } from 'zod';
import { registerStorableInput } from './storable-input.ts';

const API_PREFIX = '/api/';
const VERSIONED_API = '/api/v1/';
/** Every API answer depends on who asks, so a shared cache must never key it on the URL alone. */
const VARY_ON_CREDENTIALS = ['Cookie', 'Authorization'];

/** An API route's query string: unknown parameters are refused, as docs/api.md promises. */
const NO_QUERY = z.strictObject({});

/**
 * Conventions every API route follows without each route having to remember them:
 * - a route without a query schema accepts no query parameters (`?foo=1` is a 400 naming `querystring.foo`),
 *   and a route with one must use z.strictObject, checked when the route is added;
 * - every answer under /api/ carries Cache-Control (private, no-store unless the route chose otherwise,
 *   e.g. photos with their ETag) and Vary: Cookie, Authorization, so no shared proxy keeps private data;
 * - no value the database cannot store gets past the edge (storable-input.ts).
 * Register before the routes: onRoute only sees routes added after it.
 */
export function registerApiConventions(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(VERSIONED_API)) return;
    const querystring = route.schema?.querystring;
    if (querystring === undefined) {
      route.schema = { ...route.schema, querystring: NO_QUERY };
    } else if (!isStrictObject(querystring)) {
      throw new Error(`${routeName(route)}: its querystring schema must be a z.strictObject, so unknown parameters are refused`);
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith(API_PREFIX)) return payload;
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'private, no-store');
    reply.header('vary', mergeVary(reply.getHeader('vary')));
    return payload;
  });

  registerStorableInput(app);
}

function isStrictObject(schema: unknown): boolean {
  return schema instanceof z.ZodObject && schema._zod.def.catchall?._zod.def.type === 'never';
}

function routeName(route: RouteOptions): string {
  return `${Array.isArray(route.method) ? route.method.join(',') : route.method} ${route.url}`;
}

/** Adds Cookie and Authorization to whatever Vary the route or a plugin set, without repeating any. */
function mergeVary(current: unknown): string {
  const existing = (Array.isArray(current) ? current.join(',') : typeof current === 'string' ? current : '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const seen = new Set(existing.map((v) => v.toLowerCase()));
  return [...existing, ...VARY_ON_CREDENTIALS.filter((v) => !seen.has(v.toLowerCase()))].join(', ');
}
