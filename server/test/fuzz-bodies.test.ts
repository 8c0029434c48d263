import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from './engines.ts';
import { type OpenApiDoc, type Schema, isEventStream, jsonBodySchema, namedValues, operatorWorld, validValue } from './openapi-requests.ts';

/**
 * Property-based companion to the hostile-input suite: where that one puts a fixed list of bad values in one
 * field at a time, this one lets fast-check build whole bodies from each route's JSON schema and mutate them
 * (wrong types, extra properties, huge strings, lone surrogates and NUL, deep nesting, numbers at their bounds,
 * arrays where objects are expected). The seed is fixed so a failure replays; the runs per route are bounded so
 * the file stays within about a minute on PGlite.
 */
const SEED = 160_016;
const RUNS_PER_ROUTE = 40;

/** Strings a parser, a database or a log may choke on: control characters, lone surrogates, bidi, NaN-ish numbers. */
const edgeString = fc.constantFrom(
  '',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uDBFF\uDFFF',
  '\uFEFF',
  '\u202Eevil',
  '\u0085\u2028\u2029',
  'e\u0301',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '-0',
  '0x1F',
  '9007199254740993',
  'null',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '%00',
  "'; DROP TABLE members; --",
);
const hugeString = fc.tuple(fc.constantFrom('x', '🙂', '\u0000', 'é', '\uD800'), fc.integer({ min: 1_000, max: 200_000 })).map(([c, n]) => c.repeat(n));
const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
  { weight: 3, arbitrary: edgeString },
  { weight: 1, arbitrary: hugeString },
);
const boundNumber = fc.constantFrom(0, -0, -1, 1, 0.5, -0.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 2 ** 53 + 2, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e308);
const anyNumber = fc.oneof(boundNumber, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
/**
 * A value nested up to 50,000 levels down, in arrays or objects: stack-hungry parsers, validators and recursive
 * walkers meet it. The test's own JSON.stringify would overflow on such a value, so the arbitrary yields a marker
 * that `toJson` expands into the nested text.
 */
const DEEP_MARKER = '\u0007deep:';
const deep = fc.tuple(fc.integer({ min: 50, max: 50_000 }), fc.constantFrom('a', 'o')).map(([depth, kind]) => `${DEEP_MARKER}${depth}:${kind}`);
function toJson(body: unknown): string {
  return (JSON.stringify(body) ?? 'null').replace(/"\\u0007deep:(\d+):([ao])"/g, (_m, depth: string, kind: string) => {
    const n = Number(depth);
    return kind === 'a' ? `${'['.repeat(n)}1${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
  });
}
/** Any JSON value a client could send, in place of a field. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: anyString },
  { weight: 3, arbitrary: anyNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 2, arbitrary: fc.array(fc.oneof(anyString, anyNumber, fc.constant(null)), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(anyString, fc.oneof(anyString, anyNumber), { maxKeys: 4 }) },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.array(fc.constant('x'), { minLength: 1_000, maxLength: 20_000 }) },
);

/** The top-level field names of a JSON body schema. */
function fieldsOf(schema: Schema): string[] {
  return Object.keys(schema.properties ?? {});
}

/** A schema's typical value made hostile: wrong types, extra properties, swapped shapes, or a whole other body. */
function mutatedBody(schema: Schema, valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const fields = fieldsOf(schema);
  const extraKey = fc.oneof(edgeString, fc.string({ unit: 'binary', maxLength: 16 }));
  const variants: fc.Arbitrary<unknown>[] = [
    // The whole body replaced: arrays where an object is expected, scalars, deep nesting.
    hostileValue,
    // Extra properties beside a valid body, including prototype-polluting names.
    fc.dictionary(extraKey, hostileValue, { minKeys: 1, maxKeys: 4 }).map((extra) => ({ ...valid, ...extra })),
  ];
  if (fields.length) {
    const field = fc.constantFrom(...fields);
    // One field hostile, the rest valid, so the value gets past required-field checks to the field's own rules.
    variants.push(fc.tuple(field, hostileValue).map(([key, value]) => ({ ...valid, [key]: value })));
    // Several fields hostile at once, some of them dropped.
    variants.push(
      fc.tuple(fc.subarray(fields), fc.subarray(fields), fc.array(hostileValue, { minLength: fields.length, maxLength: fields.length })).map(([hit, drop, values]) => {
        const body: Record<string, unknown> = { ...valid };
        hit.forEach((key, i) => (body[key] = values[i]));
        for (const key of drop) delete body[key];
        return body;
      }),
    );
    // A valid body with a field's value wrapped in an array or an object, the shape swaps a careless `as` misses.
    variants.push(fc.tuple(field, fc.boolean()).map(([key, asArray]) => ({ ...valid, [key]: asArray ? [valid[key]] : { value: valid[key] } })));
  }
  return fc.oneof(...variants);
}

/** The path's base id for each kind of resource, so a fuzzed body reaches a real row rather than a 404 before validation. */
function pathValue(path: string, name: string, world: { handle: string; invitationId: number; spareTokenId: number }): string {
  if (name === 'handle') return world.handle;
  if (name === 'slug') return 'acme';
  if (path.includes('/tokens/')) return String(world.spareTokenId);
  if (path.includes('/invitations/')) return String(world.invitationId);
  return '1';
}

describeEachEngine(
  'fuzzed JSON bodies on every route',
  (get) => {
    let token = '';
    let world = { handle: '', invitationId: 0, spareTokenId: 0 };
    let named: Record<string, unknown> = {};

    beforeAll(async () => {
      const { app } = get();
      // The first member is the operator, so the admin routes are fuzzed past their authorisation too.
      const { other, invitationId, tokenFor } = await operatorWorld(app, 'Fuzz');
      token = (await tokenFor('fuzz suite')).token;
      world = { handle: other.handle, invitationId, spareTokenId: (await tokenFor('spare')).id };
      named = namedValues(other, { invitationId: world.invitationId });
    }, 120_000);

    it('answers below 500 to every fuzzed body, and every 4xx is problem+json with a code', async () => {
      const { app } = get();
      const doc = app.swagger() as unknown as OpenApiDoc;
      const failures: string[] = [];
      let tried = 0;
      let routes = 0;

      for (const [template, operations] of Object.entries(doc.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          const schema = jsonBodySchema(operation);
          if (!schema || isEventStream(operation)) continue;
          routes++;
          const upper = method.toUpperCase();
          const url = template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(pathValue(template, name, world)));
          const valid = (validValue('', schema, named) ?? {}) as Record<string, unknown>;
          await fc.assert(
            fc.asyncProperty(mutatedBody(schema, typeof valid === 'object' ? valid : {}), async (body) => {
              tried++;
              const payload = toJson(body);
              let res;
              try {
                res = await app.inject({
                  method: upper as InjectOptions['method'],
                  url,
                  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
                  payload,
                });
              } catch (error) {
                failures.push(`${upper} ${url} ${payload.slice(0, 160)} → threw ${String(error).slice(0, 200)}`);
                return;
              }
              const type = String(res.headers['content-type'] ?? '');
              let code: unknown;
              try {
                code = (res.json() as { code?: unknown }).code;
              } catch {
                code = undefined;
              }
              if (res.statusCode >= 500 || (res.statusCode >= 400 && (!type.startsWith('application/problem+json') || typeof code !== 'string'))) {
                failures.push(`${upper} ${url} ${payload.slice(0, 160)} → ${res.statusCode} ${type} ${res.body.slice(0, 200)}`);
              }
            }),
            { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
          );
        }
      }

      console.info(`fuzz-bodies: ${tried} bodies tried on ${routes} routes with a JSON body (seed ${SEED})`);
      expect(failures).toEqual([]);
      // A document that lost its routes would pass vacuously.
      expect(routes).toBeGreaterThan(30);
      expect(tried).toBe(routes * RUNS_PER_ROUTE);
    }, 240_000);
  },
  () => ({}),
  'pglite',
);
