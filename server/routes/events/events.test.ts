import { beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../../test/client.ts';
import { describeEachEngine, serverUrl } from '../../test/engines.ts';
import { listening, twoAppsOnServer } from '../../test/two-apps.ts';
import { readEventStream } from '../../test/sse-client.ts';

/** Every invitation waits in the inbox, whoever sends it (a fresh account's may otherwise go to Other). */
const MANUAL = { mode: 'manual', whoCanInvite: 'everyone', rules: [], otherwise: 'inbox' };

describeEachEngine('live updates over server-sent events', (get) => {
  let base = '';
  beforeAll(async () => {
    base = await listening(get().app);
  });

  it('refuses a visitor who is not signed in', async () => {
    const res = await fetch(`${base}/api/v1/events`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('tells the recipient of an invitation in their inbox, and its sender when it is accepted, never the one who acted', async () => {
    const { app } = get();
    const ana = await signUp(app, 'Ana Live');
    const bo = await signUp(app, 'Bo Live');
    await bo.call('PUT', '/api/v1/me/screening', MANUAL);
    const anaStream = await readEventStream(`${base}/api/v1/events`, { cookie: ana.cookie });
    const boStream = await readEventStream(`${base}/api/v1/events`, { cookie: bo.cookie });
    try {
      const sent = await ana.call('POST', '/api/v1/invitations', { to: bo.handle, note: 'We met at the meetup' });
      expect(sent.statusCode).toBe(201);
      const invitationId = sent.json<{ invitation: { id: number } }>().invitation.id;
      expect((await boStream.next('notification')).data).toEqual({});
      expect((await boStream.next('invitation')).data).toEqual({ invitationId });
      expect((await bo.call('POST', `/api/v1/invitations/${invitationId}/accept`)).statusCode).toBe(200);
      await anaStream.next('notification');
      await anaStream.next('network');
      // Neither hears of their own action: Ana of sending, Bo of accepting.
      await expect(anaStream.next('invitation', 300)).rejects.toThrow(/no invitation event/);
      await expect(boStream.next('network', 300)).rejects.toThrow(/no network event/);
    } finally {
      anaStream.close();
      boStream.close();
    }
  });

  it('delivers a message live to its recipient, and nothing to a member whose settings drop it', async () => {
    const { app } = get();
    const [eva, fin, gil] = await Promise.all(['Eva Writer', 'Fin Reader', 'Gil Dropper'].map((n) => signUp(app, n)));
    const drop = { connection: 'drop', second: 'drop', third_plus: 'drop', new_account: 'drop', flagged: 'drop' };
    expect((await gil!.call('PUT', '/api/v1/me/message-settings', drop)).statusCode).toBe(200);
    const finStream = await readEventStream(`${base}/api/v1/events`, { cookie: fin!.cookie });
    const gilStream = await readEventStream(`${base}/api/v1/events`, { cookie: gil!.cookie });
    const evaStream = await readEventStream(`${base}/api/v1/events`, { cookie: eva!.cookie });
    try {
      const sent = await eva!.call('POST', '/api/v1/conversations', { to: [fin!.handle], text: 'Hello Fin' });
      expect(sent.statusCode).toBe(201);
      const { id, messageId } = sent.json<{ id: number; messageId: number }>();
      expect((await finStream.next('message')).data).toEqual({ conversationId: id, messageId });
      expect((await eva!.call('POST', '/api/v1/conversations', { to: [gil!.handle], text: 'Hello Gil' })).statusCode).toBe(201);
      await expect(gilStream.next('message', 300)).rejects.toThrow(/no message event/);
      await expect(evaStream.next('message', 300)).rejects.toThrow(/no message event/);
    } finally {
      finStream.close();
      gilStream.close();
      evaStream.close();
    }
  });

  it('keeps ignoring silent: the sender hears nothing', async () => {
    const { app } = get();
    const cy = await signUp(app, 'Cy Live');
    const di = await signUp(app, 'Di Live');
    await di.call('PUT', '/api/v1/me/screening', MANUAL);
    const sent = await cy.call('POST', '/api/v1/invitations', { to: di.handle, note: 'Hello from the conference' });
    const cyStream = await readEventStream(`${base}/api/v1/events`, { cookie: cy.cookie });
    try {
      expect((await di.call('POST', `/api/v1/invitations/${sent.json<{ invitation: { id: number } }>().invitation.id}/ignore`)).statusCode).toBe(200);
      await expect(cyStream.next('invitation', 500)).rejects.toThrow(/no invitation event/);
    } finally {
      cyStream.close();
    }
  });
});

// Two app processes over one PostgreSQL database: what one commits reaches a page connected to the other.
describe.runIf(serverUrl)('live updates across two processes [postgres]', () => {
  const apps = twoAppsOnServer();

  it('delivers an invitation and a message sent through one process to a stream open on the other', async () => {
    const { first, second } = apps();
    const base = await listening(second);
    const ana = await signUp(first, 'Ana Remote');
    const bo = await signUp(first, 'Bo Remote');
    await bo.call('PUT', '/api/v1/me/screening', MANUAL);
    const boStream = await readEventStream(`${base}/api/v1/events`, { cookie: bo.cookie });
    try {
      const sent = await ana.call('POST', '/api/v1/invitations', { to: bo.handle, note: 'Across processes' });
      expect(sent.statusCode).toBe(201);
      expect((await boStream.next('invitation')).data).toEqual({ invitationId: sent.json<{ invitation: { id: number } }>().invitation.id });
      const message = await ana.call('POST', '/api/v1/conversations', { to: [bo.handle], text: 'Sent through the first process' });
      expect(message.statusCode).toBe(201);
      const { id, messageId } = message.json<{ id: number; messageId: number }>();
      expect((await boStream.next('message')).data).toEqual({ conversationId: id, messageId });
    } finally {
      boStream.close();
    }
  });
});
