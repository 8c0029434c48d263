import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { LIMITS } from '../../../common/limits.ts';
import { rows } from '../../db/connection.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { connect } from '../network/network-test-helpers.ts';

const ledger = (db: Parameters<typeof rows>[0], a: Member, b: Member) =>
  rows<{ kind: string }>(db, sql`SELECT kind FROM interactions WHERE member_id = ${a.id} AND other_id = ${b.id} ORDER BY id`).then((r) => r.map((x) => x.kind));

describeEachEngine('relationship memory', (get) => {
  const db = () => get().database.db;
  const pair = async (x: string, y: string) => {
    const a = await signUp(get().app, x);
    const b = await signUp(get().app, y);
    await connect(a, b);
    return [a, b] as const;
  };

  it('derives the interactions ledger from events: invitation, connection, message, comment, reaction, a logged meeting', async () => {
    const [ana, bo] = await pair('Ana Ledger', 'Bo Ledger');
    expect(await ledger(db(), ana, bo)).toEqual(['invitation_sent', 'connected']);
    expect(await ledger(db(), bo, ana)).toEqual(['invitation_received', 'connected']);

    expect((await ana.call('POST', '/api/v1/conversations', { to: [bo.handle], text: 'Coffee next week?' })).statusCode).toBe(201);
    const post = (await bo.call('POST', '/api/v1/posts', { text: 'Our new office opened', visibility: 'members' })).json<{ id: number }>().id;
    expect((await ana.call('POST', `/api/v1/posts/${post}/comments`, { text: 'Congratulations!' })).statusCode).toBe(201);
    expect((await ana.call('PUT', `/api/v1/posts/${post}/reaction`, { kind: 'celebrate' })).statusCode).toBe(200);
    // Changing one's reaction is not another interaction.
    expect((await ana.call('PUT', `/api/v1/posts/${post}/reaction`, { kind: 'like' })).statusCode).toBe(200);
    expect((await ana.call('POST', `/api/v1/members/${bo.handle}/interactions`, { kind: 'meeting', date: '2026-01-15', note: 'Lunch in Turin' })).statusCode).toBe(201);

    expect(await ledger(db(), ana, bo)).toEqual(['invitation_sent', 'connected', 'message_sent', 'comment_sent', 'reaction_given', 'meeting']);
    expect(await ledger(db(), bo, ana)).toEqual(['invitation_received', 'connected', 'message_received', 'comment_received', 'reaction_received']);
    const [meeting] = await rows<{ at: string }>(db(), sql`SELECT at FROM interactions WHERE member_id = ${ana.id} AND kind = 'meeting'`);
    expect(new Date(meeting!.at).toISOString()).toBe('2026-01-15T12:00:00.000Z');
    // The meeting's note is on the card's timeline, dated with it.
    const notes = (await ana.call('GET', `/api/v1/members/${bo.handle}/notes`)).json();
    expect(notes.items).toMatchObject([{ text: 'Lunch in Turin', date: '2026-01-15' }]);
  });

  it('shows my card: how we met from the true origin (editable, resettable), tags, cadence, last interaction and strength', async () => {
    const [ana, bo] = await pair('Ana Card', 'Bo Card');
    const card = await ana.call('GET', `/api/v1/members/${bo.handle}/relationship`);
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json()).toMatchObject({
      person: { handle: bo.handle, degree: 1 },
      howWeMet: { context: 'profile', via: null, edited: null },
      tags: [],
      cadence: null,
      effectiveCadence: null,
      dueAt: null,
      lastInteraction: { kind: 'connected' },
      notesCount: 0,
    });
    expect(card.json().strength.reasons.map((r: { code: string }) => r.code)).toContain('last_interaction_days');

    const tag = await ana.call('POST', '/api/v1/relationship-tags', { name: 'Turin', colour: 'teal', cadence: 'quarter' });
    expect(tag.statusCode, tag.body).toBe(201);
    const edited = await ana.call('PATCH', `/api/v1/members/${bo.handle}/relationship`, {
      howWeMet: { text: 'At the Turin meetup', date: '2025-11-02' },
      tags: [tag.json().id],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      howWeMet: { context: 'profile', edited: { text: 'At the Turin meetup', at: '2025-11-02' } },
      tags: [{ name: 'Turin', colour: 'teal', cadence: 'quarter' }],
      cadence: null,
      effectiveCadence: 'quarter',
    });
    // Due one quarter after the last interaction; the own cadence wins over the tag's.
    const last = Date.parse(edited.json().lastInteraction.at);
    expect(Date.parse(edited.json().dueAt) - last).toBe(91 * 86_400_000);
    const own = (await ana.call('PATCH', `/api/v1/members/${bo.handle}/relationship`, { cadence: 'month' })).json();
    expect(own).toMatchObject({ cadence: 'month', effectiveCadence: 'month' });
    // A tag's cadence shorter than the own one does not override it; without an own cadence it applies.
    await ana.call('PATCH', `/api/v1/relationship-tags/${tag.json().id}`, { cadence: 'two_weeks' });
    expect((await ana.call('GET', `/api/v1/members/${bo.handle}/relationship`)).json().effectiveCadence).toBe('month');
    const back = (await ana.call('PATCH', `/api/v1/members/${bo.handle}/relationship`, { cadence: null, howWeMet: null })).json();
    expect(back).toMatchObject({ cadence: null, effectiveCadence: 'two_weeks', howWeMet: { context: 'profile', edited: null } });

    // The list of my people, filtered by tag.
    const list = (await ana.call('GET', `/api/v1/relationships?tag=${tag.json().id}`)).json();
    expect(list.items).toMatchObject([{ handle: bo.handle, degree: 1, tags: [{ name: 'Turin' }], effectiveCadence: 'two_weeks' }]);
    const other = await ana.call('POST', '/api/v1/relationship-tags', { name: 'Investors', colour: 'grape' });
    expect((await ana.call('GET', `/api/v1/relationships?tag=${other.json().id}`)).json().items).toEqual([]);
    // My tags filter my connections list too.
    expect((await ana.call('GET', `/api/v1/me/connections?tag=${tag.json().id}`)).json().items.map((p: { handle: string }) => p.handle)).toEqual([bo.handle]);
    expect((await ana.call('GET', `/api/v1/me/connections?tag=${other.json().id}`)).json().items).toEqual([]);
  });

  it('lists due people on keep-in-touch, reminds once through the job, and drops them after a message, a comment or a logged meeting', async () => {
    const { app } = get();
    const ana = await signUp(app, 'Ana Due');
    const [bo, cy, di] = [await signUp(app, 'Bo Due'), await signUp(app, 'Cy Due'), await signUp(app, 'Di Due')];
    for (const m of [bo, cy, di]) await connect(ana, m);
    for (const m of [bo, cy, di]) expect((await ana.call('PATCH', `/api/v1/members/${m.handle}/relationship`, { cadence: 'two_weeks' })).statusCode).toBe(200);
    expect((await ana.call('GET', '/api/v1/keep-in-touch')).json().items).toEqual([]);
    // Three weeks pass without a word.
    await db().execute(sql`UPDATE relationship_cards SET last_interaction_at = now() - interval '21 days', due_at = now() - interval '7 days' WHERE member_id = ${ana.id}`);
    const due = (await ana.call('GET', '/api/v1/keep-in-touch')).json();
    expect(due.items.map((p: { handle: string }) => p.handle).sort()).toEqual([bo.handle, cy.handle, di.handle].sort());
    expect(due.items[0]).toMatchObject({ degree: 1, effectiveCadence: 'two_weeks', lastInteraction: { kind: 'connected' } });

    const { remindDue } = await import('../../jobs/keep-in-touch.ts');
    expect(await remindDue(db(), '2026-W49')).toBe(1);
    // Not again for the same due dates.
    expect(await remindDue(db(), '2026-W50')).toBe(0);
    const bell = (await ana.call('GET', '/api/v1/notifications')).json();
    expect(bell.items.filter((n: { kind: string }) => n.kind === 'keep_in_touch')).toMatchObject([{ subject: { count: 3 }, actors: [] }]);

    // A message, a comment and a logged meeting each take their person off the list.
    expect((await ana.call('POST', '/api/v1/conversations', { to: [bo.handle], text: 'Long time! How are you?' })).statusCode).toBe(201);
    const post = (await cy.call('POST', '/api/v1/posts', { text: 'Hiring in Milan', visibility: 'members' })).json<{ id: number }>().id;
    expect((await ana.call('POST', `/api/v1/posts/${post}/comments`, { text: 'Sharing it' })).statusCode).toBe(201);
    expect((await ana.call('GET', '/api/v1/keep-in-touch')).json().items.map((p: { handle: string }) => p.handle)).toEqual([di.handle]);
    expect((await ana.call('POST', `/api/v1/members/${di.handle}/interactions`, { kind: 'call' })).statusCode).toBe(201);
    expect((await ana.call('GET', '/api/v1/keep-in-touch')).json().items).toEqual([]);
    const card = (await ana.call('GET', `/api/v1/members/${di.handle}/relationship`)).json();
    expect(card.lastInteraction.kind).toBe('call');
    expect(Date.parse(card.dueAt)).toBeGreaterThan(Date.now() + 13 * 86_400_000);

    // Snoozing puts the reminder off.
    await db().execute(sql`UPDATE relationship_cards SET due_at = now() - interval '1 day', reminded_at = NULL WHERE member_id = ${ana.id} AND other_id = ${bo.id}`);
    expect((await ana.call('GET', '/api/v1/keep-in-touch')).json().items).toHaveLength(1);
    const snoozed = (await ana.call('PATCH', `/api/v1/members/${bo.handle}/relationship`, { snoozeDays: 7 })).json();
    expect(Date.parse(snoozed.snoozedUntil)).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect((await ana.call('GET', '/api/v1/keep-in-touch')).json().items).toEqual([]);
  });

  it('refuses bad input with stable codes and writes nothing', async () => {
    const [ana, bo] = await pair('Ana Bad', 'Bo Bad');
    const stranger = await signUp(get().app, 'Stranger Bad');
    const count = async () =>
      (
        await rows<{ n: number }>(
          db(),
          sql`SELECT (SELECT count(*) FROM relationship_cards WHERE member_id = ${ana.id}) + (SELECT count(*) FROM relationship_notes WHERE member_id = ${ana.id})
                   + (SELECT count(*) FROM relationship_tags WHERE member_id = ${ana.id}) + (SELECT count(*) FROM interactions WHERE member_id = ${ana.id}) AS n`,
        )
      )[0]!.n;
    const before = await count();
    const cases: [string, string, unknown, number, string][] = [
      ['POST', `/api/v1/members/${bo.handle}/notes`, { text: 'x'.repeat(LIMITS.relationshipNoteMax + 1) }, 400, 'validation_failed'],
      ['POST', `/api/v1/members/${bo.handle}/notes`, { text: '   ' }, 400, 'validation_failed'],
      ['POST', `/api/v1/members/${bo.handle}/notes`, { text: 'Fine', date: '2026-02-30' }, 400, 'validation_failed'],
      ['POST', `/api/v1/members/${bo.handle}/notes`, { text: 'Fine', date: '2999-01-01' }, 400, 'validation_failed'],
      ['PATCH', `/api/v1/members/${bo.handle}/relationship`, { cadence: 'every_9_days' }, 400, 'validation_failed'],
      ['PATCH', `/api/v1/members/${bo.handle}/relationship`, { tags: [987654] }, 400, 'tag_unknown'],
      ['PATCH', `/api/v1/members/${bo.handle}/relationship`, { howWeMet: { text: 'y'.repeat(LIMITS.howWeMetMax + 1) } }, 400, 'validation_failed'],
      ['PATCH', `/api/v1/members/${bo.handle}/relationship`, { snoozeDays: 3 }, 400, 'validation_failed'],
      ['POST', `/api/v1/members/${bo.handle}/interactions`, { kind: 'dinner' }, 400, 'validation_failed'],
      ['POST', '/api/v1/relationship-tags', { name: 'Friends', colour: 'chartreuse' }, 400, 'validation_failed'],
      ['POST', '/api/v1/relationship-tags', { name: 'z'.repeat(LIMITS.tagNameMax + 1), colour: 'red' }, 400, 'validation_failed'],
      ['POST', '/api/v1/relationship-tags', { name: 'Friends', colour: 'red', cadence: 'weekly' }, 400, 'validation_failed'],
      ['PATCH', `/api/v1/members/${ana.handle}/relationship`, { cadence: 'month' }, 400, 'relationship_self'],
      ['POST', `/api/v1/members/${stranger.handle}/notes`, { text: 'Who?' }, 403, 'no_relationship'],
      ['PATCH', '/api/v1/relationship-tags/987654', { colour: 'red' }, 404, 'not_found'],
    ];
    for (const [method, url, body, status, code] of cases) {
      const res = await ana.call(method as 'POST', url, body);
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(body).slice(0, 80)}: ${res.body}`).toBe(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().code).toBe(code);
    }
    expect(await count()).toBe(before);
    // A tag of another member is unknown too, and a duplicate name is refused.
    const bos = (await bo.call('POST', '/api/v1/relationship-tags', { name: 'Mine', colour: 'red' })).json();
    expect((await ana.call('PATCH', `/api/v1/members/${bo.handle}/relationship`, { tags: [bos.id] })).json()).toMatchObject({ code: 'tag_unknown', params: { id: bos.id } });
    expect((await ana.call('POST', '/api/v1/relationship-tags', { name: 'Friends', colour: 'red' })).statusCode).toBe(201);
    expect((await ana.call('POST', '/api/v1/relationship-tags', { name: 'friends', colour: 'blue' })).json().code).toBe('tag_name_taken');
    expect((await bo.call('DELETE', `/api/v1/relationship-tags/${bos.id}`)).statusCode).toBe(204);
  });

  it('keeps notes, tags and cadence private: another member, the person themself and an operator see none of it anywhere', async () => {
    const { app } = get();
    const [ana, bo] = await pair('Ana Private', 'Bo Private');
    const operator = await signUp(app, 'Olga Private');
    await db().execute(sql`UPDATE members SET role = 'admin' WHERE id = ${operator.id}`);
    await connect(operator, ana);
    await connect(operator, bo);
    const SECRET_NOTE = 'Secret-note-7f3a: thinking of leaving';
    const SECRET_TAG = 'Secret-tag-9c1d';
    const SECRET_MET = 'Secret-met-4b2e';
    const tag = (await ana.call('POST', '/api/v1/relationship-tags', { name: SECRET_TAG, colour: 'red', cadence: 'month' })).json();
    expect((await ana.call('POST', `/api/v1/members/${bo.handle}/notes`, { text: SECRET_NOTE })).statusCode).toBe(201);
    expect((await ana.call('PATCH', `/api/v1/members/${bo.handle}/relationship`, { tags: [tag.id], cadence: 'quarter', howWeMet: { text: SECRET_MET } })).statusCode).toBe(200);
    expect((await operator.call('GET', '/api/v1/admin/members')).statusCode).toBe(200);

    const routes = (about: Member) => [
      `/api/v1/members/${about.handle}`,
      `/api/v1/members/${ana.handle}`,
      `/api/v1/members/${bo.handle}/relationship`,
      `/api/v1/members/${ana.handle}/relationship`,
      `/api/v1/members/${bo.handle}/notes`,
      `/api/v1/members/${ana.handle}/notes`,
      '/api/v1/relationships',
      `/api/v1/relationships?tag=${tag.id}`,
      '/api/v1/relationship-tags',
      '/api/v1/keep-in-touch',
      '/api/v1/me/connections',
      `/api/v1/members/${ana.handle}/connections`,
      `/api/v1/members/${bo.handle}/mutuals`,
      '/api/v1/search/members?q=Private',
      '/api/v1/suggestions/people',
      '/api/v1/members',
      `/api/v1/members/${bo.handle}/paths`,
      `/api/v1/members/${bo.handle}/posts`,
      '/api/v1/conversations',
      '/api/v1/notifications',
      '/api/v1/admin/members',
      '/api/v1/admin/members?q=Private',
      '/api/v1/admin/moderation',
      '/api/v1/admin/jobs/dead',
      '/api/v1/admin/audit',
      '/api/v1/admin/outbox',
    ];
    for (const viewer of [bo, operator]) {
      for (const url of routes(bo)) {
        const res = await viewer.call('GET', url);
        expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(500);
        // Every route here exists: a path that no route answers would prove nothing.
        expect(res.body, url).not.toMatch(/No route for/);
        for (const secret of [SECRET_NOTE, SECRET_TAG, SECRET_MET]) expect(res.body, `${url} as ${viewer.handle}`).not.toContain(secret);
      }
    }
    // The owner sees them.
    expect((await ana.call('GET', `/api/v1/members/${bo.handle}/notes`)).body).toContain(SECRET_NOTE);
    // Someone else's note cannot be edited or deleted through their own card on the person.
    const noteId = (await ana.call('GET', `/api/v1/members/${bo.handle}/notes`)).json().items[0].id;
    expect((await operator.call('PATCH', `/api/v1/members/${bo.handle}/notes/${noteId}`, { text: 'Changed' })).statusCode).toBe(404);
    expect((await operator.call('DELETE', `/api/v1/members/${bo.handle}/notes/${noteId}`)).statusCode).toBe(404);
    expect((await ana.call('GET', `/api/v1/members/${bo.handle}/notes`)).json().items[0].text).toBe(SECRET_NOTE);

    // A block either way: as if the person did not exist.
    expect((await bo.call('PUT', `/api/v1/members/${ana.handle}/block`)).statusCode).toBe(200);
    for (const url of [`/api/v1/members/${bo.handle}/relationship`, `/api/v1/members/${bo.handle}/notes`]) expect((await ana.call('GET', url)).statusCode).toBe(404);
    expect((await ana.call('GET', '/api/v1/relationships')).json().items).toEqual([]);
  });
});
