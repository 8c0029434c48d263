/**
 * One valid request per route, role and target: the body and query built from the OpenAPI document (the
 * builder the hostile-input suite uses), the path filled with the world's real handles and ids, and the
 * credentials of the role.
 */
import type { InjectOptions } from 'fastify';
import { type OpenApiDoc, type Operation, jsonBodySchema, namedValues, validValue } from '../openapi-requests.ts';
import type { Entry } from './expectations.ts';
import type { Role, Target, World } from './world.ts';

export interface MatrixRequest {
  /** `METHOD /path` as the document spells it: the expectation table's key. */
  route: string;
  role: Role;
  /** The target named in the path or body, for routes that name a member. */
  target: Target | null;
  options: InjectOptions & { method: string; url: string };
}

/** The member whose session the role sends; null when signed out. */
export function callerOf(world: World, role: Role) {
  switch (role) {
    case 'signed-out':
      return null;
    case 'member':
      return world.me;
    case 'restricted':
      return world.restricted;
    case 'suspended':
      return world.suspended;
    case 'operator':
      return world.operator;
  }
}

/** Whether a route names a member, so that it is sent once for each target. */
export function namesMember(template: string, entry: Entry): boolean {
  return entry.access === 'about-member' || (template.includes('{handle}') && entry.access !== 'owner-of-id');
}

/** The routes of the document, as [key, template, method, operation]. */
export function routesOf(doc: OpenApiDoc): [string, string, string, Operation][] {
  return Object.entries(doc.paths).flatMap(([template, operations]) =>
    Object.entries(operations).map(([method, operation]) => [`${method.toUpperCase()} ${template}`, template, method.toUpperCase(), operation] as [string, string, string, Operation]),
  );
}

/** The request `role` sends to `template` about `target` (the victim's thing for an id). */
export function buildRequest(world: World, key: string, template: string, method: string, operation: Operation, entry: Entry, role: Role, target: Target | null): MatrixRequest {
  const caller = callerOf(world, role);
  // `self` is whoever calls (signed out: me, whom they are not).
  const named = target?.relationship === 'self' ? (caller ?? world.me) : (target?.member ?? world.victim);
  const byName = namedValues(named, { people: [named.handle], via: [world.victim.handle], positionId: world.positions[(entry.position === 'caller' ? (caller ?? world.me) : named).handle] ?? 1 });
  const pathValue = (name: string): string => {
    if (name === 'handle') return entry.access === 'owner-of-id' ? world.noteSubject.handle : named.handle;
    if (name === 'skill') return world.skill;
    if (name === 'slug') return world.organisationSlug;
    if (name === 'topic') return 'matrix';
    if (entry.thing) return String(world.ids[entry.thing]);
    return '1';
  };
  const query = (operation.parameters ?? [])
    .filter((p) => p.in === 'query' && (p as { required?: boolean }).required)
    .map((p) => `${p.name}=${encodeURIComponent(String(validValue(p.name, p.schema, byName)))}`);
  const url = template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(pathValue(name))) + (query.length ? `?${query.join('&')}` : '');
  const schema = jsonBodySchema(operation);
  const headers: Record<string, string> = caller ? { cookie: caller.cookie, 'x-csrf-token': caller.csrf } : {};
  const options: MatrixRequest['options'] = { method, url, headers };
  if (schema) options.payload = validValue('', schema, byName, { namedOptionals: true }) as InjectOptions['payload'];
  return { route: key, role, target, options };
}
