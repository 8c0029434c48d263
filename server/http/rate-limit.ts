/**
 * Rate limits, answered with 429, a Retry-After header and a problem+json body. Their counters live in the
 * store config.rateLimitStore names (server/http/rate-limit-store.ts): this process's memory on embedded
 * PGlite, which only one process can open; a table on the database on a PostgreSQL server; Redis when
 * REDIS_URL is set. With several app processes every one of them counts against the same budget.
 * docs/operations.md, "Which counters live where", lists the other counters and where they are kept.
 *
 * Two layers, because the expensive part of an unwanted request is often the authentication itself
 * (a database look-up of its session or token):
 * - before authentication, per client address: a budget of API requests a minute, and a budget of
 *   credentials that failed to match. Past the second, a request that carries a cookie or a token is
 *   refused without looking it up, so a flood of made-up tokens costs no session look-up (with the
 *   postgres store, counting is one small statement on an UNLOGGED table instead);
 * - after authentication, per member when signed in (per address otherwise): one budget over every API
 *   route, and a smaller one of its own for each write route a script could flood (`writeRateLimit`,
 *   listed in docs/api.md), which counts against the general budget too.
 *
 * Every limiter's keys start with its own word (member/ip, address, failures): the limiters made with
 * createRateLimit share one store, and in Redis one key space, so only their keys keep them apart.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addressKey } from '../auth/client-address.ts';
import type { Config } from '../config.ts';
import { AppError, tooManyRequests } from '../errors.ts';
import { openRateLimitStore } from './rate-limit-store.ts';

const MINUTE = 60_000;

const isApi = (request: FastifyRequest) => request.url.startsWith('/api/');
const keyOf = (request: FastifyRequest) => (request.actor ? `member:${request.actor.id}` : `ip:${addressKey(request.ip)}`);
const byAddress = (request: FastifyRequest) => `address:${addressKey(request.ip)}`;
const failuresByAddress = (request: FastifyRequest) => `failures:${addressKey(request.ip)}`;
const retryIn = (ttlMs: number) => Math.max(1, Math.ceil(ttlMs / 1000));

/** The checks authentication makes before it does any database work (server/http/authenticate.ts). */
export interface CredentialGuard {
  /** Counts an API request against its address's budget; throws 429 past it. */
  admitAddress(request: FastifyRequest): Promise<void>;
  /** Throws 429 when this address has presented too many credentials that did not match; call before a look-up. */
  checkFailures(request: FastifyRequest): Promise<void>;
  /** Counts a credential from this address that was malformed or matched nothing. */
  recordFailure(request: FastifyRequest): Promise<void>;
}

/** Registers the limiter and its per-route budgets; returns the pre-authentication checks. */
export async function registerRateLimits(app: FastifyInstance, config: Config): Promise<CredentialGuard> {
  const store = await openRateLimitStore(config.rateLimitStore, app.ctx.db, {
    log: app.log,
    metrics: app.ctx.metrics,
    engine: app.ctx.database.engine,
  });
  app.addHook('onClose', () => store.close());
  await app.register(rateLimit, {
    ...store.options,
    global: true,
    // After authentication (an onRequest hook), so a member is counted as themselves on every device.
    hook: 'preHandler',
    max: config.rateLimit.perMinute,
    timeWindow: MINUTE,
    keyGenerator: keyOf,
    // The web app's files and health checks are not the API.
    allowList: (request) => !isApi(request),
    errorResponseBuilder: (_request, context) =>
      new AppError(429, 'rate_limited', { key: 'requests', params: { max: context.max, seconds: retryIn(context.ttl) } }),
  });

  // A route with its own budget gets only that one from the plugin; count it against the general budget too
  // (the same store, through createRateLimit without options), so its own budget is an extra, lower ceiling.
  const general = app.createRateLimit();
  app.addHook('onRoute', (route) => {
    if (typeof route.config?.rateLimit !== 'object') return;
    const check = async (request: FastifyRequest) => {
      const result = await general(request);
      if (!result.isAllowed && result.isExceeded) {
        throw tooManyRequests(retryIn(result.ttl), 'requests', { max: result.max, seconds: retryIn(result.ttl) });
      }
    };
    route.preHandler = [...(Array.isArray(route.preHandler) ? route.preHandler : route.preHandler ? [route.preHandler] : []), check];
  });

  const perAddress = app.createRateLimit({ max: config.preAuth.perMinute, timeWindow: MINUTE, keyGenerator: byAddress });
  const failures = app.createRateLimit({
    max: config.preAuth.failedCredentials,
    timeWindow: config.preAuth.failedCredentialsWindowMs,
    keyGenerator: failuresByAddress,
    // Every credential counts, on any route: an unknown token on a web-app path costs a look-up too.
    allowList: () => false,
  });

  return {
    async admitAddress(request) {
      const result = await perAddress(request);
      if (!result.isAllowed && result.isExceeded) {
        throw tooManyRequests(retryIn(result.ttl), 'network', { seconds: retryIn(result.ttl) });
      }
    },
    async checkFailures(request) {
      const result = await failures(request, { increment: false });
      if (!result.isAllowed && result.remaining === 0) {
        throw tooManyRequests(retryIn(result.ttl), 'credentials', { seconds: retryIn(result.ttl) });
      }
    },
    async recordFailure(request) {
      await failures(request);
    },
  };
}

/** Route config for a write route with its own budget on top of the general one. */
export const writeRateLimit = (config: Config) => ({ rateLimit: { max: config.rateLimit.writesPerMinute, timeWindow: MINUTE } });
