/**
 * Valid requests built from the app's own OpenAPI document: the hostile-input suite starts from them (one
 * hostile value at a time meets an otherwise valid request), and the authorisation matrix sends them as each
 * role to each relationship.
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { type Member, STRONG_PASSWORD, signUp } from './client.ts';

/** The parts of a JSON Schema (as the OpenAPI document carries it) that building a valid request needs. */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  pattern?: string;
  minItems?: number;
  default?: unknown;
}
export interface Operation {
  security?: Record<string, string[]>[];
  responses?: Record<string, { content?: Record<string, unknown> }>;
  parameters?: { in: 'path' | 'query' | 'header' | 'cookie'; name: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
export type OpenApiDoc = { paths: Record<string, Record<string, Operation>> };

let emails = 0;

/** Values for fields that name a member or a credential, by field name: the rest are derived from the schema. */
export function namedValues(member: { handle: string }, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    handle: member.handle,
    to: member.handle,
    member: member.handle,
    target: member.handle,
    email: `request.${Date.now().toString(36)}.${++emails}@example.com`,
    password: STRONG_PASSWORD,
    currentPassword: 'not the current password at all',
    newPassword: `${STRONG_PASSWORD} renewed`,
    ...extra,
  };
}

/** A plausible value for a field: by its name when `byName` knows it, else from its schema (required fields only). */
export function validValue(name: string, schema: Schema, byName: Record<string, unknown>, options: { namedOptionals?: boolean } = {}): unknown {
  if (name in byName) {
    const value = byName[name];
    // A field that takes a list of handles (`to` of a conversation, `people` of an opportunity) gets a list.
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    return type === 'array' && !Array.isArray(value) ? [value] : value;
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const option = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (option) return validValue(name, option, byName, options);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': {
      // A token in a link (`un_…`, `ei_…`, `rx_…`): its prefix, then enough of its alphabet.
      const prefix = /^\^([a-z]+_)/.exec(schema.pattern ?? '')?.[1];
      return (prefix ?? '') + 'a'.repeat(prefix ? 32 : Math.max(schema.minLength ?? 0, 12));
    }
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, (schema.exclusiveMinimum ?? 0) + 1);
    case 'boolean':
      return true;
    case 'array':
      return schema.items && schema.minItems ? [validValue(name, schema.items, byName, options)] : [];
    case 'object': {
      // With `namedOptionals`, an optional field that names a member is filled too (admire's `member`), so the
      // request is about them rather than refused for naming nobody.
      const keys = new Set(schema.required ?? []);
      if (options.namedOptionals) for (const k of Object.keys(schema.properties ?? {})) if (['member', 'handle', 'to', 'target'].includes(k)) keys.add(k);
      return Object.fromEntries([...keys].map((k) => [k, validValue(k, schema.properties?.[k] ?? {}, byName, options)]));
    }
    default:
      return null;
  }
}

/** The JSON body schema of an operation, when it takes one. */
export function jsonBodySchema(operation: Operation): Schema | undefined {
  return operation.requestBody?.content['application/json']?.schema;
}

/** Whether the operation is a live stream, which stays open so that an injected call never ends. */
export function isEventStream(operation: Operation): boolean {
  return Boolean(operation.responses?.['200']?.content?.['text/event-stream']);
}

/**
 * What a sweep over every route as the operator starts from: the operator (the first member to sign up),
 * another member, an invitation from them waiting for the operator, and API tokens made on demand.
 */
export async function operatorWorld(
  app: FastifyInstance,
  label: string,
): Promise<{ actor: Member; other: Member; invitationId: number; tokenFor: (name: string) => Promise<{ token: string; id: number }> }> {
  const actor = await signUp(app, `${label} Operator`);
  const other = await signUp(app, `${label} Target`);
  const tokenFor = async (name: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/tokens', payload: { email: actor.email, password: STRONG_PASSWORD, name } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ token: string; id: number }>();
  };
  const invitation = await other.call('POST', '/api/v1/invitations', { to: actor.handle, note: 'We met at the spring meetup, would love to connect.' });
  expect(invitation.statusCode, invitation.body).toBe(201);
  return { actor, other, invitationId: invitation.json().invitation.id, tokenFor };
}
