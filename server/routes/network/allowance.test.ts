import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { members } from './network-test-helpers.ts';

describeEachEngine('screening: the weekly invitation allowance', (get) => {
  it('stops a new account at its allowance, says why, and shrinks it after "I don\'t know" answers', async () => {
    const { app, database } = get();
    const [bulk] = await members(app, ['Bulk Newcomer']);
    const targets = await members(app, Array.from({ length: 200 }, (_, i) => `Target Person ${i}`));

    const before = (await bulk!.call('GET', '/api/v1/me/allowance')).json();
    expect(before).toMatchObject({ trustLevel: 0, trustLabel: 'New', base: 20, weekly: 20, usedThisWeek: 0, remaining: 20, linksAllowed: false });
    expect(before.reasons[0].text).toMatch(/^New accounts start with 20 invitations a week: your account is less than 3 days old$/);

    const outcomes: number[] = [];
    let refusal: { status: number; code: string; retryAfter: string | undefined; title: string } | null = null;
    for (const t of targets) {
      // No note: a pasted note would be spotted as a template, which shrinks the allowance on its own.
      const res = await bulk!.call('POST', '/api/v1/invitations', { to: t.handle });
      outcomes.push(res.statusCode);
      if (res.statusCode !== 201 && !refusal) refusal = { status: res.statusCode, code: res.json().code, retryAfter: res.headers['retry-after'] as string | undefined, title: res.json().title };
    }
    expect(outcomes.filter((s) => s === 201)).toHaveLength(20);
    expect(outcomes.slice(20).every((s) => s === 429)).toBe(true);
    expect(refusal).toMatchObject({ status: 429, code: 'invitation_allowance' });
    expect(Number(refusal!.retryAfter)).toBeGreaterThan(6 * 86_400);
    expect(refusal!.title).toContain('You have used your 20 invitations for this week');
    const [{ n } = { n: -1 }] = await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM invitations WHERE sender_id = ${bulk!.id}`);
    expect(n).toBe(20);
    expect((await bulk!.call('GET', '/api/v1/me/allowance')).json()).toMatchObject({ weekly: 20, usedThisWeek: 20, remaining: 0, nextFreeAt: expect.any(String) });

    // Five recipients say "I don't know this person": the allowance shrinks, with the reason in words.
    const received = await Promise.all(targets.slice(0, 5).map(async (t) => [t, (await t.call('GET', '/api/v1/invitations?box=received')).json().items[0].id] as const));
    for (const [t, id] of received) expect((await t.call('POST', `/api/v1/invitations/${id}/dont-know`)).statusCode).toBe(200);
    const after = (await bulk!.call('GET', '/api/v1/me/allowance')).json();
    expect(after.weekly).toBe(10);
    expect(after.reasons).toContainEqual({ code: 'allowance.dont_know', params: { count: 5 }, text: '5 people answered "I don\'t know this person" in the last 90 days', delta: -10 });
    // …and the fifth answer put the sender in the operators' queue.
    const flags = await rows<{ kind: string; reasons: unknown[] }>(database.db, sql`SELECT kind, reasons FROM moderation_flags WHERE member_ids @> ARRAY[${bulk!.id}]::int[] AND status = 'open'`);
    expect(flags).toEqual([
      { kind: 'reputation', reasons: [{ code: 'flag.dont_know', params: { count: 5, percent: 100 } }, { code: 'flag.acceptance', params: { percent: 0 } }] },
    ]);
  });

  it('refuses links in notes from new accounts, and caps what an operator restricted at zero', async () => {
    const { app, database } = get();
    const [newbie, target, restricted] = await members(app, ['Link Newbie', 'Link Target', 'Rita Restricted']);
    const link = await newbie!.call('POST', '/api/v1/invitations', { to: target!.handle, note: 'See my deck at https://example.com/deck' });
    expect([link.statusCode, link.json().code]).toEqual([403, 'note_links_not_allowed']);
    await rows(database.db, sql`INSERT INTO member_restrictions (member_id, kind, reason) VALUES (${restricted!.id}, 'invitations', 'Repeated sales pitches to strangers')`);
    const res = await restricted!.call('POST', '/api/v1/invitations', { to: target!.handle });
    expect([res.statusCode, res.json().code]).toEqual([403, 'invitations_restricted']);
    expect(res.json().title).toContain('Repeated sales pitches to strangers');
    const allowance = (await restricted!.call('GET', '/api/v1/me/allowance')).json();
    expect(allowance).toMatchObject({ weekly: 0, remaining: 0, restrictions: [{ kind: 'invitations', reason: 'Repeated sales pitches to strangers' }] });
    expect(allowance.reasons).toContainEqual({ code: 'allowance.invitations_restricted', params: {}, text: 'An operator restricted your invitations', delta: -20 });
  });
});
