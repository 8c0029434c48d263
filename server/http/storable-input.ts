import type { FastifyInstance } from 'fastify';
import { AppError, type FieldErrorSource } from '../errors.ts';

/**
 * What PostgreSQL cannot hold in any text or jsonb value: the NUL character, and UTF-16 surrogates without
 * their pair (not Unicode text at all; jsonb refuses the escape, text would silently store U+FFFD).
 */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_REPORTED = 10;


/**
 * The last line of defence for "bad input never gives a 5xx": after each route's own schema has run (so
 * its field rules and messages come first), any path parameter, query parameter or body value, key or
 * text, that the database could not store is refused with a 400 naming the field, instead of failing
 * in SQL. Field schemas refuse these already (common/schemas/primitives.ts); this catches a field that
 * a route declared as a plain string.
 */
export function registerStorableInput(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const errors = [...unstorable(request.params, 'params'), ...unstorable(request.query, 'querystring'), ...unstorable(request.body, 'body')];
    if (errors.length) throw new AppError(400, 'validation_failed', { errors: errors.slice(0, MAX_REPORTED) });
  });
}

/** Every string (value or key) under `root` that PostgreSQL could not store, walked without recursion. */
function unstorable(value: unknown, root: string): FieldErrorSource[] {
  const found: FieldErrorSource[] = [];
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length && found.length < MAX_REPORTED) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      if (UNSTORABLE.test(node)) found.push({ path, code: 'custom', key: 'field.unstorable' });
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => stack.push([item, `${path}.${i}`]));
    } else if (node !== null && typeof node === 'object' && !Buffer.isBuffer(node)) {
      for (const [key, item] of Object.entries(node)) {
        if (UNSTORABLE.test(key)) found.push({ path, code: 'custom', key: 'field.unstorable_key' });
        stack.push([item, `${path}.${key}`]);
      }
    }
  }
  return found;
}
