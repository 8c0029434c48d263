import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { rows } from '../db/connection.ts';
import { type Member, STRONG_PASSWORD, sessionCookie, signUp } from './client.ts';
import { describeEachEngine } from './engines.ts';
import { type OpenApiDoc, type Operation, isEventStream, jsonBodySchema, namedValues, validValue } from './openapi-requests.ts';

const SAFE = new Set(['get', 'head', 'options']);

/** Whether the document says the operation can answer `csrf_failed`: that is, a write that a session cookie may make. */
function takesCsrf(operation: Operation): boolean {
  const forbidden = operation.responses?.['403'] as { content?: Record<string, { schema?: unknown }> } | undefined;
  return JSON.stringify(forbidden?.content ?? {}).includes('"csrf_failed"');
}

/**
 * CSRF and sessions: every write a session cookie can make is refused without the session's own CSRF token
 * (missing, wrong, or another member's) and writes nothing; a bearer token needs none. Around it, the session
 * rules an attacker leans on: a planted session id is never the one after sign-in, and signing out ends the
 * session on the server, not just in the browser.
 */
describeEachEngine('CSRF on every cookie-authenticated write, and session fixation', (get) => {
  let victim: Member;
  let attacker: Member;
  let other: Member;
  let token = '';
  let spareTokenId = 0;

  beforeAll(async () => {
    const { app } = get();
    // The first member is the operator, so the admin writes are in the sweep too.
    victim = await signUp(app, 'Csrf Victim');
    attacker = await signUp(app, 'Csrf Attacker');
    other = await signUp(app, 'Csrf Other');
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/tokens', payload: { email: victim.email, password: STRONG_PASSWORD, name: 'csrf suite' } });
    expect(res.statusCode, res.body).toBe(201);
    token = res.json<{ token: string }>().token;
    // A token for the token-revoking routes to revoke, so the sweep does not revoke its own credential.
    const spare = await app.inject({ method: 'POST', url: '/api/v1/auth/tokens', payload: { email: victim.email, password: STRONG_PASSWORD, name: 'spare' } });
    spareTokenId = spare.json<{ id: number }>().id;
  }, 120_000);

  /** A real member, organisation or spare token for a path parameter; other ids need not exist for a refusal. */
  const pathValue = (template: string, name: string): string => {
    if (name === 'handle') return other.handle;
    if (name === 'slug') return 'acme';
    return template.includes('/tokens/') ? String(spareTokenId) : '1';
  };

  /** Every write operation with its URL and a valid body, so nothing but the missing token can refuse it. */
  function writes(): { method: string; url: string; payload?: unknown; csrf: boolean }[] {
    const doc = get().app.swagger() as unknown as OpenApiDoc;
    const out: { method: string; url: string; payload?: unknown; csrf: boolean }[] = [];
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (SAFE.has(method) || isEventStream(operation)) continue;
        const url = template.replace(/\{(\w+)\}/g, (_m, name: string) => pathValue(template, name));
        const schema = jsonBodySchema(operation);
        out.push({ method: method.toUpperCase(), url, csrf: takesCsrf(operation), ...(schema ? { payload: validValue('', schema, namedValues(other)) } : {}) });
      }
    }
    return out;
  }

  const count = async (table: 'events' | 'audit_events') =>
    (await rows<{ n: number }>(get().database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]!.n;

  it('refuses every cookie-authenticated write without the session’s CSRF token, with 403 csrf_failed, and writes nothing', async () => {
    const { app } = get();
    const all = writes();
    const guarded = all.filter((w) => w.csrf);
    const before = { events: await count('events'), audit: await count('audit_events') };
    const failures: string[] = [];
    let sent = 0;
    // No token, a made-up one, an empty one, and the attacker's own valid token for the attacker's session.
    const forgeries: Record<string, string>[] = [{}, { 'x-csrf-token': 'x'.repeat(43) }, { 'x-csrf-token': '' }, { 'x-csrf-token': attacker.csrf }];
    for (const write of guarded) {
      for (const extra of forgeries) {
        sent++;
        const res = await app.inject({
          method: write.method as InjectOptions['method'],
          url: write.url,
          headers: { cookie: victim.cookie, ...extra },
          ...(write.payload === undefined ? {} : { payload: write.payload as InjectOptions['payload'] }),
        });
        const code = res.headers['content-type']?.toString().startsWith('application/problem+json') ? res.json<{ code?: string }>().code : undefined;
        if (res.statusCode !== 403 || code !== 'csrf_failed') failures.push(`${write.method} ${write.url} ${JSON.stringify(extra)} → ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
    // Nothing happened: no event, no audit entry, and the victim's session still works (nothing signed it out).
    expect({ events: await count('events'), audit: await count('audit_events') }).toEqual(before);
    expect((await app.inject({ url: '/api/v1/me', headers: { cookie: victim.cookie } })).statusCode).toBe(200);
    // The sweep covered the app's writes: a document that lost its routes, or its csrf_failed answers, would pass vacuously.
    expect(guarded.length).toBeGreaterThan(60);
    console.info(`csrf: ${guarded.length} cookie-authenticated write routes, ${sent} forged requests, all refused; ${all.length - guarded.length} public writes`);
  }, 180_000);

  it('lists as exempt only the public writes, which authenticate by what the body carries, not by the cookie', () => {
    const exempt = writes()
      .filter((w) => !w.csrf)
      .map((w) => `${w.method} ${w.url}`)
      .sort();
    // Each of these is `auth: 'public'`: a password, an emailed token or an unsubscribe link is the credential,
    // which a cross-site page cannot know. A new write landing here must be public on purpose.
    expect(exempt).toEqual([
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/password-reset',
      'POST /api/v1/auth/password-reset/confirm',
      'POST /api/v1/auth/signup',
      'POST /api/v1/auth/tokens',
      'POST /api/v1/auth/verify-email',
      'POST /api/v1/email-invitations/no-more',
      'POST /api/v1/unsubscribe',
    ]);
  });

  it('needs no CSRF token with a bearer API token on any of those writes', async () => {
    const { app } = get();
    const failures: string[] = [];
    let done = 0;
    const statuses: Record<number, number> = {};
    for (const write of writes().filter((w) => w.csrf)) {
      const res = await app.inject({
        method: write.method as InjectOptions['method'],
        url: write.url,
        headers: { authorization: `Bearer ${token}` },
        ...(write.payload === undefined ? {} : { payload: write.payload as InjectOptions['payload'] }),
      });
      if (res.statusCode < 300) done++;
      statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
      if (res.statusCode >= 500 || (res.statusCode === 403 && res.body.includes('"csrf_failed"'))) failures.push(`${write.method} ${write.url} → ${res.statusCode} ${res.body.slice(0, 160)}`);
    }
    expect(failures).toEqual([]);
    // Many of them did their work (the others stop at their own rules: a missing row, a wrong password), so the
    // bearer really went past the CSRF check rather than being refused some other way.
    console.info(`csrf: ${done} writes done with a bearer token and no CSRF token`, statuses);
    expect(done).toBeGreaterThan(20);
    expect((await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
  }, 180_000);

  it('the session cookie changes at sign-in: an id planted before it is neither kept nor promoted', async () => {
    const { app } = get();
    const member = await signUp(app, 'Csrf Fixation');
    // The attacker plants their own valid session id, and then a made-up one, in the victim's browser.
    for (const planted of [attacker.cookie, 'rapport_session=planted-by-the-attacker-0123456789abcdef']) {
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { cookie: planted }, payload: { email: member.email, password: STRONG_PASSWORD } });
      expect(login.statusCode, login.body).toBe(200);
      const fresh = sessionCookie(login);
      expect(fresh).not.toBe(planted);
      // The planted id does not act as the member who signed in.
      const me = await app.inject({ url: '/api/v1/me', headers: { cookie: planted } });
      if (me.statusCode === 200) expect(me.json<{ id: number }>().id).not.toBe(member.id);
      expect((await app.inject({ url: '/api/v1/me', headers: { cookie: fresh } })).json<{ id: number }>().id).toBe(member.id);
    }
  });

  it('signing out ends the session on the server: the old cookie gets 401 afterwards, even replayed', async () => {
    const { app } = get();
    const member = await signUp(app, 'Csrf Sign Out');
    const out = await member.call('POST', '/api/v1/auth/logout');
    expect(out.statusCode, out.body).toBe(200);
    const replay = await app.inject({ url: '/api/v1/me', headers: { cookie: member.cookie } });
    expect(replay.statusCode).toBe(401);
    // A write with the old cookie and its old CSRF token is refused as unauthenticated, not merely as forged.
    const write = await member.call('PATCH', '/api/v1/me/profile', { headline: 'after sign-out' });
    expect(write.statusCode).toBe(401);
  });
});
