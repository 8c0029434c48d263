import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { type Member, signUp } from './client.ts';
import { describeEachEngine } from './engines.ts';

/** Every malformed request gets a 4xx problem+json with a stable code; nothing half-written, never a 5xx. */
describeEachEngine('malformed input', (get) => {
  let m: Member;
  beforeAll(async () => {
    m = await signUp(get().app, 'Input Checker');
  });

  const expectProblem = async (
    res: { statusCode: number; headers: Record<string, unknown>; json: () => { code: string; errors?: { path: string }[] } },
    status: number,
    code: string,
  ) => {
    expect(res.statusCode).toBe(status);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    expect(res.json().code).toBe(code);
    return res.json();
  };

  const cases: [string, () => Promise<void>][] = [
    ['wrong types', async () => {
      const body = await expectProblem(await m.call('PATCH', '/api/v1/me/profile', { headline: 42, skills: 'x' }), 400, 'validation_failed');
      expect(body.errors?.map((e) => e.path).sort()).toEqual(['body.headline', 'body.skills']);
    }],
    ['oversize fields', async () => {
      const body = await expectProblem(await m.call('PATCH', '/api/v1/me/profile', { headline: 'x'.repeat(221) }), 400, 'validation_failed');
      expect(body.errors?.[0]?.path).toBe('body.headline');
    }],
    ['bad email', async () => {
      const res = await get().app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: { email: 'not-an-email', password: 'long enough pass', name: 'X' } });
      const body = await expectProblem(res, 400, 'validation_failed');
      expect(body.errors?.[0]?.path).toBe('body.email');
    }],
    ['unknown fields', async () => {
      const body = await expectProblem(await m.call('PATCH', '/api/v1/me/profile', { headline: 'ok', role: 'admin' }), 400, 'validation_failed');
      expect(body.errors?.[0]?.path).toBe('body.role');
      // Nothing half-written: the valid headline in the rejected request was not saved.
      expect((await m.call('GET', '/api/v1/me')).json().profile.headline).toBe('');
    }],
    ['invalid cursor', async () => {
      await expectProblem(await m.call('GET', '/api/v1/search/members?cursor=not-a-cursor'), 400, 'invalid_cursor');
      const wrongShape = Buffer.from(JSON.stringify({ s: 'x', i: 1 })).toString('base64url');
      await expectProblem(await m.call('GET', `/api/v1/search/members?cursor=${wrongShape}`), 400, 'invalid_cursor');
    }],
    ['forged cursors are refused before any SQL sees them', async () => {
      const forged = (key: object) => Buffer.from(JSON.stringify(key)).toString('base64url');
      const cases: [string, object][] = [
        ['/api/v1/search/members?', { s: 1, i: 1.5 }],
        ['/api/v1/search/members?', { s: 1, i: 2 ** 31 }],
        ['/api/v1/me/connections?', { t: '2026-02-31T00:00:00.000000Z', i: 1 }],
        ['/api/v1/me/connections?sort=name&', { n: 'ana\u0000', i: 1 }],
        ['/api/v1/me/followers?', { t: '2026-01-01T00:00:00.000000Z', i: 2 ** 31 }],
        ['/api/v1/invitations?', { t: '2026-01-01T24:00:00.000000Z', i: 1 }],
        ['/api/v1/admin/members?', { i: 1.5 }],
        ['/api/v1/admin/outbox?', { i: 2 ** 31 }],
        ['/api/v1/admin/moderation?', { m: '99999999999999999999', t: 'flag', i: 1 }],
        ['/api/v1/admin/audit?', { i: 2 ** 53 + 2 }],
        ['/api/v1/me/notices?', { i: -1 }],
      ];
      for (const [list, key] of cases) {
        await expectProblem(await m.call('GET', `${list}cursor=${forged(key)}`), 400, 'invalid_cursor');
      }
    }],
    ['ids past the range of their column', async () => {
      const paths = async (url: string, method: 'GET' | 'POST' | 'DELETE' = 'GET', body?: unknown) =>
        (await expectProblem(await m.call(method, url, body), 400, 'validation_failed')).errors?.map((e) => e.path);
      expect(await paths('/api/v1/search/members?organisation=2147483648')).toEqual(['querystring.organisation']);
      expect(await paths('/api/v1/me/tokens/2147483648', 'DELETE')).toEqual(['params.id']);
      expect(await paths('/api/v1/invitations/9007199254740992')).toEqual(['params.id']);
      expect(await paths('/api/v1/me/notices/1.5/read', 'POST')).toEqual(['params.id']);
      // Only digits: " 1 ", "0x1" and "1e3" are not other spellings of an id.
      expect(await paths('/api/v1/invitations/%201%20')).toEqual(['params.id']);
      expect(await paths('/api/v1/invitations/0x1')).toEqual(['params.id']);
      expect(await paths('/api/v1/reports', 'POST', { member: m.handle, reason: 'spam', invitationId: 2 ** 53 })).toEqual(['body.invitationId']);
    }],
    ['SQL metacharacters are data, not SQL', async () => {
      const res = await m.call('GET', `/api/v1/search/members?q=${encodeURIComponent("'; DROP TABLE members; --")}`);
      expect(res.statusCode).toBe(200);
      const tsq = await m.call('GET', `/api/v1/search/members?q=${encodeURIComponent('a & | ! ( ) :* <-> \\')}`);
      expect(tsq.statusCode).toBe(200);
      expect((await m.call('GET', '/api/v1/me')).statusCode).toBe(200);
    }],
    ['HTML metacharacters are stored verbatim and returned as JSON text', async () => {
      const xss = '<img src=x onerror=alert(1)> & "quotes"';
      const res = await m.call('PATCH', '/api/v1/me/profile', { headline: xss });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/json');
      expect(res.json().profile.headline).toBe(xss);
    }],
    ['control characters', async () => {
      await expectProblem(await m.call('PATCH', '/api/v1/me/profile', { name: 'Bad\u0000Name' }), 400, 'validation_failed');
    }],
    ['invalid JSON', async () => {
      const res = await get().app.inject({
        method: 'PATCH',
        url: '/api/v1/me/profile',
        headers: { cookie: m.cookie, 'x-csrf-token': m.csrf, 'content-type': 'application/json' },
        payload: '{"headline": ',
      });
      await expectProblem(res, 400, 'invalid_json');
    }],
    ['wrong content type', async () => {
      const res = await get().app.inject({
        method: 'PATCH',
        url: '/api/v1/me/profile',
        headers: { cookie: m.cookie, 'x-csrf-token': m.csrf, 'content-type': 'text/plain' },
        payload: 'headline=x',
      });
      await expectProblem(res, 415, 'unsupported_media_type');
    }],
    ['impossible dates and values', async () => {
      const body = await expectProblem(
        await m.call('PATCH', '/api/v1/me/profile', {
          experience: [{ organisation: 'A', title: 'B', startDate: '2020-13', endDate: null }],
          education: [{ school: 'S', startYear: 2010, endYear: 2001 }],
          careerStage: 'wizard',
          birthYear: 3000,
        }),
        400,
        'validation_failed',
      );
      expect(body.errors?.map((e) => e.path).sort()).toEqual(
        ['body.birthYear', 'body.careerStage', 'body.education.0.endYear', 'body.experience.0.startDate'].sort(),
      );
    }],
    ['bad query parameters', async () => {
      await expectProblem(await m.call('GET', '/api/v1/search/members?limit=5000'), 400, 'validation_failed');
      await expectProblem(await m.call('GET', '/api/v1/search/members?careerStage=wizard'), 400, 'validation_failed');
      await expectProblem(await m.call('GET', '/api/v1/search/members?nope=1'), 400, 'validation_failed');
      await expectProblem(await m.call('GET', '/api/v1/members/NOT_A_HANDLE!'), 400, 'validation_failed');
      await expectProblem(await m.call('DELETE', '/api/v1/me/tokens/99999999999'), 400, 'validation_failed');
    }],
    ['unknown member and route', async () => {
      await expectProblem(await m.call('GET', '/api/v1/members/no-such-member'), 404, 'not_found');
      await expectProblem(await m.call('GET', '/api/v1/nothing-here'), 404, 'not_found');
    }],
    ['oversize body', async () => {
      const res = await m.call('PATCH', '/api/v1/me/profile', { about: 'x'.repeat(2 * 1024 * 1024) });
      await expectProblem(res, 413, 'payload_too_large');
    }],
  ];
  for (const [name, run] of cases) it(name, run);

  it('never answers 5xx to arbitrary profile patches and search queries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('name', 'headline', 'about', 'skills', 'links', 'experience', 'careerStage', 'birthYear', 'visibility', 'zzz'),
          fc.oneof(fc.string({ maxLength: 300 }), fc.integer(), fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }), fc.constant(null)),
        ),
        fc.string({ maxLength: 120 }),
        async (patch, q) => {
          const res = await m.call('PATCH', '/api/v1/me/profile', patch);
          expect(res.statusCode).toBeLessThan(500);
          const search = await m.call('GET', `/api/v1/search/members?q=${encodeURIComponent(q)}`);
          expect([200, 400]).toContain(search.statusCode);
        },
      ),
      { numRuns: 150 },
    );
  });
});
