import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { STRONG_PASSWORD, sessionCookie, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';

describeEachEngine('admin', (get) => {
  it('lets the operator list members and suspend one, who then gets 403 everywhere', async () => {
    const { app } = get();
    const operator = await signUp(app, 'The Operator');
    const member = await signUp(app, 'Soon Suspended');
    const list = await operator.call('GET', '/api/v1/admin/members');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((m: { handle: string }) => m.handle)).toEqual([operator.handle, member.handle]);

    // A member can use the API with a token before suspension...
    const tokenRes = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { email: member.email, password: STRONG_PASSWORD, name: 'bot' },
    });
    const bearer = { authorization: `Bearer ${tokenRes.json().token}` };
    expect((await app.inject({ method: 'GET', url: '/api/v1/search/members?q=x', headers: bearer })).statusCode).toBe(200);

    const res = await operator.call('POST', `/api/v1/admin/members/${member.handle}/suspend`, { reason: 'Spam' });
    expect(res.json()).toEqual({ handle: member.handle, status: 'suspended' });

    // ...and afterwards the token is revoked, sessions are ended and sign-in is refused with 403 account_suspended.
    const after = await app.inject({ method: 'GET', url: '/api/v1/search/members?q=x', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('invalid_token');
    expect((await member.call('GET', '/api/v1/me')).statusCode).toBe(401);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: member.email, password: STRONG_PASSWORD } });
    expect(login.statusCode).toBe(403);
    expect(login.json().code).toBe('account_suspended');
    // Their profile is gone for other members.
    const other = await signUp(app, 'Bystander');
    expect((await other.call('GET', `/api/v1/members/${member.handle}`)).statusCode).toBe(404);

    const audit = await rows(get().database.db, sql`SELECT action, data FROM audit_events WHERE action = 'member.suspend'`);
    expect(audit).toEqual([
      { action: 'member.suspend', data: { reason: 'Spam' } },
    ]);

    const back = await operator.call('POST', `/api/v1/admin/members/${member.handle}/reinstate`, {});
    expect(back.json().status).toBe('active');
    // Reinstatement brings back the account, not the old token: the member signs in and makes a new one.
    expect((await app.inject({ method: 'GET', url: '/api/v1/search/members?q=x', headers: bearer })).statusCode).toBe(401);
    const again = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: member.email, password: STRONG_PASSWORD } });
    expect(again.statusCode).toBe(200);
  });

  it('refuses admin routes to members (403) and self-suspension to the operator', async () => {
    const { app } = get();
    const m = await signUp(app, 'Plain Member');
    const res = await m.call('GET', '/api/v1/admin/members');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
    const ops = (await app.inject({ method: 'GET', url: '/api/v1/admin/outbox', headers: { cookie: m.cookie } })).statusCode;
    expect(ops).toBe(403);
  });

  it('keeps email in the dev outbox when no SMTP server is configured, readable by the operator', async () => {
    const { app } = get();
    const newcomer = await signUp(app, 'Outbox Newcomer');
    await app.ctx.email.kick();
    const [operator] = await rows<{ email: string }>(get().database.db, sql`SELECT email FROM members WHERE role = 'admin'`);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: operator!.email, password: STRONG_PASSWORD } });
    const cookie = sessionCookie(login);
    const outbox = await app.inject({ method: 'GET', url: '/api/v1/admin/outbox', headers: { cookie } });
    expect(outbox.statusCode).toBe(200);
    const mail = outbox.json().items.find((e: { to: string }) => e.to === newcomer.email);
    expect(mail).toMatchObject({ status: 'dev_outbox', subject: 'Confirm your email address for Rapport' });
    expect(mail.text).toMatch(/\/verify-email\?token=rv_/);
  });
});
