import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine, type TestApp } from '../../test/engines.ts';
import { READ_CACHE_TTL_MS, readCachesOf } from '../../viewer/read-caches.ts';
import { connect, invite } from '../network/network-test-helpers.ts';

/**
 * The profile route reads through the read caches (viewer/read-caches.ts), and every change a member or
 * an operator makes in this process shows on the very next request. The caches' lifetime is widened to
 * ten minutes here, so a change the events did not evict would still be served stale and fail the test.
 */
describeEachEngine('a cached profile shows every change on the next request', (get) => {
  let operator: Member;
  const caches = (t: TestApp) => readCachesOf(t.database.db)!;
  const profileOf = async (viewer: Member, target: Member) => viewer.call('GET', `/api/v1/members/${target.handle}`);
  const seen = async (viewer: Member, target: Member) => {
    const res = await profileOf(viewer, target);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    // The first member of a community is its operator.
    operator = await signUp(get().app, 'Cache Operator');
  });
  beforeEach(() => caches(get()).setTtl(600_000));
  afterEach(() => caches(get()).setTtl(READ_CACHE_TTL_MS));

  it('shows a profile edit, a privacy setting and a mutual connection renamed', async () => {
    const { app } = get();
    const [viewer, target, mutual] = [await signUp(app, 'Cache Viewer'), await signUp(app, 'Cache Target'), await signUp(app, 'Cache Mutual')];
    await connect(viewer, mutual);
    await connect(mutual, target);
    const before = await seen(viewer, target);
    expect(before.limited).toBe(false);
    expect(before.mutuals.map((m: { name: string }) => m.name)).toEqual(['Cache Mutual']);

    expect((await target.call('PATCH', '/api/v1/me/profile', { headline: 'Now cached and edited', about: 'A long enough summary.' })).statusCode).toBe(200);
    const edited = await seen(viewer, target);
    expect(edited.headline).toBe('Now cached and edited');
    expect(edited.about).toBe('A long enough summary.');

    // Network-only profile, only connections may follow: a third-degree stranger sees name and headline, and no Follow.
    const stranger = await signUp(app, 'Cache Stranger');
    expect((await seen(stranger, target)).limited).toBe(false);
    expect((await seen(stranger, target)).relationship.canFollow).toBe(true);
    expect((await target.call('PATCH', '/api/v1/me/profile', { visibility: 'network', whoCanFollow: 'connections' })).statusCode).toBe(200);
    const limited = await seen(stranger, target);
    expect(limited.limited).toBe(true);
    expect(limited.about).toBeUndefined();
    expect(limited.relationship.canFollow).toBe(false);

    // The mutual's card comes from the card cache: their new name shows on the target's profile.
    expect((await mutual.call('PATCH', '/api/v1/me/profile', { name: 'Cache Mutual Renamed' })).statusCode).toBe(200);
    expect((await seen(viewer, target)).mutuals.map((m: { name: string }) => m.name)).toEqual(['Cache Mutual Renamed']);
  });

  it('answers 404 on the next request after a block, either way, and shows the profile again after unblocking', async () => {
    const { app } = get();
    const [viewer, target] = [await signUp(app, 'Block Viewer'), await signUp(app, 'Block Target')];
    await connect(viewer, target);
    expect((await seen(viewer, target)).connection).toBe('connected');
    expect((await seen(target, viewer)).connection).toBe('connected');

    expect((await target.call('PUT', `/api/v1/members/${viewer.handle}/block`)).statusCode).toBe(200);
    expect((await profileOf(viewer, target)).statusCode).toBe(404);
    // The blocker still meets the member they blocked, to unblock them; the connection is gone.
    const fromBlocker = await seen(target, viewer);
    expect(fromBlocker.relationship.blocked).toBe(true);
    expect(fromBlocker.connection).toBe('none');
    expect(fromBlocker.limited).toBe(true);

    expect((await target.call('DELETE', `/api/v1/members/${viewer.handle}/block`)).statusCode).toBe(200);
    const back = await seen(viewer, target);
    expect(back.connection).toBe('none');
    expect(back.relationship.blocked).toBe(false);
  });

  it('answers 404 on the next request after a suspension, and shows the member again once reinstated', async () => {
    const { app } = get();
    const [viewer, target] = [await signUp(app, 'Suspension Viewer'), await signUp(app, 'Suspension Target')];
    await connect(viewer, target);
    await seen(viewer, target);
    expect((await operator.call('POST', `/api/v1/admin/members/${target.handle}/suspend`, { reason: 'Spam' })).statusCode).toBe(200);
    expect((await profileOf(viewer, target)).statusCode).toBe(404);
    expect((await operator.call('POST', `/api/v1/admin/members/${target.handle}/reinstate`, { reason: 'Reviewed' })).statusCode).toBe(200);
    expect((await seen(viewer, target)).name).toBe('Suspension Target');
  });

  it('follows an invitation from sent to accepted, and a follow, on both sides', async () => {
    const { app } = get();
    const [sender, recipient] = [await signUp(app, 'Relation Sender'), await signUp(app, 'Relation Recipient')];
    expect((await seen(sender, recipient)).connection).toBe('none');
    expect((await seen(recipient, sender)).connection).toBe('none');

    const id = await invite(sender, recipient);
    expect((await seen(sender, recipient)).relationship).toMatchObject({ connection: 'pending_sent', invitationId: id });
    expect((await seen(recipient, sender)).relationship).toMatchObject({ connection: 'pending_received', invitationId: id });
    expect((await seen(recipient, sender)).abilities.canAccept).toBe(true);

    expect((await recipient.call('POST', `/api/v1/invitations/${id}/accept`)).statusCode).toBe(200);
    const connected = await seen(sender, recipient);
    expect(connected.relationship).toMatchObject({ connection: 'connected', invitationId: null, originInvitationId: id, following: true });
    expect(connected.degree).toBe(1);

    expect((await sender.call('DELETE', `/api/v1/members/${recipient.handle}/follow`)).statusCode).toBe(200);
    expect((await seen(sender, recipient)).relationship.following).toBe(false);
    expect((await sender.call('PUT', `/api/v1/members/${recipient.handle}/follow`)).statusCode).toBe(200);
    expect((await seen(sender, recipient)).relationship.following).toBe(true);
  });

  it('shows a withdrawn invitation as none to both', async () => {
    const { app } = get();
    const [sender, recipient] = [await signUp(app, 'Withdraw Sender'), await signUp(app, 'Withdraw Recipient')];
    const id = await invite(sender, recipient);
    expect((await seen(recipient, sender)).connection).toBe('pending_received');
    expect((await sender.call('POST', `/api/v1/invitations/${id}/withdraw`)).statusCode).toBe(200);
    expect((await seen(recipient, sender)).connection).toBe('none');
    expect((await seen(sender, recipient)).connection).toBe('none');
  });
});
