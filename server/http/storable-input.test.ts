import Fastify from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerProblemHandler } from './problem.ts';
import { registerStorableInput } from './storable-input.ts';

describe('values the database cannot store are refused at the edge', () => {
  // A route whose schema, unlike the shared primitives, takes any string: the guard is what stands
  // between such a field and a PostgreSQL error.
  const app = Fastify();
  let stored: unknown[] = [];
  beforeAll(async () => {
    app.setValidatorCompiler(validatorCompiler);
    registerProblemHandler(app);
    registerStorableInput(app);
    app.post(
      '/api/v1/notes/:key',
      { schema: { params: z.object({ key: z.string() }), querystring: z.object({ q: z.string().optional() }), body: z.object({ note: z.string(), tags: z.array(z.string()).optional() }) } },
      async (request) => {
        stored.push(request.body);
        return { ok: true };
      },
    );
    await app.ready();
  });
  afterAll(() => app.close());

  const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object });

  it.each([
    ['a NUL in a body field', '/api/v1/notes/a', { note: 'a\u0000b' }, 'body.note'],
    ['a lone surrogate deep in the body', '/api/v1/notes/a', { note: 'ok', tags: ['fine', '\uDC00'] }, 'body.tags.1'],
    ['a NUL in a query parameter', '/api/v1/notes/a?q=%00', { note: 'ok' }, 'querystring.q'],
    ['a NUL in a path parameter', '/api/v1/notes/%00', { note: 'ok' }, 'params.key'],
  ])('%s: 400 validation_failed naming the field, and nothing stored', async (_what, url, payload, path) => {
    stored = [];
    const res = await post(url, payload);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'validation_failed', errors: [{ path }] });
    expect(stored).toEqual([]);
  });

  it('lets paired surrogates (emoji) and ordinary text through', async () => {
    stored = [];
    expect((await post('/api/v1/notes/a?q=caf%C3%A9', { note: 'Ship it 🚀', tags: ['李伟'] })).statusCode).toBe(200);
    expect(stored).toEqual([{ note: 'Ship it 🚀', tags: ['李伟'] }]);
  });
});
