/**
 * The metrics are not public (docs/operations.md "Metrics"): the main port answers /metrics only to the bearer
 * of METRICS_TOKEN and not at all without one, and the separate listener serves nothing but the metrics.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig, TEST_METRICS_TOKEN, testConfig } from '../config.ts';
import { migratedPglite } from '../test/engines.ts';
import { startMetricsListener } from './metrics-access.ts';

describe('/metrics on the main port [pglite]', () => {
  let withToken: FastifyInstance;
  let withoutToken: FastifyInstance;
  beforeAll(async () => {
    withToken = await buildApp(testConfig({ database: migratedPglite() }), { background: false });
    withoutToken = await buildApp(testConfig({ database: migratedPglite(), metrics: { token: null, port: null, host: '127.0.0.1' } }), { background: false });
  });
  afterAll(async () => {
    await withToken?.close();
    await withoutToken?.close();
  });

  it('answers the bearer of the token with the Prometheus text', async () => {
    const res = await withToken.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^process_cpu_seconds_total /m);
  });

  it.each([
    ['no credentials', undefined],
    ['another token', 'Bearer not-the-metrics-token-at-all-000'],
    ['the token with a suffix', `Bearer ${TEST_METRICS_TOKEN}x`],
    ['the token as Basic', `Basic ${TEST_METRICS_TOKEN}`],
  ])('refuses %s with 401 unauthenticated and no metrics', async (_what, authorization) => {
    const res = await withToken.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe('unauthenticated');
    expect(res.body).not.toMatch(/process_cpu_seconds_total/);
  });

  it('does not exist without a token configured, whatever is sent', async () => {
    for (const headers of [{}, { authorization: `Bearer ${TEST_METRICS_TOKEN}` }]) {
      const res = await withoutToken.inject({ method: 'GET', url: '/metrics', headers });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
  });
});

describe('the separate metrics listener', () => {
  it('serves GET /metrics without a token and nothing else', async () => {
    const registry = new Registry();
    registry.setDefaultLabels({ instance: 'probe' });
    const server = await startMetricsListener(registry, 0, '127.0.0.1');
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const metrics = await fetch(`${base}/metrics`);
      expect(metrics.status).toBe(200);
      expect(metrics.headers.get('content-type')).toContain('text/plain');
      for (const [method, path] of [['GET', '/'], ['GET', '/api/v1/me'], ['POST', '/metrics'], ['GET', '/metrics/../api']] as const) {
        expect((await fetch(`${base}${path}`, { method })).status, `${method} ${path}`).toBe(404);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('metrics configuration', () => {
  it('is off by default, and refuses a short token naming the variable', () => {
    expect(loadConfig({}).metrics).toEqual({ token: null, port: null, host: '127.0.0.1' });
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: use at least 24 characters/);
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_TOKEN: 'a'.repeat(24) }).metrics).toEqual({ token: 'a'.repeat(24), port: 9464, host: '127.0.0.1' });
  });
});
