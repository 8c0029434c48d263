import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { readMetrics, STRONG_PASSWORD } from '../test/client.ts';
import { describeEachEngine } from '../test/engines.ts';
import { signUpFrom } from '../test/screening-helpers.ts';

const FAILURES = 5;
const PER_MINUTE = 40;

/** A token with exactly the shape of ours, that no one was ever given. */
const madeUpToken = () => `rapport_pat_${randomBytes(32).toString('base64url')}`;
const madeUpSession = () => `rs_${randomBytes(32).toString('base64url')}`;

const expectThrottled = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBe(429);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json().code).toBe('rate_limited');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
};

describeEachEngine(
  'limits before authentication: refused requests cost no database work',
  (get) => {
    let validToken = '';
    beforeAll(async () => {
      const { app } = get();
      const m = await signUpFrom(app, 'Token Holder', '10.3.0.1');
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        remoteAddress: '10.3.0.1',
        payload: { email: m.email, password: STRONG_PASSWORD, name: 'script' },
      });
      validToken = res.json<{ token: string }>().token;
    });

    /** A counter from /metrics: what the app itself reports about its database look-ups and refusals. */
    const metric = async (name: string, labels: string): Promise<number> => {
      const text = (await readMetrics(get().app)).body;
      const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
      return line ? Number(line.split(' ').at(-1)) : 0;
    };
    const tokenLookups = () => metric('rapport_credential_lookups_total', 'credential="token",result="unknown"');
    const sessionLookups = () => metric('rapport_credential_lookups_total', 'credential="session",result="unknown"');
    const call = (from: string, headers: Record<string, string>, url = '/api/v1/me') =>
      get().app.inject({ method: 'GET', url, remoteAddress: from, headers });

    it('refuses a flood of made-up tokens from one address once it is over its failure budget, without looking them up', async () => {
      const flooder = '198.51.100.7';
      const before = await tokenLookups();
      const answers: LightMyRequestResponse[] = [];
      for (let i = 0; i < 20; i++) answers.push(await call(flooder, { authorization: `Bearer ${madeUpToken()}` }));
      for (const res of answers.slice(0, FAILURES)) {
        expect(res.statusCode).toBe(401);
        expect(res.json().code).toBe('invalid_token');
      }
      for (const res of answers.slice(FAILURES)) expectThrottled(res);
      // Only the first FAILURES reached the database; the 15 after them were answered from memory.
      expect((await tokenLookups()) - before).toBe(FAILURES);
      expect(await metric('rapport_credentials_refused_total', 'reason="address_over_failure_budget"')).toBeGreaterThanOrEqual(15);
      // Everyone else is unaffected; the flooding address is refused even a good token until the window ends.
      expect((await call('10.3.0.1', { authorization: `Bearer ${validToken}` })).statusCode).toBe(200);
      expectThrottled(await call(flooder, { authorization: `Bearer ${validToken}` }));
    });

    it('refuses malformed tokens without hashing or looking them up, and counts them against the budget', async () => {
      const from = '198.51.100.8';
      const before = await tokenLookups();
      const malformed = ['abc', 'rapport_pat_short', `rapport_pat_${'A'.repeat(42)}!`, madeUpSession(), `rapport_pat_${'x'.repeat(5000)}`];
      for (const token of malformed) {
        const res = await call(from, { authorization: `Bearer ${token}` });
        expect(res.statusCode).toBe(401);
        expect(res.json().code).toBe('invalid_token');
      }
      expect(await tokenLookups()).toBe(before);
      expectThrottled(await call(from, { authorization: `Bearer ${madeUpToken()}` }));
      expect(await tokenLookups()).toBe(before);
    });

    it('refuses a flood of made-up session cookies the same way', async () => {
      const from = '198.51.100.9';
      const before = await sessionLookups();
      for (let i = 0; i < FAILURES; i++) {
        const res = await call(from, { cookie: `rapport_session=${madeUpSession()}` });
        expect(res.statusCode).toBe(401);
        expect(res.json().code).toBe('unauthenticated');
      }
      expectThrottled(await call(from, { cookie: `rapport_session=${madeUpSession()}` }));
      expect((await sessionLookups()) - before).toBe(FAILURES);
    });

    it('answers 429 past the address budget before authenticating anything, on every API route', async () => {
      const from = '198.51.100.10';
      for (let i = 0; i < PER_MINUTE; i++) expect((await call(from, {})).statusCode).toBe(401);
      const before = await metric('rapport_credential_lookups_total', 'credential="token",result="found"');
      expectThrottled(await call(from, { authorization: `Bearer ${validToken}` }));
      expect(await metric('rapport_credential_lookups_total', 'credential="token",result="found"')).toBe(before);
      // Sign-in from that address waits too; health checks and the web app are not the API.
      const login = await get().app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: from, payload: { email: 'a@example.com', password: 'x' } });
      expectThrottled(login);
      expect((await call(from, {}, '/healthz')).statusCode).toBe(200);
    });

    it('looks nothing up for public routes, whatever credentials come with them', async () => {
      const [tokens, sessions] = [await tokenLookups(), await sessionLookups()];
      const from = '198.51.100.11';
      for (let i = 0; i < 3; i++) {
        expect((await call(from, { cookie: `rapport_session=${madeUpSession()}` }, '/healthz')).statusCode).toBe(200);
        expect((await call(from, { authorization: `Bearer ${madeUpToken()}` }, '/healthz')).statusCode).toBe(200);
      }
      const reset = await get().app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset',
        remoteAddress: from,
        headers: { authorization: `Bearer ${madeUpToken()}` },
        payload: { email: 'public@example.com' },
      });
      expect(reset.statusCode).toBe(202);
      expect([await tokenLookups(), await sessionLookups()]).toEqual([tokens, sessions]);
    });
  },
  () => ({ preAuth: { perMinute: PER_MINUTE, failedCredentials: FAILURES, failedCredentialsWindowMs: 900_000 } }),
);
