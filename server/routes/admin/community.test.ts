import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { connect } from '../network/network-test-helpers.ts';

describeEachEngine('admin: community analytics', (get) => {
  it('gives the operator growth, cohorts and the newcomers with fewer than 3 connections; members get 403; bad ranges 400', async () => {
    const { app, database } = get();
    const db = database.db;
    const operator = await signUp(app, 'Community Operator');
    await db.execute(sql`UPDATE members SET role = 'admin' WHERE id = ${operator.id}`);
    const [quiet, busy, fresh, a, b, c] = await Promise.all(['Quiet', 'Busy', 'Fresh', 'Ann', 'Bob', 'Cat'].map((n) => signUp(app, `${n} Newcomer`)));
    for (const other of [a!, b!, c!]) await connect(busy!, other);
    await connect(quiet!, a!);
    // Quiet and Busy joined 20 days ago; Fresh a week ago (not yet two weeks).
    await db.execute(sql`UPDATE members SET created_at = now() - interval '20 days' WHERE id IN (${quiet!.id}, ${busy!.id})`);
    await db.execute(sql`UPDATE members SET created_at = now() - interval '7 days' WHERE id = ${fresh!.id}`);

    // A member: 403 problem+json, nothing of the analytics.
    const refused = await quiet!.call('GET', '/api/v1/admin/community');
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.json()).toMatchObject({ code: 'forbidden' });
    expect(refused.body).not.toMatch(/growth|newcomers/);

    const res = await operator.call('GET', '/api/v1/admin/community');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['cohorts', 'from', 'growth', 'newcomers', 'to', 'updatedAt']);
    // The last 90 days by default, from the rollup computed on demand (empty before).
    expect(body.growth.length).toBeGreaterThan(0);
    expect(body.growth.length).toBeLessThanOrEqual(90);
    expect(body.updatedAt).not.toBeNull();
    const today = body.growth.at(-1);
    expect(today.day).toBe(body.to);
    expect(today.members).toBeGreaterThanOrEqual(7);
    // The invitations of today's connections were sent and accepted today.
    expect(today.invitationsSent).toBeGreaterThanOrEqual(4);
    expect(today.invitationsAccepted).toBeGreaterThanOrEqual(4);
    expect(today.activeMembers).toBeGreaterThanOrEqual(5);
    expect(today.dauMau).toBeGreaterThan(0);
    expect(body.cohorts.length).toBeGreaterThan(0);
    expect(body.cohorts[0].retention[0]).toMatchObject({ week: 0 });
    // Quiet has one connection after 20 days; Busy has three; Fresh is too new.
    expect(body.newcomers).toEqual([{ handle: quiet!.handle, name: 'Quiet Newcomer', joinedAt: expect.any(String), connections: 1 }]);
    // Aggregates and public facts only: no email, no notes, no ids.
    expect(res.body).not.toContain(quiet!.email);
    expect(res.body).not.toMatch(/"(email|note|notes|tags|ledger|memberId|id)"/);

    // A range: only the days asked for.
    const ranged = await operator.call('GET', `/api/v1/admin/community?from=${body.to}&to=${body.to}`);
    expect(ranged.statusCode, ranged.body).toBe(200);
    expect(ranged.json().growth.map((d: { day: string }) => d.day)).toEqual([body.to]);

    for (const [query, code, key] of [
      ['from=2026-03-02&to=2026-03-01', 'invalid_range', 'order'],
      ['from=2026-02-30', 'invalid_range', 'day'],
      ['to=2026-13-01', 'invalid_range', 'day'],
      ['from=2020-01-01&to=2026-01-01', 'invalid_range', 'length'],
      ['from=yesterday', 'validation_failed', null],
      ['from=2026-1-1', 'validation_failed', null],
      ['to=%00', 'validation_failed', null],
      ['days=7', 'validation_failed', null],
      ['from=2026-01-01&from=2026-01-02', 'validation_failed', null],
    ] as const) {
      const bad = await operator.call('GET', `/api/v1/admin/community?${query}`);
      expect(bad.statusCode, `${query}: ${bad.body}`).toBe(400);
      expect(bad.json().code, query).toBe(code);
      if (key === 'length') expect(bad.json().detail ?? bad.json().title).toMatch(/731/);
    }
  });
});

describeEachEngine('admin: helping a newcomer in', (get) => {
  it('publishes a welcome post by the operator that mentions the newcomer, who is notified; audited; members get 403, unknown newcomers 404', async () => {
    const { app, database } = get();
    const db = database.db;
    const operator = await signUp(app, 'Welcoming Operator');
    await db.execute(sql`UPDATE members SET role = 'admin' WHERE id = ${operator.id}`);
    const newcomer = await signUp(app, 'Wendy Welcome');
    const member = await signUp(app, 'Plain Welcomer');

    const refused = await member.call('POST', `/api/v1/admin/community/newcomers/${newcomer.handle}/welcome`, { text: 'Hi' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');
    expect((await operator.call('POST', '/api/v1/admin/community/newcomers/nobody-at-all/welcome', { text: 'Hi' })).statusCode).toBe(404);
    // The operator cannot welcome themselves; empty or oversized text is refused, nothing posted.
    expect((await operator.call('POST', `/api/v1/admin/community/newcomers/${operator.handle}/welcome`, { text: 'Hi' })).statusCode).toBe(403);
    for (const body of [{ text: '' }, { text: '   ' }, { text: 'x'.repeat(3000) }, {}, { text: 'Hi', extra: 1 }]) {
      const bad = await operator.call('POST', `/api/v1/admin/community/newcomers/${newcomer.handle}/welcome`, body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(bad.json().code).toBe('validation_failed');
    }
    const [before] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM posts`);
    expect(Number(before!.n)).toBe(0);

    // Without the mention, it is added at the start.
    const res = await operator.call('POST', `/api/v1/admin/community/newcomers/${newcomer.handle}/welcome`, { text: 'Welcome to the community! Say hello.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().text).toBe(`@${newcomer.handle} Welcome to the community! Say hello.`);
    const post = await newcomer.call('GET', `/api/v1/posts/${res.json().postId}`);
    expect(post.statusCode).toBe(200);
    const notified = (await newcomer.call('GET', '/api/v1/notifications')).json().items;
    expect(notified.map((n: { kind: string }) => n.kind)).toContain('mention');
    // With the mention, the text is kept as written.
    const again = await operator.call('POST', `/api/v1/admin/community/newcomers/${newcomer.handle}/welcome`, { text: `Everyone, meet @${newcomer.handle}!` });
    expect(again.json().text).toBe(`Everyone, meet @${newcomer.handle}!`);
    const audit = await rows<{ action: string; subject_id: string; actor_id: number }>(db, sql`SELECT action, subject_id, actor_id FROM audit_events WHERE action = 'community.welcome_post' ORDER BY id`);
    expect(audit).toEqual([
      { action: 'community.welcome_post', subject_id: String(newcomer.id), actor_id: operator.id },
      { action: 'community.welcome_post', subject_id: String(newcomer.id), actor_id: operator.id },
    ]);
  });
});
