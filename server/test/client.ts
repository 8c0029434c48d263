import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { TEST_METRICS_TOKEN } from '../config.ts';

let counter = 0;
export const STRONG_PASSWORD = 'a sensible long passphrase';

/** A signed-in member as a test sees them: call the API with their session cookie and CSRF token. */
export interface Member {
  id: number;
  handle: string;
  email: string;
  cookie: string;
  csrf: string;
  call(method: InjectOptions['method'], url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'rapport_session');
  if (!cookie) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return `rapport_session=${cookie.value}`;
}

export async function signUp(app: FastifyInstance, name = `Member ${++counter}`, email?: string): Promise<Member> {
  const address = email ?? `m${Date.now().toString(36)}${++counter}@example.com`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/signup',
    payload: { email: address, password: STRONG_PASSWORD, name },
  });
  if (res.statusCode !== 201) throw new Error(`signup failed ${res.statusCode}: ${res.body}`);
  const body = res.json<{ id: number; handle: string; csrfToken: string }>();
  return asMember(app, { id: body.id, handle: body.handle, email: address, cookie: sessionCookie(res), csrf: body.csrfToken });
}

export function asMember(
  app: FastifyInstance,
  m: { id: number; handle: string; email: string; cookie: string; csrf: string },
): Member {
  return {
    ...m,
    call: (method, url, body) =>
      app.inject({
        method,
        url,
        headers: { cookie: m.cookie, 'x-csrf-token': m.csrf },
        ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
      }),
  };
}

/** GET /metrics as the operator's scraper reads it, with the token testConfig sets. */
export function readMetrics(app: FastifyInstance): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } });
}
