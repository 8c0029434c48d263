import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { LIMITS } from '../../../common/limits.ts';
import { rows } from '../../db/connection.ts';
import { signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { connect } from '../network/network-test-helpers.ts';

describeEachEngine('reciprocity ledger', (get) => {
  const db = () => get().database.db;
  // Everything an entry could write: its ledger row and its note.
  const written = async (memberId: number) =>
    (await rows<{ n: string | number }>(db(), sql`SELECT (SELECT count(*) FROM interactions WHERE member_id = ${memberId}) + (SELECT count(*) FROM relationship_notes WHERE member_id = ${memberId}) AS n`))[0]!.n;

  it('adds up gives and asks logged by hand, per person and overall, with the balance', async () => {
    const ana = await signUp(get().app, 'Ana Gives');
    const bo = await signUp(get().app, 'Bo Gives');
    const cy = await signUp(get().app, 'Cy Gives');
    await connect(ana, bo);
    await connect(ana, cy);

    const log = (to: string, entry: object) => ana.call('POST', `/api/v1/members/${to}/ledger`, entry);
    const first = await log(bo.handle, { subject: 'advice', side: 'given', date: '2026-03-01', note: 'Pricing advice over coffee' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ given: 1, received: 0, asked: 0, asked_by: 0, balance: 1, bySubject: [{ subject: 'advice', given: 1 }] });
    expect((await log(bo.handle, { subject: 'referral', side: 'given' })).statusCode).toBe(201);
    expect((await log(bo.handle, { subject: 'help', side: 'asked_by' })).statusCode).toBe(201);
    expect((await log(cy.handle, { subject: 'introduction', side: 'received' })).statusCode).toBe(201);
    expect((await log(cy.handle, { subject: 'help', side: 'asked' })).statusCode).toBe(201);

    const withBo = (await ana.call('GET', `/api/v1/members/${bo.handle}/ledger`)).json();
    expect(withBo).toMatchObject({ given: 2, received: 0, asked: 0, asked_by: 1, balance: 2 });
    // The note is on the card's timeline, dated with the entry.
    expect((await ana.call('GET', `/api/v1/members/${bo.handle}/notes`)).json().items).toMatchObject([{ text: 'Pricing advice over coffee', date: '2026-03-01' }]);

    const ledger = await ana.call('GET', '/api/v1/ledger');
    expect(ledger.statusCode, ledger.body).toBe(200);
    expect(ledger.json().overall).toMatchObject({ given: 2, received: 1, asked: 1, asked_by: 1, balance: 1 });
    // Most recent first: Cy's entries were logged last (Bo's first one is dated in March).
    expect(ledger.json().people.items.map((p: { handle: string; ledger: { balance: number } }) => [p.handle, p.ledger.balance])).toEqual([
      [cy.handle, -1],
      [bo.handle, 2],
    ]);
    // Paged: one at a time, the second page the rest.
    const one = (await ana.call('GET', '/api/v1/ledger?limit=1')).json();
    expect(one.people.items.map((p: { handle: string }) => p.handle)).toEqual([cy.handle]);
    const two = (await ana.call('GET', `/api/v1/ledger?limit=1&cursor=${one.people.nextCursor}`)).json();
    expect(two.people.items.map((p: { handle: string }) => p.handle)).toEqual([bo.handle]);
    expect(two.people.nextCursor).toBeNull();

    // The last interaction on the card is the give or ask.
    expect((await ana.call('GET', `/api/v1/members/${cy.handle}/relationship`)).json().lastInteraction).toMatchObject({ kind: 'help_asked' });
  });

  it('is private: the other person, and an operator, see none of my entries', async () => {
    const ana = await signUp(get().app, 'Ana Private Ledger');
    const bo = await signUp(get().app, 'Bo Private Ledger');
    const olga = await signUp(get().app, 'Olga Ledger Operator');
    await db().execute(sql`UPDATE members SET role = 'admin' WHERE id = ${olga.id}`);
    await connect(ana, bo);
    await connect(olga, ana);
    expect((await ana.call('POST', `/api/v1/members/${bo.handle}/ledger`, { subject: 'help', side: 'given' })).statusCode).toBe(201);

    // Bo's ledger with Ana is his own, and empty; the operator's is theirs.
    expect((await bo.call('GET', `/api/v1/members/${ana.handle}/ledger`)).json()).toMatchObject({ given: 0, received: 0, asked: 0, asked_by: 0 });
    expect((await bo.call('GET', '/api/v1/ledger')).json().people.items).toEqual([]);
    expect((await olga.call('GET', '/api/v1/ledger')).json().overall).toMatchObject({ given: 0, received: 0 });
    // Not connected to Bo: no card, no ledger, whatever the role.
    expect((await olga.call('GET', `/api/v1/members/${bo.handle}/ledger`)).statusCode).toBe(403);
  });

  it('refuses bad entries with a stable code and writes nothing', async () => {
    const ana = await signUp(get().app, 'Ana Bad Ledger');
    const bo = await signUp(get().app, 'Bo Bad Ledger');
    const stranger = await signUp(get().app, 'Sam Stranger Ledger');
    const blocker = await signUp(get().app, 'Bea Blocker Ledger');
    await connect(ana, bo);
    await connect(ana, blocker);
    expect((await blocker.call('PUT', `/api/v1/members/${ana.handle}/block`)).statusCode).toBeLessThan(300);
    const before = await written(ana.id);

    const cases: [string, object, number, string][] = [
      [bo.handle, { subject: 'endorsement', side: 'given' }, 400, 'validation_failed'],
      [bo.handle, { subject: 'help', side: 'sideways' }, 400, 'validation_failed'],
      [bo.handle, { subject: 'help', side: 'given', note: 'x'.repeat(LIMITS.relationshipNoteMax + 1) }, 400, 'validation_failed'],
      [bo.handle, { subject: 'help', side: 'given', date: '2999-01-01' }, 400, 'validation_failed'],
      [bo.handle, { subject: 'help', side: 'given', extra: 1 }, 400, 'validation_failed'],
      [bo.handle, { subject: 'help', side: 'given', note: 'Lunch', date: '2026-02-30' }, 400, 'validation_failed'],
      [ana.handle, { subject: 'help', side: 'given' }, 400, 'relationship_self'],
      [stranger.handle, { subject: 'help', side: 'given' }, 403, 'no_relationship'],
      [blocker.handle, { subject: 'help', side: 'given' }, 404, 'not_found'],
    ];
    for (const [to, body, status, code] of cases) {
      const res = await ana.call('POST', `/api/v1/members/${to}/ledger`, body);
      expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe(code);
    }
    expect(await written(ana.id)).toBe(before);
  });

  it('nudges: connections who ask for what I offer', async () => {
    const ana = await signUp(get().app, 'Ana Offers');
    const bo = await signUp(get().app, 'Bo Asks');
    const cy = await signUp(get().app, 'Cy Asks');
    const dee = await signUp(get().app, 'Dee Not Connected');
    await connect(ana, bo);
    await connect(ana, cy);
    const profile = (m: typeof ana, body: object) => m.call('PATCH', '/api/v1/me/profile', body);
    expect((await profile(ana, { offers: ['Mentoring', 'Pitch deck reviews'] })).statusCode).toBe(200);
    expect((await profile(bo, { asks: ['Mentoring for first-time founders'] })).statusCode).toBe(200);
    expect((await profile(cy, { asks: ['mentoring'] })).statusCode).toBe(200);
    expect((await profile(dee, { asks: ['Mentoring'] })).statusCode).toBe(200);

    const nudges = (await ana.call('GET', '/api/v1/ledger')).json().nudges;
    expect(nudges).toHaveLength(1);
    expect(nudges[0]).toMatchObject({ offer: 'Mentoring', count: 2 });
    expect(nudges[0].people.map((p: { handle: string }) => p.handle).sort()).toEqual([bo.handle, cy.handle].sort());
  });
  it('keeps endorsements (each skill once, however often re-endorsed) and approved recommendations', async () => {
    const ana = await signUp(get().app, 'Ana Endorses');
    const bo = await signUp(get().app, 'Bo Endorsed');
    await connect(ana, bo);
    const saved = await bo.call('PATCH', '/api/v1/me/profile', {
      skills: ['Grid contracts', 'Solar'],
      experience: [{ organisation: 'Sun Co-op', title: 'Engineer', startDate: '2020-01', endDate: null }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const endorse = (method: 'PUT' | 'DELETE', skill: string) => ana.call(method, `/api/v1/members/${bo.handle}/skills/${encodeURIComponent(skill)}/endorsement`);
    expect((await endorse('PUT', 'Grid contracts')).statusCode).toBe(200);
    expect((await endorse('DELETE', 'Grid contracts')).statusCode).toBe(200);
    expect((await endorse('PUT', 'Grid contracts')).statusCode).toBe(200);
    expect((await endorse('PUT', 'Solar')).statusCode).toBe(200);
    expect((await ana.call('GET', `/api/v1/members/${bo.handle}/ledger`)).json()).toMatchObject({ given: 2, bySubject: [{ subject: 'endorsement', given: 2 }] });
    expect((await bo.call('GET', `/api/v1/members/${ana.handle}/ledger`)).json()).toMatchObject({ received: 2, balance: -2 });

    // Bo asks Ana for a recommendation; it counts as given only once Bo approves what she wrote.
    const position = (await bo.call('GET', `/api/v1/members/${bo.handle}`)).json<{ experience: { id: number }[] }>().experience[0]!.id;
    const asked = await bo.call('POST', `/api/v1/members/${ana.handle}/recommendation-requests`, { positionId: position, message: 'Would you write a few words?' });
    expect(asked.statusCode, asked.body).toBe(201);
    const written = await ana.call('POST', `/api/v1/members/${bo.handle}/recommendations`, { positionId: position, text: 'Bo knows grid contracts inside out.', requestId: asked.json().id });
    expect(written.statusCode, written.body).toBe(201);
    expect((await ana.call('GET', `/api/v1/members/${bo.handle}/ledger`)).json()).toMatchObject({ given: 2, asked_by: 1 });
    expect((await bo.call('POST', `/api/v1/recommendations/${written.json().id}/approve`)).statusCode).toBe(200);
    const tally = (await ana.call('GET', `/api/v1/members/${bo.handle}/ledger`)).json();
    expect(tally).toMatchObject({ given: 3, asked_by: 1, balance: 3 });
    expect(tally.bySubject).toEqual(expect.arrayContaining([expect.objectContaining({ subject: 'recommendation', given: 1, asked_by: 1 })]));
  });
});
