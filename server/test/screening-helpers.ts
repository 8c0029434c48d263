import type { FastifyInstance } from 'fastify';
import { asMember, type Member, sessionCookie, STRONG_PASSWORD } from './client.ts';

let n = 0;

/**
 * Signs up through the real route from a given client address (inject's remoteAddress), so sign-up
 * screening sees bursts and subnets; signUp() in client.ts always comes from 127.0.0.1, which is never counted.
 */
export async function signUpFrom(
  app: FastifyInstance,
  name: string,
  ip = '127.0.0.1',
  email = `s${++n}-${Date.now().toString(36)}@example.com`,
): Promise<Member> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/signup', remoteAddress: ip, payload: { email, password: STRONG_PASSWORD, name } });
  if (res.statusCode !== 201) throw new Error(`signup failed ${res.statusCode}: ${res.body}`);
  const body = res.json<{ id: number; handle: string; csrfToken: string }>();
  return asMember(app, { id: body.id, handle: body.handle, email, cookie: sessionCookie(res), csrf: body.csrfToken });
}

/** A personal access token for a member, for checking what they get after a suspension ends their sessions. */
export async function bearerFor(app: FastifyInstance, member: Member): Promise<{ authorization: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/tokens', payload: { email: member.email, password: STRONG_PASSWORD, name: 'test' } });
  if (res.statusCode !== 201) throw new Error(`token failed ${res.statusCode}: ${res.body}`);
  return { authorization: `Bearer ${res.json<{ token: string }>().token}` };
}
