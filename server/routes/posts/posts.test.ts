import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { connect } from '../network/network-test-helpers.ts';
import { allPages, ids, post, signUpAll } from './post-test-helpers.ts';

type Visibility = 'members' | 'connections' | 'followers';

describeEachEngine('posts: visibility, the feed, reposts, edits and mentions', (get) => {
  let operator: Member;
  let n = 0;
  const member = (name: string) => signUp(get().app, `${name} ${++n}`);
  const db = () => get().database.db;
  const count = async (table: string) => (await rows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`))[0]!.n;

  beforeAll(async () => {
    // The first member to sign up is the operator.
    operator = await signUp(get().app, 'Olga Operator');
  });

  describe('who sees a post', () => {
    // The author, a connection, a follower, a stranger, one the author blocked and one who blocked the author.
    let author: Member, connection: Member, follower: Member, stranger: Member, blockedByAuthor: Member, blockerOfAuthor: Member;
    const posts = {} as Record<Visibility, number>;
    const topic = 'matrixtopic';

    beforeAll(async () => {
      [author, connection, follower, stranger, blockedByAuthor, blockerOfAuthor] = await signUpAll(member, 'Ana Author', 'Cai Connection', 'Fen Follower', 'Sam Stranger', 'Ben Blocked', 'Bea Blocker');
      await connect(author, connection);
      expect((await follower.call('PUT', `/api/v1/members/${author.handle}/follow`)).statusCode).toBe(200);
      // Both were connected first: the block must hide what a connection would otherwise see.
      await connect(author, blockedByAuthor);
      await connect(author, blockerOfAuthor);
      for (const visibility of ['members', 'connections', 'followers'] as const) {
        posts[visibility] = await post(author, `For ${visibility} #${topic}`, visibility);
      }
      expect((await author.call('PUT', `/api/v1/members/${blockedByAuthor.handle}/block`)).statusCode).toBe(200);
      expect((await blockerOfAuthor.call('PUT', `/api/v1/members/${author.handle}/block`)).statusCode).toBe(200);
    });

    const expected = (): [string, () => Member, Visibility[]][] => [
      ['the author', () => author, ['members', 'connections', 'followers']],
      ['a connection', () => connection, ['members', 'connections', 'followers']],
      ['a follower', () => follower, ['members', 'followers']],
      ['a stranger', () => stranger, ['members']],
      ['a member the author blocked', () => blockedByAuthor, []],
      ['a member who blocked the author', () => blockerOfAuthor, []],
    ];

    it('answers each post to whom its visibility allows, and 404 to everyone else (blocks both ways)', async () => {
      for (const [who, viewer, sees] of expected()) {
        for (const visibility of ['members', 'connections', 'followers'] as const) {
          const res = await viewer().call('GET', `/api/v1/posts/${posts[visibility]}`);
          expect(res.statusCode, `${who} → ${visibility}`).toBe(sees.includes(visibility) ? 200 : 404);
          if (res.statusCode === 404) expect(res.json()).toMatchObject({ code: 'not_found', key: 'not_found.post' });
        }
      }
    });

    it('lists the same posts on the topic page and the author\'s activity, newest first', async () => {
      const order: Visibility[] = ['followers', 'connections', 'members'];
      for (const [who, viewer, sees] of expected()) {
        const want = order.filter((v) => sees.includes(v)).map((v) => posts[v]);
        expect(await ids(viewer(), `/api/v1/topics/${topic}/posts`), `${who}: topic`).toEqual(want);
        const activity = await viewer().call('GET', `/api/v1/members/${author.handle}/posts`);
        if (viewer() === blockedByAuthor) {
          // The author blocked them: the author is gone for them.
          expect(activity.statusCode).toBe(404);
          continue;
        }
        expect(activity.statusCode, activity.body).toBe(200);
        expect(activity.json<{ items: { id: number }[] }>().items.map((i) => i.id), `${who}: activity`).toEqual(want);
      }
      // The topic is matched as written in any case: #MatrixTopic is the same topic.
      expect(await ids(author, `/api/v1/topics/MatrixTopic/posts`)).toHaveLength(3);
    });

    it("puts them in the feed of those who follow the author (a connection, a follower), never a stranger's", async () => {
      const feedOf = (m: Member) => ids(m, '/api/v1/feed');
      expect(await feedOf(author)).toEqual([posts.followers, posts.connections, posts.members]);
      expect(await feedOf(connection)).toEqual([posts.followers, posts.connections, posts.members]);
      expect(await feedOf(follower)).toEqual([posts.followers, posts.members]);
      expect(await feedOf(stranger)).toEqual([]);
      expect(await feedOf(blockedByAuthor)).toEqual([]);
      expect(await feedOf(blockerOfAuthor)).toEqual([]);
    });

    it('tells each viewer what they may do with a post', async () => {
      const abilities = async (m: Member, id: number) => (await m.call('GET', `/api/v1/posts/${id}`)).json().abilities;
      expect(await abilities(author, posts.connections)).toEqual({ canEdit: true, canDelete: true, canReact: true, canComment: true, canRepost: true, canReport: false });
      // A post for connections only is its author's alone to repost.
      expect(await abilities(connection, posts.connections)).toEqual({ canEdit: false, canDelete: false, canReact: true, canComment: true, canRepost: false, canReport: true });
      expect(await abilities(follower, posts.followers)).toMatchObject({ canEdit: false, canRepost: true, canReport: true });
    });

    it("hides a suspended author's posts from everyone else", async () => {
      const suspended = await member('Sus Pended');
      const reader = await member('Rea Der');
      await connect(suspended, reader);
      const id = await post(suspended, 'Soon gone #suspendtopic');
      expect(await ids(reader, '/api/v1/feed')).toContain(id);
      expect((await operator.call('POST', `/api/v1/admin/members/${suspended.handle}/suspend`, { reason: 'spam' })).statusCode).toBe(200);
      expect((await reader.call('GET', `/api/v1/posts/${id}`)).statusCode).toBe(404);
      expect(await ids(reader, '/api/v1/feed')).not.toContain(id);
      expect(await ids(reader, '/api/v1/topics/suspendtopic/posts')).toEqual([]);
      expect((await reader.call('POST', `/api/v1/posts/${id}/comments`, { text: 'Hello?' })).statusCode).toBe(404);
      expect((await reader.call('PUT', `/api/v1/posts/${id}/reaction`, { kind: 'like' })).statusCode).toBe(404);
    });
  });

  describe('the feed', () => {
    it('pages newest first by (time, id) through ties, without losing or repeating a post', async () => {
      const [viewer, a, b, c, unconnected] = await signUpAll(member, 'Vic Viewer', 'Abe Author', 'Bo Author', 'Cy Author', 'Una Unconnected');
      for (const m of [a, b, c]) await connect(viewer, m);
      expect((await viewer.call('PUT', `/api/v1/members/${unconnected.handle}/follow`)).statusCode).toBe(200);
      const written: number[] = [];
      for (let i = 0; i < 4; i++) for (const m of [a, b, c, viewer]) written.push(await post(m, `Post ${i} by ${m.handle}`));
      // A followed member who is not a connection: their posts for connections only stay out of the feed.
      const shown = await post(unconnected, 'For everyone');
      const hidden = await post(unconnected, 'For my connections', 'connections');
      // Ties: six posts share one instant to the microsecond, two pairs share others.
      const tie = written.filter((_, i) => i % 3 === 0);
      await db().execute(sql`UPDATE posts SET created_at = '2026-01-02T03:04:05.123456Z' WHERE id = ANY(${`{${tie.join(',')}}`}::bigint[])`);
      await db().execute(sql`UPDATE posts SET created_at = '2026-01-01T00:00:00.000001Z' WHERE id IN (${written[1]!}, ${written[2]!})`);
      await db().execute(sql`UPDATE posts SET created_at = '2026-01-01T00:00:00.000002Z' WHERE id IN (${written[4]!}, ${written[5]!})`);

      const want = (
        await rows<{ id: string | number }>(
          db(),
          sql`SELECT id FROM posts WHERE id = ANY(${`{${[...written, shown].join(',')}}`}::bigint[]) ORDER BY created_at DESC, id DESC`,
        )
      ).map((r) => Number(r.id));
      const pages = await allPages(viewer, '/api/v1/feed?order=recent&limit=3');
      expect(pages.every((p) => p.length <= 3)).toBe(true);
      expect(pages.flat()).toEqual(want);
      expect(pages.flat()).not.toContain(hidden);
      // Without any engagement, `top` keeps the recent order (feed-top.test.ts has the ranking); an unknown order is refused.
      expect(await ids(viewer, '/api/v1/feed?order=top&limit=50')).toEqual(want);
      expect((await viewer.call('GET', '/api/v1/feed?order=best')).json()).toMatchObject({ code: 'validation_failed' });
    });

    it('follows the follow: a connection the viewer unfollowed leaves the feed, a followed stranger is in it', async () => {
      const [viewer, unfollowed, followed] = await signUpAll(member, 'Val Viewer', 'Uli Unfollowed', 'Flo Followed');
      await connect(viewer, unfollowed);
      expect((await viewer.call('DELETE', `/api/v1/members/${unfollowed.handle}/follow`)).statusCode).toBe(200);
      expect((await viewer.call('PUT', `/api/v1/members/${followed.handle}/follow`)).statusCode).toBe(200);
      const gone = await post(unfollowed, 'Not in the feed');
      const kept = await post(followed, 'In the feed');
      const feed = await ids(viewer, '/api/v1/feed');
      expect(feed).toContain(kept);
      expect(feed).not.toContain(gone);
      // Still visible on its own: the feed is a choice of authors, not a rule about who may see.
      expect((await viewer.call('GET', `/api/v1/posts/${gone}`)).statusCode).toBe(200);
    });
  });

  describe('reposts', () => {
    let ana: Member, bo: Member, cy: Member, stranger: Member;
    beforeAll(async () => {
      [ana, bo, cy, stranger] = await signUpAll(member, 'Ana Original', 'Bo Resharer', 'Cy Quoter', 'Stu Stranger');
      await connect(ana, bo);
      await connect(bo, cy);
    });

    it('shares the original: a plain repost, a quote, and a repost of a repost all point at it, and count', async () => {
      const original = await post(ana, 'The original #reposts');
      const plain = await post(bo, '', 'members', original);
      const quote = await post(cy, 'Worth reading', 'members', plain);
      const plainView = (await cy.call('GET', `/api/v1/posts/${plain}`)).json();
      expect(plainView).toMatchObject({ text: '', repostOf: { id: original, text: 'The original #reposts', author: { handle: ana.handle } } });
      expect((await cy.call('GET', `/api/v1/posts/${quote}`)).json()).toMatchObject({ text: 'Worth reading', repostOf: { id: original } });
      expect((await ana.call('GET', `/api/v1/posts/${original}`)).json()).toMatchObject({ repostCount: 2 });
      // Bo's repost reaches Cy's feed, who follows Bo and not Ana; an original has no `repostOf`.
      expect(await ids(cy, '/api/v1/feed')).toEqual(expect.arrayContaining([plain, quote]));
      expect((await ana.call('GET', `/api/v1/posts/${original}`)).json()).not.toHaveProperty('repostOf');

      // Once the original is deleted: the quote says it is gone, the plain repost has nothing left to show.
      expect((await ana.call('DELETE', `/api/v1/posts/${original}`)).statusCode).toBe(204);
      expect((await cy.call('GET', `/api/v1/posts/${quote}`)).json()).toMatchObject({ text: 'Worth reading', repostOf: null });
      expect((await cy.call('GET', `/api/v1/posts/${plain}`)).statusCode).toBe(404);
      expect(await ids(cy, '/api/v1/feed')).not.toContain(plain);
      // …and cannot be reposted any more.
      expect((await stranger.call('POST', '/api/v1/posts', { text: '', repostOf: quote })).statusCode).toBe(404);
      // Its author can still delete it.
      expect((await bo.call('DELETE', `/api/v1/posts/${plain}`)).statusCode).toBe(204);
    });

    it("refuses to repost someone else's post for connections only, or one the member cannot see", async () => {
      const closed = await post(ana, 'Between us', 'connections');
      const refused = await bo.call('POST', '/api/v1/posts', { text: '', repostOf: closed });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'repost_not_allowed' });
      expect((await stranger.call('POST', '/api/v1/posts', { text: '', repostOf: closed })).statusCode).toBe(404);
      expect((await stranger.call('POST', '/api/v1/posts', { text: 'Hm', repostOf: 987_654_321 })).statusCode).toBe(404);
      // Its author may share it again.
      expect((await ana.call('POST', '/api/v1/posts', { text: 'Again', repostOf: closed, visibility: 'connections' })).statusCode).toBe(201);
      expect((await ana.call('GET', `/api/v1/posts/${closed}`)).json()).toMatchObject({ repostCount: 1 });
    });
  });

  describe('edits and deletion', () => {
    it('lets the author edit (marked edited, mentions and topics read again) and delete; nobody else', async () => {
      const [author, other, mentioned, stranger] = await signUpAll(member, 'Eda Editor', 'Oto Other', 'Mia Mentioned', 'Sol Stranger');
      await connect(author, other);
      const id = await post(author, 'First draft #drafts', 'connections');
      expect((await author.call('GET', `/api/v1/posts/${id}`)).json()).toMatchObject({ editedAt: null, topics: ['drafts'], mentions: [] });

      const edited = await author.call('PATCH', `/api/v1/posts/${id}`, { text: `Final, thanks @${mentioned.handle} #final` });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json()).toMatchObject({ text: `Final, thanks @${mentioned.handle} #final`, topics: ['final'], mentions: [{ handle: mentioned.handle }] });
      expect(edited.json().editedAt).not.toBeNull();
      expect(await ids(author, '/api/v1/topics/drafts/posts')).toEqual([]);
      expect(await ids(author, '/api/v1/topics/final/posts')).toEqual([id]);

      const notTheirs = await other.call('PATCH', `/api/v1/posts/${id}`, { text: 'Mine now' });
      expect(notTheirs.statusCode).toBe(403);
      expect(notTheirs.json()).toMatchObject({ code: 'not_author', key: 'not_author.post' });
      expect((await other.call('DELETE', `/api/v1/posts/${id}`)).json()).toMatchObject({ code: 'not_author' });
      // One who cannot see it meets a post that does not exist.
      expect((await stranger.call('PATCH', `/api/v1/posts/${id}`, { text: 'Hi' })).statusCode).toBe(404);
      expect((await stranger.call('DELETE', `/api/v1/posts/${id}`)).statusCode).toBe(404);

      await other.call('POST', `/api/v1/posts/${id}/comments`, { text: 'A comment that goes with it' });
      await other.call('PUT', `/api/v1/posts/${id}/reaction`, { kind: 'insightful' });
      expect((await author.call('DELETE', `/api/v1/posts/${id}`)).statusCode).toBe(204);
      expect((await author.call('GET', `/api/v1/posts/${id}`)).statusCode).toBe(404);
      expect((await author.call('DELETE', `/api/v1/posts/${id}`)).statusCode).toBe(404);
      // Its text is gone from the database, with its comments, reactions, mentions and topics.
      const [left] = await rows<{ n: number }>(
        db(),
        sql`SELECT (SELECT count(*) FROM posts WHERE id = ${id} OR text LIKE '%thanks @%')
                 + (SELECT count(*) FROM comments WHERE post_id = ${id} OR text LIKE '%goes with it%')
                 + (SELECT count(*) FROM post_reactions WHERE post_id = ${id})
                 + (SELECT count(*) FROM post_mentions WHERE post_id = ${id})
                 + (SELECT count(*) FROM post_topics WHERE post_id = ${id}) AS n`,
      );
      expect(Number(left!.n)).toBe(0);
    });
  });

  describe('mentions', () => {
    it('refuses an unknown, blocked (either way) or suspended handle with mention_unknown naming it, writing nothing', async () => {
      const [writer, friend, blocked, blocker, suspended] = await signUpAll(member, 'Wes Writer', 'Fay Friend', 'Bly Blocked', 'Bry Blocker', 'Sue Suspended');
      expect((await writer.call('PUT', `/api/v1/members/${blocked.handle}/block`)).statusCode).toBe(200);
      expect((await blocker.call('PUT', `/api/v1/members/${writer.handle}/block`)).statusCode).toBe(200);
      expect((await operator.call('POST', `/api/v1/admin/members/${suspended.handle}/suspend`, { reason: 'spam' })).statusCode).toBe(200);
      const before = await count('posts');
      for (const handle of ['nobody-by-this-name', blocked.handle, blocker.handle, suspended.handle]) {
        const res = await writer.call('POST', '/api/v1/posts', { text: `Hello @${friend.handle} and @${handle}!` });
        expect(res.statusCode, handle).toBe(400);
        expect(res.json()).toMatchObject({ code: 'mention_unknown', params: { handle } });
        const id = await post(writer, 'Fine');
        const edit = await writer.call('PATCH', `/api/v1/posts/${id}`, { text: `Now @${handle}` });
        expect(edit.json()).toMatchObject({ code: 'mention_unknown', params: { handle } });
        expect((await writer.call('GET', `/api/v1/posts/${id}`)).json()).toMatchObject({ text: 'Fine', editedAt: null });
        const reply = await writer.call('POST', `/api/v1/posts/${id}/comments`, { text: `cc @${handle}` });
        expect(reply.json()).toMatchObject({ code: 'mention_unknown', params: { handle } });
      }
      expect(await count('posts')).toBe(before + 4);
      // An email address or a URL fragment is no mention.
      expect((await writer.call('POST', '/api/v1/posts', { text: 'Write to me@example.com or see example.com/@nobody-here' })).statusCode).toBe(201);
    });

    it('shows a mention to whoever sees the post, except across a block made later', async () => {
      const [writer, mentioned, reader] = await signUpAll(member, 'Wyn Writer', 'Max Mentioned', 'Ron Reader');
      const id = await post(writer, `Thanks @${mentioned.handle} and @${writer.handle}`);
      expect((await reader.call('GET', `/api/v1/posts/${id}`)).json().mentions).toEqual([
        { handle: mentioned.handle, name: expect.stringContaining('Max Mentioned') },
        { handle: writer.handle, name: expect.stringContaining('Wyn Writer') },
      ]);
      expect((await mentioned.call('PUT', `/api/v1/members/${reader.handle}/block`)).statusCode).toBe(200);
      const seen = (await reader.call('GET', `/api/v1/posts/${id}`)).json();
      expect(seen.mentions.map((m: { handle: string }) => m.handle)).toEqual([writer.handle]);
      // The text stays as written: the client links only the mentions it is given.
      expect(seen.text).toContain(`@${mentioned.handle}`);
    });
  });

  describe('bad input', () => {
    let author: Member;
    let postId: number;
    let commentId: number;
    let replyId: number;
    let otherPostComment: number;
    beforeAll(async () => {
      author = await member('Bad Input');
      postId = await post(author, 'A post to send bad input to');
      const other = await post(author, 'Another post');
      commentId = (await author.call('POST', `/api/v1/posts/${postId}/comments`, { text: 'Top' })).json().id;
      replyId = (await author.call('POST', `/api/v1/posts/${postId}/comments`, { text: 'Reply', parentId: commentId })).json().id;
      otherPostComment = (await author.call('POST', `/api/v1/posts/${other}/comments`, { text: 'Elsewhere' })).json().id;
    });

    const forged = (key: object) => Buffer.from(JSON.stringify(key)).toString('base64url');
    const cases = (): [string, string, string, unknown, number, string][] => [
      ['a post over 3,000 characters', 'POST', '/api/v1/posts', { text: 'x'.repeat(3001) }, 400, 'validation_failed'],
      ['an empty post', 'POST', '/api/v1/posts', { text: '' }, 400, 'validation_failed'],
      ['a post of spaces', 'POST', '/api/v1/posts', { text: '   \n ' }, 400, 'validation_failed'],
      ['a post of invisible characters, even as a repost', 'POST', '/api/v1/posts', { text: '\u200b\u200b', repostOf: postId }, 400, 'validation_failed'],
      ['a post without text', 'POST', '/api/v1/posts', { visibility: 'members' }, 400, 'validation_failed'],
      ['an unknown visibility', 'POST', '/api/v1/posts', { text: 'Hi', visibility: 'everyone' }, 400, 'validation_failed'],
      ['an unknown field', 'POST', '/api/v1/posts', { text: 'Hi', pinned: true }, 400, 'validation_failed'],
      ['a repost id out of range', 'POST', '/api/v1/posts', { text: '', repostOf: 2 ** 53 }, 400, 'validation_failed'],
      ['a repost id of 0', 'POST', '/api/v1/posts', { text: '', repostOf: 0 }, 400, 'validation_failed'],
      ['a control character', 'POST', '/api/v1/posts', { text: 'Hi\u0000there' }, 400, 'validation_failed'],
      ['an edit to empty', 'PATCH', `/api/v1/posts/${postId}`, { text: ' ' }, 400, 'validation_failed'],
      ['an edit over 3,000', 'PATCH', `/api/v1/posts/${postId}`, { text: 'y'.repeat(3001) }, 400, 'validation_failed'],
      ['an edit of the visibility', 'PATCH', `/api/v1/posts/${postId}`, { text: 'Hi', visibility: 'connections' }, 400, 'validation_failed'],
      ['a comment over 1,250 characters', 'POST', `/api/v1/posts/${postId}/comments`, { text: 'z'.repeat(1251) }, 400, 'validation_failed'],
      ['an empty comment', 'POST', `/api/v1/posts/${postId}/comments`, { text: '' }, 400, 'validation_failed'],
      ['a reply to a reply', 'POST', `/api/v1/posts/${postId}/comments`, { text: 'Hi', parentId: replyId }, 400, 'comment_parent_invalid'],
      ["a reply to another post's comment", 'POST', `/api/v1/posts/${postId}/comments`, { text: 'Hi', parentId: otherPostComment }, 400, 'comment_parent_invalid'],
      ['a reply to no comment', 'POST', `/api/v1/posts/${postId}/comments`, { text: 'Hi', parentId: 987_654_321 }, 400, 'comment_parent_invalid'],
      ['a comment edit to empty', 'PATCH', `/api/v1/comments/${commentId}`, { text: '' }, 400, 'validation_failed'],
      ['an unknown reaction', 'PUT', `/api/v1/posts/${postId}/reaction`, { kind: 'love' }, 400, 'validation_failed'],
      ['no reaction kind', 'PUT', `/api/v1/comments/${commentId}/reaction`, {}, 400, 'validation_failed'],
      ['a post id out of range', 'GET', '/api/v1/posts/99999999999999999', undefined, 400, 'validation_failed'],
      ['a post id that is not a number', 'GET', '/api/v1/posts/1e3', undefined, 400, 'validation_failed'],
      ['a comment id of 0', 'DELETE', '/api/v1/comments/0', undefined, 400, 'validation_failed'],
      ['a missing post', 'GET', '/api/v1/posts/987654321', undefined, 404, 'not_found'],
      ['a topic that is no topic', 'GET', '/api/v1/topics/not-a-topic/posts', undefined, 400, 'validation_failed'],
      ['a topic too long', 'GET', `/api/v1/topics/${'t'.repeat(61)}/posts`, undefined, 400, 'validation_failed'],
      ['an unknown reactions kind', 'GET', `/api/v1/posts/${postId}/reactions?kind=love`, undefined, 400, 'validation_failed'],
      ['a page too large', 'GET', '/api/v1/feed?limit=51', undefined, 400, 'validation_failed'],
      ['a cursor that is not one', 'GET', '/api/v1/feed?cursor=nonsense', undefined, 400, 'invalid_cursor'],
      ['a cursor with an impossible date', 'GET', `/api/v1/feed?cursor=${forged({ t: '2026-02-31T00:00:00.000000Z', i: 1 })}`, undefined, 400, 'invalid_cursor'],
      ['a cursor with a huge id', 'GET', `/api/v1/members/${author.handle}/posts?cursor=${forged({ t: '2026-01-01T00:00:00.000000Z', i: 2 ** 60 })}`, undefined, 400, 'invalid_cursor'],
      ['a forged topic cursor', 'GET', `/api/v1/topics/x/posts?cursor=${forged({ t: 'now', i: 1 })}`, undefined, 400, 'invalid_cursor'],
      ['a forged comments cursor', 'GET', `/api/v1/posts/${postId}/comments?cursor=${forged({ t: '2026-01-01T00:00:00.000000Z', i: -1 })}`, undefined, 400, 'invalid_cursor'],
      ['a reactors cursor from another list', 'GET', `/api/v1/posts/${postId}/reactions?cursor=${forged({ n: 'ana', i: 1 })}`, undefined, 400, 'invalid_cursor'],
    ];

    it('answers each with its 400 (or 404) problem and writes nothing', async () => {
      const tables = ['posts', 'comments', 'post_reactions', 'comment_reactions', 'post_mentions', 'post_topics', 'events'];
      const before = await Promise.all(tables.map(count));
      for (const [what, method, url, body, status, code] of cases()) {
        const res = await author.call(method as 'POST', url, body);
        expect(res.statusCode, `${what}: ${res.body}`).toBe(status);
        expect(res.headers['content-type'], what).toContain('application/problem+json');
        expect(res.json().code, what).toBe(code);
      }
      expect(await Promise.all(tables.map(count))).toEqual(before);
    });

    it('stores text as written and answers it as-is (the web renders it inert)', async () => {
      const text = '<script>alert("x")</script> & <b>bold</b> \'quotes\' {{ template }} ${x} \u202b? no: direction marks only \u200f';
      const markup = await author.call('POST', '/api/v1/posts', { text: text.replace('\u202b', '') });
      expect(markup.statusCode, markup.body).toBe(201);
      const shown = (await author.call('GET', `/api/v1/posts/${markup.json().id}`)).json();
      expect(shown.text).toBe(text.replace('\u202b', '').trim());
      // A character that reorders text is refused rather than stored.
      expect((await author.call('POST', '/api/v1/posts', { text })).statusCode).toBe(400);
    });
  });
});
