import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter } from 'prom-client';
import { actorFromSession, actorFromToken, isWellFormedAccessToken, isWellFormedSessionId } from '../commands/auth/sessions.ts';
import { attachCredentialCache, CredentialCache } from '../auth/credential-cache.ts';
import { hashSecret } from '../auth/secrets.ts';
import { AppError, forbidden, unauthorized } from '../errors.ts';
import { createViewer } from '../viewer/viewer.ts';
import { LastSeen } from './last-seen.ts';
import type { CredentialGuard } from './rate-limit.ts';

export const SESSION_COOKIE = 'rapport_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const invalidToken = () => new AppError(401, 'invalid_token', { key: 'token' });

/**
 * Identifies the caller from a bearer token or the session cookie, then applies the route's auth mode,
 * the suspension rule and CSRF protection. Public routes opt out in their route config, never by URL.
 *
 * Looking a credential up is database work, so it comes last: first the address's request budget, then
 * a shape check (a token or session id we never issued is refused unhashed), then the address's budget
 * of credentials that matched nothing. Public routes never read the caller, so nothing is looked up for
 * them at all (the web app's files and health checks included).
 */
export function registerAuthentication(app: FastifyInstance, guard: CredentialGuard): void {
  const lookups = new Counter({
    name: 'rapport_credential_lookups_total',
    help: 'Session and access-token look-ups in the database, by credential and result',
    labelNames: ['credential', 'result'],
    registers: [app.ctx.metrics],
  });
  const refused = new Counter({
    name: 'rapport_credentials_refused_total',
    help: 'Credentials refused before any database look-up, by reason',
    labelNames: ['reason'],
    registers: [app.ctx.metrics],
  });
  const cacheHits = new Counter({
    name: 'rapport_credential_cache_hits_total',
    help: 'Sessions and access tokens answered from the in-process cache (at most 1 s old), by credential',
    labelNames: ['credential'],
    registers: [app.ctx.metrics],
  });
  // Who has been away (the weekly digest) is read from the last request each member made, to the hour.
  const lastSeen = new LastSeen(app.ctx.db, (err) => app.log.warn({ err }, 'recording when a member was last seen failed'));
  const credentials = new CredentialCache();
  const detach = attachCredentialCache(app.ctx.db, credentials);
  app.addHook('onClose', async () => detach());

  /** The actor behind a well-formed credential: from the cache, or looked up (and counted) in the database. */
  async function actorFor(credential: 'session' | 'token', secret: string) {
    const { actor, cached } = await credentials.lookup(`${credential}:${hashSecret(secret)}`, async () => {
      const found = await (credential === 'token' ? actorFromToken : actorFromSession)(app.ctx.db, secret);
      lookups.inc({ credential, result: found ? 'found' : 'unknown' });
      return found;
    });
    if (cached) cacheHits.inc({ credential });
    return actor;
  }

  app.decorateRequest('actor', null);
  app.decorateRequest('viewer', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    await guard.admitAddress(request);
    const mode = request.routeOptions.config?.auth;
    if (mode === 'public') return;

    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw new AppError(401, 'invalid_token', { key: 'header' });
      await refuseIfOverBudget(request);
      if (!isWellFormedAccessToken(match[1])) {
        refused.inc({ reason: 'malformed' });
        await guard.recordFailure(request);
        throw invalidToken();
      }
      request.actor = await actorFor('token', match[1]);
      if (!request.actor) {
        await guard.recordFailure(request);
        throw invalidToken();
      }
    } else {
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId) {
        await refuseIfOverBudget(request);
        if (isWellFormedSessionId(sessionId)) {
          request.actor = await actorFor('session', sessionId);
        } else {
          refused.inc({ reason: 'malformed' });
        }
        if (!request.actor) {
          await guard.recordFailure(request);
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
        }
      }
    }
    if (request.actor) {
      request.viewer = createViewer(app.ctx.db, () => app.ctx.graph.index, request.actor);
      lastSeen.touch(request.actor.id);
    }
    if (mode === 'optional') return;
    const actor = request.actor;
    if (!actor) throw unauthorized();
    if (actor.status === 'suspended' && !request.routeOptions.config?.allowSuspended) {
      throw forbidden('account_suspended');
    }
    // Cookies ride along on cross-site requests; a token that only our pages can read proves the origin.
    if (actor.via === 'session' && !SAFE_METHODS.has(request.method)) {
      if (request.headers['x-csrf-token'] !== actor.csrfToken) {
        throw forbidden('csrf_failed');
      }
    }
  });

  async function refuseIfOverBudget(request: FastifyRequest): Promise<void> {
    try {
      await guard.checkFailures(request);
    } catch (err) {
      refused.inc({ reason: 'address_over_failure_budget' });
      throw err;
    }
  }
}
