import type { RouteOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '../../common/error-codes.ts';
import { testConfig } from '../config.ts';
import { signUp } from '../test/client.ts';
import { describeEachEngine } from '../test/engines.ts';
import { openApiDocument, openApiTransform, SIGNED_IN } from './openapi.ts';
import { OPERATIONS, operationKey } from './operations.ts';

interface Response {
  description: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema: { allOf?: [unknown, { properties: { code: { enum: ErrorCode[] } } }] } }>;
}
interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: unknown[];
  responses: Record<string, Response>;
}
interface Doc {
  security: unknown[];
  servers: { url: string }[];
  components: { schemas: Record<string, unknown> };
  paths: Record<string, Record<string, Operation>>;
}

/** Every operation of the document, with its key in operations.ts ("GET /api/v1/members/:handle"). */
function operations(doc: Doc): { key: string; template: string; method: string; operation: Operation }[] {
  return Object.entries(doc.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      key: operationKey(method, template.replace(/\{(\w+)\}/g, ':$1')),
      template,
      method,
      operation,
    })),
  );
}

/** An operation that answers with a server-sent event stream (operations.ts, `stream`). */
const isStream = (operation: Operation): boolean => operation.responses['200']?.content?.['text/event-stream'] !== undefined;

/** The codes an operation documents under one status. */
const documented = (operation: Operation, status: number): ErrorCode[] =>
  operation.responses[status]?.content?.['application/problem+json']?.schema.allOf?.[1].properties.code.enum ?? [];

describeEachEngine('the OpenAPI document', (get) => {
  const load = async () => (await get().app.inject({ url: '/api/docs/json' })).json<Doc>();

  it('marks public routes as needing none, and leaves signed-in routes on the default', async () => {
    const doc = await load();
    expect(doc.security).toEqual(SIGNED_IN);
    expect(doc.paths['/api/v1/auth/signup']?.post?.security).toEqual([]);
    expect(doc.paths['/api/v1/auth/login']?.post?.security).toEqual([]);
    expect(doc.paths['/api/v1/auth/tokens']?.post?.security).toEqual([]);
    expect(doc.paths['/api/v1/me']?.get).not.toHaveProperty('security');
    expect(doc.paths['/api/v1/invitations']?.post).not.toHaveProperty('security');
  });

  it('agrees with what the server enforces: a route the document calls public answers without credentials, and with a documented code', async () => {
    const doc = await load();
    const wrong: string[] = [];
    for (const { template, method, operation } of operations(doc)) {
      const url = template.replace(/\{handle\}/g, 'someone').replace(/\{slug\}/g, 'acme').replace(/\{\w+\}/g, '1');
      const res = await get().app.inject({ method: method.toUpperCase() as 'GET', url });
      const documentedPublic = Array.isArray(operation.security) && operation.security.some((s) => Object.keys(s as object).length === 0);
      const documentedPublicOnly = Array.isArray(operation.security) && operation.security.length === 0;
      const answeredWithout = res.statusCode !== 401;
      if ((documentedPublic || documentedPublicOnly) !== answeredWithout) wrong.push(`${method.toUpperCase()} ${template}: ${res.statusCode}`);
      if (res.statusCode >= 400 && res.statusCode < 500 && !documented(operation, res.statusCode).includes(res.json<{ code: ErrorCode }>().code)) {
        wrong.push(`${method.toUpperCase()} ${template}: ${res.statusCode} ${res.json<{ code: string }>().code} is not documented`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('documents the code of every 4xx a signed-in member meets calling each operation without its body, on ids that do not exist', async () => {
    const doc = await load();
    const member = await signUp(get().app, 'Openapi Caller');
    const undocumented: string[] = [];
    for (const { template, method, operation } of operations(doc)) {
      // Not the calls that would end this member's session or change their password.
      if (template === '/api/v1/auth/logout' || template === '/api/v1/me/password') continue;
      // A live stream stays open, so an injected call never ends; its own test covers its refusals.
      if (isStream(operation)) continue;
      const url = template.replace(/\{handle\}/g, 'nobody-here').replace(/\{slug\}/g, 'no-such-org').replace(/\{\w+\}/g, '987654');
      const res = await member.call(method.toUpperCase() as 'GET', url);
      if (res.statusCode < 400 || res.statusCode >= 500) continue;
      const { code } = res.json<{ code: ErrorCode }>();
      if (!documented(operation, res.statusCode).includes(code)) undocumented.push(`${method.toUpperCase()} ${template}: ${res.statusCode} ${code}`);
    }
    expect(undocumented).toEqual([]);
  });

  it('has an entry in server/http/operations.ts for every operation, and no entry without its route', async () => {
    const keys = operations(await load()).map((o) => o.key);
    expect(keys.filter((key) => !(key in OPERATIONS))).toEqual([]);
    expect(Object.keys(OPERATIONS).filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('gives every operation a unique camelCase operationId, a summary and a tag', async () => {
    const all = operations(await load());
    const ids = all.map((o) => o.operation.operationId);
    expect(new Set(ids).size).toBe(all.length);
    for (const { key, operation } of all) {
      expect(operation.operationId, key).toMatch(/^[a-z]+([A-Z][a-z]*)*$/);
      expect(operation.summary, key).toBeTruthy();
      expect(operation.tags?.length, key).toBeGreaterThan(0);
    }
  });

  it('documents each 4xx an API operation answers as problem+json listing codes of that status from the catalogue', async () => {
    for (const { key, operation } of operations(await load())) {
      const statuses = Object.keys(operation.responses).map(Number).filter((s) => s >= 400 && s < 500);
      if (key.includes(' /api/')) expect(statuses, key).toContain(400);
      for (const status of statuses) {
        const codes = documented(operation, status);
        expect(codes.length, `${key} ${status}`).toBeGreaterThan(0);
        for (const code of codes) expect(ERROR_CODES[code]?.status, `${key} ${status} ${code}`).toBe(status);
        for (const code of codes) expect(operation.responses[status]?.description).toContain(`\`${code}\``);
      }
    }
  });

  it('lists what is particular to a route beside what every signed-in write answers', async () => {
    const send = (await load()).paths['/api/v1/invitations']?.post;
    if (!send) throw new Error('POST /api/v1/invitations is not documented');
    expect(documented(send, 403)).toEqual(expect.arrayContaining(['invitation_needs_email', 'csrf_failed', 'account_suspended']));
    expect(documented(send, 409)).toEqual(expect.arrayContaining(['already_connected', 'invitation_pending']));
    expect(documented(send, 429).sort()).toEqual(['invitation_allowance', 'rate_limited']);
    expect(send.responses[429]?.headers).toHaveProperty('retry-after');
    expect(documented(send, 401).sort()).toEqual(['invalid_token', 'unauthenticated']);
  });

  it('names its server and the problem schema', async () => {
    const doc = await load();
    // The test configuration has no PUBLIC_URL: the document points at the origin it was fetched from.
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(doc.components.schemas.Problem).toMatchObject({ type: 'object', required: expect.arrayContaining(['code', 'status']) });
  });
});

describe('openApiDocument', () => {
  it('names PUBLIC_URL as the server', () => {
    expect(openApiDocument(testConfig({ publicUrl: 'https://people.example.org' })).servers).toEqual([
      expect.objectContaining({ url: 'https://people.example.org' }),
    ]);
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
