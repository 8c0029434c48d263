import { beforeAll, expect, it } from 'vitest';
import { type Member, signUp } from './client.ts';
import { describeEachEngine } from './engines.ts';

interface QueryParameter {
  name: string;
  schema: { type?: string; enum?: unknown[]; pattern?: string };
}

/**
 * Every text query parameter of every list route refuses what PostgreSQL cannot store or a person cannot
 * have typed: control characters, and bytes that are not UTF-8 (an encoded lone surrogate). The routes are
 * read from the OpenAPI document, so a list route added later is covered without editing this test.
 */
describeEachEngine('text query parameters', (get) => {
  let admin: Member;
  let member: Member;
  let routes: { path: string; params: string[] }[] = [];

  beforeAll(async () => {
    // The first member is the operator, so the admin routes are reachable too.
    admin = await signUp(get().app, 'Query Operator');
    member = await signUp(get().app, 'Query Member');
    await member.call('PATCH', '/api/v1/me/profile', {
      experience: [{ organisation: 'Query Labs', title: 'Engineer', startDate: '2020-01' }],
    });
    const doc = (await admin.call('GET', '/api/docs/json')).json<{
      paths: Record<string, { get?: { parameters?: (QueryParameter & { in: string })[] } }>;
    }>();
    routes = Object.entries(doc.paths).flatMap(([path, ops]) => {
      const params = (ops.get?.parameters ?? [])
        // Free text only: enums and patterned parameters (ids, versions) have stricter rules of their own.
        .filter((p) => p.in === 'query' && p.schema.type === 'string' && !p.schema.enum && !p.schema.pattern)
        .map((p) => p.name);
      return params.length ? [{ path, params }] : [];
    });
  });

  const url = (path: string) =>
    path.replace('{handle}', admin.handle).replace('{slug}', 'query-labs');

  // What arrives: NUL, BEL, ESC, a surrogate encoded in UTF-8 (not valid UTF-8), and a raw lone surrogate
  // in the URL (which the HTTP layer turns into bytes that are not the character either).
  const BAD = ['%00', 'a%07b', '%1B%5B31m', '%ED%A0%80', 'a%ED%A0%80b', '\uD800'];

  it('finds the list routes with text parameters', () => {
    const found = routes.map((r) => `${r.path}?${r.params.filter((p) => p !== 'cursor').join(',')}`);
    for (const expected of [
      '/api/v1/search/members?q,industry,function',
      '/api/v1/me/connections?q',
      '/api/v1/members/{handle}/connections?q',
      '/api/v1/admin/members?q',
      '/api/v1/organisations?q',
      '/api/v1/admin/organisations?q',
    ]) {
      expect(found).toContain(expected);
    }
  });

  it('answers 400 validation_failed, never 500, for control characters and invalid UTF-8', async () => {
    const failures: string[] = [];
    for (const { path, params } of routes) {
      for (const param of params) {
        for (const bad of BAD) {
          const target = `${url(path)}?${param}=${bad}`;
          const res = await admin.call('GET', target);
          const body = res.json<{ code?: string }>();
          const okCode = param === 'cursor' ? ['validation_failed', 'invalid_cursor'] : ['validation_failed'];
          if (
            res.statusCode !== 400 ||
            !String(res.headers['content-type']).startsWith('application/problem+json') ||
            !okCode.includes(body.code ?? '')
          ) {
            failures.push(`${target} → ${res.statusCode} ${body.code ?? ''}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('still answers ordinary text, symbols and percent signs', async () => {
    for (const { path, params } of routes) {
      for (const param of params.filter((p) => p !== 'cursor' && p !== 'action')) {
        for (const good of ['ana', encodeURIComponent('C++ & 100% Zoë'), encodeURIComponent('李伟')]) {
          const res = await admin.call('GET', `${url(path)}?${param}=${good}`);
          expect(res.statusCode, `${path}?${param}=${good}`).toBe(200);
        }
      }
    }
  });

  it('refuses a repeated text parameter instead of failing on an array', async () => {
    const res = await admin.call('GET', '/api/v1/search/members?q=a&q=b');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
  });
});
