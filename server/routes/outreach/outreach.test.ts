import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addWeeks, isoWeekLabel, streakOf, weekStartOf } from '../../../common/outreach.ts';
import { rows } from '../../db/connection.ts';
import { outreachProgress } from '../../queries/outreach/progress.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { connect, invite } from '../network/network-test-helpers.ts';

describe('outreach weeks', () => {
  it('starts ISO weeks on Monday (UTC) and labels them by the year of their Thursday', () => {
    expect(weekStartOf(new Date('2026-12-06T23:59:00Z'))).toBe('2026-11-30'); // a Sunday
    expect(weekStartOf(new Date('2026-11-30T00:00:00Z'))).toBe('2026-11-30'); // a Monday
    expect(isoWeekLabel('2026-11-30')).toBe('2026-W49');
    expect(isoWeekLabel('2024-12-30')).toBe('2025-W01');
    expect(isoWeekLabel('2027-01-04')).toBe('2027-W01');
    expect(isoWeekLabel('2026-12-28')).toBe('2026-W53');
  });

  it('counts the streak in consecutive weeks, this week once met, a week under way not breaking it', () => {
    const w = '2026-11-30';
    const counts = new Map([[addWeeks(w, -1), 2], [addWeeks(w, -2), 1], [addWeeks(w, -4), 3]]);
    expect(streakOf(counts, 1, w)).toBe(2); // this week not met yet: last two weeks
    expect(streakOf(new Map([...counts, [w, 1]]), 1, w)).toBe(3);
    expect(streakOf(counts, 2, w)).toBe(1);
    expect(streakOf(new Map(), 1, w)).toBe(0);
  });
});

