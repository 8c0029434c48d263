import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { connect, invite, members } from './network-test-helpers.ts';

const NOTE_AND_TWO_MUTUALS = {
  mode: 'selective',
  whoCanInvite: 'everyone',
  rules: [{ when: { hasNote: true, minMutuals: 2 }, then: 'inbox' }],
  otherwise: 'other',
} as const;

describeEachEngine('screening: policies, evidence and the context thread', (get) => {
  it('places a note-less invitation in Other and a qualifying one in the inbox for a selective member', async () => {
    const { app } = get();
    const [sel, m1, m2, friend, stranger, writer] = await members(app, ['Selma Selective', 'Mo One', 'Mo Two', 'Fran Friendly', 'Stan Stranger', 'Wanda Writer']);
    expect((await sel!.call('PUT', '/api/v1/me/screening', NOTE_AND_TWO_MUTUALS)).statusCode).toBe(200);
    for (const m of [m1!, m2!]) {
      await connect(sel!, m);
      await connect(friend!, m);
    }
    const qualifying = await invite(friend!, sel!, 'We both worked with Mo on the spring launch; I would like to stay in touch.');
    // A personal note from someone with no mutual connections: the rule wants two, so nothing matches.
    const noted = await invite(writer!, sel!, 'I read your piece on the harbour project and would love to compare notes on the next phase.');
    // No note, from a brand-new account with nothing in common: the platform puts it in Other itself.
    const bare = await invite(stranger!, sel!);

    const inbox = (await sel!.call('GET', '/api/v1/invitations?box=received&folder=inbox')).json().items;
    const other = (await sel!.call('GET', '/api/v1/invitations?box=received&folder=other')).json().items;
    expect(inbox.map((i: { id: number }) => i.id)).toEqual([qualifying]);
    expect(other.map((i: { id: number }) => i.id)).toEqual([bare, noted]);
    expect(inbox[0].screening).toMatchObject({ folder: 'inbox', placement: { code: 'placement.rule', text: 'Rule 1: a note and at least 2 mutual connections → Inbox' } });
    expect(other[1].screening).toMatchObject({ folder: 'other', placement: { code: 'placement.no_rule', params: { folder: 'other' }, text: 'No rule matched → Other' } });
    expect(other[0].screening).toMatchObject({ folder: 'other', placement: { code: 'placement.other_risk', params: { risk: 50 }, text: 'Put in Other by the platform: risk 50 of 100' } });
    expect((await sel!.call('GET', '/api/v1/invitations/folders')).json()).toEqual({ inbox: 1, other: 2 });

    // The evidence card: degree before connecting, mutuals with names, the note's kind, the sender's record.
    const ev = inbox[0].screening.evidence;
    expect(ev).toMatchObject({ degree: 2, mutuals: { count: 2 }, note: { kind: 'personal', similarNotes: 0 }, reports: 0 });
    expect(ev.mutuals.first.map((c: { handle: string }) => c.handle).sort()).toEqual([m1!.handle, m2!.handle].sort());
    expect(ev.risk.score).toBeGreaterThanOrEqual(0);
    expect(ev.risk.reasons).toContainEqual({ code: 'risk.new_account', params: {}, text: 'The account was created today' });
    expect(other[1].screening.evidence).toMatchObject({ degree: null, note: { kind: 'personal' } });
    expect(other[1].screening.evidence.risk.score).toBeLessThanOrEqual(24);
    expect(other[0].screening.evidence).toMatchObject({ degree: null, mutuals: { count: 0, first: [] }, note: { kind: 'none' } });
    expect(other[0].screening.evidence.risk.reasons.map((r: { text: string }) => r.text)).toEqual([
      'Outside your network, with nothing in common',
      'Approaches someone they do not know without a note, with no record here yet',
      'The account was created today',
      'Thin profile (strength 0 of 100)',
    ]);

    // The sender sees neither the folder nor the evidence.
    const sent = (await friend!.call('GET', `/api/v1/invitations/${qualifying}`)).json().invitation;
    expect(sent).toMatchObject({ status: 'pending', screening: null });

    // A policy change applies to invitations that arrive afterwards only.
    await sel!.call('PUT', '/api/v1/me/screening', { ...NOTE_AND_TWO_MUTUALS, mode: 'manual' });
    expect((await sel!.call('GET', '/api/v1/invitations/folders')).json()).toEqual({ inbox: 1, other: 2 });
  });

  it('labels stock and one-word notes as such, and a rule that wants a note is not satisfied by them', async () => {
    const { app } = get();
    const [sel, stock, junk, italian, personal] = await members(app, ['Nora Notes', 'Sid Stock', 'Jo Junk', 'Ivo Italiano', 'Pia Personal']);
    const wantsNote = { mode: 'selective', whoCanInvite: 'everyone', rules: [{ when: { hasNote: true }, then: 'inbox' }], otherwise: 'other' };
    expect((await sel!.call('PUT', '/api/v1/me/screening', wantsNote)).statusCode).toBe(200);
    const ids = {
      stock: await invite(stock!, sel!, "Hi Nora, I'd like to add you to my professional network on LinkedIn."),
      junk: await invite(junk!, sel!, '-1'),
      italian: await invite(italian!, sel!, 'Vorrei aggiungerti alla mia rete professionale su LinkedIn'),
      personal: await invite(personal!, sel!, 'We sat next to each other at the harbour workshop; I would like to keep in touch.'),
    };
    const byId = new Map<number, { screening: { placement: { text: string }; evidence: { note: { kind: string } } } }>();
    for (const folder of ['inbox', 'other']) {
      for (const item of (await sel!.call('GET', `/api/v1/invitations?box=received&folder=${folder}`)).json().items) byId.set(item.id, item);
    }
    const seen = (id: number) => [byId.get(id)!.screening.evidence.note.kind, byId.get(id)!.screening.placement.text];
    expect(seen(ids.stock)).toEqual(['stock', 'No rule matched → Other']);
    expect(seen(ids.junk)).toEqual(['short', 'No rule matched → Other']);
    expect(seen(ids.italian)).toEqual(['stock', 'No rule matched → Other']);
    expect(seen(ids.personal)).toEqual(['personal', 'Rule 1: a note → Inbox']);
  });

  it('accepts automatically for an open member, but not when the sender is flagged', async () => {
    const { app, database } = get();
    const [open, ok, flagged] = await members(app, ['Olive Open', 'Oscar Okay', 'Fiona Flagged']);
    await open!.call('PUT', '/api/v1/me/screening', { mode: 'open', whoCanInvite: 'everyone', rules: [], otherwise: 'inbox' });
    const res = await ok!.call('POST', '/api/v1/invitations', { to: open!.handle, note: 'Hello from the meetup' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'connected', invitation: { status: 'accepted' } });
    expect((await open!.call('GET', `/api/v1/members/${ok!.handle}`)).json().degree).toBe(1);

    await rows(database.db, sql`INSERT INTO moderation_flags (kind, member_ids, score, reasons) VALUES ('reports', ARRAY[${flagged!.id}]::int[], 60, '["3 reports"]')`);
    const held = await flagged!.call('POST', '/api/v1/invitations', { to: open!.handle, note: 'Hello' });
    expect(held.statusCode).toBe(201);
    expect(held.json()).toMatchObject({ outcome: 'invited', invitation: { status: 'pending', screening: null } });
    const [stored] = await rows<{ folder: string; placement: { code: string; params: { risk: number } }; riskReasons: string[] }>(
      database.db,
      sql`SELECT folder, placement, risk_reasons AS "riskReasons" FROM invitations WHERE id = ${held.json().invitation.id}`,
    );
    // A flagged newcomer with nothing in common: held by the platform, never shown, never accepted.
    expect(stored).toMatchObject({ folder: 'held', placement: { code: 'placement.held', params: { risk: expect.any(Number) } } });
    expect(stored!.riskReasons).toContain('The account is flagged for moderation');
    expect((await open!.call('GET', `/api/v1/members/${flagged!.handle}`)).json().degree).toBe(null);
    expect((await open!.call('GET', '/api/v1/invitations/folders')).json()).toEqual({ inbox: 0, other: 0 });
    expect((await open!.call('GET', `/api/v1/members/${flagged!.handle}`)).json().relationship).toMatchObject({ connection: 'none', invitationId: null });
    expect((await open!.call('POST', `/api/v1/invitations/${held.json().invitation.id}/accept`)).statusCode).toBe(404);
  });

  it('spots a template note pasted into many invitations, whatever the name in it', async () => {
    const { app, database } = get();
    const [pitcher, ...targets] = await members(app, ['Pete Pitch', 'Ann Target', 'Bea Target', 'Cal Target', 'Dan Target']);
    // The same message, not a sales pitch (a pitch to strangers is held on its own): only the copying shows.
    const pitch = (name: string) => `Hi ${name}, I am growing my network of people who care about urban cycling in this city. Glad to connect!`;
    const ids: number[] = [];
    for (const t of targets) ids.push(await invite(pitcher!, t, pitch(t.handle.split('-')[0]!)));
    const stored = await rows<{ template: boolean; folder: string; riskReasons: string[] }>(
      database.db,
      sql`SELECT template, folder, risk_reasons AS "riskReasons" FROM invitations WHERE sender_id = ${pitcher!.id} ORDER BY id`,
    );
    // On arrival each note is compared with the ones before it: the third copy is the first template.
    expect(stored.map((r) => r.template)).toEqual([false, false, true, true]);
    // The copies before it went to people the sender did not know, so it weighs as much as a sales pitch
    // (on top of a new account's cold approach): the platform holds it.
    expect(stored[3]!.riskReasons).toContain('The note is nearly identical to 3 other notes this sender wrote recently, to people they did not know');
    expect(stored.map((r) => r.folder)).toEqual(['inbox', 'inbox', 'held', 'held']);
    // Later, the first recipient's card compares with every copy sent since.
    const first = (await targets[0]!.call('GET', `/api/v1/invitations/${ids[0]}`)).json().invitation;
    expect(first.screening.evidence.note).toEqual({ kind: 'template', similarNotes: 3 });
  });

  it('keeps an "ask for context" thread with the invitation and then with the connection', async () => {
    const { app } = get();
    const [asker, sender, outsider] = await members(app, ['Ada Asker', 'Sam Sender', 'Otto Outsider']);
    const id = await invite(sender!, asker!, 'Loved your talk');
    expect((await sender!.call('POST', `/api/v1/invitations/${id}/messages`, { body: 'Me first' })).json().code).toBe('thread_not_started');
    const asked = await asker!.call('POST', `/api/v1/invitations/${id}/messages`, { body: 'Which talk was it, and what would you like to talk about?' });
    expect(asked.statusCode).toBe(201);
    const answered = await sender!.call('POST', `/api/v1/invitations/${id}/messages`, { body: 'The onboarding one in Lisbon. I am building something similar.' });
    expect(answered.json().invitation.thread.map((m: { author: { handle: string }; body: string }) => [m.author.handle, m.body])).toEqual([
      [asker!.handle, 'Which talk was it, and what would you like to talk about?'],
      [sender!.handle, 'The onboarding one in Lisbon. I am building something similar.'],
    ]);
    expect((await outsider!.call('POST', `/api/v1/invitations/${id}/messages`, { body: 'Hi' })).statusCode).toBe(404);
    expect((await outsider!.call('GET', `/api/v1/invitations/${id}`)).statusCode).toBe(404);

    await asker!.call('POST', `/api/v1/invitations/${id}/accept`);
    const conn = (await asker!.call('GET', '/api/v1/me/connections')).json().items.find((c: { handle: string }) => c.handle === sender!.handle);
    expect(conn.origin).toMatchObject({ note: 'Loved your talk', invitationId: id });
    const kept = (await sender!.call('GET', `/api/v1/invitations/${conn.origin.invitationId}`)).json().invitation;
    expect(kept.thread).toHaveLength(2);
    expect((await asker!.call('GET', `/api/v1/members/${sender!.handle}`)).json().relationship).toMatchObject({ connection: 'connected', originInvitationId: id });
    expect((await asker!.call('POST', `/api/v1/invitations/${id}/messages`, { body: 'One more' })).json().code).toBe('invitation_not_open');
  });

  it('honours "who can invite me": email address, or within two degrees', async () => {
    const { app } = get();
    const [picky, knower, far, mid] = await members(app, ['Pia Picky', 'Kay Knower', 'Fay Far', 'Mia Mid']);
    await picky!.call('PUT', '/api/v1/me/screening', { mode: 'manual', whoCanInvite: 'email', rules: [], otherwise: 'inbox' });
    const refused = await far!.call('POST', '/api/v1/invitations', { to: picky!.handle });
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'invitation_needs_email']);
    expect((await knower!.call('POST', '/api/v1/invitations', { to: picky!.handle, email: picky!.email.toUpperCase() })).statusCode).toBe(201);

    await picky!.call('PUT', '/api/v1/me/screening', { mode: 'manual', whoCanInvite: 'second_degree', rules: [], otherwise: 'inbox' });
    const tooFar = await far!.call('POST', '/api/v1/invitations', { to: picky!.handle });
    expect([tooFar.statusCode, tooFar.json().code]).toEqual([403, 'invitation_not_allowed']);
    await connect(picky!, mid!);
    await connect(far!, mid!);
    expect((await far!.call('POST', '/api/v1/invitations', { to: picky!.handle })).statusCode).toBe(201);
  });

  it('answers bad policies and messages with 400 problem+json and keeps the saved policy whole', async () => {
    const { app } = get();
    const [m, other] = await members(app, ['Bad Input', 'Other Party']);
    await m!.call('PUT', '/api/v1/me/screening', NOTE_AND_TWO_MUTUALS);
    const bad = [
      { ...NOTE_AND_TWO_MUTUALS, rules: [{ when: { hasNote: true, karma: 3 }, then: 'inbox' }] },
      { ...NOTE_AND_TWO_MUTUALS, rules: [{ when: { minMutuals: -1 }, then: 'inbox' }] },
      { ...NOTE_AND_TWO_MUTUALS, rules: [{ when: { minMutuals: 5000 }, then: 'inbox' }] },
      { ...NOTE_AND_TWO_MUTUALS, rules: [{ when: { maxRisk: 101 }, then: 'accept' }] },
      { ...NOTE_AND_TWO_MUTUALS, rules: [{ when: {}, then: 'inbox' }] },
      { ...NOTE_AND_TWO_MUTUALS, rules: [{ when: { maxDegree: 4 }, then: 'inbox' }] },
      { ...NOTE_AND_TWO_MUTUALS, rules: [{ when: { hasNote: true }, then: 'delete' }] },
      { ...NOTE_AND_TWO_MUTUALS, rules: Array.from({ length: 21 }, () => ({ when: { hasNote: true }, then: 'inbox' })) },
      { ...NOTE_AND_TWO_MUTUALS, mode: 'paranoid' },
      { ...NOTE_AND_TWO_MUTUALS, extra: true },
    ];
    for (const body of bad) {
      const res = await m!.call('PUT', '/api/v1/me/screening', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('validation_failed');
    }
    expect((await m!.call('GET', '/api/v1/me/screening')).json()).toMatchObject(NOTE_AND_TWO_MUTUALS);

    const long = await other!.call('POST', '/api/v1/invitations', { to: m!.handle, note: 'x'.repeat(301) });
    expect([long.statusCode, long.json().code]).toEqual([400, 'validation_failed']);
    const id = await invite(other!, m!, 'Hello');
    for (const body of [{ body: '' }, { body: 'y'.repeat(501) }, { body: 'ok', extra: 1 }, {}]) {
      const res = await m!.call('POST', `/api/v1/invitations/${id}/messages`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await m!.call('GET', `/api/v1/invitations/${id}`)).json().invitation.thread).toEqual([]);
  });
});
