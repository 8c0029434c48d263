import { expect, it } from 'vitest';
import type { NotificationView } from '../../../common/schemas/notifications.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';

/** Every invitation waits in the inbox, whoever sends it (a fresh account's may otherwise go to Other). */
const MANUAL = { mode: 'manual', whoCanInvite: 'everyone', rules: [], otherwise: 'inbox' };
const OPEN = { mode: 'open', whoCanInvite: 'everyone', rules: [], otherwise: 'inbox' };

describeEachEngine('notifications', (get) => {
  const list = async (m: Member) => (await m.call('GET', '/api/v1/notifications')).json<{ items: NotificationView[]; nextCursor: string | null }>();
  const unread = async (m: Member) => (await m.call('GET', '/api/v1/notifications/unread')).json<{ count: number }>().count;
  const invite = async (from: Member, to: Member) => {
    const res = await from.call('POST', '/api/v1/invitations', { to: to.handle, note: 'We met at the conference' });
    // 201 for an invitation; 200 when the recipient's open policy accepted it on arrival.
    expect([200, 201]).toContain(res.statusCode);
    return res.json<{ invitation: { id: number } }>().invitation.id;
  };

  it('tells the recipient of an invitation in their inbox, and its sender when it is accepted', async () => {
    const { app } = get();
    const ana = await signUp(app, 'Ana Notified');
    const bo = await signUp(app, 'Bo Notified');
    await bo.call('PUT', '/api/v1/me/screening', MANUAL);
    expect(await list(bo)).toEqual({ items: [], nextCursor: null });
    const id = await invite(ana, bo);

    const [received] = (await list(bo)).items;
    expect(received).toMatchObject({ kind: 'invitation_received', subject: { invitationId: id }, count: 1, actorCount: 1, unread: true });
    expect(received!.actors.map((a) => a.handle)).toEqual([ana.handle]);
    expect(await unread(bo)).toBe(1);
    expect(await unread(ana)).toBe(0);

    expect((await bo.call('POST', `/api/v1/invitations/${id}/accept`)).statusCode).toBe(200);
    const [accepted] = (await list(ana)).items;
    expect(accepted).toMatchObject({ kind: 'invitation_accepted', subject: { invitationId: id }, unread: true });
    expect(accepted!.actors[0]).toMatchObject({ handle: bo.handle, degree: 1 });

    expect((await bo.call('POST', '/api/v1/notifications/read', {})).statusCode).toBe(204);
    expect(await unread(bo)).toBe(0);
    expect((await list(bo)).items[0]!.unread).toBe(false);
  });

  it('keeps silent what is silent: an ignored invitation tells its sender nothing, one sent to Other tells nobody', async () => {
    const { app } = get();
    const cy = await signUp(app, 'Cy Silent');
    const di = await signUp(app, 'Di Silent');
    await di.call('PUT', '/api/v1/me/screening', MANUAL);
    const id = await invite(cy, di);
    expect((await di.call('POST', `/api/v1/invitations/${id}/ignore`)).statusCode).toBe(200);
    expect((await list(cy)).items).toEqual([]);

    const ed = await signUp(app, 'Ed Other');
    await ed.call('PUT', '/api/v1/me/screening', { mode: 'selective', whoCanInvite: 'everyone', rules: [], otherwise: 'other' });
    await invite(cy, ed);
    expect((await list(ed)).items).toEqual([]);
  });

  it("says so when an open policy accepts on arrival: both are told", async () => {
    const { app } = get();
    const fay = await signUp(app, 'Fay Open');
    const gus = await signUp(app, 'Gus Sender');
    await fay.call('PUT', '/api/v1/me/screening', OPEN);
    const id = await invite(gus, fay);
    expect((await list(fay)).items[0]).toMatchObject({ kind: 'connected_automatically', subject: { invitationId: id } });
    expect((await list(gus)).items[0]).toMatchObject({ kind: 'invitation_accepted', subject: { invitationId: id } });
  });

  it('hides what a blocked member did, both ways, and pages by cursor', async () => {
    const { app } = get();
    const hal = await signUp(app, 'Hal Many');
    await hal.call('PUT', '/api/v1/me/screening', MANUAL);
    const senders: Member[] = [];
    for (let i = 0; i < 22; i++) {
      const s = await signUp(app, `Sender ${i}`);
      await invite(s, hal);
      senders.push(s);
    }
    const first = await list(hal);
    expect(first.items).toHaveLength(20);
    expect(first.items[0]!.actors[0]!.handle).toBe(senders[21]!.handle);
    const second = (await hal.call('GET', `/api/v1/notifications?cursor=${first.nextCursor}`)).json<{ items: NotificationView[]; nextCursor: string | null }>();
    expect(second.items.map((n) => n.actors[0]!.handle)).toEqual([senders[1]!.handle, senders[0]!.handle]);
    expect(second.nextCursor).toBeNull();

    expect((await hal.call('PUT', `/api/v1/members/${senders[21]!.handle}/block`)).statusCode).toBe(200);
    expect((await senders[20]!.call('PUT', `/api/v1/members/${hal.handle}/block`)).statusCode).toBe(200);
    const after = await list(hal);
    expect(after.items.map((n) => n.actors[0]!.handle)).not.toContain(senders[21]!.handle);
    expect(after.items.map((n) => n.actors[0]!.handle)).not.toContain(senders[20]!.handle);
    expect(await unread(hal)).toBe(20);

    expect((await hal.call('GET', '/api/v1/notifications?cursor=bm90LWEtY3Vyc29y')).statusCode).toBe(400);
  });
});

