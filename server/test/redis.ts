import { randomBytes } from 'node:crypto';
import { type RateLimitStoreConfig, REDIS_KEY_PREFIX } from '../config.ts';

/** A Redis server for the suites of the shared rate-limit store, when one is configured (CI may have none). */
export const redisUrl = process.env.TEST_REDIS_URL || null;

/** The Redis store, once, when TEST_REDIS_URL is set (its prefix is given by isolated, per app). */
export function redisStoresUnderTest(): RateLimitStoreConfig[] {
  return redisUrl ? [{ kind: 'redis', url: redisUrl, prefix: REDIS_KEY_PREFIX }] : [];
}

/**
 * The store with a Redis prefix of its own: keys outlive an app by a window, so another run of the same file,
 * a file running beside it, or the same suite on the other engine (whose members have the same ids) would
 * otherwise count against each other's budgets. A database store is already isolated by its database.
 */
export function isolated(store: RateLimitStoreConfig): RateLimitStoreConfig {
  return store.kind === 'redis' ? { ...store, prefix: `${REDIS_KEY_PREFIX}test-${randomBytes(6).toString('hex')}:` } : store;
}
