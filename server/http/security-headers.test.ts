import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { testConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/connection.ts';

describe('security headers follow how the instance is served (PUBLIC_URL)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase(testConfig());
  }, 120_000);
  afterAll(async () => {
    await database.close();
  });

  async function headersFor(publicUrl: string, url: string) {
    const app = await buildApp(testConfig({ publicUrl }), { database, background: false });
    try {
      const res = await app.inject({ url });
      return { csp: String(res.headers['content-security-policy'] ?? ''), hsts: res.headers['strict-transport-security'] };
    } finally {
      await app.close();
    }
  }

  // Over plain http, upgrade-insecure-requests makes the browser fetch every script over https, which
  // nothing answers: the page stays blank on every machine but localhost.
  it.each([['http://192.168.1.20:3000'], ['http://rapport.lan']])('over %s: neither upgrade-insecure-requests nor HSTS', async (publicUrl) => {
    for (const url of ['/healthz', '/api/v1/me']) {
      const { csp, hsts } = await headersFor(publicUrl, url);
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(hsts).toBeUndefined();
    }
  });

  it('over https: upgrade-insecure-requests and HSTS', async () => {
    for (const url of ['/healthz', '/api/v1/me']) {
      const { csp, hsts } = await headersFor('https://rapport.example.org', url);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain('upgrade-insecure-requests');
      expect(hsts).toMatch(/^max-age=31536000/);
    }
  });
});
