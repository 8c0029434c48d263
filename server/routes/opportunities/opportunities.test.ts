import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { OPPORTUNITY_LIMITS } from '../../../common/opportunities.ts';
import { rows } from '../../db/connection.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { connect, invite } from '../network/network-test-helpers.ts';

interface Share {
  origin: string;
  count: number;
  share: number;
  value: number;
  valueShare: number | null;
}

describeEachEngine('opportunity log and where opportunities came from', (get) => {
  const db = () => get().database.db;
  let n = 0;
  const person = (name: string) => signUp(get().app, `${name} Opp${++n}`);
  const log = (m: Member, body: object) => m.call('POST', '/api/v1/opportunities', body);
  const report = async (m: Member) => {
    const res = await m.call('GET', '/api/v1/opportunities/report');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { total: number; totalValue: number; valued: number; other: number; shares: Share[] };
    return { ...body, by: Object.fromEntries(body.shares.map((s) => [s.origin, s])) as Record<string, Share> };
  };
  const written = async (m: Member) =>
    (await rows<{ n: number }>(db(), sql`SELECT ((SELECT count(*) FROM opportunities WHERE member_id = ${m.id}) + (SELECT count(*) FROM opportunity_people WHERE member_id = ${m.id}))::int AS n`))[0]!.n;

  /** Ana met Cy through an introduction by Bo (Cy 2nd degree at the time): A–B–C, B forwards, C accepts, A invites. */
  async function introduced(ana: Member) {
    const bo = await person('Bo');
    const cy = await person('Cy');
    await connect(ana, bo);
    await connect(bo, cy);
    const asked = await ana.call('POST', '/api/v1/introductions', { target: cy.handle, via: [bo.handle], blurb: 'I run a design studio and would value your view on museum work.' });
    expect(asked.statusCode, asked.body).toBe(201);
    const id = asked.json().id;
    expect((await bo.call('POST', `/api/v1/introductions/${id}/forward`, { note: 'You two should talk.' })).statusCode).toBe(200);
    expect((await cy.call('POST', `/api/v1/introductions/${id}/accept`)).statusCode).toBe(200);
    const sent = await invite(ana, cy, 'Good to meet you through Bo.');
    expect((await cy.call('POST', `/api/v1/invitations/${sent}/accept`)).statusCode).toBe(200);
    return { bo, cy };
  }

  it('attributes an opportunity to how each relationship began: an introduction by a weak tie, an open invitation, an import', async () => {
    const ana = await person('Ana');
    const { bo, cy } = await introduced(ana);

    // Dee accepts everyone: Ana's invitation is accepted on arrival. They share no one: beyond 3rd degree then.
    const dee = await person('Dee');
    expect((await dee.call('PUT', '/api/v1/me/screening', { mode: 'open', whoCanInvite: 'everyone', rules: [], otherwise: 'inbox' })).statusCode).toBeLessThan(300);
    const auto = await ana.call('POST', '/api/v1/invitations', { to: dee.handle, note: 'Saw your talk on wayfinding.' });
    expect(auto.statusCode, auto.body).toBe(200);
    expect(auto.json()).toMatchObject({ outcome: 'connected' });

    // Eve is one of Ana's imported LinkedIn contacts, invited from the contact (context import).
    const eve = await person('Eve');
    const [contact] = await rows<{ id: number }>(
      db(),
      sql`INSERT INTO contacts (member_id, name, source, dedupe_key, matched_member_id, match_kind, match_confidence)
          VALUES (${ana.id}, 'Eve', 'linkedin', ${`eve-${n}`}, ${eve.id}, 'email', 1) RETURNING id`,
    );
    const fromContact = await ana.call('POST', `/api/v1/contacts/${contact!.id}/connect`, { note: 'From LinkedIn' });
    expect(fromContact.statusCode, fromContact.body).toBe(201);
    expect((await eve.call('POST', `/api/v1/invitations/${fromContact.json().invitationId}/accept`)).statusCode).toBe(200);

    // Fay is Bo's connection, 2nd degree to Ana now, never connected to her.
    const fay = await person('Fay');
    await connect(bo, fay);

    const first = await log(ana, { kind: 'client', title: 'Museum wayfinding', people: [cy.handle], value: 9000 });
    expect(first.statusCode, first.body).toBe(201);
    const [cyOnIt] = first.json().people;
    expect(cyOnIt).toMatchObject({
      handle: cy.handle,
      degree: 1,
      origin: { connected: true, context: 'introduction', degreeAtStart: '2', openInvitation: false, introducedBy: { handle: bo.handle }, origins: ['weak_tie', 'introduction'] },
    });
    expect(first.json().origins).toEqual(['weak_tie', 'introduction']);

    const second = await log(ana, { kind: 'speaking', title: 'Wayfinding conference', people: [dee.handle] });
    expect(second.json().people[0].origin).toMatchObject({ context: 'profile', degreeAtStart: 'beyond', openInvitation: true, origins: ['open_invitation'] });
    const third = await log(ana, { kind: 'project', title: 'Signage refresh', people: [eve.handle, fay.handle], value: 1000 });
    expect(third.json().people.map((p: { origin: { origins: string[]; importedFrom: string | null } }) => p.origin)).toMatchObject([
      { context: 'import', importedFrom: 'linkedin', origins: ['import'] },
      { connected: false, context: null, origins: ['not_connected'] },
    ]);
    // Bo: a plain invitation between strangers (beyond 3rd degree then) counts in no share: the rest.
    const fourth = await log(ana, { kind: 'job', title: 'Studio lead', people: [bo.handle] });
    expect(fourth.json().origins).toEqual([]);

    const r = await report(ana);
    expect(r).toMatchObject({ total: 4, totalValue: 10000, valued: 2, other: 1 });
    expect(r.by.weak_tie).toMatchObject({ count: 1, share: 0.25, value: 9000, valueShare: 0.9 });
    expect(r.by.introduction).toMatchObject({ count: 1, share: 0.25 });
    expect(r.by.open_invitation).toMatchObject({ count: 1, value: 0, valueShare: 0 });
    expect(r.by.import).toMatchObject({ count: 1, valueShare: 0.1 });
    expect(r.by.not_connected).toMatchObject({ count: 1 });
    expect(r.by.posts).toMatchObject({ count: 0 });

    // Newest first, with each person's origin.
    const list = await ana.call('GET', '/api/v1/opportunities?limit=3');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((o: { title: string }) => o.title)).toEqual(['Studio lead', 'Signage refresh', 'Wayfinding conference']);
    const rest = (await ana.call('GET', `/api/v1/opportunities?limit=3&cursor=${list.json().nextCursor}`)).json();
    expect(rest).toMatchObject({ items: [{ title: 'Museum wayfinding' }], nextCursor: null });
  });

  it('counts a relationship from before degrees were recorded as unknown, and one begun over posts', async () => {
    const ana = await person('Ana');
    const gus = await person('Gus');
    await connect(ana, gus);
    // As an invitation older than the degree column: nothing recorded.
    await db().execute(sql`UPDATE invitations SET degree_at_send = NULL WHERE sender_id = ${ana.id} AND recipient_id = ${gus.id}`);
    // Hal commented on Ana's post before they connected.
    const hal = await person('Hal');
    const post = await ana.call('POST', '/api/v1/posts', { text: 'Notes from the wayfinding workshop' });
    expect(post.statusCode, post.body).toBe(201);
    expect((await hal.call('POST', `/api/v1/posts/${post.json().id}/comments`, { text: 'Great notes, thank you!' })).statusCode).toBe(201);
    await connect(hal, ana);

    const made = await log(ana, { kind: 'partnership', title: 'Joint workshop', people: [gus.handle, hal.handle] });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().people.map((p: { origin: object }) => p.origin)).toMatchObject([
      { degreeAtStart: 'unknown', origins: [] },
      { viaPosts: true, origins: ['posts'] },
    ]);
    expect((await report(ana)).by.posts).toMatchObject({ count: 1, share: 1 });
  });

  it('is private: the people on it, and an operator, see none of it', async () => {
    const ana = await person('Ana');
    const bo = await person('Bo');
    const olga = await person('Olga');
    await db().execute(sql`UPDATE members SET role = 'admin' WHERE id = ${olga.id}`);
    await connect(ana, bo);
    const made = await log(ana, { kind: 'job', title: 'Secret role', people: [bo.handle] });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    for (const other of [bo, olga]) {
      expect((await other.call('GET', '/api/v1/opportunities')).json().items).toEqual([]);
      expect((await report(other)).total).toBe(0);
      expect((await other.call('PATCH', `/api/v1/opportunities/${id}`, { title: 'Mine now' })).statusCode).toBe(404);
      expect((await other.call('DELETE', `/api/v1/opportunities/${id}`)).statusCode).toBe(404);
    }
    expect((await get().app.inject({ method: 'GET', url: '/api/v1/opportunities/report' })).statusCode).toBe(401);
    expect((await ana.call('GET', '/api/v1/opportunities')).json().items).toMatchObject([{ id, title: 'Secret role' }]);
  });

  it('changes and removes an opportunity; a person who blocks me later drops out of it', async () => {
    const ana = await person('Ana');
    const bo = await person('Bo');
    const cy = await person('Cy');
    await connect(ana, bo);
    const id = (await log(ana, { kind: 'job', title: 'Role', people: [bo.handle], value: 10 })).json().id;
    const changed = await ana.call('PATCH', `/api/v1/opportunities/${id}`, { kind: 'client', title: 'Client work', value: null, people: [cy.handle, bo.handle] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ kind: 'client', title: 'Client work', value: null, people: [{ handle: cy.handle }, { handle: bo.handle }] });

    expect((await cy.call('PUT', `/api/v1/members/${ana.handle}/block`)).statusCode).toBeLessThan(300);
    const after = (await ana.call('GET', '/api/v1/opportunities')).json().items[0];
    expect(after.people.map((p: { handle: string }) => p.handle)).toEqual([bo.handle]);
    expect((await report(ana)).by.not_connected!.count).toBe(0);

    expect((await ana.call('DELETE', `/api/v1/opportunities/${id}`)).statusCode).toBe(204);
    expect((await ana.call('DELETE', `/api/v1/opportunities/${id}`)).statusCode).toBe(404);
    expect(await written(ana)).toBe(0);
  });

  it('refuses bad input with a stable code and writes nothing', async () => {
    const ana = await person('Ana');
    const bo = await person('Bo');
    const blocker = await person('Bea');
    const blocked = await person('Bill');
    const gone = await person('Gil');
    await connect(ana, bo);
    expect((await blocker.call('PUT', `/api/v1/members/${ana.handle}/block`)).statusCode).toBeLessThan(300);
    expect((await ana.call('PUT', `/api/v1/members/${blocked.handle}/block`)).statusCode).toBeLessThan(300);
    await db().execute(sql`UPDATE members SET status = 'suspended' WHERE id = ${gone.id}`);
    const ok = { kind: 'job', title: 'A role', people: [bo.handle] };
    const cases: [object, string][] = [
      [{ ...ok, kind: 'lottery' }, 'validation_failed'],
      [{ ...ok, title: '' }, 'validation_failed'],
      [{ ...ok, title: '   ' }, 'validation_failed'],
      [{ ...ok, title: 'x'.repeat(OPPORTUNITY_LIMITS.titleMax + 1) }, 'validation_failed'],
      [{ ...ok, value: -1 }, 'validation_failed'],
      [{ ...ok, value: 1e15 }, 'validation_failed'],
      [{ ...ok, value: 1.5 }, 'validation_failed'],
      [{ ...ok, people: [] }, 'validation_failed'],
      [{ ...ok, people: Array.from({ length: OPPORTUNITY_LIMITS.peopleMax + 1 }, (_, i) => `someone-${i}`) }, 'validation_failed'],
      [{ ...ok, extra: true }, 'validation_failed'],
      [{ ...ok, people: ['nobody-by-this-name'] }, 'opportunity_person_unknown'],
      [{ ...ok, people: [bo.handle, blocker.handle] }, 'opportunity_person_unknown'],
      [{ ...ok, people: [blocked.handle] }, 'opportunity_person_unknown'],
      [{ ...ok, people: [gone.handle] }, 'opportunity_person_unknown'],
      [{ ...ok, people: [ana.handle] }, 'opportunity_person_unknown'],
    ];
    for (const [body, code] of cases) {
      const res = await log(ana, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe(code);
    }
    expect((await log(ana, { ...ok, people: ['nobody-by-this-name'] })).json().params).toEqual({ handle: 'nobody-by-this-name' });
    expect(await written(ana)).toBe(0);

    const id = (await log(ana, ok)).json().id;
    const before = await written(ana);
    expect((await ana.call('PATCH', `/api/v1/opportunities/${id}`, { people: [blocker.handle] })).json().code).toBe('opportunity_person_unknown');
    expect((await ana.call('PATCH', `/api/v1/opportunities/${id}`, { value: -5 })).json().code).toBe('validation_failed');
    expect((await ana.call('PATCH', '/api/v1/opportunities/abc', { title: 'x' })).statusCode).toBe(400);
    expect(await written(ana)).toBe(before);
    expect((await ana.call('GET', '/api/v1/opportunities')).json().items[0]).toMatchObject({ title: 'A role', people: [{ handle: bo.handle }] });
  });
});
