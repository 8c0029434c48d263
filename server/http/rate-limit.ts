/**
 * General rate limits, per member when signed in and per address otherwise, answered with 429, a
 * Retry-After header and a problem+json body. One budget covers every API route; write routes a script
 * could flood (sending invitations, thread messages, reports) also have their own, smaller one.
 * Counters live in this process's memory: enough for one server; several processes would share a store.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';

const MINUTE = 60_000;

const keyOf = (request: FastifyRequest) => (request.actor ? `member:${request.actor.id}` : `ip:${request.ip}`);

export async function registerRateLimits(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    // After authentication (an onRequest hook), so a member is counted as themselves on every device.
    hook: 'preHandler',
    max: config.rateLimit.perMinute,
    timeWindow: MINUTE,
    keyGenerator: keyOf,
    // The web app's files and health checks are not the API.
    allowList: (request) => !request.url.startsWith('/api/'),
    errorResponseBuilder: (_request, context) =>
      new AppError(429, 'rate_limited', `Too many requests: at most ${context.max} a minute. Try again in ${Math.max(1, Math.ceil(context.ttl / 1000))} seconds.`),
  });
}

/** Route config for a write route with its own budget on top of the general one. */
export const writeRateLimit = (config: Config) => ({ rateLimit: { max: config.rateLimit.writesPerMinute, timeWindow: MINUTE } });
