import { beforeAll, expect, it } from 'vitest';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { members } from '../network/network-test-helpers.ts';
import { startConversation } from './messages-test-helpers.ts';

const DROP_EVERYONE = { connection: 'drop', second: 'drop', third_plus: 'drop', new_account: 'drop', flagged: 'drop' };

/** `GET /members/:handle/conversation`: the viewer's one-to-one with a member, as a profile's Message button opens it. */
describeEachEngine('the one-to-one with a member', (get) => {
  beforeAll(async () => {
    await signUp(get().app, 'Olga Operator');
  });

  const withMember = (viewer: Member, other: Member | string) =>
    viewer.call('GET', `/api/v1/members/${typeof other === 'string' ? other : other.handle}/conversation`);

  it('finds it for both members, whoever started it, and never a group', async () => {
    const [ann, ben, cat] = (await members(get().app, ['With Ann', 'With Ben', 'With Cat'])) as [Member, Member, Member];
    expect((await withMember(ann, ben)).statusCode).toBe(404);
    await startConversation(ann, [ben, cat], 'a group is not a one-to-one');
    expect((await withMember(ann, ben)).json()).toMatchObject({ status: 404, code: 'not_found' });

    const direct = await startConversation(ann, [ben], 'hello Ben');
    const found = await withMember(ann, ben);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json()).toMatchObject({ id: direct, kind: 'direct', members: [{ handle: ben.handle }], lastMessage: { text: 'hello Ben', mine: true } });
    // Ben has it in Requests (a stranger, a new account): he finds it too, as a request.
    expect((await withMember(ben, ann)).json()).toMatchObject({ id: direct, folder: 'requests', abilities: { canAccept: true } });
  });

  it('answers 404 alike for nobody, a member never written to, a conversation that never reached the viewer, and across a block', async () => {
    const [dan, eve, fay] = (await members(get().app, ['With Dan', 'With Eve', 'With Fay'])) as [Member, Member, Member];
    // Eve drops everything: Dan's message never reaches her, so for her there is no conversation with Dan.
    expect((await eve.call('PUT', '/api/v1/me/message-settings', DROP_EVERYONE)).statusCode).toBe(200);
    const dropped = await startConversation(dan, [eve], 'never delivered');
    // The sender is not told: Dan finds his conversation as sent.
    expect((await withMember(dan, eve)).json()).toMatchObject({ id: dropped });
    const unseen = await withMember(eve, dan);
    const nobody = await withMember(eve, 'no-such-member');
    const stranger = await withMember(eve, fay);
    for (const res of [unseen, nobody, stranger]) expect([res.statusCode, res.json().code]).toEqual([404, 'not_found']);
    expect(unseen.body).toBe(stranger.body);

    const direct = await startConversation(dan, [fay], 'before the block');
    expect((await fay.call('PUT', `/api/v1/members/${dan.handle}/block`)).statusCode).toBe(200);
    for (const [viewer, other] of [[dan, fay], [fay, dan]] as const) expect((await withMember(viewer, other)).statusCode).toBe(404);
    expect((await fay.call('DELETE', `/api/v1/members/${dan.handle}/block`)).statusCode).toBe(200);
    expect((await withMember(fay, dan)).json()).toMatchObject({ id: direct });
  });

  it('refuses a handle that cannot be one with 400, and a visitor with 401', async () => {
    const [gus] = (await members(get().app, ['With Gus'])) as [Member];
    const bad = await withMember(gus, 'Not_A_Handle');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'validation_failed']);
    const visitor = await get().app.inject({ method: 'GET', url: `/api/v1/members/${gus.handle}/conversation` });
    expect(visitor.statusCode).toBe(401);
  });
});