describeEachEngine('one person a week', (get) => {
  const db = () => get().database.db;
  const acts = (m: Member) =>
    rows<{ kind: string; otherId: number }>(db(), sql`SELECT kind, other_id AS "otherId" FROM outreach_acts WHERE member_id = ${m.id} ORDER BY at, kind`);

  it('keeps the weekly goal between 1 and 20: 0 or 1,000 a week is a 400 and changes nothing', async () => {
    const ana = await signUp(get().app, 'Ana Goal');
    const first = await ana.call('GET', '/api/v1/me/outreach');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ weeklyGoal: 1, streak: 0, thisWeek: { count: 0, met: false }, suggestions: [] });
    expect(first.json().year).toHaveLength(52);
    expect(first.json().year.at(-1)).toEqual(first.json().thisWeek);
    for (const weeklyGoal of [0, 1000, 21, -1, 1.5, '3', null]) {
      const bad = await ana.call('PUT', '/api/v1/me/outreach', { weeklyGoal });
      expect(bad.statusCode, bad.body).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    }
    expect((await ana.call('PUT', '/api/v1/me/outreach', { weeklyGoal: 1, extra: true })).statusCode).toBe(400);
    expect((await rows(db(), sql`SELECT 1 FROM outreach_goals WHERE member_id = ${ana.id}`)).length).toBe(0);
    const set = await ana.call('PUT', '/api/v1/me/outreach', { weeklyGoal: 20 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().weeklyGoal).toBe(20);
    expect((await ana.call('PUT', '/api/v1/me/outreach', { weeklyGoal: 3 })).json().weeklyGoal).toBe(3);
  });

  it('counts an invitation with a note, a message after a quiet spell and an introduction request, from the events', async () => {
    const ana = await signUp(get().app, 'Ana Counts');
    const bo = await signUp(get().app, 'Bo Counts');
    const cy = await signUp(get().app, 'Cy Counts');
    const di = await signUp(get().app, 'Di Counts');
    // An empty invitation is a click, not outreach; one with a note is.
    await connect(ana, bo);
    expect(await acts(ana)).toEqual([]);
    await invite(ana, cy, 'I loved your talk on community gardens in Turin, could we compare notes?');
    expect(await acts(ana)).toEqual([{ kind: 'invitation', otherId: cy.id }]);
    // A first message to Bo counts; the next one, in a running conversation, does not.
    expect((await ana.call('POST', '/api/v1/conversations', { to: [bo.handle], text: 'It has been a while: how is the new job?' })).statusCode).toBe(201);
    expect((await ana.call('POST', '/api/v1/conversations', { to: [bo.handle], text: 'And the garden?' })).statusCode).toBe(201);
    expect(await acts(ana)).toEqual([{ kind: 'invitation', otherId: cy.id }, { kind: 'message', otherId: bo.id }]);
    // Di is reached through Bo: an introduction request counts for its target.
    await connect(bo, di);
    const intro = await ana.call('POST', '/api/v1/introductions', { target: di.handle, via: [bo.handle], blurb: 'I would like to learn how Di runs the seed library.' });
    expect(intro.statusCode, intro.body).toBe(201);
    expect((await acts(ana)).map((a) => a.kind)).toEqual(['invitation', 'message', 'introduction']);

    const view = (await ana.call('GET', '/api/v1/me/outreach')).json();
    expect(view.thisWeek).toMatchObject({ count: 3, met: true });
    expect(view.streak).toBe(1);
  });

  it('computes the streak and the year view from explicit dates', async () => {
    const ana = await signUp(get().app, 'Ana Streak');
    const others = [await signUp(get().app, 'Bo Streak'), await signUp(get().app, 'Cy Streak')];
    const at = (iso: string, other: Member, ref: number) =>
      db().execute(sql`INSERT INTO outreach_acts (member_id, other_id, kind, ref_id, at) VALUES (${ana.id}, ${other.id}, 'message', ${ref}, ${iso}::timestamptz)`);
    // Weeks of 2026-11-16, -23 and -30 (this week, Wednesday), and one long before, after a gap.
    await at('2026-11-16T09:00:00Z', others[0]!, 1);
    await at('2026-11-22T23:30:00Z', others[1]!, 2); // Sunday night: still the week of the 16th
    await at('2026-11-23T00:10:00Z', others[0]!, 3);
    await at('2026-11-02T12:00:00Z', others[0]!, 4);
    const monday = new Date('2026-11-30T08:00:00Z');
    let p = await outreachProgress(db(), ana.id, monday);
    expect(p.thisWeek).toMatchObject({ start: '2026-11-30', week: '2026-W49', count: 0, met: false });
    expect(p.streak).toBe(2); // the week under way does not break it
    expect(p.year.slice(-5).map((w) => [w.start, w.count])).toEqual([
      ['2026-11-02', 1], ['2026-11-09', 0], ['2026-11-16', 2], ['2026-11-23', 1], ['2026-11-30', 0],
    ]);
    await at('2026-12-02T10:00:00Z', others[1]!, 5);
    p = await outreachProgress(db(), ana.id, new Date('2026-12-03T08:00:00Z'));
    expect(p.streak).toBe(3);
    // A goal of 2 a week: only the week of the 16th met it.
    await ana.call('PUT', '/api/v1/me/outreach', { weeklyGoal: 2 });
    p = await outreachProgress(db(), ana.id, new Date('2026-12-03T08:00:00Z'));
    expect(p.streak).toBe(0);
    expect(p.year.filter((w) => w.met).map((w) => w.start)).toEqual(['2026-11-16']);
    // A week later with nothing done, the streak is gone.
    await ana.call('PUT', '/api/v1/me/outreach', { weeklyGoal: 1 });
    expect((await outreachProgress(db(), ana.id, new Date('2026-12-15T08:00:00Z'))).streak).toBe(0);
  });

  it("suggests a dormant tie and a diverse weak tie, each with its reason, the same all week, and respects blocks", async () => {
    const ana = await signUp(get().app, 'Ana Suggest');
    const bo = await signUp(get().app, 'Bo Suggest');
    const cy = await signUp(get().app, 'Cy Suggest');
    const di = await signUp(get().app, 'Di Suggest');
    const ed = await signUp(get().app, 'Ed Suggest');
    for (const [m, industry] of [[ana, 'Software'], [bo, 'Software'], [cy, 'Software'], [di, 'Agriculture'], [ed, 'Software']] as const) {
      expect((await m.call('PATCH', '/api/v1/me/profile', { industry })).statusCode).toBe(200);
    }
    await connect(ana, bo);
    await connect(ana, cy);
    await connect(bo, di); // Di: 2nd degree, in an industry none of Ana's connections is in
    await connect(cy, ed); // Ed: 2nd degree, like everyone else
    // Bo has been quiet for 200 days, Cy for 40 (on a month's cadence, so more overdue relative to it).
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000);
    await db().execute(sql`UPDATE connections SET created_at = ${ago(400)} WHERE member_id = ${ana.id}`);
    await db().execute(sql`UPDATE interactions SET at = ${ago(200)} WHERE member_id = ${ana.id} AND other_id = ${bo.id}`);
    await db().execute(sql`UPDATE interactions SET at = ${ago(40)} WHERE member_id = ${ana.id} AND other_id = ${cy.id}`);
    expect((await ana.call('PATCH', `/api/v1/members/${cy.handle}/relationship`, { cadence: 'two_weeks' })).statusCode).toBe(200);
    await db().execute(sql`UPDATE interactions SET at = ${ago(40)} WHERE member_id = ${ana.id} AND other_id = ${cy.id}`);

    const first = await ana.call('GET', '/api/v1/me/outreach');
    expect(first.statusCode, first.body).toBe(200);
    const suggestions = first.json().suggestions as { person: { handle: string; degree: number }; reason: { code: string; params: Record<string, unknown> }; reached: boolean }[];
    expect(suggestions.map((s) => [s.reason.code, s.person.handle])).toEqual([
      ['dormant_tie', cy.handle],
      ['diverse_weak_tie', di.handle],
    ]);
    expect(suggestions[0]!.reason.params).toMatchObject({ cadenceDays: 14 });
    expect(suggestions[1]!.reason.params).toMatchObject({ dimension: 'industry', value: 'Agriculture', mutualCount: 1 });
    expect(suggestions[1]!.person.degree).toBe(2);

    // Reaching out to Di (an invitation with a note) marks the suggestion reached; it stays for the week.
    await invite(ana, di, 'Your work on regenerative farming is fascinating: what got you started?');
    const again = (await ana.call('GET', '/api/v1/me/outreach')).json();
    expect(again.suggestions.map((s: { person: { handle: string }; reached: boolean }) => [s.person.handle, s.reached])).toEqual([
      [cy.handle, false],
      [di.handle, true],
    ]);
    expect(again.thisWeek.count).toBe(1);

    // A block either way hides the person at once.
    expect((await di.call('PUT', `/api/v1/members/${ana.handle}/block`)).statusCode).toBeLessThan(300);
    const blocked = (await ana.call('GET', '/api/v1/me/outreach')).json();
    expect(blocked.suggestions.map((s: { person: { handle: string } }) => s.person.handle)).toEqual([cy.handle]);
  });

  it('suggests someone from the admire list I am not connected with yet, and nobody once connected or blocked', async () => {
    const ana = await signUp(get().app, 'Ana Admires');
    const zoe = await signUp(get().app, 'Zoe Admired');
    const max = await signUp(get().app, 'Max Admired');
    for (const target of [zoe, max]) expect((await ana.call('POST', '/api/v1/admire', { member: target.handle })).statusCode).toBe(201);
    await connect(ana, max); // already connected: not an outreach suggestion any more
    const res = await ana.call('GET', '/api/v1/me/outreach');
    expect(res.statusCode, res.body).toBe(200);
    const admired = (res.json().suggestions as { person: { handle: string }; reason: { code: string } }[]).filter((s) => s.reason.code === 'admired');
    expect(admired.map((s) => s.person.handle)).toEqual([zoe.handle]);

    const lee = await signUp(get().app, 'Lee Admires');
    expect((await lee.call('POST', '/api/v1/admire', { member: zoe.handle })).statusCode).toBe(201);
    expect((await zoe.call('PUT', `/api/v1/members/${lee.handle}/block`)).statusCode).toBeLessThan(300);
    const none = (await lee.call('GET', '/api/v1/me/outreach')).json();
    expect(none.suggestions.filter((s: { reason: { code: string } }) => s.reason.code === 'admired')).toEqual([]);
  });

  it('checks a note: empty, a template copied to others, or personal', async () => {
    const ana = await signUp(get().app, 'Ana Notes');
    const check = async (note: string, to?: string) => {
      const res = await ana.call('POST', '/api/v1/notes/check', to ? { note, to } : { note });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    expect(await check('')).toMatchObject({ kind: 'none' });
    const template = 'I came across your profile and would love to add you to my professional network of experts in the sector';
    for (const name of ['Bo Template', 'Cy Template', 'Di Template']) await invite(ana, await signUp(get().app, name), template);
    expect(await check(template)).toMatchObject({ kind: 'template' });
    expect((await check('Your talk on seed libraries in Turin changed how I run ours: could we compare notes?', 'nobody-at-all')).kind).toBe('personal');
    expect((await ana.call('POST', '/api/v1/notes/check', { note: 'x'.repeat(9000) })).statusCode).toBe(400);
  });
});
