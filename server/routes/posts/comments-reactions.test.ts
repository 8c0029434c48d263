import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { connect } from '../network/network-test-helpers.ts';
import { allPages, comment, post, signUpAll } from './post-test-helpers.ts';

interface Thread {
  id: number;
  text: string;
  parentId: number | null;
  author: { handle: string; degree: number | null };
  abilities: Record<string, boolean>;
  replies: { id: number; text: string; parentId: number }[];
}

describeEachEngine('comments, reactions and invitations from a comment', (get) => {
  let n = 0;
  const member = (name: string) => signUp(get().app, `${name} ${++n}`);
  const threadsOf = async (m: Member, postId: number, query = ''): Promise<Thread[]> => {
    const res = await m.call('GET', `/api/v1/posts/${postId}/comments${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Thread[] }>().items;
  };
  const commentCount = async (m: Member, postId: number) => (await m.call('GET', `/api/v1/posts/${postId}`)).json<{ commentCount: number }>().commentCount;

  describe('comments', () => {
    let author: Member, ana: Member, bo: Member, stranger: Member;
    beforeAll(async () => {
      [author, ana, bo, stranger] = await signUpAll(member, 'Pat Poster', 'Ana Commenter', 'Bo Replier', 'Sid Stranger');
      await connect(author, ana);
    });

    it('lists top-level comments oldest first, each with its replies, one level deep, and pages them', async () => {
      const id = await post(author, 'What do you think?');
      const first = await comment(ana, id, 'First!');
      const second = await comment(bo, id, 'Second');
      const reply1 = await comment(author, id, 'Thanks Ana', first);
      const reply2 = await comment(bo, id, 'Agreed', first);
      const third = await comment(stranger, id, 'Third');

      const threads = await threadsOf(ana, id);
      expect(threads.map((t) => [t.id, t.replies.map((r) => r.id)])).toEqual([[first, [reply1, reply2]], [second, []], [third, []]]);
      expect(threads[0]!.replies[0]).toMatchObject({ text: 'Thanks Ana', parentId: first });
      expect(threads[0]!.author).toMatchObject({ handle: ana.handle, degree: null });
      expect(await commentCount(ana, id)).toBe(5);
      // A reply to a reply is refused: answer the reply through its parent.
      const deeper = await bo.call('POST', `/api/v1/posts/${id}/comments`, { text: 'Deeper', parentId: reply1 });
      expect(deeper.json()).toMatchObject({ code: 'comment_parent_invalid' });
      expect(await allPages(ana, `/api/v1/posts/${id}/comments?limit=2`)).toEqual([[first, second], [third]]);
    });

    it('lets the author edit their comment, its author or the post author delete it (with its replies), nobody else', async () => {
      const id = await post(author, 'Edit and delete');
      const top = await comment(ana, id, 'Helpful comment');
      await comment(bo, id, 'A reply', top);
      const other = await comment(bo, id, 'Off topic');

      const edited = await ana.call('PATCH', `/api/v1/comments/${top}`, { text: `Very helpful, @${bo.handle}` });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json()).toMatchObject({ id: top, text: `Very helpful, @${bo.handle}`, mentions: [{ handle: bo.handle }] });
      expect(edited.json().editedAt).not.toBeNull();
      const notTheirs = await author.call('PATCH', `/api/v1/comments/${top}`, { text: 'Rewritten' });
      expect(notTheirs.statusCode).toBe(403);
      expect(notTheirs.json()).toMatchObject({ code: 'not_author', key: 'not_author.comment' });
      expect((await stranger.call('DELETE', `/api/v1/comments/${top}`)).json()).toMatchObject({ code: 'not_author' });

      // The post's author removes a comment on their post; the top-level one goes with its reply.
      expect((await author.call('DELETE', `/api/v1/comments/${other}`)).statusCode).toBe(204);
      expect(await commentCount(author, id)).toBe(2);
      expect((await ana.call('DELETE', `/api/v1/comments/${top}`)).statusCode).toBe(204);
      expect(await commentCount(author, id)).toBe(0);
      expect(await threadsOf(author, id)).toEqual([]);
      expect((await ana.call('DELETE', `/api/v1/comments/${top}`)).statusCode).toBe(404);
      expect((await ana.call('PATCH', `/api/v1/comments/${top}`, { text: 'Back?' })).statusCode).toBe(404);
    });

    it('answers 404 to comments on a post one may not see, and offers Connect and Follow from a comment', async () => {
      const closed = await post(author, 'Connections only', 'connections');
      expect((await stranger.call('POST', `/api/v1/posts/${closed}/comments`, { text: 'Let me in' })).statusCode).toBe(404);
      expect((await stranger.call('GET', `/api/v1/posts/${closed}/comments`)).statusCode).toBe(404);
      const mine = await comment(ana, closed, 'Inner circle');
      expect((await stranger.call('PATCH', `/api/v1/comments/${mine}`, { text: 'x' })).statusCode).toBe(404);

      const open = await post(author, 'For everyone');
      await comment(stranger, open, 'Hello from outside');
      const [fromStranger] = await threadsOf(ana, open);
      expect(fromStranger!.abilities).toMatchObject({ canConnect: true, canFollow: true, canReact: true, canComment: true, canEdit: false, canDelete: false, canReport: true });
      const [asAuthor] = await threadsOf(author, open);
      expect(asAuthor!.abilities).toMatchObject({ canDelete: true, canEdit: false });
      const [asWriter] = await threadsOf(stranger, open);
      expect(asWriter!.abilities).toMatchObject({ canEdit: true, canDelete: true, canConnect: false, canFollow: false, canReport: false });
    });
  });

  describe('reactions', () => {
    it('sets, changes and takes back one reaction per member, with the counts and the viewer\'s own', async () => {
      const [author, ana, bo] = await signUpAll(member, 'Rae Reacted', 'Ana Reactor', 'Bo Reactor');
      const id = await post(author, 'React to me');
      const summary = (kinds: Partial<Record<string, number>>, mine: string | null) => ({
        total: Object.values(kinds).reduce((a, b) => a! + b!, 0),
        byKind: { like: 0, celebrate: 0, support: 0, insightful: 0, funny: 0, ...kinds },
        mine,
      });
      const put = (m: Member, kind: string) => m.call('PUT', `/api/v1/posts/${id}/reaction`, { kind });
      expect((await put(ana, 'like')).json()).toEqual(summary({ like: 1 }, 'like'));
      expect((await put(bo, 'like')).json()).toEqual(summary({ like: 2 }, 'like'));
      expect((await put(ana, 'celebrate')).json()).toEqual(summary({ like: 1, celebrate: 1 }, 'celebrate'));
      // The same kind again changes nothing.
      expect((await put(ana, 'celebrate')).json()).toEqual(summary({ like: 1, celebrate: 1 }, 'celebrate'));
      expect((await author.call('GET', `/api/v1/posts/${id}`)).json().reactions).toEqual(summary({ like: 1, celebrate: 1 }, null));
      expect((await ana.call('DELETE', `/api/v1/posts/${id}/reaction`)).json()).toEqual(summary({ like: 1 }, null));
      // Taking back none is fine.
      const again = await ana.call('DELETE', `/api/v1/posts/${id}/reaction`);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(summary({ like: 1 }, null));
      const [stored] = await rows<{ n: number }>(get().database.db, sql`SELECT count(*)::int AS n FROM post_reactions WHERE post_id = ${id}`);
      expect(stored!.n).toBe(1);

      const c = await comment(author, id, 'A comment to react to');
      expect((await bo.call('PUT', `/api/v1/comments/${c}/reaction`, { kind: 'insightful' })).json()).toEqual(summary({ insightful: 1 }, 'insightful'));
      expect((await threadsOf(bo, id))[0]!).toMatchObject({ reactions: summary({ insightful: 1 }, 'insightful') });
      expect((await bo.call('DELETE', `/api/v1/comments/${c}/reaction`)).json()).toEqual(summary({}, null));
    });

    it('keeps the counts exact under concurrent reactions', async () => {
      const author = await member('Con Current');
      const reactors = await Promise.all(Array.from({ length: 8 }, (_, i) => member(`Racer ${i}`)));
      const id = await post(author, 'Everyone at once');
      await Promise.all(reactors.map((m, i) => m.call('PUT', `/api/v1/posts/${id}/reaction`, { kind: i % 2 ? 'like' : 'support' })));
      await Promise.all(reactors.slice(0, 4).map((m) => m.call('PUT', `/api/v1/posts/${id}/reaction`, { kind: 'funny' })));
      await Promise.all(reactors.slice(0, 2).map((m) => m.call('DELETE', `/api/v1/posts/${id}/reaction`)));
      const reactions = (await author.call('GET', `/api/v1/posts/${id}`)).json().reactions;
      const [truth] = await rows<{ like: number; support: number; funny: number }>(
        get().database.db,
        sql`SELECT count(*) FILTER (WHERE kind = 'like')::int AS like, count(*) FILTER (WHERE kind = 'support')::int AS support,
                   count(*) FILTER (WHERE kind = 'funny')::int AS funny FROM post_reactions WHERE post_id = ${id}`,
      );
      expect(reactions.byKind).toMatchObject(truth!);
      expect(reactions.total).toBe(6);
    });

    it('lists who reacted, newest first or by kind, each with degree and mutual count, leaving out blocks both ways', async () => {
      const [viewer, author, friend, friendOfFriend, blocker, blocked] = await signUpAll(member, 'Vi Viewer', 'Au Author', 'Fr Friend', 'Fo Friend', 'Bl Blocker', 'Bd Blocked');
      await connect(viewer, friend);
      await connect(friend, friendOfFriend);
      await connect(viewer, author);
      await connect(friend, author);
      const id = await post(author, 'Who reacted?');
      for (const [m, kind] of [[friend, 'like'], [friendOfFriend, 'celebrate'], [blocker, 'like'], [blocked, 'like']] as const) {
        expect((await m.call('PUT', `/api/v1/posts/${id}/reaction`, { kind })).statusCode).toBe(200);
      }
      expect((await blocker.call('PUT', `/api/v1/members/${viewer.handle}/block`)).statusCode).toBe(200);
      expect((await viewer.call('PUT', `/api/v1/members/${blocked.handle}/block`)).statusCode).toBe(200);

      const res = await viewer.call('GET', `/api/v1/posts/${id}/reactions`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items).toEqual([
        expect.objectContaining({ handle: friendOfFriend.handle, kind: 'celebrate', degree: 2, mutualCount: 1 }),
        expect.objectContaining({ handle: friend.handle, kind: 'like', degree: 1, mutualCount: 1 }),
      ]);
      const likes = (await viewer.call('GET', `/api/v1/posts/${id}/reactions?kind=like`)).json().items;
      expect(likes.map((p: { handle: string }) => p.handle)).toEqual([friend.handle]);
      // The counts are the post's; the names are what the viewer may see.
      expect((await viewer.call('GET', `/api/v1/posts/${id}`)).json().reactions.total).toBe(4);
      // Pages by (time, member) with a cursor.
      const pages = await allPages(author, `/api/v1/posts/${id}/reactions?limit=1`);
      expect(pages.map((p) => p.length)).toEqual([1, 1, 1, 1]);
      expect(new Set(pages.flat()).size).toBe(4);
    });
  });

  describe('blocks', () => {
    it("hide a blocked member's comments and reactions both ways, and keep them from commenting or reacting", async () => {
      const [author, viewer, blocker, blocked] = await signUpAll(member, 'Ho Host', 'Vu Viewer', 'Bk Blocker', 'Bz Blocked');
      const id = await post(author, 'An open thread');
      const fromBlocker = await comment(blocker, id, 'From the blocker');
      await comment(blocked, id, 'From the blocked');
      await comment(viewer, id, 'A reply to the blocker', fromBlocker);
      const fine = await comment(author, id, 'From the host');
      expect((await blocker.call('PUT', `/api/v1/members/${viewer.handle}/block`)).statusCode).toBe(200);
      expect((await viewer.call('PUT', `/api/v1/members/${blocked.handle}/block`)).statusCode).toBe(200);

      expect((await threadsOf(viewer, id)).map((t) => t.id)).toEqual([fine]);
      // The viewer's own reply went with the thread it answered; the host, blocked by nobody, sees all.
      expect((await threadsOf(author, id)).map((t) => t.replies.length)).toEqual([1, 0, 0]);
      expect((await viewer.call('PUT', `/api/v1/comments/${fromBlocker}/reaction`, { kind: 'like' })).statusCode).toBe(404);
      expect((await viewer.call('POST', `/api/v1/posts/${id}/comments`, { text: 'Reply', parentId: fromBlocker })).json()).toMatchObject({
        code: 'comment_parent_invalid',
      });
      expect((await viewer.call('GET', `/api/v1/comments/${fromBlocker}/reactions`)).statusCode).toBe(404);

      // On the blocker's own post: neither side may comment or react, and the post is gone for the other.
      const theirs = await post(blocker, "The blocker's post");
      for (const [method, url, body] of [
        ['GET', `/api/v1/posts/${theirs}`],
        ['POST', `/api/v1/posts/${theirs}/comments`, { text: 'Hi' }],
        ['PUT', `/api/v1/posts/${theirs}/reaction`, { kind: 'like' }],
        ['GET', `/api/v1/posts/${theirs}/reactions`],
      ] as const) {
        expect((await viewer.call(method, url, body)).statusCode, `${method} ${url}`).toBe(404);
      }
      const mine = await post(viewer, "The viewer's post");
      expect((await blocker.call('POST', `/api/v1/posts/${mine}/comments`, { text: 'Hi' })).statusCode).toBe(404);
      expect((await blocked.call('PUT', `/api/v1/posts/${mine}/reaction`, { kind: 'like' })).statusCode).toBe(404);
    });
  });

  describe('invitations from a comment', () => {
    it("records the comment, and the connection's origin says where they met: a comment on the author's post", async () => {
      const [poster, commenter, reader] = await signUpAll(member, 'Ana Poster', 'Ben Commenter', 'Cat Reader');
      const id = await post(poster, 'A post worth a conversation');
      const c = await comment(commenter, id, 'Great point, 60 seconds of praise');

      // The client cannot claim the context itself; commentId is the only way.
      expect((await poster.call('POST', '/api/v1/invitations', { to: commenter.handle, context: 'comment' })).json()).toMatchObject({ code: 'validation_failed' });
      // Only the comment's author or the post's author.
      const third = await reader.call('POST', '/api/v1/invitations', { to: poster.handle, note: 'Hi', commentId: c });
      expect(third.statusCode, third.body).toBe(201);
      const mismatch = await poster.call('POST', '/api/v1/invitations', { to: reader.handle, commentId: c });
      expect(mismatch.statusCode).toBe(400);
      expect(mismatch.json()).toMatchObject({ code: 'invitation_comment_mismatch' });
      expect((await poster.call('POST', '/api/v1/invitations', { to: commenter.handle, commentId: 987_654_321 })).json()).toMatchObject({
        code: 'not_found',
        key: 'not_found.comment',
      });

      const sent = await poster.call('POST', '/api/v1/invitations', { to: commenter.handle, note: 'Loved your comment', context: 'search', commentId: c });
      expect(sent.statusCode, sent.body).toBe(201);
      const from = { context: 'comment', comment: { id: c, postId: id, postAuthor: { handle: poster.handle, name: expect.stringContaining('Ana Poster') } } };
      expect(sent.json().invitation).toMatchObject(from);
      // The recipient reads where it came from: "your comment on Ana's post".
      expect((await commenter.call('GET', '/api/v1/invitations?box=received')).json().items).toEqual([expect.objectContaining(from)]);
      // An invitation sent from elsewhere carries no comment.
      expect(third.json().invitation).toMatchObject({ context: 'comment' });
      const plain = await (await member('Plain Inviter')).call('POST', '/api/v1/invitations', { to: poster.handle });
      expect(plain.json().invitation).toMatchObject({ context: 'profile', comment: null });
      const accepted = await commenter.call('POST', `/api/v1/invitations/${sent.json().invitation.id}/accept`);
      expect(accepted.statusCode, accepted.body).toBe(200);
      const origin = { context: 'comment', note: 'Loved your comment', comment: { id: c, postId: id, postAuthor: { handle: poster.handle, name: expect.stringContaining('Ana Poster') } } };
      for (const [me, them] of [[commenter, poster], [poster, commenter]] as const) {
        const connections = (await me.call('GET', '/api/v1/me/connections')).json().items;
        expect(connections).toEqual([expect.objectContaining({ handle: them.handle, origin: expect.objectContaining(origin) })]);
      }

      // A comment the sender cannot see is one that does not exist for them.
      const hidden = await post(poster, 'Connections only', 'connections');
      const inner = await comment(commenter, hidden, 'Inside');
      const outsider = await member('Out Sider');
      expect((await outsider.call('POST', '/api/v1/invitations', { to: commenter.handle, commentId: inner })).statusCode).toBe(404);

      // Once the comment is deleted, the origin keeps its context without the comment.
      expect((await commenter.call('DELETE', `/api/v1/comments/${c}`)).statusCode).toBe(204);
      const after = (await poster.call('GET', '/api/v1/me/connections')).json().items;
      expect(after[0].origin).toMatchObject({ context: 'comment', comment: null });
    });
  });
});
