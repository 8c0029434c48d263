import type { RouteOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../test/engines.ts';
import { openApiTransform, SIGNED_IN } from './openapi.ts';

interface Doc {
  security: unknown[];
  paths: Record<string, Record<string, { security?: unknown[] }>>;
}

describeEachEngine('the OpenAPI document states each route’s authentication', (get) => {
  it('marks public routes as needing none, and leaves signed-in routes on the default', async () => {
    const doc = (await get().app.inject({ url: '/api/docs/json' })).json<Doc>();
    expect(doc.security).toEqual(SIGNED_IN);
    expect(doc.paths['/api/v1/auth/signup']?.post?.security).toEqual([]);
    expect(doc.paths['/api/v1/auth/login']?.post?.security).toEqual([]);
    expect(doc.paths['/api/v1/auth/tokens']?.post?.security).toEqual([]);
    expect(doc.paths['/api/v1/me']?.get).not.toHaveProperty('security');
    expect(doc.paths['/api/v1/invitations']?.post).not.toHaveProperty('security');
  });

  it('agrees with what the server enforces: a route the document calls public answers without credentials', async () => {
    const doc = (await get().app.inject({ url: '/api/docs/json' })).json<Doc>();
    const wrong: string[] = [];
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const url = template.replace(/\{handle\}/g, 'someone').replace(/\{slug\}/g, 'acme').replace(/\{\w+\}/g, '1');
        const res = await get().app.inject({ method: method.toUpperCase() as 'GET', url });
        const documentedPublic = Array.isArray(operation.security) && operation.security.some((s) => Object.keys(s as object).length === 0);
        const documentedPublicOnly = Array.isArray(operation.security) && operation.security.length === 0;
        const answeredWithout = res.statusCode !== 401;
        if ((documentedPublic || documentedPublicOnly) !== answeredWithout) wrong.push(`${method.toUpperCase()} ${template}: ${res.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('openApiTransform', () => {
  const transform = (config: RouteOptions['config']) =>
    openApiTransform({ schema: {}, url: '/api/v1/x', route: { method: 'GET', url: '/api/v1/x', handler: async () => null, config } as RouteOptions, openapiObject: {} })
      .schema as { security?: unknown };

  it('gives optional-auth routes either credential or none', () => {
    expect(transform({ auth: 'optional' }).security).toEqual([{ bearer: [] }, { session: [] }, {}]);
    expect(transform({ auth: 'public' }).security).toEqual([]);
    expect(transform({}).security).toBeUndefined();
  });
});
