import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFromSession, actorFromToken } from '../commands/auth/sessions.ts';
import { AppError, forbidden, unauthorized } from '../errors.ts';

export const SESSION_COOKIE = 'rapport_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Identifies the caller from a bearer token or the session cookie, then applies the route's auth mode,
 * the suspension rule and CSRF protection. Public routes opt out in their route config, never by URL.
 */
export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const mode = request.routeOptions.config?.auth;
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw new AppError(401, 'invalid_token', 'The Authorization header must be "Bearer <token>".');
      request.actor = await actorFromToken(app.ctx.db, match[1]);
      if (!request.actor && mode !== 'public') throw new AppError(401, 'invalid_token', 'This access token is not valid.');
    } else {
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId) {
        request.actor = await actorFromSession(app.ctx.db, sessionId);
        if (!request.actor) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    if (mode === 'public' || mode === 'optional') return;
    const actor = request.actor;
    if (!actor) throw unauthorized();
    if (actor.status === 'suspended' && !request.routeOptions.config?.allowSuspended) {
      throw forbidden('account_suspended', 'This account is suspended. Contact the operator of this community.');
    }
    // Cookies ride along on cross-site requests; a token that only our pages can read proves the origin.
    if (actor.via === 'session' && !SAFE_METHODS.has(request.method)) {
      if (request.headers['x-csrf-token'] !== actor.csrfToken) {
        throw forbidden('csrf_failed', 'Missing or invalid CSRF token. Reload the page and try again.');
      }
    }
  });
}
