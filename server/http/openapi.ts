import type { SwaggerTransform } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** The document's default: a signed-in member, by access token or session cookie. */
export const SIGNED_IN: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];

/**
 * zod → JSON Schema for each route, plus the route's real authentication in the document: `auth: 'public'`
 * routes need none (`security: []`), `optional` ones accept either credential or none (`{}`), and the rest
 * keep the document's default. Decided from the same route config that authenticate.ts enforces.
 */
export const openApiTransform: SwaggerTransform = (input) => {
  const out = jsonSchemaTransform(input);
  const auth = input.route.config?.auth;
  if (auth === 'public') return { ...out, schema: { ...out.schema, security: [] } };
  if (auth === 'optional') return { ...out, schema: { ...out.schema, security: [...SIGNED_IN, {}] } };
  return out;
};