describeEachEngine('notifications of the conversation', (get) => {
  const list = async (m: Member) => (await m.call('GET', '/api/v1/notifications')).json<{ items: NotificationView[] }>().items;

  it('groups comments and reactions by item, and tells repliers, the mentioned and the reposted', async () => {
    const { app } = get();
    const [ana, bo, cy, di] = await Promise.all(['Ana Author', 'Bo Commenter', 'Cy Commenter', 'Di Mentioned'].map((n) => signUp(app, n)));
    const posted = await ana!.call('POST', '/api/v1/posts', { text: `Our meetup is on Friday, @${di!.handle}`, visibility: 'members' });
    expect(posted.statusCode).toBe(201);
    const postId = posted.json<{ id: number }>().id;
    expect((await list(di!))[0]).toMatchObject({ kind: 'mention', subject: { postId } });

    const first = await bo!.call('POST', `/api/v1/posts/${postId}/comments`, { text: 'Count me in' });
    await cy!.call('POST', `/api/v1/posts/${postId}/comments`, { text: 'Me too' });
    const comments = (await list(ana!)).filter((n) => n.kind === 'comment');
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ count: 2, actorCount: 2, subject: { postId } });
    expect(comments[0]!.actors.map((a) => a.handle)).toEqual([cy!.handle, bo!.handle]);

    // Cy answers Bo: Bo hears of the reply, Ana of one more comment on her post.
    await cy!.call('POST', `/api/v1/posts/${postId}/comments`, { text: 'See you there', parentId: first.json<{ id: number }>().id });
    expect((await list(bo!))[0]).toMatchObject({ kind: 'reply', subject: { postId } });

    // A first reaction tells; changing its kind does not; two people reacting make one group.
    await bo!.call('PUT', `/api/v1/posts/${postId}/reaction`, { kind: 'like' });
    await bo!.call('PUT', `/api/v1/posts/${postId}/reaction`, { kind: 'celebrate' });
    await cy!.call('PUT', `/api/v1/posts/${postId}/reaction`, { kind: 'support' });
    const reactions = (await list(ana!)).filter((n) => n.kind === 'reaction');
    expect(reactions).toHaveLength(1);
    expect(reactions[0]).toMatchObject({ count: 2, actorCount: 2 });

    expect((await di!.call('POST', '/api/v1/posts', { text: '', repostOf: postId })).statusCode).toBe(201);
    expect((await list(ana!)).find((n) => n.kind === 'repost')).toMatchObject({ subject: { postId }, actorCount: 1 });
    // Nobody is told of what they did themselves.
    expect((await list(bo!)).map((n) => n.kind)).toEqual(['reply']);
  });
});
