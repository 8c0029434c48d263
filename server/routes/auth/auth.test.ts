import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/engines.ts';
import { STRONG_PASSWORD, sessionCookie, signUp } from '../../test/client.ts';

describeEachEngine('auth', (get) => {
  it('signs up, becomes operator when first, and reads /me with the session', async () => {
    const { app } = get();
    const ana = await signUp(app, 'Ana Ruiz', 'ana@example.com');
    const me = await ana.call('GET', '/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ handle: 'ana-ruiz', email: 'ana@example.com', role: 'admin', emailVerified: false });
    const li = await signUp(app, 'Li Wei');
    expect((await li.call('GET', '/api/v1/me')).json().role).toBe('member');
  });

  it('refuses a duplicate email with 409 email_taken', async () => {
    const { app } = get();
    await signUp(app, 'Dup One', 'dup@example.com');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { email: 'DUP@example.com', password: STRONG_PASSWORD, name: 'Dup Two' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('email_taken');
  });

  it('rejects weak passwords with a field error', async () => {
    const res = await get().app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { email: 'weak@example.com', password: 'password123', name: 'Weak' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'weak_password' });
  });

  it('answers 401 without credentials', async () => {
    const res = await get().app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });

  it('signs in, rotates the session, and signs out', async () => {
    const { app } = get();
    const m = await signUp(app, 'Rotate Me');
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: m.cookie },
      payload: { email: m.email, password: STRONG_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const fresh = sessionCookie(login);
    expect(fresh).not.toBe(m.cookie);
    const cookieAttrs = login.cookies.find((c) => c.name === 'rapport_session');
    expect(cookieAttrs).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // The session the browser had before signing in no longer works.
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: m.cookie } })).statusCode).toBe(401);
    const csrf = login.json().csrfToken as string;
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: fresh, 'x-csrf-token': csrf } });
    expect(out.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: fresh } })).statusCode).toBe(401);
  });

  it('rejects a wrong password with 401 and rate-limits with 429 and Retry-After', async () => {
    const { app, config } = get();
    const m = await signUp(app, 'Throttled');
    let last = null as null | Awaited<ReturnType<typeof app.inject>>;
    for (let i = 0; i < config.login.maxAttempts; i++) {
      last = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: m.email, password: 'wrong password!' } });
      expect(last.statusCode).toBe(401);
      expect(last.json().code).toBe('invalid_credentials');
    }
    const blocked = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: m.email, password: STRONG_PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('requires the CSRF token for cookie-authenticated writes', async () => {
    const { app } = get();
    const m = await signUp(app, 'Csrf Check');
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/v1/me/profile',
      headers: { cookie: m.cookie },
      payload: { headline: 'x' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
  });

  it('creates a personal access token with a password, uses it as Bearer, lists and revokes it', async () => {
    const { app } = get();
    const m = await signUp(app, 'Token User');
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { email: m.email, password: STRONG_PASSWORD, name: 'script' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json<{ token: string; id: number }>();
    const bearer = { authorization: `Bearer ${token}` };
    // Bearer writes need no CSRF token: nothing ambient is sent by a browser.
    const patch = await app.inject({ method: 'PATCH', url: '/api/v1/me/profile', headers: bearer, payload: { headline: 'From a script' } });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().profile.headline).toBe('From a script');
    const list = await m.call('GET', '/api/v1/me/tokens');
    expect(list.json().items).toEqual([expect.objectContaining({ id, name: 'script' })]);
    expect(JSON.stringify(list.json())).not.toContain(token);
    expect((await m.call('DELETE', `/api/v1/me/tokens/${id}`)).statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('invalid_token');
  });

  it('changes the password, ending other sessions', async () => {
    const { app } = get();
    const m = await signUp(app, 'Changer');
    const other = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: m.email, password: STRONG_PASSWORD } });
    const otherCookie = sessionCookie(other);
    const res = await m.call('PUT', '/api/v1/me/password', { currentPassword: STRONG_PASSWORD, newPassword: 'another long passphrase' });
    expect(res.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: otherCookie } })).statusCode).toBe(401);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: m.email, password: 'another long passphrase' } });
    expect(login.statusCode).toBe(200);
  });
});
