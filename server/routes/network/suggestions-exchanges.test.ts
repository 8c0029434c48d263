/**
 * Engagement becomes a relationship: comments exchanged both ways, three or more, make a people-you-may-know
 * reason ("You and Bo have replied to each other 4 times"); one-way attention, a block or an existing
 * connection do not.
 */
import { expect, it } from 'vitest';
import type { Member } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { comment, post } from '../posts/post-test-helpers.ts';
import { connect, members } from './network-test-helpers.ts';

interface SuggestionItem {
  person: { handle: string; degree: number | null };
  reasons: { code: string; params: Record<string, unknown>; text: string }[];
}

const suggestions = async (m: Member): Promise<SuggestionItem[]> => {
  const res = await m.call('GET', '/api/v1/suggestions/people?limit=50');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: SuggestionItem[] }>().items;
};
const handles = async (m: Member) => (await suggestions(m)).map((i) => i.person.handle);

/**
 * `count` comments between a and b, starting with b on a's post and then answering each other in its thread:
 * b comments (to a), a replies to b, b replies again in the thread (to a, the post's author), and so on.
 */
async function exchange(a: Member, b: Member, count: number): Promise<void> {
  const postId = await post(a, `A thought from ${a.handle}`);
  const first = await comment(b, postId, 'Interesting, tell me more');
  for (let i = 1; i < count; i++) await comment(i % 2 === 1 ? a : b, postId, `Round ${i}`, first);
}

describeEachEngine('people you may know: comments exchanged both ways', (get) => {
  it('suggests each to the other after 3+ exchanges both ways, with the count and the name, in English and as a code', async () => {
    const [ana, bo] = (await members(get().app, ['Ana Talker', 'Bo Talker'])) as [Member, Member];
    await exchange(ana, bo, 2);
    // Two are not yet a pattern.
    expect(await handles(ana)).not.toContain(bo.handle);
    // Ana's own comment on Bo's post: four in all, two each way.
    await comment(ana, await post(bo, 'My own news'), 'Congratulations!');
    await comment(bo, await post(ana, 'Another thought'), 'Agreed');
    const found = (await suggestions(ana)).find((i) => i.person.handle === bo.handle);
    expect(found?.reasons).toEqual([
      { code: 'suggestion.replied_to_each_other', params: { count: 4, name: 'Bo Talker' }, text: 'You and Bo Talker have replied to each other 4 times' },
    ]);
    expect(found?.person.degree).toBeNull();
    const back = (await suggestions(bo)).find((i) => i.person.handle === ana.handle);
    expect(back?.reasons.map((r) => r.text)).toEqual(['You and Ana Talker have replied to each other 4 times']);
  });

  it('never counts one-way attention, however much of it', async () => {
    const [ana, fan] = (await members(get().app, ['Ana Quiet', 'Fan Loud'])) as [Member, Member];
    const postId = await post(ana, 'Hello');
    const first = await comment(fan, postId, 'Love it');
    for (let i = 0; i < 5; i++) await comment(fan, postId, `Still loving it ${i}`, first);
    // Ana talking on her own post answers nobody: it is not an exchange either.
    await comment(ana, postId, 'Note to self');
    expect(await handles(ana)).not.toContain(fan.handle);
    expect(await handles(fan)).not.toContain(ana.handle);
  });

  it('leaves out a member blocked either way, and one already connected', async () => {
    const [ana, dee, eve] = (await members(get().app, ['Ana Blocks', 'Dee Blocked', 'Eve Connected'])) as [Member, Member, Member];
    await exchange(ana, dee, 4);
    await exchange(ana, eve, 4);
    expect(await handles(ana)).toEqual(expect.arrayContaining([dee.handle, eve.handle]));

    expect((await dee.call('PUT', `/api/v1/members/${ana.handle}/block`)).statusCode).toBe(200);
    await connect(ana, eve);
    expect(await handles(ana)).not.toContain(dee.handle);
    expect(await handles(dee)).not.toContain(ana.handle);
    expect(await handles(ana)).not.toContain(eve.handle);
    expect(await handles(eve)).not.toContain(ana.handle);
  });

  it('suggests a network-only profile beyond three degrees on the exchanges alone, and says nothing else about them', async () => {
    const [ana, fay] = (await members(get().app, ['Ana Open', 'Fay Private'])) as [Member, Member];
    const hide = await fay.call('PATCH', '/api/v1/me/profile', { visibility: 'network', location: 'Lisbon' });
    expect(hide.statusCode, hide.body).toBe(200);
    expect((await ana.call('PATCH', '/api/v1/me/profile', { location: 'Lisbon' })).statusCode).toBe(200);
    await exchange(fay, ana, 3);
    const found = (await suggestions(ana)).find((i) => i.person.handle === fay.handle);
    // The same place stays Fay's to show only within three degrees.
    expect(found?.reasons.map((r) => r.code)).toEqual(['suggestion.replied_to_each_other']);
  });
}, () => ({ graphWorkers: 1 }));
