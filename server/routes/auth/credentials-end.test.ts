import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { type Member, STRONG_PASSWORD, sessionCookie, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { linkToken, waitForEmails } from '../../test/outbox.ts';

const NEW_PASSWORD = 'another long passphrase';

/** A personal access token of a member, made with their password as a script would. */
async function tokenOf(app: FastifyInstance, m: { email: string }, password = STRONG_PASSWORD, name = 'script'): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/tokens', payload: { email: m.email, password, name } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ token: string }>().token;
}

/** Another signed-in session of the member (another device), as a cookie header. */
async function otherSession(app: FastifyInstance, m: { email: string }, password = STRONG_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: m.email, password } });
  expect(res.statusCode, res.body).toBe(200);
  return sessionCookie(res);
}

describeEachEngine('a new password or a suspension ends sessions and access tokens', (get) => {
  const status = async (headers: Record<string, string>) =>
    (await get().app.inject({ method: 'GET', url: '/api/v1/me', headers })).statusCode;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const tokenRows = (memberId: number) =>
    rows<{ id: number; revoked: boolean }>(
      get().database.db,
      sql`SELECT id, revoked_at IS NOT NULL AS revoked FROM access_tokens WHERE member_id = ${memberId} ORDER BY id`,
    );
  const revocations = (memberId: number) =>
    rows<{ actor_id: number; reason: string }>(
      get().database.db,
      sql`SELECT a.actor_id, a.data->>'reason' AS reason FROM audit_events a JOIN access_tokens t ON a.subject_id = t.id::text
          WHERE a.action = 'token.revoke' AND a.subject_type = 'access_token' AND t.member_id = ${memberId} ORDER BY a.id`,
    );

  let operator: Member;
  beforeAll(async () => {
    operator = await signUp(get().app, 'Credentials Operator');
  });

  describe('password change', () => {
    it('by default signs out every other session and revokes every token, keeping the rows and the current session', async () => {
      const { app } = get();
      const m = await signUp(app, 'Change Default');
      const [t1, t2] = [await tokenOf(app, m), await tokenOf(app, m, STRONG_PASSWORD, 'backup')];
      const laptop = await otherSession(app, m);
      expect(await status(bearer(t1))).toBe(200);

      const res = await m.call('PUT', '/api/v1/me/password', { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD });
      expect(res.statusCode, res.body).toBe(200);
      const current = sessionCookie(res);

      expect(await status(bearer(t1))).toBe(401);
      expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(t2) })).json().code).toBe('invalid_token');
      expect(await status({ cookie: laptop })).toBe(401);
      // The session that changed the password continues, rotated.
      expect(await status({ cookie: current })).toBe(200);
      expect(await status({ cookie: m.cookie })).toBe(401);
      // Revoked, not deleted: the rows and one audit entry each stay for the trail; the list shows none.
      expect(await tokenRows(m.id)).toEqual([expect.objectContaining({ revoked: true }), expect.objectContaining({ revoked: true })]);
      expect(await revocations(m.id)).toEqual([
        { actor_id: m.id, reason: 'password.change' },
        { actor_id: m.id, reason: 'password.change' },
      ]);
      const list = await app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers: { cookie: current } });
      expect(list.json().items).toEqual([]);
    });

    it('keeps other sessions and tokens when the member opts out, and still rotates the current session', async () => {
      const { app } = get();
      const m = await signUp(app, 'Change Keep');
      const token = await tokenOf(app, m);
      const laptop = await otherSession(app, m);
      const res = await m.call('PUT', '/api/v1/me/password', { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD, endOtherSessions: false });
      expect(res.statusCode, res.body).toBe(200);
      expect(await status(bearer(token))).toBe(200);
      expect(await status({ cookie: laptop })).toBe(200);
      expect(await status({ cookie: m.cookie })).toBe(401);
      expect(await status({ cookie: sessionCookie(res) })).toBe(200);
      expect(await tokenRows(m.id)).toEqual([expect.objectContaining({ revoked: false })]);
      const audit = await rows(get().database.db, sql`SELECT data FROM audit_events WHERE action = 'password.change' AND actor_id = ${m.id}`);
      expect(audit).toEqual([{ data: { endOtherSessions: false, sessionsEnded: 0, tokensRevoked: 0 } }]);
    });

    it('from a script, keeps the token that made the change and revokes the others', async () => {
      const { app } = get();
      const m = await signUp(app, 'Change Script');
      const [calling, other] = [await tokenOf(app, m), await tokenOf(app, m, STRONG_PASSWORD, 'other')];
      const res = await app.inject({
        method: 'PUT',
        url: '/api/v1/me/password',
        headers: bearer(calling),
        payload: { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(await status(bearer(calling))).toBe(200);
      expect(await status(bearer(other))).toBe(401);
      expect(await status({ cookie: m.cookie })).toBe(401);
    });
  });

  it('a password reset ends every session and token, and voids the older reset links', async () => {
    const { app, database } = get();
    const m = await signUp(app, 'Reset Everything', 'reset-everything@example.com');
    const token = await tokenOf(app, m);
    const reset = () => app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: m.email } });
    const subject = 'Reset your Rapport password';
    expect((await reset()).statusCode).toBe(202);
    const [first] = await waitForEmails(database.db, m.email, subject, 1);
    expect((await reset()).statusCode).toBe(202);
    const [, second] = await waitForEmails(database.db, m.email, subject, 2);
    const older = linkToken(first!, '/reset-password');
    const newer = linkToken(second!, '/reset-password');

    const confirm = await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token: newer, password: NEW_PASSWORD } });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(await status(bearer(token))).toBe(401);
    expect(await status({ cookie: m.cookie })).toBe(401);
    expect(await tokenRows(m.id)).toEqual([expect.objectContaining({ revoked: true })]);
    expect(await revocations(m.id)).toEqual([{ actor_id: m.id, reason: 'password.reset' }]);
    // The link from the first email no longer works: it was for the password that was just replaced.
    const stale = await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token: older, password: 'yet another passphrase' } });
    expect(stale.statusCode).toBe(400);
    expect(stale.json().code).toBe('invalid_link');
  });

  it('a suspension revokes the tokens for good: reinstating the member does not bring them back', async () => {
    const { app } = get();
    const m = await signUp(app, 'Suspended Then Back');
    const token = await tokenOf(app, m);
    expect((await operator.call('POST', `/api/v1/admin/members/${m.handle}/suspend`, { reason: 'Spam' })).statusCode).toBe(200);
    expect(await status(bearer(token))).toBe(401);
    expect((await operator.call('POST', `/api/v1/admin/members/${m.handle}/reinstate`, {})).statusCode).toBe(200);
    expect(await status(bearer(token))).toBe(401);
    expect(await status({ cookie: m.cookie })).toBe(401);
    expect(await revocations(m.id)).toEqual([{ actor_id: operator.id, reason: 'member.suspend' }]);
    // The member is back: they sign in and make a new token.
    const fresh = await tokenOf(app, m);
    expect(await status(bearer(fresh))).toBe(200);
  });

  it('a suspension from the moderation queue revokes the tokens too', async () => {
    const { app } = get();
    const m = await signUp(app, 'Reported Then Suspended');
    const reporter = await signUp(app, 'Careful Reporter');
    const token = await tokenOf(app, m);
    const report = await reporter.call('POST', '/api/v1/reports', { member: m.handle, reason: 'spam' });
    expect(report.statusCode, report.body).toBe(201);
    const act = await operator.call('POST', `/api/v1/admin/moderation/reports/${report.json().id}/suspend`, { reason: 'Spam campaign' });
    expect(act.statusCode, act.body).toBe(200);
    expect(await status(bearer(token))).toBe(401);
    expect((await operator.call('POST', `/api/v1/admin/members/${m.handle}/reinstate`, {})).statusCode).toBe(200);
    expect(await status(bearer(token))).toBe(401);
    expect(await tokenRows(m.id)).toEqual([expect.objectContaining({ revoked: true })]);
  });
});
