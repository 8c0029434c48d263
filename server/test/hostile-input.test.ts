import type { InjectOptions } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import type { Member } from './client.ts';
import { type OpenApiDoc as Doc, type Schema, isEventStream, jsonBodySchema, namedValues, operatorWorld, validValue as validRequestValue } from './openapi-requests.ts';
import { describeEachEngine } from './engines.ts';
import {
  CORE_JSON,
  CORE_PARAMS,
  CORE_RAW_SEGMENTS,
  HOSTILE_BODIES,
  HOSTILE_CURSORS,
  HOSTILE_JSON,
  HOSTILE_PARAMS,
  HOSTILE_RAW_SEGMENTS,
  encodeParam,
  pick,
} from './hostile-values.ts';

/** How many values beyond the core set each location gets: enough to cover every value across routes, fast. */
const SAMPLED = 6;

/** The ids, handles and names a request needs to reach past validation into the route's real work. */
interface World {
  actor: Member;
  token: string;
  other: Member;
  invitationId: number;
  reportId: number;
  spareTokenId: number;
}

/** A plausible value for a field, so that one hostile field at a time meets an otherwise valid request. */
function validValue(name: string, schema: Schema, world: World): unknown {
  return validRequestValue(name, schema, namedValues(world.other, { invitationId: world.invitationId }));
}

/** The path's base id for each kind of resource, so a hostile body reaches a real row. */
function pathValue(path: string, name: string, world: World): string {
  if (name === 'handle') return world.other.handle;
  if (name === 'slug') return 'acme';
  if (path.includes('/tokens/')) return String(world.spareTokenId);
  if (path.includes('/reports/')) return String(world.reportId);
  if (path.includes('/invitations/')) return String(world.invitationId);
  return '1';
}

/** Every place a value can be put in a JSON body: top-level fields, and the fields of objects inside it. */
function bodyPaths(schema: Schema, prefix: string[] = [], depth = 0): string[][] {
  const out: string[][] = [];
  for (const [key, field] of Object.entries(schema.properties ?? {})) {
    out.push([...prefix, key]);
    if (depth >= 1) continue;
    const items = field.items ?? field.anyOf?.find((o) => o.items)?.items;
    if (items?.properties) out.push(...bodyPaths(items, [...prefix, key, '0'], depth + 1));
    if (field.properties) out.push(...bodyPaths(field, [...prefix, key], depth + 1));
  }
  return out;
}

/** A copy of `body` with the value at `path` replaced, creating the enclosing objects or arrays it needs. */
function withValue(body: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(body ?? {}) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  path.slice(0, -1).forEach((key, i) => {
    const nextIsIndex = /^\d+$/.test(path[i + 1] ?? '');
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = nextIsIndex ? [{}] : {};
    const child = node[key] as Record<string, unknown> | unknown[];
    if (Array.isArray(child) && child.length === 0) child.push({});
    node = child as Record<string, unknown>;
  });
  node[path[path.length - 1]!] = value;
  return copy;
}

/**
 * Zero 5xx from any input on any route: every operation in the app's own OpenAPI document gets hostile
 * values in each path parameter, query parameter and body field (one at a time, the rest valid), plus an
 * unknown query parameter and bodies that are broken before any schema sees them, as a signed-in operator.
 * Every answer must be below 500, and every 4xx must be problem+json with a code.
 */
