import { beforeAll, expect, it } from 'vitest';
import { MESSAGE_GATES, type MessageGate, type MessageSettings, SENDER_KINDS, type SenderKind } from '../../../common/schemas/messages.ts';
import type { Member } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { identifiesCaller, recordStatements } from '../../test/statement-counter.ts';
import { connect, members } from '../network/network-test-helpers.ts';
import { ageAccount, flagMember, unread, whereIs } from './messages-test-helpers.ts';

/**
 * The gating matrix: for each kind of sender and each setting of the recipient, the message lands in the
 * inbox, in Requests or nowhere, and the sender cannot tell which: the same status and body, the same
 * statements sent to the database (the same work, so the same timing class), and the same conversation
 * as they see it afterwards.
 */
const LANDS: Record<MessageGate, 'inbox' | 'requests' | null> = { accept: 'inbox', filter: 'requests', drop: null };
const ALL_ACCEPT: MessageSettings = { connection: 'accept', second: 'accept', third_plus: 'accept', new_account: 'accept', flagged: 'accept' };

/** What the sender sees of their conversation, without the ids and times that differ from one to the next. */
function senderView(body: Record<string, unknown>): unknown {
  const { id: _id, lastActivityAt: _at, lastMessage, members: people, ...rest } = body as {
    id: number;
    lastActivityAt: string;
    lastMessage: { createdAt: string; id: number } & Record<string, unknown>;
    members: { id: number; handle: string; name: string }[];
  };
  const { createdAt: _c, id: _m, ...message } = lastMessage;
  return { ...rest, message, members: people.map((p) => ({ ...p, id: 0, handle: '', name: '' })) };
}

