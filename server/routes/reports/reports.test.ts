import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { invite } from '../network/network-test-helpers.ts';

describeEachEngine('reports', (get) => {
  let reporter: Member;
  let target: Member;
  const reportCount = async () => (await rows<{ n: number }>(get().database.db, sql`SELECT count(*)::int AS n FROM reports`))[0]!.n;
  const expectProblem = async (
    res: { statusCode: number; headers: Record<string, unknown>; json: () => { code: string; errors?: { path: string }[] } },
    status: number,
    code: string,
  ) => {
    expect(res.statusCode).toBe(status);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    expect(res.json().code).toBe(code);
    return res.json();
  };

  beforeAll(async () => {
    await signUp(get().app, 'Reports Operator');
    reporter = await signUp(get().app, 'Careful Reporter');
    target = await signUp(get().app, 'Spammy Sender');
  });

  it('files a report about an invitation the reporter received, once', async () => {
    const invitationId = await invite(target, reporter, 'Buy my course');
    const res = await reporter.call('POST', '/api/v1/reports', { member: target.handle, invitationId, reason: 'spam', details: '  Course pitch  ' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ id: expect.any(Number), status: 'open' });
    const [stored] = await rows(get().database.db, sql`SELECT reporter_id, member_id, invitation_id::int AS invitation_id, reason, details, status FROM reports WHERE id = ${res.json().id}`);
    expect(stored).toEqual({ reporter_id: reporter.id, member_id: target.id, invitation_id: invitationId, reason: 'spam', details: 'Course pitch', status: 'open' });

    await expectProblem(await reporter.call('POST', '/api/v1/reports', { member: target.handle, reason: 'fake' }), 409, 'report_exists');
    // One report is not yet a flag.
    expect(await rows(get().database.db, sql`SELECT id FROM moderation_flags WHERE kind = 'reports'`)).toEqual([]);
  });

  it('refuses an invitation the reporter did not receive from that member (404)', async () => {
    const other = await signUp(get().app, 'Other Recipient');
    const third = await signUp(get().app, 'Third Party');
    const notTheirs = await invite(target, other, 'Hello');
    const before = await reportCount();
    await expectProblem(await third.call('POST', '/api/v1/reports', { member: target.handle, invitationId: notTheirs, reason: 'spam' }), 404, 'not_found');
    await expectProblem(await third.call('POST', '/api/v1/reports', { member: target.handle, invitationId: 987654321, reason: 'spam' }), 404, 'not_found');
    expect(await reportCount()).toBe(before);
  });

  it('answers bad input with 4xx problem+json and writes nothing', async () => {
    const before = await reportCount();
    const bad = async (body: unknown, status = 400, code = 'validation_failed') => expectProblem(await reporter.call('POST', '/api/v1/reports', body), status, code);
    expect((await bad({ member: target.handle, reason: 'spam', admin: true })).errors?.[0]?.path).toBe('body.admin');
    expect((await bad({ member: target.handle, reason: 'spam', details: 'x'.repeat(1001) })).errors?.[0]?.path).toBe('body.details');
    expect((await bad({ member: target.handle, reason: 'rude' })).errors?.[0]?.path).toBe('body.reason');
    expect((await bad({ member: 'NOT A HANDLE', reason: 'spam' })).errors?.[0]?.path).toBe('body.member');
    await bad({ member: target.handle, reason: 'spam', invitationId: -1 });
    await bad({ member: target.handle, reason: 'spam', invitationId: '12' });
    await bad({ member: target.handle, reason: 'spam', details: 'nul\u0000byte' });
    await bad({ reason: 'spam' });
    await bad({ member: reporter.handle, reason: 'spam' }, 400, 'report_self');
    await bad({ member: 'nobody-here', reason: 'spam' }, 404, 'not_found');
    const anonymous = await get().app.inject({ method: 'POST', url: '/api/v1/reports', payload: { member: target.handle, reason: 'spam' } });
    await expectProblem(anonymous, 401, 'unauthenticated');
    expect(await reportCount()).toBe(before);
  });

  it('treats a member who blocked the reporter as not found', async () => {
    const blocker = await signUp(get().app, 'Private Blocker');
    expect((await blocker.call('PUT', `/api/v1/members/${reporter.handle}/block`)).statusCode).toBeLessThan(300);
    await expectProblem(await reporter.call('POST', '/api/v1/reports', { member: blocker.handle, reason: 'harassment' }), 404, 'not_found');
    // The blocker may still report the member they blocked.
    expect((await blocker.call('POST', '/api/v1/reports', { member: reporter.handle, reason: 'harassment' })).statusCode).toBe(201);
  });

  it('puts a member with three open reports in the queue, once', async () => {
    for (const name of ['Second Reporter', 'Third Reporter', 'Fourth Reporter']) {
      const r = await signUp(get().app, name);
      expect((await r.call('POST', '/api/v1/reports', { member: target.handle, reason: name.startsWith('Fourth') ? 'scam' : 'spam' })).statusCode).toBe(201);
    }
    const flags = await rows<{ member_ids: number[]; reasons: unknown[] }>(get().database.db, sql`SELECT member_ids, reasons FROM moderation_flags WHERE kind = 'reports' AND status = 'open'`);
    expect(flags).toEqual([{ member_ids: [target.id], reasons: [{ code: 'flag.reports', params: { count: 4, spam: 3, scam: 1 } }] }]);
  });
});
