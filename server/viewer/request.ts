import type { FastifyRequest } from 'fastify';
import { unauthorized } from '../errors.ts';
import type { Viewer } from './viewer.ts';

/**
 * The viewer of a route for signed-in members (the default auth mode), non-null by type. Authentication
 * has already refused anyone else, so the check only turns a misconfigured route (marked public or
 * optional) into a 401 instead of a crash. Routes call this instead of reading `viewerOf(request).actor`.
 *
 * (A wrapper typing the whole handler was tried: Fastify's overloaded route methods then lose the zod
 * types of params and query, which matter more.)
 */
export function viewerOf(request: FastifyRequest): Viewer {
  if (!request.viewer) throw unauthorized();
  return request.viewer;
}
