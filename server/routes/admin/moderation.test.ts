import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { type Member, signUp, STRONG_PASSWORD } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { bearerFor, signUpFrom } from '../../test/screening-helpers.ts';
import { invite } from '../network/network-test-helpers.ts';

interface QueueMember {
  handle: string;
  signupSubnet: string | null;
  profileStrength: number;
  restrictions: { kind: string }[];
  relatedAccounts: { handle: string }[];
  openReports: { reason: string }[];
  invitations: { sent: number; pending: number };
}
interface QueueItem {
  type: 'flag' | 'report';
  id: number;
  kind?: string;
  reasons?: { code: string; params: Record<string, unknown>; text: string }[];
  members: QueueMember[];
}

describeEachEngine('moderation queue', (get) => {
  let operator: Member;
  let victim: Member;
  const queue = async (query = ''): Promise<{ items: QueueItem[]; nextCursor: string | null }> => {
    const res = await operator.call('GET', `/api/v1/admin/moderation${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const activeRestrictions = async (id: number) =>
    (await rows<{ kind: string }>(get().database.db, sql`SELECT kind FROM member_restrictions WHERE member_id = ${id} AND lifted_at IS NULL ORDER BY kind`)).map((r) => r.kind);

  beforeAll(async () => {
    operator = await signUp(get().app, 'Queue Operator');
    victim = await signUp(get().app, 'Hub Victim');
  });

  it('shows a flagged sign-up cluster with its evidence, and suspending it is recorded in the audit log', async () => {
    const { app, database } = get();
    // Eight accounts from one /24 within minutes, with thin profiles and one name pattern.
    const ring: Member[] = [];
    for (let i = 1; i <= 8; i++) {
      ring.push(await signUpFrom(app, `Growth Pro ${i}`, `198.51.100.${10 + i}`));
      // Before the cluster forms, the first account gets an invitation out.
      if (i === 1) await invite(ring[0]!, victim, 'Let us connect and grow together');
    }
    const tokens = [];
    for (const m of ring) tokens.push(await bearerFor(app, m));

    const { items } = await queue();
    const clusters = items.filter((i) => i.type === 'flag' && i.kind === 'cluster');
    expect(clusters).toHaveLength(1);
    const cluster = clusters[0]!;
    expect(cluster.members.map((m) => m.handle).sort()).toEqual(ring.map((m) => m.handle).sort());
    expect(cluster.reasons?.[0]?.text).toMatch(/^8 accounts signed up from the same network \(198\.51\.100\.0\/24\)/);
    expect(cluster.reasons?.[0]).toMatchObject({ code: 'cluster.same_network', params: { count: 8, subnet: '198.51.100.0/24' } });
    expect(cluster.reasons?.map((r) => r.text).join(' ')).toMatch(/thin profiles/);
    for (const m of cluster.members) {
      expect(m.signupSubnet).toBe('198.51.100.0/24');
      expect(m.profileStrength).toBeLessThan(35);
      expect(m.restrictions.map((r) => r.kind)).toContain('held');
      expect(m.relatedAccounts).toHaveLength(7);
    }
    expect(cluster.members.find((m) => m.handle === ring[0]!.handle)?.invitations).toMatchObject({ sent: 1, pending: 1 });
    // The invitation sent before the cluster formed left the victim's folders when the ring was held.
    expect((await victim.call('GET', '/api/v1/invitations/folders')).json()).toEqual({ inbox: 0, other: 0 });
    // The single-account registration flags of the ring were folded into the cluster: it shows once.
    const ringIds = new Set(ring.map((m) => m.handle));
    expect(items.filter((i) => i.kind === 'registration' && i.members.some((m) => ringIds.has(m.handle)))).toEqual([]);

    const res = await operator.call('POST', `/api/v1/admin/moderation/flags/${cluster.id}/suspend`, { reason: 'Fake account ring' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ type: 'flag', id: cluster.id, action: 'suspend', status: 'actioned' });
    expect(res.json().members).toHaveLength(8);

    for (const [i, m] of ring.entries()) {
      // Their access tokens were revoked with the suspension.
      const after = await app.inject({ method: 'GET', url: '/api/v1/search/members?q=x', headers: tokens[i]! });
      expect(after.statusCode).toBe(401);
      expect(after.json().code).toBe('invalid_token');
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: m.email, password: STRONG_PASSWORD } });
      expect(login.statusCode).toBe(403);
    }
    const statuses = await rows<{ status: string }>(database.db, sql`SELECT DISTINCT status FROM members WHERE id IN (${sql.join(ring.map((m) => sql`${m.id}`), sql`, `)})`);
    expect(statuses).toEqual([{ status: 'suspended' }]);
    const invitations = await rows<{ status: string }>(database.db, sql`SELECT status FROM invitations WHERE sender_id = ${ring[0]!.id}`);
    expect(invitations).toEqual([{ status: 'blocked' }]);

    const audit = await operator.call('GET', '/api/v1/admin/audit?action=moderation.&limit=100');
    expect(audit.statusCode, audit.body).toBe(200);
    const entries = audit.json().items.filter((e: { action: string }) => e.action === 'moderation.suspend');
    expect(entries).toHaveLength(8);
    expect(entries.map((e: { subjectId: string }) => Number(e.subjectId)).sort((a: number, b: number) => a - b)).toEqual(ring.map((m) => m.id).sort((a, b) => a - b));
    for (const e of entries) {
      expect(e).toMatchObject({ actor: { handle: operator.handle }, subjectType: 'member', data: { flagId: cluster.id, reason: 'Fake account ring' } });
    }

    // Resolved once: the flag has left the queue, and acting on it again is a conflict.
    expect((await queue()).items.some((i) => i.type === 'flag' && i.id === cluster.id)).toBe(false);
    const again = await operator.call('POST', `/api/v1/admin/moderation/flags/${cluster.id}/dismiss`, { reason: 'Oops' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('flag_closed');
  });

  it('restricts a member reported three times: invitations stop, their reports close, and they are told why', async () => {
    const { app } = get();
    const pest = await signUp(app, 'Pushy Seller');
    for (const name of ['Reporter A', 'Reporter B', 'Reporter C']) {
      const reporter = await signUp(app, name);
      const res = await reporter.call('POST', '/api/v1/reports', { member: pest.handle, reason: 'spam', details: 'Sales pitch' });
      expect(res.statusCode, res.body).toBe(201);
    }
    const { items } = await queue();
    const flag = items.find((i) => i.type === 'flag' && i.kind === 'reports' && i.members[0]?.handle === pest.handle);
    expect(flag?.reasons).toEqual([{ code: 'flag.reports', params: { count: 3, spam: 3 }, text: '3 open reports from different members (spam × 3).' }]);
    expect(flag?.members[0]?.openReports).toHaveLength(3);
    expect(items.filter((i) => i.type === 'report' && i.members[0]?.handle === pest.handle)).toHaveLength(3);

    const res = await operator.call('POST', `/api/v1/admin/moderation/flags/${flag!.id}/restrict`, { reason: 'Repeated sales pitches to strangers' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await activeRestrictions(pest.id)).toEqual(['invitations']);
    // The reports were judged with the flag.
    expect((await queue()).items.filter((i) => i.members[0]?.handle === pest.handle)).toEqual([]);

    const notices = await pest.call('GET', '/api/v1/me/notices');
    expect(notices.json()).toMatchObject({ unread: 1 });
    const [notice] = notices.json().items;
    expect(notice).toMatchObject({ kind: 'restriction', read: false });
    expect(notice.message).toMatch(/restricted your invitations/);
    expect(notice.message).toMatch(/Repeated sales pitches to strangers/);
    const read = await pest.call('POST', `/api/v1/me/notices/${notice.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect((await pest.call('GET', '/api/v1/me/notices')).json()).toMatchObject({ unread: 0, items: [{ id: notice.id, read: true }] });
    // Someone else's notice does not exist for you.
    expect((await victim.call('POST', `/api/v1/me/notices/${notice.id}/read`)).statusCode).toBe(404);

    const audit = await operator.call('GET', '/api/v1/admin/audit?action=moderation.restrict');
    expect(audit.json().items).toMatchObject([{ action: 'moderation.restrict', subjectId: String(pest.id), data: { flagId: flag!.id } }]);
  });

  it('dismissing a held sign-up lifts its restrictions and tells the member', async () => {
    const { app } = get();
    const officeA = await signUpFrom(app, 'Shared Office A', '192.0.2.50');
    await signUpFrom(app, 'Shared Office B', '192.0.2.50');
    const held = await signUpFrom(app, 'Shared Office C', '192.0.2.50', `c${Date.now()}@mailinator.com`);
    expect(await activeRestrictions(held.id)).toEqual(['held']);
    const flag = (await queue()).items.find((i) => i.kind === 'registration' && i.members[0]?.handle === held.handle);
    expect(flag).toBeDefined();
    // An invitation the platform held on arrival (the account cannot send one while held).
    await rows(get().database.db, sql`INSERT INTO invitations (sender_id, recipient_id, context, expires_at, folder, placement)
      VALUES (${held.id}, ${officeA.id}, 'profile', now() + interval '1 day', 'held', '{"code":"placement.held","params":{"risk":80}}')`);
    const res = await operator.call('POST', `/api/v1/admin/moderation/flags/${flag!.id}/dismiss`, { reason: 'Known office, real person' });
    expect(res.json()).toMatchObject({ status: 'dismissed' });
    expect(await activeRestrictions(held.id)).toEqual([]);
    // Reviewed and cleared: what was held reaches the inbox after all.
    const [released] = await rows<{ folder: string; placement: unknown }>(get().database.db, sql`SELECT folder, placement FROM invitations WHERE sender_id = ${held.id}`);
    expect(released).toEqual({ folder: 'inbox', placement: { code: 'placement.released', params: {} } });
    const kinds = (await held.call('GET', '/api/v1/me/notices')).json().items.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(['lifted', 'restriction']);
  });

  it('warns over a single report, which then closes', async () => {
    const { app } = get();
    const rude = await signUp(app, 'Rude Commenter');
    const reporter = await signUp(app, 'Offended Reader');
    const created = await reporter.call('POST', '/api/v1/reports', { member: rude.handle, reason: 'harassment', details: 'Insults' });
    const reportId = created.json().id;
    const item = (await queue()).items.find((i) => i.type === 'report' && i.id === reportId);
    expect(item?.members[0]).toMatchObject({ handle: rude.handle, openReports: [{ reason: 'harassment' }] });

    const res = await operator.call('POST', `/api/v1/admin/moderation/reports/${reportId}/warn`, { reason: 'Keep it civil' });
    expect(res.statusCode, res.body).toBe(200);
    const [notice] = (await rude.call('GET', '/api/v1/me/notices')).json().items;
    expect(notice).toMatchObject({ kind: 'warning' });
    expect(notice.message).toMatch(/Keep it civil/);
    expect(notice).toMatchObject({ code: 'notice.warned', params: { reason: 'Keep it civil' } });
    const again = await operator.call('POST', `/api/v1/admin/moderation/reports/${reportId}/suspend`, { reason: 'x' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('report_closed');
    expect((await rude.call('GET', '/api/v1/me')).statusCode).toBe(200);
  });

  it('pages the queue by cursor, newest first, without repeats', async () => {
    const reported = await signUp(get().app, 'Paged Target');
    for (const reason of ['spam', 'fake']) {
      const reporter = await signUp(get().app, `Paging Reporter ${reason}`);
      expect((await reporter.call('POST', '/api/v1/reports', { member: reported.handle, reason })).statusCode).toBe(201);
    }
    const first = await queue('?limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await queue(`?limit=1&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(`${second.items[0]!.type}${second.items[0]!.id}`).not.toBe(`${first.items[0]!.type}${first.items[0]!.id}`);
    const all = await queue('?limit=50');
    expect(all.items.slice(0, 2).map((i) => `${i.type}${i.id}`)).toEqual([first.items[0], second.items[0]].map((i) => `${i!.type}${i!.id}`));
  });

  it('refuses members (403) and bad input (4xx problem+json), writing nothing', async () => {
    const { app, database } = get();
    const member = await signUp(app, 'Curious Member');
    expect((await member.call('GET', '/api/v1/admin/moderation')).statusCode).toBe(403);
    expect((await member.call('GET', '/api/v1/admin/audit')).statusCode).toBe(403);
    expect((await member.call('POST', '/api/v1/admin/moderation/flags/1/dismiss', { reason: 'x' })).statusCode).toBe(403);

    const target = await signUp(app, 'Reported Once');
    const reportId = (await member.call('POST', '/api/v1/reports', { member: target.handle, reason: 'fake' })).json().id;
    const before = await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM audit_events`);
    const expectProblem = async (res: { statusCode: number; headers: Record<string, unknown>; json: () => { code: string } }, status: number, code: string) => {
      expect(res.statusCode).toBe(status);
      expect(String(res.headers['content-type'])).toContain('application/problem+json');
      expect(res.json().code).toBe(code);
    };
    const url = `/api/v1/admin/moderation/reports/${reportId}/suspend`;
    await expectProblem(await operator.call('POST', url, {}), 400, 'validation_failed');
    await expectProblem(await operator.call('POST', url, { reason: '   ' }), 400, 'validation_failed');
    await expectProblem(await operator.call('POST', url, { reason: 'x'.repeat(5001) }), 400, 'validation_failed');
    await expectProblem(await operator.call('POST', url, { reason: 'ok', extra: true }), 400, 'validation_failed');
    await expectProblem(await operator.call('POST', '/api/v1/admin/moderation/reports/abc/suspend', { reason: 'ok' }), 400, 'validation_failed');
    await expectProblem(await operator.call('POST', '/api/v1/admin/moderation/reports/99999999/suspend', { reason: 'ok' }), 404, 'not_found');
    await expectProblem(await operator.call('POST', `/api/v1/admin/moderation/reports/${reportId}/ban`, { reason: 'ok' }), 404, 'not_found');
    await expectProblem(await operator.call('GET', '/api/v1/admin/moderation?cursor=nonsense'), 400, 'invalid_cursor');
    await expectProblem(await operator.call('GET', '/api/v1/admin/moderation?limit=0'), 400, 'validation_failed');
    await expectProblem(await operator.call('GET', '/api/v1/admin/audit?action=DROP%20TABLE'), 400, 'validation_failed');
    // Nothing was written: the report is still open, the target active, the audit log unchanged.
    expect(await rows(database.db, sql`SELECT status FROM reports WHERE id = ${reportId}`)).toEqual([{ status: 'open' }]);
    expect(await rows(database.db, sql`SELECT status FROM members WHERE id = ${target.id}`)).toEqual([{ status: 'active' }]);
    expect(await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM audit_events`)).toEqual(before);
  });
});