describeEachEngine('hostile input on every route', (get) => {
  let world: World;

  beforeAll(async () => {
    const { app } = get();
    // The first member is the operator, so the admin routes are reached too.
    const { actor, other, invitationId, tokenFor } = await operatorWorld(app, 'Hostile');
    const report = await actor.call('POST', '/api/v1/reports', { member: other.handle, reason: 'spam' });
    expect(report.statusCode, report.body).toBe(201);
    world = {
      actor,
      other,
      token: (await tokenFor('hostile suite')).token,
      spareTokenId: (await tokenFor('spare')).id,
      invitationId,
      reportId: report.json().id,
    };
  }, 120_000);

  it('never answers 5xx, and every error is problem+json with a code', async () => {
    const { app } = get();
    const doc = app.swagger() as unknown as Doc;
    const failures: string[] = [];
    let sent = 0;

    const send = async (options: InjectOptions & { method: string; url: string }) => {
      sent++;
      const res = await app.inject({ ...options, headers: { authorization: `Bearer ${world.token}`, ...options.headers } });
      const type = String(res.headers['content-type'] ?? '');
      let code: unknown;
      try {
        code = (res.json() as { code?: unknown }).code;
      } catch {
        code = undefined;
      }
      const bad = res.statusCode >= 500 || (res.statusCode >= 400 && (!type.startsWith('application/problem+json') || typeof code !== 'string'));
      if (bad) failures.push(`${options.method} ${options.url.slice(0, 160)} ${JSON.stringify(options.payload ?? '').slice(0, 120)} → ${res.statusCode} ${type} ${res.body.slice(0, 160)}`);
    };

    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        // A live stream stays open, so an injected call never ends; it takes no input, and its test covers refusals.
        if (isEventStream(operation)) continue;
        const params = operation.parameters ?? [];
        const pathParams = params.filter((p) => p.in === 'path');
        const queryParams = params.filter((p) => p.in === 'query');
        const jsonBody = jsonBodySchema(operation);
        const urlWith = (overrides: Record<string, string> = {}, query = '') =>
          template.replace(/\{(\w+)\}/g, (_m, name: string) => overrides[name] ?? encodeParam(pathValue(template, name, world))) + query;
        const body = jsonBody ? validValue('', jsonBody, world) : undefined;
        const upper = method.toUpperCase();

        await send({ method: upper, url: urlWith(), ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }) });
        await send({ method: upper, url: urlWith({}, `?zzz=${encodeParam('<script>')}`) });

        const where = `${upper} ${template}`;
        for (const param of pathParams) {
          const values = [...CORE_PARAMS, ...pick(HOSTILE_PARAMS, SAMPLED, `${where} ${param.name}`)];
          for (const value of values) await send({ method: upper, url: urlWith({ [param.name]: encodeParam(value) }) });
          for (const raw of [...CORE_RAW_SEGMENTS, ...pick(HOSTILE_RAW_SEGMENTS, 2, where)]) await send({ method: upper, url: urlWith({ [param.name]: raw }) });
        }
        for (const param of queryParams) {
          // Every list gets every forged cursor: a cursor is the one query value the server made itself.
          const values = param.name === 'cursor' ? HOSTILE_CURSORS : [...CORE_PARAMS, ...pick(HOSTILE_PARAMS, SAMPLED, `${where} ${param.name}`)];
          for (const value of values) await send({ method: upper, url: urlWith({}, `?${param.name}=${encodeParam(value)}`) });
          await send({ method: upper, url: urlWith({}, `?${param.name}=1&${param.name}=2`) });
          await send({ method: upper, url: urlWith({}, `?${param.name}=%E0%A4%A`) });
        }
        if (jsonBody) {
          for (const path of bodyPaths(jsonBody)) {
            for (const value of [...CORE_JSON, ...pick(HOSTILE_JSON, SAMPLED, `${where} ${path.join('.')}`)]) {
              await send({ method: upper, url: urlWith(), payload: withValue(body, path, value) as InjectOptions['payload'] });
            }
          }
        }
        if (upper !== 'GET') {
          for (const [contentType, payload] of HOSTILE_BODIES) {
            await send({ method: upper, url: urlWith(), headers: { 'content-type': contentType }, payload });
          }
        }
      }
    }

    expect(failures).toEqual([]);
    // The suite reached every route: a document that lost its routes would pass vacuously.
    expect(sent).toBeGreaterThan(1500);
    // And it ran as a signed-in operator to the end: no request above revoked its own credentials.
    expect((await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${world.token}` } })).statusCode).toBe(200);
  }, 300_000);
});
