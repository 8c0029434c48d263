/**
 * Where the rate limits count (config.rateLimitStore; docs/operations.md, "Which counters live where"):
 * @fastify/rate-limit's own memory store for one process, or a store every app process shares, so that a
 * client behind a proxy that spreads its requests over N processes still gets one budget, not N.
 *
 * - redis: the plugin's Redis store over an ioredis client (REDIS_URL), its keys under config's prefix;
 * - postgres: PostgresCounterStore below, a row per key in the UNLOGGED table rate_limit_counters.
 *
 * When the shared store fails (Redis down or unreachable, a statement that errors), requests are let through
 * uncounted (fail open, the plugin's `skipOnError`), logged at most once a minute and counted in
 * rapport_rate_limit_store_errors_total. Failing closed would turn an outage of a cache into an outage of the
 * whole community, sign-out and password changes included; meanwhile what protects accounts does not depend
 * on it: the sign-in throttle, the sign-up and email rations (server/auth/throttles.ts) and the screening of
 * sign-ups (signup_events) keep working, and the limits come back the moment the store answers again.
 */
import type { CreateRateLimitOptions, FastifyRateLimitOptions, FastifyRateLimitStore } from '@fastify/rate-limit';
import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';
import { Counter, type Registry } from 'prom-client';
import type { RateLimitStoreConfig } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { type CounterState, incrementCounter, readCounter } from '../db/rate-limit-counters.ts';

/** What the limiter is registered with, and what to do when the app closes. */
export interface OpenedStore {
  /** Spread into @fastify/rate-limit's options: a store, or a Redis client, and what to do when it fails. */
  options: Pick<CreateRateLimitOptions, 'store' | 'skipOnError'> & { redis?: Redis; nameSpace?: string };
  close(): Promise<void>;
}

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** The store interface @fastify/rate-limit calls, with `read` (used by `{ increment: false }`), which its types omit. */
interface ReadableStore extends FastifyRateLimitStore {
  read(key: string, callback: Callback, timeWindow: number, max: number): void;
}

type RouteInfo = { method?: string | string[]; url?: string };

/**
 * A @fastify/rate-limit store class over rate_limit_counters (server/db/rate-limit-counters.ts): one statement
 * per counted request. A route with a budget of its own gets a child whose keys carry its method and URL, as
 * the Redis store's do; limiters made with createRateLimit share the parent's prefix, so their key generators
 * must keep them apart (server/http/rate-limit.ts prefixes each).
 */
export function postgresCounterStore(db: Db, onError: (err: unknown) => void): NonNullable<CreateRateLimitOptions['store']> {
  class PostgresCounterStore implements ReadableStore {
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly prefix = 'all ',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      this.answer(incrementCounter(db, this.prefix + key, timeWindow), callback);
    }

    read(key: string, callback: Callback): void {
      this.answer(readCounter(db, this.prefix + key), callback);
    }

    child(routeOptions: FastifyRateLimitOptions & { routeInfo?: RouteInfo }): FastifyRateLimitStore {
      const route = routeOptions.routeInfo;
      return new PostgresCounterStore(routeOptions, route?.method && route.url ? `${String(route.method)} ${route.url} ` : this.prefix);
    }

    private answer(state: Promise<CounterState>, callback: Callback): void {
      state.then(
        (s) => callback(null, s),
        (err: unknown) => {
          onError(err);
          callback(err instanceof Error ? err : new Error(String(err)));
        },
      );
    }
  }
  return PostgresCounterStore as unknown as NonNullable<CreateRateLimitOptions['store']>;
}

/**
 * A Redis client for counting: a command that cannot be sent at once (Redis down, reconnecting) or that takes
 * longer than half a second fails instead of queueing, so requests pass uncounted rather than wait.
 */
export function rateLimitRedis(url: string): Redis {
  return new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 500,
  });
}

/** Opens the configured store: nothing for memory, the table for postgres, a connected client for Redis. */
export async function openRateLimitStore(
  config: RateLimitStoreConfig,
  db: Db,
  deps: { log: FastifyBaseLogger; metrics: Registry; engine: 'pglite' | 'postgres' },
): Promise<OpenedStore> {
  const errors = new Counter({
    name: 'rapport_rate_limit_store_errors_total',
    help: 'Failures of the shared rate-limit store (requests meanwhile pass uncounted), by store',
    labelNames: ['store'],
    registers: [deps.metrics],
  });
  let lastLogged = 0;
  const failed = (err: unknown) => {
    errors.inc({ store: config.kind });
    if (Date.now() - lastLogged < 60_000) return;
    lastLogged = Date.now();
    deps.log.warn({ err, store: config.kind }, 'the rate-limit store failed: requests pass uncounted until it answers again');
  };

  if (config.kind === 'memory') {
    // Chosen explicitly (the default on a server is postgres): fine for one process, not for several.
    if (deps.engine === 'postgres') {
      deps.log.warn('RATE_LIMIT_STORE=memory on a PostgreSQL server: each app process counts its own rate limits, so N processes allow N times each budget');
    }
    return { options: {}, close: async () => {} };
  }
  if (config.kind === 'postgres') return { options: { store: postgresCounterStore(db, failed), skipOnError: true }, close: async () => {} };

  const redis = rateLimitRedis(config.url);
  redis.on('error', failed);
  redis.on('ready', () => deps.log.info('the rate-limit store (Redis) is connected'));
  // A Redis that is down at start-up must not keep the community down: the client keeps reconnecting.
  await redis.connect().catch(failed);
  return {
    options: { redis, nameSpace: config.prefix, skipOnError: true },
    close: async () => {
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    },
  };
}
