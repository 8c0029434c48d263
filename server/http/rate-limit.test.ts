import { expect, it } from 'vitest';
import { members } from '../routes/network/network-test-helpers.ts';
import { describeEachEngine } from '../test/engines.ts';

describeEachEngine(
  'rate limits per member and per route',
  (get) => {
    it('answers 429 with Retry-After and problem+json past a write route budget, per member', async () => {
      const { app } = get();
      const [a, b, c, d, e] = await members(app, ['Rate Alpha', 'Rate Bravo', 'Rate Charlie', 'Rate Delta', 'Rate Echo']);
      const sends = [];
      for (const to of [b!, c!, d!, e!]) sends.push(await a!.call('POST', '/api/v1/invitations', { to: to.handle }));
      expect(sends.map((r) => r.statusCode)).toEqual([201, 201, 201, 429]);
      const refused = sends[3]!;
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // Nothing was written by the refused request.
      expect((await e!.call('GET', '/api/v1/invitations/folders')).json()).toEqual({ inbox: 0, other: 0 });
      // Another member has their own budget.
      expect((await b!.call('POST', '/api/v1/invitations', { to: e!.handle })).statusCode).toBe(201);
    });

    it('counts every API read too, but not the web app or health checks', async () => {
      const { app } = get();
      const [m] = await members(app, ['Rate Reader']);
      const codes: number[] = [];
      for (let i = 0; i < 45; i++) codes.push((await m!.call('GET', '/api/v1/me')).statusCode);
      expect(codes.filter((s) => s === 200).length).toBeLessThanOrEqual(40);
      expect(codes.at(-1)).toBe(429);
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    });
  },
  () => ({ rateLimit: { perMinute: 40, writesPerMinute: 3 } }),
);