describeEachEngine('message requests: where a message lands, per kind of sender and setting', (get) => {
  const senders = new Map<SenderKind, Member>();
  const recipients = new Map<string, Member>();
  const key = (kind: SenderKind, gate: MessageGate) => `${kind}/${gate}`;

  beforeAll(async () => {
    const { app, database } = get();
    const [middle] = await members(app, ['Mia Middle']);
    for (const kind of SENDER_KINDS) {
      const [sender] = await members(app, [`Sender ${kind}`]);
      senders.set(kind, sender!);
      // Everyone is older than 30 days but the new account; the flagged sender has an open flag.
      if (kind !== 'new_account') await ageAccount(database, sender!);
      if (kind === 'flagged') await flagMember(database, sender!);
      if (kind === 'second') await connect(sender!, middle!);
      for (const gate of MESSAGE_GATES) {
        const [recipient] = await members(app, [`Recipient ${kind} ${gate}`]);
        recipients.set(key(kind, gate), recipient!);
        // The new account and the flagged sender are connections too: the strictest setting that applies wins.
        if (kind === 'connection' || kind === 'new_account' || kind === 'flagged') await connect(sender!, recipient!);
        if (kind === 'second') await connect(middle!, recipient!);
        const res = await recipient!.call('PUT', '/api/v1/me/message-settings', { ...ALL_ACCEPT, [kind]: gate });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
  }, 300_000);

  for (const kind of SENDER_KINDS) {
    it(`${kind}: accept, filter and drop land in the inbox, Requests and nowhere, and the sender sees the same`, async () => {
      const { database } = get();
      const sender = senders.get(kind)!;
      const seen: { status: number; keys: string[]; statements: string[]; view: unknown; messages: unknown }[] = [];
      for (const gate of MESSAGE_GATES) {
        const recipient = recipients.get(key(kind, gate))!;
        const { result: res, statements } = await recordStatements(database, () =>
          sender.call('POST', '/api/v1/conversations', { to: [recipient.handle], text: `Hello from a ${kind}` }),
        );
        expect(res.statusCode, res.body).toBe(201);
        const { id } = res.json<{ id: number }>();

        // Where it landed for the recipient, and their badge.
        expect(await whereIs(recipient, id), gate).toBe(LANDS[gate]);
        const counts = await unread(recipient);
        expect(counts).toEqual({ inbox: gate === 'accept' ? 1 : 0, requests: gate === 'filter' ? 1 : 0 });
        const theirs = await recipient.call('GET', `/api/v1/conversations/${id}`);
        expect(theirs.statusCode).toBe(gate === 'drop' ? 404 : 200);
        if (gate !== 'drop') {
          const warnings = kind === 'new_account' || kind === 'flagged' ? [kind] : [];
          expect(theirs.json()).toMatchObject({ folder: LANDS[gate], unreadCount: 1, warnings, abilities: { canAccept: gate === 'filter' } });
          expect(theirs.json().members.map((m: { handle: string }) => m.handle)).toEqual([sender.handle]);
        }
        expect((await recipient.call('GET', `/api/v1/conversations/${id}/messages`)).statusCode).toBe(gate === 'drop' ? 404 : 200);

        // What the sender sees.
        const view = await sender.call('GET', `/api/v1/conversations/${id}`);
        expect(view.statusCode).toBe(200);
        const messages = (await sender.call('GET', `/api/v1/conversations/${id}/messages`)).json<{ items: { text: string; mine: boolean }[] }>();
        seen.push({
          status: res.statusCode,
          keys: Object.keys(res.json()).sort(),
          statements: statements.filter((s) => !identifiesCaller(s)),
          view: senderView(view.json()),
          messages: messages.items.map((m) => ({ text: m.text, mine: m.mine })),
        });
      }
      const [accepted, filtered, dropped] = seen;
      expect(filtered).toEqual(accepted);
      expect(dropped).toEqual(accepted);
      expect(accepted!.view).toMatchObject({ folder: 'inbox', unreadCount: 0, warnings: [], message: { mine: true, text: `Hello from a ${kind}` } });
    });
  }

  it('sends a follow-up the same way, accepting a request opens it, and replies then go straight through', async () => {
    const sender = senders.get('third_plus')!;
    const filtered = recipients.get(key('third_plus', 'filter'))!;
    const dropped = recipients.get(key('third_plus', 'drop'))!;
    const [toFiltered] = (await sender.call('GET', '/api/v1/conversations')).json<{ items: { id: number; members: { handle: string }[] }[] }>().items.filter(
      (c) => c.members[0]?.handle === filtered.handle,
    );
    const again = [filtered, dropped].map((r) => sender.call('POST', '/api/v1/conversations', { to: [r.handle], text: 'Following up' }));
    const answers = await Promise.all(again);
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201]);
    // The one-to-one continues: the same conversation, in Requests still, and still nowhere for the other.
    expect(answers[0]!.json().id).toBe(toFiltered!.id);
    expect(await whereIs(filtered, toFiltered!.id)).toBe('requests');
    expect(await whereIs(dropped, answers[1]!.json().id)).toBe(null);

    const accepted = await filtered.call('POST', `/api/v1/conversations/${toFiltered!.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ folder: 'inbox', abilities: { canAccept: false } });
    expect((await filtered.call('POST', `/api/v1/conversations/${toFiltered!.id}/accept`)).statusCode).toBe(200);
    expect(await unread(filtered)).toEqual({ inbox: 1, requests: 0 });
    // Their settings still filter this sender, but the conversation is accepted: the reply reaches the inbox.
    expect((await sender.call('POST', `/api/v1/conversations/${toFiltered!.id}/messages`, { text: 'Thanks!' })).statusCode).toBe(201);
    expect(await whereIs(filtered, toFiltered!.id)).toBe('inbox');
    const history = (await filtered.call('GET', `/api/v1/conversations/${toFiltered!.id}/messages`)).json<{ items: { text: string }[] }>();
    expect(history.items.map((m) => m.text)).toEqual(['Thanks!', 'Following up', 'Hello from a third_plus']);
  });

  it('delivers nothing dropped even once the settings change: only what arrives afterwards', async () => {
    const sender = senders.get('second')!;
    const recipient = recipients.get(key('second', 'drop'))!;
    const before = (await sender.call('POST', '/api/v1/conversations', { to: [recipient.handle], text: 'Dropped again' })).json<{ id: number }>();
    expect((await recipient.call('PUT', '/api/v1/me/message-settings', ALL_ACCEPT)).statusCode).toBe(200);
    expect((await sender.call('POST', `/api/v1/conversations/${before.id}/messages`, { text: 'Now it arrives' })).statusCode).toBe(201);
    expect(await whereIs(recipient, before.id)).toBe('inbox');
    const history = (await recipient.call('GET', `/api/v1/conversations/${before.id}/messages`)).json<{ items: { text: string }[] }>();
    expect(history.items.map((m) => m.text)).toEqual(['Now it arrives']);
    // Replying from there answers in the same conversation: the sender sees the whole of it.
    expect((await recipient.call('POST', '/api/v1/conversations', { to: [sender.handle], text: 'Hi!' })).json().id).toBe(before.id);
    const theirs = (await sender.call('GET', `/api/v1/conversations/${before.id}/messages`)).json<{ items: { text: string }[] }>();
    expect(theirs.items.map((m) => m.text)).toEqual(['Hi!', 'Now it arrives', 'Dropped again', 'Hello from a second']);
  });

  it('reads and writes the settings, defaults first', async () => {
    const [fresh] = await members(get().app, ['Fresh Settings']);
    const res = await fresh!.call('GET', '/api/v1/me/message-settings');
    expect(res.json()).toEqual({ connection: 'accept', second: 'filter', third_plus: 'filter', new_account: 'filter', flagged: 'filter' });
    const strict = { connection: 'accept', second: 'drop', third_plus: 'drop', new_account: 'drop', flagged: 'drop' };
    expect((await fresh!.call('PUT', '/api/v1/me/message-settings', strict)).json()).toEqual(strict);
    expect((await fresh!.call('GET', '/api/v1/me/message-settings')).json()).toEqual(strict);
  });
});
