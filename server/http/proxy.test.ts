import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { type TrustProxy, testConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/connection.ts';
import { signupEvents } from '../db/schema.ts';
import { STRONG_PASSWORD } from '../test/client.ts';
import { warnAboutProxySetup } from './proxy.ts';

describe('client addresses behind a reverse proxy (TRUST_PROXY)', () => {
  // One database for every configuration: only the server's trustProxy option differs between cases.
  let database: Database;
  let signups = 0;
  beforeAll(async () => {
    database = await openDatabase(testConfig());
  }, 120_000);
  afterAll(async () => {
    await database.close();
  });

  /**
   * The address sign-up screening records (and counts bursts by) for a sign-up that reached the server
   * from a proxy at 127.0.0.1 carrying the given X-Forwarded-For.
   */
  async function recordedAddress(trustProxy: TrustProxy, forwardedFor: string): Promise<string | null> {
    const app = await buildApp(testConfig({ trustProxy }), { database, background: false });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/signup',
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': forwardedFor },
        payload: { email: `proxy.${++signups}@example.com`, password: STRONG_PASSWORD, name: `Proxy Member ${signups}` },
      });
      expect(res.statusCode, res.body).toBe(201);
      const [event] = await database.db.select().from(signupEvents).where(eq(signupEvents.memberId, res.json<{ id: number }>().id));
      return event?.ip ?? null;
    } finally {
      await app.close();
    }
  }

  // 6.6.6.6 is what a client wrote into its own header; 203.0.113.9 is the address the proxy appended.
  const SPOOFED = '6.6.6.6, 203.0.113.9';

  it('with one hop trusted, takes the address the proxy appended, not the one the client wrote', async () => {
    expect(await recordedAddress(1, SPOOFED)).toBe('203.0.113.9');
  });

  it('with two hops trusted, takes the entry the outer of the two proxies appended', async () => {
    expect(await recordedAddress(2, '6.6.6.6, 203.0.113.9, 10.0.0.2')).toBe('203.0.113.9');
  });

  it("with the proxy's address listed, takes the entry that proxy appended", async () => {
    expect(await recordedAddress(['127.0.0.1'], SPOOFED)).toBe('203.0.113.9');
  });

  it('with only other addresses listed, believes no header at all', async () => {
    expect(await recordedAddress(['10.1.2.3'], SPOOFED)).toBe('127.0.0.1');
  });

  it('with TRUST_PROXY off, records the connecting address', async () => {
    expect(await recordedAddress(false, SPOOFED)).toBe('127.0.0.1');
  });
});

describe('proxy start-up warnings', () => {
  it('warns when an https instance trusts no proxy, or when a hop count is reachable without the proxy', () => {
    const logs: string[] = [];
    const log = { warn: (message: string) => logs.push(message) } as unknown as FastifyBaseLogger;
    warnAboutProxySetup(log, testConfig({ publicUrl: 'https://rapport.example.org', trustProxy: false }));
    warnAboutProxySetup(log, testConfig({ publicUrl: 'https://rapport.example.org', trustProxy: 1, host: '0.0.0.0' }));
    warnAboutProxySetup(log, testConfig({ publicUrl: 'https://rapport.example.org', trustProxy: 1, host: '127.0.0.1' }));
    warnAboutProxySetup(log, testConfig({ publicUrl: 'http://192.168.1.20:3000', trustProxy: false }));
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatch(/TRUST_PROXY is false/);
    expect(logs[1]).toMatch(/HOST=0\.0\.0\.0/);
  });
});
