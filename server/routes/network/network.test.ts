import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { expireInvitations } from '../../jobs/expire-invitations.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { connect, degreeOf, invite, members } from './network-test-helpers.ts';

describeEachEngine('network: degrees, paths, mutuals and blocks', (get) => {
  it('sees a chain A–B–C–D as 1st, 2nd and 3rd, with the path and mutuals; a block cuts A off', async () => {
    const { app } = get();
    const [a, b, c, d] = await members(app, ['Ada Chain', 'Ben Chain', 'Cy Chain', 'Dee Chain']);
    await connect(a!, b!);
    await connect(b!, c!);
    await connect(c!, d!);

    expect(await degreeOf(a!, b!)).toBe(1);
    expect(await degreeOf(a!, c!)).toBe(2);
    expect(await degreeOf(a!, d!)).toBe(3);

    const paths = await a!.call('GET', `/api/v1/members/${d!.handle}/paths`);
    expect(paths.json().paths.map((p: { handle: string }[]) => p.map((x) => x.handle))).toEqual([[a!.handle, b!.handle, c!.handle, d!.handle]]);
    const mutuals = await a!.call('GET', `/api/v1/members/${c!.handle}/mutuals`);
    expect(mutuals.json()).toMatchObject({ count: 1, items: [{ handle: b!.handle, degree: 1 }] });
    const profile = await a!.call('GET', `/api/v1/members/${c!.handle}`);
    expect(profile.json()).toMatchObject({ degree: 2, mutualCount: 1, connection: 'none', mutuals: [{ handle: b!.handle }] });

    // Search carries the badge too, and filters by it.
    const search = await a!.call('GET', '/api/v1/search/members?q=chain');
    const byHandle = new Map(search.json().items.map((i: { handle: string; degree: number | null }) => [i.handle, i.degree]));
    expect([byHandle.get(b!.handle), byHandle.get(c!.handle), byHandle.get(d!.handle)]).toEqual([1, 2, 3]);
    for (const [degree, who] of [[1, b!], [2, c!], [3, d!]] as const) {
      const filtered = await a!.call('GET', `/api/v1/search/members?q=chain&degree=${degree}`);
      expect(filtered.json().items.map((i: { handle: string }) => i.handle)).toEqual([who.handle]);
    }

    const block = await b!.call('PUT', `/api/v1/members/${a!.handle}/block`);
    expect(block.json()).toEqual({ blocked: true });
    expect(await degreeOf(a!, c!)).toBe(null);
    expect((await a!.call('GET', `/api/v1/members/${d!.handle}/paths`)).json().paths).toEqual([]);
    expect((await a!.call('GET', `/api/v1/members/${c!.handle}/mutuals`)).json()).toEqual({ count: 0, items: [] });
    // Neither can see or find the other: B is gone for A; A is only a card to unblock for B.
    expect((await a!.call('GET', `/api/v1/members/${b!.handle}`)).statusCode).toBe(404);
    const blockedView = (await b!.call('GET', `/api/v1/members/${a!.handle}`)).json();
    expect(blockedView).toMatchObject({ limited: true, relationship: { blocked: true, canInvite: false } });
    const found = (await a!.call('GET', '/api/v1/search/members?q=chain')).json().items.map((i: { handle: string }) => i.handle);
    expect(found).not.toContain(b!.handle);
    expect((await a!.call('POST', '/api/v1/invitations', { to: b!.handle })).statusCode).toBe(404);
    expect((await a!.call('PUT', `/api/v1/members/${b!.handle}/follow`)).statusCode).toBe(404);
    expect((await b!.call('GET', '/api/v1/me/blocks')).json().items.map((i: { handle: string }) => i.handle)).toEqual([a!.handle]);

    // Unblocking restores nothing automatically.
    await b!.call('DELETE', `/api/v1/members/${a!.handle}/block`);
    expect(await degreeOf(a!, b!)).toBe(null);
    expect((await a!.call('GET', '/api/v1/me/connections')).json().items).toEqual([]);
    const following = (await a!.call('GET', '/api/v1/me/following')).json().items;
    expect(following).toEqual([]);
  });

  it('connects two members who invite each other in parallel exactly once, 50 times over', async () => {
    const { app, database } = get();
    for (let i = 0; i < 50; i++) {
      const [x, y] = await members(app, [`Racer X${i}`, `Racer Y${i}`]);
      const [r1, r2] = await Promise.all([
        x!.call('POST', '/api/v1/invitations', { to: y!.handle, note: 'Hi' }),
        y!.call('POST', '/api/v1/invitations', { to: x!.handle, note: 'Hello' }),
      ]);
      const outcomes = [r1.json().outcome, r2.json().outcome].sort();
      expect(outcomes, `${r1.body} ${r2.body}`).toEqual(['connected', 'invited']);
      const [counts] = await rows<{ connections: number; open: number }>(
        database.db,
        sql`SELECT (SELECT count(*)::int FROM connections WHERE member_id IN (${x!.id}, ${y!.id}) AND other_id IN (${x!.id}, ${y!.id})) AS connections,
                   (SELECT count(*)::int FROM invitations WHERE status IN ('pending', 'ignored')
                      AND sender_id IN (${x!.id}, ${y!.id}) AND recipient_id IN (${x!.id}, ${y!.id})) AS open`,
      );
      expect(counts).toEqual({ connections: 2, open: 0 });
      expect(await degreeOf(x!, y!)).toBe(1);
    }
  });

  it('accepts idempotently, refuses a withdrawn invitation with 409, and hides invitations from others', async () => {
    const { app } = get();
    const [s, r, outsider] = await members(app, ['Sender Idem', 'Recipient Idem', 'Outsider Idem']);
    const id = await invite(s!, r!, 'We met at the meetup');
    const inbox = (await r!.call('GET', '/api/v1/invitations?box=received')).json();
    expect(inbox.items).toMatchObject([{ id, note: 'We met at the meetup', from: { handle: s!.handle } }]);
    expect((await outsider!.call('POST', `/api/v1/invitations/${id}/accept`)).statusCode).toBe(404);
    expect((await s!.call('POST', `/api/v1/invitations/${id}/accept`)).statusCode).toBe(404);

    const first = await r!.call('POST', `/api/v1/invitations/${id}/accept`);
    const second = await r!.call('POST', `/api/v1/invitations/${id}/accept`);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(second.json().invitation.status).toBe('accepted');
    const conns = (await r!.call('GET', '/api/v1/me/connections')).json().items;
    expect(conns).toMatchObject([{ handle: s!.handle, degree: 1, origin: { context: 'profile', note: 'We met at the meetup' } }]);
    // Connecting made them follow each other.
    expect((await r!.call('GET', '/api/v1/me/followers')).json().items.map((f: { handle: string }) => f.handle)).toEqual([s!.handle]);

    const [w1, w2] = await members(app, ['Withdrawer', 'Too Late']);
    const wid = await invite(w1!, w2!);
    expect((await w1!.call('POST', `/api/v1/invitations/${wid}/withdraw`)).statusCode).toBe(200);
    const late = await w2!.call('POST', `/api/v1/invitations/${wid}/accept`);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'invitation_withdrawn' });
    expect(late.headers['content-type']).toContain('application/problem+json');
    // The withdrawal starts the waiting period before inviting the same member again.
    const again = await w1!.call('POST', '/api/v1/invitations', { to: w2!.handle });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('invitation_cooldown');
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(20 * 86_400);
  });

  it('ignores silently, and "I don\'t know this person" is just as silent to the sender, yet final', async () => {
    const { app, database } = get();
    const [s, r, s2, r2] = await members(app, ['Hopeful Sender', 'Busy Recipient', 'Second Sender', 'Wary Recipient']);
    const ignored = await invite(s!, r!, 'We met at the harbour meetup and talked about sensor networks.');
    const refused = await invite(s2!, r2!, 'We met at the harbour meetup and talked about sensor networks.');
    // Both recipients ask for context first; then one ignores, the other answers "I don't know this person".
    for (const [who, id] of [[r!, ignored], [r2!, refused]] as const) {
      expect((await who.call('POST', `/api/v1/invitations/${id}/messages`, { body: 'Which meetup was that?' })).statusCode).toBe(201);
    }
    await r!.call('POST', `/api/v1/invitations/${ignored}/ignore`);
    expect((await r2!.call('POST', `/api/v1/invitations/${refused}/dont-know`)).statusCode).toBe(200);
    expect((await r!.call('GET', '/api/v1/invitations?box=received')).json().items).toEqual([]);
    expect((await r2!.call('GET', '/api/v1/invitations?box=received')).json().items).toEqual([]);

    // To the senders the two look the same: pending in the list, on GET, on the profile; the same answer to a second invitation.
    const asSender = async (sender: typeof s, recipient: typeof r, id: number) => ({
      list: (await sender!.call('GET', '/api/v1/invitations?box=sent')).json().items.map((i: { id: number; status: string }) => [i.id === id, i.status]),
      one: (await sender!.call('GET', `/api/v1/invitations/${id}`)).json().invitation.status,
      relationship: (await sender!.call('GET', `/api/v1/members/${recipient!.handle}`)).json().relationship,
      again: await sender!.call('POST', '/api/v1/invitations', { to: recipient!.handle }),
      reply: (await sender!.call('POST', `/api/v1/invitations/${id}/messages`, { body: 'The one in Gdansk.' })).statusCode,
    });
    const afterIgnore = await asSender(s, r, ignored);
    const afterDontKnow = await asSender(s2, r2, refused);
    expect(afterIgnore).toMatchObject({ list: [[true, 'pending']], one: 'pending', relationship: { connection: 'pending_sent', invitationId: ignored, canInvite: false }, reply: 201 });
    expect(afterDontKnow).toMatchObject({ list: [[true, 'pending']], one: 'pending', relationship: { connection: 'pending_sent', invitationId: refused, canInvite: false }, reply: 201 });
    expect(afterIgnore.again.statusCode).toBe(409);
    expect([afterDontKnow.again.statusCode, afterDontKnow.again.headers['content-type'], afterDontKnow.again.json()]).toEqual([
      afterIgnore.again.statusCode, afterIgnore.again.headers['content-type'], afterIgnore.again.json(),
    ]);
    expect(afterDontKnow.again.json()).toMatchObject({ code: 'invitation_pending' });
    // The answer is a reputation signal for screening; the sender's allowance may say so in aggregate only.
    const signals = await rows(database.db, sql`SELECT subject_id FROM audit_events WHERE action = 'invitation.dont_know'`);
    expect(signals).toEqual([{ subject_id: String(s2!.id) }]);
    // Both still count as waiting for an answer, against the same cap.
    expect((await s2!.call('GET', '/api/v1/me/allowance')).json().outstanding).toBe((await s!.call('GET', '/api/v1/me/allowance')).json().outstanding);
    expect((await s2!.call('GET', '/api/v1/me/allowance')).json().outstanding).toBe(1);
    const reasons = (await s2!.call('GET', '/api/v1/me/allowance')).json().reasons.map((x: { text: string }) => x.text);
    expect(reasons).toContain('1 person answered "I don\'t know this person" in the last 90 days');
    expect(JSON.stringify(reasons)).not.toContain('Wary');

    // Once expired, both leave the sent list and a new invitation is accepted in the same words; only the
    // one after an ignore reaches its recipient: "I don't know this person" stands.
    await rows(database.db, sql`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id IN (${ignored}, ${refused})`);
    await expireInvitations(database.db);
    for (const [sender, id] of [[s!, ignored], [s2!, refused]] as const) {
      expect((await sender.call('GET', '/api/v1/invitations?box=sent')).json().items).toEqual([]);
      expect((await sender.call('GET', `/api/v1/invitations/${id}`)).json().invitation.status).toBe('expired');
    }
    const delivered = await s!.call('POST', '/api/v1/invitations', { to: r!.handle, note: 'Trying once more.' });
    const undelivered = await s2!.call('POST', '/api/v1/invitations', { to: r2!.handle, note: 'Trying once more.' });
    expect([undelivered.statusCode, undelivered.json().outcome, undelivered.json().invitation.status]).toEqual([201, 'invited', 'pending']);
    expect([delivered.statusCode, delivered.json().outcome, delivered.json().invitation.status]).toEqual([201, 'invited', 'pending']);
    expect((await r!.call('GET', '/api/v1/invitations?box=received')).json().items.map((i: { id: number }) => i.id)).toEqual([delivered.json().invitation.id]);
    expect((await r2!.call('GET', '/api/v1/invitations?box=received')).json().items).toEqual([]);
    expect((await r2!.call('GET', `/api/v1/invitations/${undelivered.json().invitation.id}`)).statusCode).toBe(404);
    expect((await s2!.call('GET', '/api/v1/invitations?box=sent')).json().items).toMatchObject([{ id: undelivered.json().invitation.id, status: 'pending' }]);

    // Withdrawing either works the same way, and so does trying again straight after.
    for (const [sender, res] of [[s!, delivered], [s2!, undelivered]] as const) {
      expect((await sender.call('POST', `/api/v1/invitations/${res.json().invitation.id}/withdraw`)).statusCode).toBe(200);
      expect((await sender.call('GET', `/api/v1/invitations/${res.json().invitation.id}`)).json().invitation.status).toBe('withdrawn');
      expect((await sender.call('GET', '/api/v1/invitations?box=sent')).json().items).toEqual([]);
    }
    const cooldown = await s!.call('POST', '/api/v1/invitations', { to: r!.handle });
    const cooldown2 = await s2!.call('POST', '/api/v1/invitations', { to: r2!.handle });
    expect(cooldown.json().code).toBe('invitation_cooldown');
    expect([cooldown2.statusCode, cooldown2.json(), cooldown2.headers['retry-after'] !== undefined]).toEqual([cooldown.statusCode, cooldown.json(), true]);

    // The recipient may still reach out themselves.
    expect((await r2!.call('POST', '/api/v1/invitations', { to: s2!.handle })).statusCode).toBe(201);
  });

  it('records where a connection began from where the invitation was truly sent, never from what the client claims', async () => {
    const { app } = get();
    const [a, b, c, d, e] = await members(app, ['Ori Origin', 'Bea Between', 'Cal Suggested', 'Dov Distant', 'Eli Searched']);
    await connect(a!, b!);
    await connect(b!, c!);
    // Introductions, comments and imports are server features: a client cannot claim them.
    for (const context of ['introduction', 'comment', 'import']) {
      const res = await a!.call('POST', '/api/v1/invitations', { to: d!.handle, context });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.context' }] });
    }
    // "suggestion" holds for someone among the sender's People you may know (Cal, through Bea)…
    expect((await a!.call('GET', '/api/v1/suggestions/people')).json().items.map((i: { person: { handle: string } }) => i.person.handle)).toContain(c!.handle);
    const suggested = await a!.call('POST', '/api/v1/invitations', { to: c!.handle, context: 'suggestion' });
    // …and not for a stranger the engine would never suggest: that one is recorded as sent from their profile.
    const claimed = await a!.call('POST', '/api/v1/invitations', { to: d!.handle, context: 'suggestion' });
    const searched = await a!.call('POST', '/api/v1/invitations', { to: e!.handle, context: 'search' });
    expect([suggested.json().invitation.context, claimed.json().invitation.context, searched.json().invitation.context]).toEqual(['suggestion', 'profile', 'search']);
    for (const [who, res] of [[c!, suggested], [d!, claimed], [e!, searched]] as const) {
      expect((await who.call('POST', `/api/v1/invitations/${res.json().invitation.id}/accept`)).statusCode).toBe(200);
    }
    const origins = new Map(
      (await a!.call('GET', '/api/v1/me/connections')).json().items.map((i: { handle: string; origin: { context: string } }) => [i.handle, i.origin.context]),
    );
    expect([origins.get(c!.handle), origins.get(d!.handle), origins.get(e!.handle)]).toEqual(['suggestion', 'profile', 'search']);
  });

  it('follows one way, honours "who can follow me", and keeps connection lists private when asked', async () => {
    const { app } = get();
    const [fan, star, friend] = await members(app, ['Fan Follow', 'Star Follow', 'Friend Follow']);
    expect((await fan!.call('PUT', `/api/v1/members/${star!.handle}/follow`)).json()).toEqual({ following: true });
    expect((await fan!.call('PUT', `/api/v1/members/${star!.handle}/follow`)).json()).toEqual({ following: true });
    expect((await star!.call('GET', '/api/v1/me/followers')).json().items.map((i: { handle: string }) => i.handle)).toEqual([fan!.handle]);
    expect(await degreeOf(fan!, star!)).toBe(null);
    await fan!.call('DELETE', `/api/v1/members/${star!.handle}/follow`);
    expect((await star!.call('GET', '/api/v1/me/followers')).json().items).toEqual([]);

    await star!.call('PATCH', '/api/v1/me/profile', { whoCanFollow: 'connections', connectionsVisibility: 'only_me' });
    const refused = await fan!.call('PUT', `/api/v1/members/${star!.handle}/follow`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('follow_not_allowed');

    await connect(star!, friend!);
    const hidden = await friend!.call('GET', `/api/v1/members/${star!.handle}/connections`);
    expect(hidden.statusCode).toBe(403);
    expect(hidden.json().code).toBe('connections_private');
    await star!.call('PATCH', '/api/v1/me/profile', { connectionsVisibility: 'connections' });
    const shown = await friend!.call('GET', `/api/v1/members/${star!.handle}/connections`);
    expect(shown.json().items).toMatchObject([{ handle: friend!.handle, origin: null }]);
    // Out of network, the list stays closed.
    expect((await fan!.call('GET', `/api/v1/members/${star!.handle}/connections`)).statusCode).toBe(403);
  });

  it('enforces profile visibility by degree: out-of-network viewers see a limited profile', async () => {
    const { app } = get();
    const [owner, friend, fof, stranger] = await members(app, ['Private Owner', 'Near Friend', 'Friend Of Friend', 'Far Stranger']);
    await owner!.call('PATCH', '/api/v1/me/profile', { visibility: 'network', about: 'Only my network sees this.' });
    await connect(owner!, friend!);
    await connect(friend!, fof!);
    expect((await fof!.call('GET', `/api/v1/members/${owner!.handle}`)).json()).toMatchObject({ limited: false, about: 'Only my network sees this.' });
    const far = (await stranger!.call('GET', `/api/v1/members/${owner!.handle}`)).json();
    expect(far.limited).toBe(true);
    expect(far.about).toBeUndefined();
  });

  it('removes a connection silently, with the follows, and lists connections by name or recency', async () => {
    const { app } = get();
    const [me, zed, amy, bob] = await members(app, ['Lister Me', 'Zed Listed', 'Amy Listed', 'Bob Listed']);
    await connect(me!, zed!);
    await connect(me!, amy!);
    await connect(me!, bob!);
    const byName = (await me!.call('GET', '/api/v1/me/connections?sort=name&limit=2')).json();
    expect(byName.items.map((i: { name: string }) => i.name)).toEqual(['Amy Listed', 'Bob Listed']);
    const rest = (await me!.call('GET', `/api/v1/me/connections?sort=name&limit=2&cursor=${byName.nextCursor}`)).json();
    expect(rest).toMatchObject({ items: [{ name: 'Zed Listed' }], nextCursor: null });
    const recent = (await me!.call('GET', '/api/v1/me/connections?sort=recent')).json();
    expect(recent.items.map((i: { name: string }) => i.name)).toEqual(['Bob Listed', 'Amy Listed', 'Zed Listed']);
    expect((await me!.call('GET', '/api/v1/me/connections?q=am')).json().items.map((i: { name: string }) => i.name)).toEqual(['Amy Listed']);

    expect((await me!.call('DELETE', `/api/v1/connections/${zed!.handle}`)).statusCode).toBe(204);
    expect(await degreeOf(zed!, me!)).toBe(null);
    expect((await zed!.call('GET', '/api/v1/me/following')).json().items).toEqual([]);
    expect((await me!.call('GET', '/api/v1/me/connections?cursor=not-a-cursor')).statusCode).toBe(400);
  });
});

