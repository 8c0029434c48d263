import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { testConfig } from '../config.ts';
import { openDatabase } from '../db/connection.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { readMetrics, signUp } from './client.ts';
import { describeEachEngine } from './engines.ts';

describeEachEngine('platform', (get) => {
  it('sets security headers on every response', async () => {
    const res = await get().app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('serves health, readiness and Prometheus metrics', async () => {
    const { app } = get();
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
    const metrics = await readMetrics(app);
    expect(metrics.body).toContain('rapport_http_request_duration_seconds');
    expect(metrics.body).toContain('process_cpu_user_seconds_total');
  });

  it('publishes an OpenAPI 3.1 document generated from the zod schemas, with a browsable UI', async () => {
    const { app } = get();
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/v1/auth/signup', '/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/auth/tokens', '/api/v1/me',
      '/api/v1/me/profile', '/api/v1/members/{handle}', '/api/v1/search/members']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const signupBody = doc.paths['/api/v1/auth/signup'].post.requestBody.content['application/json'].schema;
    expect(signupBody.required).toEqual(expect.arrayContaining(['email', 'password', 'name']));
    expect(signupBody.additionalProperties).toBe(false);
    const ui = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('returns people in lists with room for degree and mutual count', async () => {
    const m = await signUp(get().app, 'Listed Person');
    const res = await m.call('GET', '/api/v1/search/members?q=listed');
    expect(res.json().items[0]).toHaveProperty('degree', null);
    expect(res.json().items[0]).toHaveProperty('mutualCount', null);
  });
});

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

it('keeps data in the PGlite data directory across restarts and refuses a second process', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-datadir-'));
  dirs.push(dataDir);
  const config = testConfig({ database: { kind: 'pglite', dataDir } });
  const app = await buildApp(config, { background: false });
  const m = await signUp(app, 'Persistent Person');

  // A second opener of the same directory, as a second server would, is refused with a clear message.
  await expect(openDatabase(config)).rejects.toThrow(DataDirLockedError);
  await expect(openDatabase(config)).rejects.toThrow(/in use by another Rapport process/);

  await app.close();
  const again = await buildApp(config, { background: false });
  const res = await again.inject({ method: 'GET', url: `/api/v1/search/members?q=persistent`, headers: { cookie: m.cookie } });
  expect(res.statusCode).toBe(200);
  expect(res.json().items[0].handle).toBe(m.handle);
  await again.close();
}, 180_000);
