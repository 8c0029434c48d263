import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { type Member, signUp } from '../../test/client.ts';

/** Sends an invitation from a to b and returns its id (asserting it was created). */
export async function invite(a: Member, b: Member, note = ''): Promise<number> {
  const res = await a.call('POST', '/api/v1/invitations', { to: b.handle, note });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().invitation.id;
}

/** Connects a and b through an invitation and its acceptance, as members would. */
export async function connect(a: Member, b: Member): Promise<void> {
  const id = await invite(a, b);
  const res = await b.call('POST', `/api/v1/invitations/${id}/accept`);
  expect(res.statusCode, res.body).toBe(200);
}

/** Signs up members named after the letters given, e.g. chain(app, 'ABCD'). */
export async function members(app: FastifyInstance, names: string[]): Promise<Member[]> {
  const out: Member[] = [];
  for (const name of names) out.push(await signUp(app, name));
  return out;
}

export async function degreeOf(viewer: Member, target: Member): Promise<number | null> {
  const res = await viewer.call('GET', `/api/v1/members/${target.handle}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().degree;
}
