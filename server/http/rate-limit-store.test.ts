import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { testConfig } from '../config.ts';
import { readMetrics } from '../test/client.ts';

/**
 * A Redis that does not answer: requests pass uncounted (fail open) instead of failing, and the failures show
 * in the metrics. Nothing listens on port 1, so this needs no Redis.
 */
describe('a rate-limit store that is down', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(
      testConfig({
        rateLimit: { perMinute: 2, writesPerMinute: 1 },
        preAuth: { perMinute: 2, failedCredentials: 1, failedCredentialsWindowMs: 60_000 },
        rateLimitStore: { kind: 'redis', url: 'redis://127.0.0.1:1', prefix: 'rapport:rate-limit:down:' },
      }),
      { background: false },
    );
  }, 60_000);
  afterAll(() => app.close());

  it('lets requests through uncounted rather than refuse them or fail', async () => {
    for (let n = 0; n < 5; n++) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/me', remoteAddress: '10.6.0.1', headers: { authorization: 'Bearer not-a-token-we-issued' } });
      expect(res.statusCode, res.body).toBe(401);
    }
  });

  it('counts its failures in the metrics', async () => {
    const metrics = (await readMetrics(app)).body;
    const line = metrics.split('\n').find((l) => l.startsWith('rapport_rate_limit_store_errors_total{store="redis"}'));
    expect(Number(line?.split(' ')[1])).toBeGreaterThan(0);
  });
});
