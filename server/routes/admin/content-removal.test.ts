import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { startConversation } from '../messages/messages-test-helpers.ts';
import { connect } from '../network/network-test-helpers.ts';
import { comment, ids, post } from '../posts/post-test-helpers.ts';

describeEachEngine('operators remove posts, comments and messages', (get) => {
  let operator: Member;
  let author: Member;
  let reader: Member;
  const remove = (by: Member, kind: string, id: number, reason = 'Spam, against the community rules') =>
    by.call('POST', '/api/v1/admin/content/remove', { kind, id, reason });
  const reportStatus = async (id: number) => (await rows<{ status: string }>(get().database.db, sql`SELECT status FROM reports WHERE id = ${id}`))[0]!.status;
  const fileReport = async (body: Record<string, unknown>) => {
    const res = await reader.call('POST', '/api/v1/reports', { member: author.handle, reason: 'spam', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: number }>().id;
  };

  beforeAll(async () => {
    operator = await signUp(get().app, 'Removal Operator');
    author = await signUp(get().app, 'Spammy Author');
    reader = await signUp(get().app, 'Patient Reader');
    await connect(author, reader);
  });

  it('removes a post from everywhere, with its comments, resolves its reports and tells its author', async () => {
    const postId = await post(author, 'Cheap followers, DM me #growth');
    await comment(reader, postId, 'Please stop');
    expect((await reader.call('PUT', `/api/v1/posts/${postId}/reaction`, { kind: 'funny' })).statusCode).toBeLessThan(300);
    const repost = await post(reader, 'Look at this spam', 'members', postId);
    const reportId = await fileReport({ postId });
    expect(await ids(reader, '/api/v1/feed')).toContain(postId);

    const res = await remove(operator, 'post', postId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ kind: 'post', id: postId, author: author.handle, reportsResolved: 1 });

    for (const m of [author, reader]) {
      expect((await m.call('GET', `/api/v1/posts/${postId}`)).statusCode).toBe(404);
      expect(await ids(m, '/api/v1/feed')).not.toContain(postId);
    }
    expect(await ids(reader, `/api/v1/members/${author.handle}/posts`)).not.toContain(postId);
    expect(await ids(reader, '/api/v1/topics/growth/posts')).not.toContain(postId);
    expect(await rows(get().database.db, sql`SELECT id FROM comments WHERE post_id = ${postId}`)).toEqual([]);
    // The repost stays and says its original is gone, as when an author deletes a post.
    expect((await reader.call('GET', `/api/v1/posts/${repost}`)).json()).toMatchObject({ id: repost, repostOf: null });
    expect(await reportStatus(reportId)).toBe('actioned');

    const notices = (await author.call('GET', '/api/v1/me/notices')).json<{ items: { kind: string; code: string; params: Record<string, unknown>; text: string }[] }>();
    expect(notices.items[0]).toMatchObject({
      kind: 'removal',
      code: 'notice.content_removed',
      params: { kind: 'post', excerpt: 'Cheap followers, DM me #growth', reason: 'Spam, against the community rules' },
      text: 'An operator removed your post “Cheap followers, DM me #growth”. Reason: Spam, against the community rules',
    });
    const audit = (await operator.call('GET', '/api/v1/admin/audit?action=moderation.remove_content')).json<{ items: { actor: { handle: string }; subject: { handle: string }; data: Record<string, unknown> }[] }>();
    expect(audit.items[0]).toMatchObject({
      actor: { handle: operator.handle },
      subject: { handle: author.handle },
      data: { kind: 'post', id: postId, postId, reason: 'Spam, against the community rules', reports: [reportId] },
    });
    const [event] = await rows<{ actor_id: number; subject_id: number; data: Record<string, unknown> }>(
      get().database.db,
      sql`SELECT actor_id, subject_id, data FROM events WHERE kind = 'content.removed' ORDER BY id DESC LIMIT 1`,
    );
    expect(event).toMatchObject({ actor_id: operator.id, subject_id: author.id, data: { kind: 'post', id: postId } });
    // Gone is gone: a second removal finds nothing.
    expect((await remove(operator, 'post', postId)).statusCode).toBe(404);
  });

  it('gives a repost back to its original when the repost is removed', async () => {
    const original = await post(reader, 'A thoughtful original');
    const repost = await post(author, 'Look at this, and buy my stuff', 'members', original);
    expect((await reader.call('GET', `/api/v1/posts/${original}`)).json().repostCount).toBe(1);
    expect((await remove(operator, 'post', repost)).statusCode).toBe(200);
    expect((await reader.call('GET', `/api/v1/posts/${original}`)).json().repostCount).toBe(0);
  });

  it('removes a comment with its replies, and the post counts them out', async () => {
    const postId = await post(reader, 'How do you plan your week?');
    const spam = await comment(author, postId, 'I plan it with my paid course, link in bio');
    await comment(reader, postId, 'Not this again', spam);
    await comment(reader, postId, 'A calendar and a notebook');
    expect((await reader.call('GET', `/api/v1/posts/${postId}`)).json().commentCount).toBe(3);
    const reportId = await fileReport({ commentId: spam });
    expect((await remove(operator, 'comment', spam)).json()).toMatchObject({ kind: 'comment', id: spam, reportsResolved: 1 });
    expect((await reader.call('GET', `/api/v1/posts/${postId}`)).json().commentCount).toBe(1);
    const listed = (await reader.call('GET', `/api/v1/posts/${postId}/comments`)).json<{ items: { id: number; text: string }[] }>();
    expect(listed.items.map((c) => c.text)).toEqual(['A calendar and a notebook']);
    expect(await reportStatus(reportId)).toBe('actioned');
  });

  it('leaves a removed message in its conversation as a tombstone, for everyone in it', async () => {
    const conversationId = await startConversation(author, [reader], 'Book a call with me https://pitch.example.com');
    const follow = await author.call('POST', `/api/v1/conversations/${conversationId}/messages`, { text: 'Are you there?' });
    expect(follow.statusCode).toBe(201);
    const [first] = await rows<{ id: number }>(get().database.db, sql`SELECT min(id)::int AS id FROM messages WHERE conversation_id = ${conversationId}`);
    const reportId = await fileReport({ messageId: first!.id });
    expect((await remove(operator, 'message', first!.id)).json()).toMatchObject({ kind: 'message', id: first!.id, reportsResolved: 1 });

    for (const m of [author, reader]) {
      const page = (await m.call('GET', `/api/v1/conversations/${conversationId}/messages`)).json<{ items: { id: number; text: string; removed: boolean; link: unknown }[] }>();
      expect(page.items.map(({ id, text, removed, link }) => ({ id, text, removed, link }))).toEqual([
        { id: follow.json().id, text: 'Are you there?', removed: false, link: null },
        { id: first!.id, text: '', removed: true, link: null },
      ]);
    }
    const [stored] = await rows<{ text: string; link_url: string | null }>(get().database.db, sql`SELECT text, link_url FROM messages WHERE id = ${first!.id}`);
    expect(stored).toEqual({ text: '', link_url: null });
    expect(await reportStatus(reportId)).toBe('actioned');
    // The report keeps what it said.
    const [kept] = await rows<{ content: { text: string } }>(get().database.db, sql`SELECT content FROM reports WHERE id = ${reportId}`);
    expect(kept!.content.text).toBe('Book a call with me https://pitch.example.com');
    const [event] = await rows<{ data: { members: number[] } }>(get().database.db, sql`SELECT data FROM events WHERE kind = 'content.removed' ORDER BY id DESC LIMIT 1`);
    expect(event!.data.members.sort()).toEqual([author.id, reader.id].sort());

    const again = await remove(operator, 'message', first!.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_removed');
    // A removed message can no longer be reported.
    expect((await reader.call('POST', '/api/v1/reports', { member: author.handle, reason: 'spam', messageId: first!.id })).statusCode).toBe(404);
    // The last message shows as removed in the list when it is the last one.
    const lastId = follow.json().id as number;
    expect((await remove(operator, 'message', lastId)).statusCode).toBe(200);
    const list = (await reader.call('GET', `/api/v1/conversations/${conversationId}`)).json<{ lastMessage: { text: string; removed: boolean } }>();
    expect(list.lastMessage).toMatchObject({ text: '', removed: true });
  });

  it('is for operators only, not on their own content, and answers bad input with 4xx', async () => {
    const postId = await post(author, 'Still here');
    const forbidden = await remove(reader, 'post', postId);
    expect(forbidden.statusCode).toBe(403);
    const own = await post(operator, 'The rules of this community');
    expect((await remove(operator, 'post', own)).statusCode).toBe(403);
    const bad = async (body: unknown, status: number, code: string) => {
      const res = await operator.call('POST', '/api/v1/admin/content/remove', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().code).toBe(code);
    };
    await bad({ kind: 'post', id: postId }, 400, 'validation_failed');
    await bad({ kind: 'post', id: postId, reason: '   ' }, 400, 'validation_failed');
    await bad({ kind: 'profile', id: postId, reason: 'x' }, 400, 'validation_failed');
    await bad({ kind: 'post', id: 0, reason: 'x' }, 400, 'validation_failed');
    await bad({ kind: 'post', id: postId, reason: 'x', extra: 1 }, 400, 'validation_failed');
    await bad({ kind: 'comment', id: 987654321, reason: 'x' }, 404, 'not_found');
    await bad({ kind: 'message', id: 987654321, reason: 'x' }, 404, 'not_found');
    expect((await author.call('GET', `/api/v1/posts/${postId}`)).statusCode).toBe(200);
  });
});
