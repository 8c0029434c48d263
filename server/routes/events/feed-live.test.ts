/**
 * "N new posts" over server-sent events: a new post reaches the open streams of the members whose feed it
 * enters (the author's followers, connections for a post for connections only), and nobody else: not a
 * member who does not follow, not one across a block, not the author.
 */
import type { AddressInfo } from 'node:net';
import { beforeAll, expect, it } from 'vitest';
import type { Member } from '../../test/client.ts';
import { signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { type EventStreamReader, readEventStream } from '../../test/sse-client.ts';
import { connect } from '../network/network-test-helpers.ts';
import { post, signUpAll } from '../posts/post-test-helpers.ts';

describeEachEngine('new posts live', (get) => {
  let base = '';
  let author: Member, follower: Member, connection: Member, stranger: Member, blocked: Member;
  beforeAll(async () => {
    const { app } = get();
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    [author, follower, connection, stranger, blocked] = await signUpAll((n) => signUp(app, n), 'Ana Poster', 'Fen Follower', 'Cai Connection', 'Sam Stranger', 'Ben Blocked');
    expect((await follower.call('PUT', `/api/v1/members/${author.handle}/follow`)).statusCode).toBe(200);
    expect((await blocked.call('PUT', `/api/v1/members/${author.handle}/follow`)).statusCode).toBe(200);
    await connect(author, connection);
    expect((await author.call('PUT', `/api/v1/members/${blocked.handle}/block`)).statusCode).toBe(200);
  });

  const open = (m: Member) => readEventStream(`${base}/api/v1/events`, { cookie: m.cookie });
  const closeAll = (streams: EventStreamReader[]) => streams.forEach((s) => s.close());

  it('tells a follower and a connection of a post for all members, never a stranger, a blocked member or the author', async () => {
    const streams = await Promise.all([follower, connection, stranger, blocked, author].map(open));
    const [f, c, s, b, a] = streams as [EventStreamReader, EventStreamReader, EventStreamReader, EventStreamReader, EventStreamReader];
    try {
      const postId = await post(author, 'Fresh news for everyone');
      expect((await f.next('post')).data).toEqual({ postId });
      expect((await c.next('post')).data).toEqual({ postId });
      for (const quiet of [s, b, a]) await expect(quiet.next('post', 300)).rejects.toThrow(/no post event/);
    } finally {
      closeAll(streams);
    }
  });

  it('keeps a post for connections only from a mere follower, and one for followers reaches both', async () => {
    const streams = await Promise.all([follower, connection].map(open));
    const [f, c] = streams as [EventStreamReader, EventStreamReader];
    try {
      const privatePost = await post(author, 'For my connections', 'connections');
      expect((await c.next('post')).data).toEqual({ postId: privatePost });
      await expect(f.next('post', 300)).rejects.toThrow(/no post event/);
      const followersPost = await post(author, 'For my followers', 'followers');
      expect((await f.next('post')).data).toEqual({ postId: followersPost });
      expect((await c.next('post')).data).toEqual({ postId: followersPost });
    } finally {
      closeAll(streams);
    }
  });

  it('stops once the follower unfollows', async () => {
    const stream = await open(follower);
    try {
      expect((await follower.call('DELETE', `/api/v1/members/${author.handle}/follow`)).statusCode).toBe(200);
      await post(author, 'After the unfollow');
      await expect(stream.next('post', 300)).rejects.toThrow(/no post event/);
    } finally {
      stream.close();
    }
  });
});
