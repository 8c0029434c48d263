import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { LIMITS } from '../../../common/limits.ts';
import { rows } from '../../db/connection.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { connect, members } from '../network/network-test-helpers.ts';
import { ageAccount, listed, startConversation, unread, whereIs } from './messages-test-helpers.ts';

/** Conversations once delivered: groups, reading, archiving, muting, deleting for me, blocks, restrictions and suspension. */
describeEachEngine('conversations', (get) => {
  let operator: Member;
  /** Makes `a` and `b` connections whose accounts are old enough to reach each other's inbox by default. */
  const friends = async (...people: Member[]) => {
    for (const p of people) await ageAccount(get().database, p);
    for (let i = 0; i < people.length; i++) for (let j = i + 1; j < people.length; j++) await connect(people[i]!, people[j]!);
  };
  const texts = async (member: Member, id: number) => {
    const res = await member.call('GET', `/api/v1/conversations/${id}/messages`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: { text: string }[] }>().items.map((m) => m.text);
  };
  const summary = async (member: Member, id: number) => (await member.call('GET', `/api/v1/conversations/${id}`)).json();

  beforeAll(async () => {
    operator = await signUp(get().app, 'Olga Operator');
  });

  it('starts groups of up to 10 members, each recipient gated on their own, and refuses 11', async () => {
    const { app } = get();
    const people = await members(app, Array.from({ length: 10 }, (_, i) => `Group Member ${i}`));
    const [starter, friend, ...strangers] = people as [Member, Member, ...Member[]];
    await friends(starter, friend);
    for (const s of strangers) await ageAccount(get().database, s);
    const id = await startConversation(starter, [friend, ...strangers], 'Welcome, all nine of you');
    // The connection has it in the inbox; the other eight, who do not know the starter, in Requests.
    expect(await whereIs(friend, id)).toBe('inbox');
    for (const s of strangers) expect(await whereIs(s, id)).toBe('requests');
    const seen = await summary(strangers[0]!, id);
    expect(seen).toMatchObject({ kind: 'group', folder: 'requests' });
    expect(seen.members).toHaveLength(9);
    expect(seen.members.map((m: { handle: string }) => m.handle)).toContain(starter.handle);
    // A reply from the friend reaches the strangers' Requests too: each is judged against its own sender.
    expect((await friend.call('POST', `/api/v1/conversations/${id}/messages`, { text: 'Hi everyone' })).statusCode).toBe(201);
    expect(await texts(strangers[1]!, id)).toEqual(['Hi everyone', 'Welcome, all nine of you']);

    const [eleventh] = await members(app, ['Eleventh Member']);
    const tooMany = await starter.call('POST', '/api/v1/conversations', { to: [...people.slice(1), eleventh!].map((m) => m.handle), text: 'Too many' });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.to', code: 'too_big' }] });
    expect(LIMITS.groupMax).toBe(10);
  });

  it('starts a new group each time, but continues a one-to-one, and pages both lists by keyset', async () => {
    const { app } = get();
    const [a, b, c] = await members(app, ['Page Ann', 'Page Ben', 'Page Cat']);
    await friends(a!, b!, c!);
    const direct = await startConversation(a!, [b!], 'one');
    expect(await startConversation(b!, [a!], 'two')).toBe(direct);
    const g1 = await startConversation(a!, [b!, c!], 'group one');
    const g2 = await startConversation(a!, [b!, c!], 'group two');
    expect(new Set([direct, g1, g2]).size).toBe(3);
    for (let i = 0; i < 3; i++) expect((await a!.call('POST', `/api/v1/conversations/${direct}/messages`, { text: `more ${i}` })).statusCode).toBe(201);

    // Newest activity first: the one-to-one got the last messages.
    const first = (await b!.call('GET', '/api/v1/conversations?limit=2')).json();
    expect(first.items.map((i: { id: number }) => i.id)).toEqual([direct, g2]);
    const second = (await b!.call('GET', `/api/v1/conversations?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ items: [{ id: g1 }], nextCursor: null });

    const page1 = (await b!.call('GET', `/api/v1/conversations/${direct}/messages?limit=3`)).json();
    expect(page1.items.map((m: { text: string }) => m.text)).toEqual(['more 2', 'more 1', 'more 0']);
    const page2 = (await b!.call('GET', `/api/v1/conversations/${direct}/messages?limit=3&cursor=${page1.nextCursor}`)).json();
    expect(page2).toMatchObject({ items: [{ text: 'two', mine: true }, { text: 'one', mine: false }], nextCursor: null });
    expect(page2.items[1].sender).toMatchObject({ handle: a!.handle, degree: 1, mutualCount: 1 });
  });

  it('ends two members starting a one-to-one with each other at once in one conversation, 10 times over', async () => {
    const { app, database } = get();
    for (let i = 0; i < 10; i++) {
      const [x, y] = await members(app, [`Racer X${i}`, `Racer Y${i}`]);
      const [r1, r2] = await Promise.all([
        x!.call('POST', '/api/v1/conversations', { to: [y!.handle], text: 'Hi Y' }),
        y!.call('POST', '/api/v1/conversations', { to: [x!.handle], text: 'Hi X' }),
      ]);
      expect([r1.statusCode, r2.statusCode], `${r1.body} ${r2.body}`).toEqual([201, 201]);
      expect(r1.json().id).toBe(r2.json().id);
      const [found] = await rows<{ conversations: number; messages: number }>(
        database.db,
        sql`SELECT count(DISTINCT conversation_id)::int AS conversations,
                   (SELECT count(*)::int FROM messages WHERE sender_id IN (${x!.id}, ${y!.id})) AS messages
              FROM conversation_members WHERE member_id IN (${x!.id}, ${y!.id})`,
      );
      expect(found).toEqual({ conversations: 1, messages: 2 });
    }
  });

  it('counts unread messages and reads them; muting leaves the badge; archiving and new messages move it', async () => {
    const { app } = get();
    const [a, b] = await members(app, ['Unread Ann', 'Unread Ben']);
    await friends(a!, b!);
    const id = await startConversation(a!, [b!], 'first');
    await a!.call('POST', `/api/v1/conversations/${id}/messages`, { text: 'second' });
    expect(await summary(b!, id)).toMatchObject({ unreadCount: 2, lastMessage: { text: 'second', mine: false, senderHandle: a!.handle } });
    expect(await unread(b!)).toEqual({ inbox: 1, requests: 0 });
    // The sender's own messages are never unread to them.
    expect(await summary(a!, id)).toMatchObject({ unreadCount: 0 });
    expect(await unread(a!)).toEqual({ inbox: 0, requests: 0 });

    const read = await b!.call('POST', `/api/v1/conversations/${id}/read`);
    expect(read.json()).toMatchObject({ unreadCount: 0 });
    expect(await unread(b!)).toEqual({ inbox: 0, requests: 0 });
    // Reading tells the sender nothing: their view is unchanged.
    expect(await summary(a!, id)).toMatchObject({ unreadCount: 0 });

    await b!.call('POST', `/api/v1/conversations/${id}/mute`);
    await a!.call('POST', `/api/v1/conversations/${id}/messages`, { text: 'third' });
    expect(await summary(b!, id)).toMatchObject({ muted: true, unreadCount: 1 });
    expect(await unread(b!)).toEqual({ inbox: 0, requests: 0 });
    await b!.call('POST', `/api/v1/conversations/${id}/unmute`);
    expect(await unread(b!)).toEqual({ inbox: 1, requests: 0 });

    expect((await b!.call('POST', `/api/v1/conversations/${id}/archive`)).json()).toMatchObject({ archived: true });
    expect(await whereIs(b!, id)).toBe('archived');
    expect(await unread(b!)).toEqual({ inbox: 0, requests: 0 });
    // A new message brings it back to the inbox…
    await a!.call('POST', `/api/v1/conversations/${id}/messages`, { text: 'fourth' });
    expect(await whereIs(b!, id)).toBe('inbox');
    // …unless it is muted too.
    await b!.call('POST', `/api/v1/conversations/${id}/archive`);
    await b!.call('POST', `/api/v1/conversations/${id}/mute`);
    await a!.call('POST', `/api/v1/conversations/${id}/messages`, { text: 'fifth' });
    expect(await whereIs(b!, id)).toBe('archived');
    expect((await b!.call('POST', `/api/v1/conversations/${id}/unarchive`)).json()).toMatchObject({ archived: false, muted: true });
    expect(await whereIs(b!, id)).toBe('inbox');
  });

  it('deletes for me: the history up to now is gone for me alone, and a new message brings the conversation back', async () => {
    const { app } = get();
    const [a, b] = await members(app, ['Delete Ann', 'Delete Ben']);
    await friends(a!, b!);
    const id = await startConversation(a!, [b!], 'before');
    const gone = await b!.call('DELETE', `/api/v1/conversations/${id}`);
    expect(gone.statusCode).toBe(204);
    expect(await whereIs(b!, id)).toBe(null);
    expect(await texts(b!, id)).toEqual([]);
    expect(await unread(b!)).toEqual({ inbox: 0, requests: 0 });
    expect(await texts(a!, id)).toEqual(['before']);
    expect((await b!.call('DELETE', `/api/v1/conversations/${id}`)).statusCode).toBe(204);

    await a!.call('POST', `/api/v1/conversations/${id}/messages`, { text: 'after' });
    expect(await whereIs(b!, id)).toBe('inbox');
    expect(await texts(b!, id)).toEqual(['after']);
    expect(await summary(b!, id)).toMatchObject({ unreadCount: 1, lastMessage: { text: 'after' } });
    // The one who deleted can start over with the same person: the same conversation, still without the old history.
    expect(await startConversation(b!, [a!], 'hello again')).toBe(id);
    expect(await texts(b!, id)).toEqual(['hello again', 'after']);
  });

  it('refuses blocked members both ways without saying who blocked whom, and hides the one-to-one until unblocked', async () => {
    const { app } = get();
    const [a, b, c] = await members(app, ['Block Ann', 'Block Ben', 'Block Cat']);
    await friends(a!, b!, c!);
    const direct = await startConversation(a!, [b!], 'before the block');
    const group = await startConversation(c!, [a!, b!], 'group before the block');
    await b!.call('POST', `/api/v1/conversations/${group}/messages`, { text: 'from Ben' });
    expect((await b!.call('GET', `/api/v1/members/${a!.handle}`)).json().abilities.canMessage).toBe(true);

    expect((await a!.call('PUT', `/api/v1/members/${b!.handle}/block`)).statusCode).toBe(200);
    // The blocker is told to unblock first; the blocked member meets a handle that reaches nobody, as for a stranger.
    const fromBlocker = await a!.call('POST', '/api/v1/conversations', { to: [b!.handle], text: 'hi' });
    expect([fromBlocker.statusCode, fromBlocker.json().code]).toEqual([409, 'blocked']);
    const fromBlocked = await b!.call('POST', '/api/v1/conversations', { to: [a!.handle], text: 'hi' });
    const fromNobody = await b!.call('POST', '/api/v1/conversations', { to: ['no-such-member'], text: 'hi' });
    expect(fromBlocked.statusCode).toBe(400);
    expect(fromBlocked.json()).toMatchObject({ code: 'recipient_unknown', params: { handle: a!.handle }, errors: [{ path: 'body.to.0', code: 'recipient_unknown' }] });
    expect(fromNobody.json()).toMatchObject({ code: 'recipient_unknown', params: { handle: 'no-such-member' } });
    // The one-to-one is gone for both alike.
    for (const who of [a!, b!]) {
      expect(await whereIs(who, direct)).toBe(null);
      expect((await who.call('GET', `/api/v1/conversations/${direct}`)).statusCode).toBe(404);
      expect((await who.call('GET', `/api/v1/conversations/${direct}/messages`)).statusCode).toBe(404);
      expect((await who.call('POST', `/api/v1/conversations/${direct}/messages`, { text: 'still there?' })).statusCode).toBe(404);
      expect((await who.call('POST', `/api/v1/conversations/${direct}/read`)).statusCode).toBe(404);
    }
    expect((await b!.call('GET', `/api/v1/members/${c!.handle}`)).json().abilities.canMessage).toBe(true);
    expect((await a!.call('GET', `/api/v1/members/${b!.handle}`)).json().abilities.canMessage).toBe(false);
    // In the group, each stops seeing the other: members, messages, unread counts.
    await b!.call('POST', `/api/v1/conversations/${group}/messages`, { text: 'Ben after the block' });
    expect(await texts(a!, group)).toEqual(['group before the block']);
    expect((await summary(a!, group)).members.map((m: { handle: string }) => m.handle)).toEqual([c!.handle]);
    expect(await texts(c!, group)).toEqual(['Ben after the block', 'from Ben', 'group before the block']);

    await a!.call('DELETE', `/api/v1/members/${b!.handle}/block`);
    expect(await whereIs(a!, direct)).toBe('inbox');
    expect(await texts(b!, direct)).toEqual(['before the block']);
  });

  it('keeps held and invitation-restricted members to their connections, and treats suspended members as unknown', async () => {
    const { app, database } = get();
    const [held, restricted, friend, stranger, suspended] = await members(app, ['Held Hal', 'Restricted Rae', 'Friend Fay', 'Stranger Sam', 'Suspended Sue']);
    await friends(held!, friend!);
    await friends(restricted!, friend!);
    await database.db.execute(sql`INSERT INTO member_restrictions (member_id, kind, reason) VALUES (${held!.id}, 'held', 'review'), (${restricted!.id}, 'invitations', 'Too many pitches')`);
    expect(await startConversation(held!, [friend!], 'to my connection')).toBeGreaterThan(0);
    const heldOut = await held!.call('POST', '/api/v1/conversations', { to: [friend!.handle, stranger!.handle], text: 'and a stranger' });
    expect([heldOut.statusCode, heldOut.json().code, heldOut.json().key]).toEqual([403, 'messaging_restricted', 'messaging_restricted.held']);
    const restrictedOut = await restricted!.call('POST', '/api/v1/conversations', { to: [stranger!.handle], text: 'hi' });
    expect(restrictedOut.json()).toMatchObject({ status: 403, code: 'messaging_restricted', params: { reason: 'Too many pitches' } });

    const id = await startConversation(friend!, [suspended!], 'before the suspension');
    expect((await operator.call('POST', `/api/v1/admin/members/${suspended!.handle}/suspend`, { reason: 'Spam' })).statusCode).toBe(200);
    const toSuspended = await friend!.call('POST', '/api/v1/conversations', { to: [suspended!.handle], text: 'hi' });
    expect(toSuspended.json()).toMatchObject({ status: 400, code: 'recipient_unknown' });
    expect((await friend!.call('GET', `/api/v1/conversations/${id}`)).statusCode).toBe(404);
  });

  it('answers bad input with 400 problem+json and a stable code, writes nothing, and never 5xx', async () => {
    const { app, database } = get();
    const [me, other, outsider] = await members(app, ['Bad Input Ann', 'Bad Input Ben', 'Bad Input Out']);
    await friends(me!, other!);
    const id = await startConversation(me!, [other!], 'a real one');
    const count = async () =>
      (await rows<{ n: string }>(database.db, sql`SELECT (SELECT count(*) FROM messages)::text || '/' || (SELECT count(*) FROM conversations)::text AS n`))[0]!.n;
    const before = await count();
    const long = 'x'.repeat(LIMITS.messageMax + 1);
    const cases: [string, string, string, unknown, number, string][] = [
      ['empty text', 'POST', '/api/v1/conversations', { to: [other!.handle], text: '' }, 400, 'validation_failed'],
      ['blank text', 'POST', '/api/v1/conversations', { to: [other!.handle], text: ' \n\u200b ' }, 400, 'validation_failed'],
      ['oversized text', 'POST', '/api/v1/conversations', { to: [other!.handle], text: long }, 400, 'validation_failed'],
      ['no text', 'POST', '/api/v1/conversations', { to: [other!.handle] }, 400, 'validation_failed'],
      ['a NUL byte', 'POST', '/api/v1/conversations', { to: [other!.handle], text: 'a\u0000b' }, 400, 'validation_failed'],
      ['no recipients', 'POST', '/api/v1/conversations', { to: [], text: 'hi' }, 400, 'validation_failed'],
      ['to as a string', 'POST', '/api/v1/conversations', { to: other!.handle, text: 'hi' }, 400, 'validation_failed'],
      ['a duplicate handle', 'POST', '/api/v1/conversations', { to: [other!.handle, other!.handle], text: 'hi' }, 400, 'validation_failed'],
      ['a malformed handle', 'POST', '/api/v1/conversations', { to: ['Not A Handle!'], text: 'hi' }, 400, 'validation_failed'],
      ['an unknown handle', 'POST', '/api/v1/conversations', { to: [other!.handle, 'nobody-at-all'], text: 'hi' }, 400, 'recipient_unknown'],
      ['myself', 'POST', '/api/v1/conversations', { to: [me!.handle], text: 'hi' }, 400, 'message_self'],
      ['an unknown field', 'POST', '/api/v1/conversations', { to: [other!.handle], text: 'hi', subject: 'x' }, 400, 'validation_failed'],
      ['a link that is not http', 'POST', '/api/v1/conversations', { to: [other!.handle], text: 'hi', link: 'javascript:alert(1)' }, 400, 'validation_failed'],
      ['a reply with empty text', 'POST', `/api/v1/conversations/${id}/messages`, { text: '' }, 400, 'validation_failed'],
      ['a reply too long', 'POST', `/api/v1/conversations/${id}/messages`, { text: long }, 400, 'validation_failed'],
      ['a conversation id that is not a number', 'POST', '/api/v1/conversations/abc/messages', { text: 'hi' }, 400, 'validation_failed'],
      ['a conversation id too large', 'GET', '/api/v1/conversations/99999999999999999/messages', undefined, 400, 'validation_failed'],
      ['a conversation that does not exist', 'POST', '/api/v1/conversations/987654/messages', { text: 'hi' }, 404, 'not_found'],
      ['a bad folder', 'GET', '/api/v1/conversations?folder=spam', undefined, 400, 'validation_failed'],
      ['a forged cursor', 'GET', '/api/v1/conversations?cursor=eyJtIjotMX0', undefined, 400, 'invalid_cursor'],
      ['a cursor of another list', 'GET', `/api/v1/conversations/${id}/messages?cursor=${Buffer.from('{"t":"x","i":1}').toString('base64url')}`, undefined, 400, 'invalid_cursor'],
      ['a limit too large', 'GET', '/api/v1/conversations?limit=500', undefined, 400, 'validation_failed'],
      ['a bad setting value', 'PUT', '/api/v1/me/message-settings', { connection: 'maybe', second: 'filter', third_plus: 'filter', new_account: 'filter', flagged: 'filter' }, 400, 'validation_failed'],
      ['a missing setting', 'PUT', '/api/v1/me/message-settings', { connection: 'accept' }, 400, 'validation_failed'],
      ['an unknown kind of sender', 'PUT', '/api/v1/me/message-settings', { connection: 'accept', second: 'filter', third_plus: 'filter', new_account: 'filter', flagged: 'filter', robots: 'drop' }, 400, 'validation_failed'],
      ['a body on accept', 'POST', `/api/v1/conversations/${id}/accept`, { folder: 'inbox' }, 400, 'validation_failed'],
    ];
    for (const [name, method, url, body, status, code] of cases) {
      const res = await me!.call(method as 'POST', url, body);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(status);
      expect(res.headers['content-type'], name).toContain('application/problem+json');
      expect(res.json().code, name).toBe(code);
    }
    // The unknown handle is named, with where it stood in `to`.
    const unknown = await me!.call('POST', '/api/v1/conversations', { to: [other!.handle, 'nobody-at-all'], text: 'hi' });
    expect(unknown.json()).toMatchObject({ params: { handle: 'nobody-at-all' }, errors: [{ path: 'body.to.1', code: 'recipient_unknown' }] });
    // Someone outside the conversation gets the same 404 for every route of it, as if it did not exist.
    for (const [method, path] of [['GET', ''], ['GET', '/messages'], ['POST', '/messages'], ['POST', '/accept'], ['POST', '/archive'], ['POST', '/read'], ['DELETE', '']] as const) {
      const res = await outsider!.call(method, `/api/v1/conversations/${id}${path}`, path === '/messages' && method === 'POST' ? { text: 'let me in' } : undefined);
      expect([res.statusCode, res.json().code], `${method} ${path}`).toEqual([404, 'not_found']);
    }
    expect(await count()).toBe(before);
    expect(await listed(other!)).toEqual([id]);
  });
});
