import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/engines.ts';
import { connect, members } from './network-test-helpers.ts';

/**
 * One who blocked me is answered as if they did not exist, by the writes that name them too: unfollowing,
 * disconnecting, dismissing them as a suggestion, blocking and unblocking each answered 2xx for a member who
 * had blocked the caller and 404 for a handle nobody has, which told the caller the member was there
 * (found by the authorisation matrix, server/test/authorisation-matrix/).
 */
describeEachEngine('a block hides the blocker from writes that name them', (get) => {
  const WRITES = [
    ['DELETE', 'follow'],
    ['PUT', 'block'],
    ['DELETE', 'block'],
  ] as const;

  it('answers each write about one who blocked me exactly as for a handle nobody has, and leaves the block alone', async () => {
    const { app } = get();
    const [me, blocker] = await members(app, ['Nosy Parker', 'Quiet Blocker']);
    await connect(me!, blocker!);
    await blocker!.call('PUT', `/api/v1/members/${me!.handle}/block`);

    const answer = async (method: 'PUT' | 'DELETE', url: string) => {
      const res = await me!.call(method, url);
      return `${res.statusCode} ${res.json<{ key?: string }>().key ?? ''}`;
    };
    for (const handle of [blocker!.handle, 'nobody-by-this-handle']) {
      for (const [method, what] of WRITES) expect(await answer(method, `/api/v1/members/${handle}/${what}`), `${method} ${what} ${handle}`).toBe('404 not_found.member');
      expect(await answer('DELETE', `/api/v1/connections/${handle}`)).toBe('404 not_found.member');
      expect(await answer('DELETE', `/api/v1/suggestions/people/${handle}`)).toBe('404 not_found.member');
    }
    // Their block stands, and mine was never made: they still find me as the one they blocked.
    const seen = await blocker!.call('GET', `/api/v1/members/${me!.handle}`);
    expect(seen.json()).toMatchObject({ relationship: { blocked: true } });
    expect((await me!.call('GET', '/api/v1/me/blocks')).json().items).toEqual([]);
  });

  it('still lets me undo a block of my own when they blocked me too', async () => {
    const { app } = get();
    const [me, other] = await members(app, ['First Blocker', 'Second Blocker']);
    expect((await me!.call('PUT', `/api/v1/members/${other!.handle}/block`)).statusCode).toBe(200);
    expect((await other!.call('PUT', `/api/v1/members/${me!.handle}/block`)).statusCode).toBe(404);
    // The second could not block back (the first is gone for them), so the first's block is undone as usual.
    expect((await me!.call('DELETE', `/api/v1/members/${other!.handle}/block`)).json()).toEqual({ blocked: false });
  });
});
