import Fastify from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Member, signUp } from '../test/client.ts';
import { describeEachEngine } from '../test/engines.ts';
import { uploadPhoto } from '../test/uploads.ts';
import { registerApiConventions } from './api-conventions.ts';

describeEachEngine('API conventions at the edge', (get) => {
  let m: Member;
  beforeAll(async () => {
    m = await signUp(get().app, 'Edge Member');
  });

  describe('unknown query parameters are refused on every route, as docs/api.md says', () => {
    it.each([
      ['GET', '/api/v1/me?foo=1', 'querystring.foo'],
      ['GET', '/api/v1/me/blocks?limit=5', 'querystring.limit'],
      ['DELETE', '/api/v1/me/photo?x=1', 'querystring.x'],
      ['POST', '/api/v1/auth/logout?next=/evil', 'querystring.next'],
    ])('%s %s', async (method, url, path) => {
      const res = await m.call(method as 'GET', url);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('validation_failed');
      expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([path]);
    });

    it('still accepts the query a route declares, and the photo URLs the API hands out', async () => {
      expect((await m.call('GET', '/api/v1/search/members?q=edge&limit=5')).statusCode).toBe(200);
      const upload = await uploadPhoto(get().app, m);
      expect(upload.statusCode, upload.body).toBe(200);
      const photoUrl = upload.json().profile.photoUrl as string;
      expect(photoUrl).toContain('?v=');
      const photo = await m.call('GET', photoUrl);
      expect(photo.statusCode).toBe(200);
      // A photo keeps its own caching (private, with an ETag), and still varies by credentials.
      expect(photo.headers['cache-control']).toBe('private, max-age=300');
      expect(photo.headers.etag).toBeTruthy();
      expect(String(photo.headers.vary)).toMatch(/Cookie.*Authorization/);
    });
  });

  describe('no shared cache keeps an API answer', () => {
    it.each([
      ['a member’s own data', '/api/v1/me', 200],
      ['a list', '/api/v1/me/connections', 200],
      ['a problem', '/api/v1/search/members?limit=0', 400],
      ['an unknown API path', '/api/v1/nowhere', 404],
    ])('%s: Cache-Control private, no-store and Vary: Cookie, Authorization', async (_what, url, status) => {
      const res = await m.call('GET', url);
      expect(res.statusCode).toBe(status);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(String(res.headers.vary)).toMatch(/Cookie.*Authorization/);
    });

    it('signed out too: a 401 is not cached either', async () => {
      const res = await get().app.inject({ url: '/api/v1/me' });
      expect(res.statusCode).toBe(401);
      expect(res.headers['cache-control']).toBe('private, no-store');
    });
  });
});

describe('query schemas must be strict', () => {
  it('refuses, at start-up, an API route whose query schema would let unknown parameters through', async () => {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    registerApiConventions(app);
    expect(() => app.get('/api/v1/lenient', { schema: { querystring: z.object({ q: z.string() }) } }, async () => ({}))).toThrow(
      /GET \/api\/v1\/lenient: its querystring schema must be a z\.strictObject/,
    );
    app.get('/api/v1/strict', { schema: { querystring: z.strictObject({ q: z.string() }) } }, async () => ({}));
    await app.ready();
    await app.close();
  });
});