describeEachEngine(
  'network: limits',
  (get) => {
    it('refuses invitations past the pending and connection limits with clear codes', async () => {
      const { app } = get();
      const [hub, one, two, three] = await members(app, ['Limit Hub', 'Limit One', 'Limit Two', 'Limit Three']);
      await invite(hub!, one!);
      await invite(hub!, two!);
      const third = await hub!.call('POST', '/api/v1/invitations', { to: three!.handle });
      expect(third.statusCode).toBe(409);
      expect(third.json().code).toBe('invitation_limit');
      const inbox = (await one!.call('GET', '/api/v1/invitations?box=received')).json();
      await one!.call('POST', `/api/v1/invitations/${inbox.items[0].id}/accept`);
      const fromTwo = (await two!.call('GET', '/api/v1/invitations?box=received')).json();
      const full = await two!.call('POST', `/api/v1/invitations/${fromTwo.items[0].id}/accept`);
      expect(full.statusCode).toBe(409);
      expect(full.json()).toMatchObject({ code: 'connection_limit' });
      expect((await hub!.call('POST', '/api/v1/invitations', { to: hub!.handle })).json().code).toBe('invitation_self');
      const long = await hub!.call('POST', '/api/v1/invitations', { to: three!.handle, note: 'x'.repeat(301) });
      expect(long.statusCode).toBe(400);
    });
  },
  (config) => ({ network: { ...config.network, maxConnections: 1, maxPendingSent: 2 } }),
);

describeEachEngine('network: expiry', (get) => {
  it('expires invitations after their time: they leave both boxes, cannot be accepted, and free the pair', async () => {
    const { app, database } = get();
    const [s, r] = await members(app, ['Slow Sender', 'Slow Recipient']);
    const id = await invite(s!, r!);
    await database.db.execute(sql`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = ${id}`);
    expect((await r!.call('GET', '/api/v1/invitations?box=received')).json().items).toEqual([]);
    expect((await s!.call('GET', '/api/v1/invitations?box=sent')).json().items).toEqual([]);
    const late = await r!.call('POST', `/api/v1/invitations/${id}/accept`);
    expect(late.json()).toMatchObject({ status: 409, code: 'invitation_expired' });
    expect(await expireInvitations(database.db)).toBe(1);
    expect((await r!.call('POST', `/api/v1/invitations/${id}/accept`)).json().code).toBe('invitation_expired');
    // A fresh invitation between the same pair is allowed again.
    expect((await s!.call('POST', '/api/v1/invitations', { to: r!.handle })).statusCode).toBe(201);
  });
});
