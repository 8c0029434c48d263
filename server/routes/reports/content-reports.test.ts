import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { startConversation } from '../messages/messages-test-helpers.ts';
import { connect } from '../network/network-test-helpers.ts';
import { comment, post } from '../posts/post-test-helpers.ts';

interface QueueReport {
  type: 'report';
  id: number;
  content: { kind: string; id: number; text: string; postId: number | null; conversationId: number | null; editedAt: string | null; now: string } | null;
  members: { handle: string }[];
}

describeEachEngine('reports of posts, comments and messages', (get) => {
  let operator: Member;
  let reporter: Member;
  let author: Member;
  let stranger: Member;
  const reportCount = async () => (await rows<{ n: number }>(get().database.db, sql`SELECT count(*)::int AS n FROM reports`))[0]!.n;
  const report = (by: Member, body: Record<string, unknown>) => by.call('POST', '/api/v1/reports', { member: author.handle, reason: 'spam', ...body });
  const queueReport = async (id: number): Promise<QueueReport> => {
    const res = await operator.call('GET', '/api/v1/admin/moderation?limit=50');
    expect(res.statusCode, res.body).toBe(200);
    const item = res.json<{ items: (QueueReport | { type: 'flag' })[] }>().items.find((i): i is QueueReport => i.type === 'report' && i.id === id);
    expect(item, `report ${id} in the queue`).toBeDefined();
    return item!;
  };

  beforeAll(async () => {
    operator = await signUp(get().app, 'Content Operator');
    reporter = await signUp(get().app, 'Rita Reporter');
    author = await signUp(get().app, 'Arno Author');
    stranger = await signUp(get().app, 'Sid Stranger');
  });

  it('files a report about a post with a snapshot that survives an edit, and shows it in the queue', async () => {
    const postId = await post(author, 'Buy my course today, only 9 euros');
    const res = await report(reporter, { postId, details: 'A course pitch' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: number }>().id;
    const [stored] = await rows<{ content_kind: string; content_id: number; content: { text: string; postId: number } }>(
      get().database.db,
      sql`SELECT content_kind, content_id::int AS content_id, content FROM reports WHERE id = ${id}`,
    );
    expect(stored).toMatchObject({ content_kind: 'post', content_id: postId, content: { text: 'Buy my course today, only 9 euros', postId } });

    expect((await queueReport(id)).content).toMatchObject({ kind: 'post', id: postId, text: 'Buy my course today, only 9 euros', postId, conversationId: null, now: 'as_reported' });
    expect((await queueReport(id)).members.map((m) => m.handle)).toEqual([author.handle]);

    const edited = await author.call('PATCH', `/api/v1/posts/${postId}`, { text: 'A harmless post about gardening' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await queueReport(id)).content).toMatchObject({ text: 'Buy my course today, only 9 euros', now: 'edited' });

    // The same post again is a 409; the member themselves, or another post, may still be reported.
    const again = await report(reporter, { postId });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'report_exists', key: 'report_exists.content' });
    expect((await report(reporter, {})).statusCode).toBe(201);
    expect((await report(reporter, { postId: await post(author, 'Another pitch, with a discount') })).statusCode).toBe(201);
    // Three open reports, but from one member: not a 'reports' flag.
    expect(await rows(get().database.db, sql`SELECT id FROM moderation_flags WHERE kind = 'reports' AND ${author.id} = ANY(member_ids)`)).toEqual([]);
  });

  it('keeps a comment as evidence after its author deletes it', async () => {
    const postId = await post(stranger, 'What do you all think of the new library?');
    const commentId = await comment(author, postId, 'Visit my shop for cheap watches');
    const res = await report(reporter, { commentId, reason: 'scam' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: number }>().id;
    expect((await author.call('DELETE', `/api/v1/comments/${commentId}`)).statusCode).toBe(204);
    expect((await queueReport(id)).content).toMatchObject({ kind: 'comment', id: commentId, postId, text: 'Visit my shop for cheap watches', now: 'gone' });
  });

  it('lets a member of a conversation report a message in it, and nobody else', async () => {
    const conversationId = await startConversation(author, [reporter], 'Click here for a prize: it is yours');
    const [message] = await rows<{ id: number }>(get().database.db, sql`SELECT id::int AS id FROM messages WHERE conversation_id = ${conversationId}`);
    const before = await reportCount();
    const outsider = await report(stranger, { messageId: message!.id });
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json()).toMatchObject({ code: 'not_found', key: 'not_found.message' });
    expect(await reportCount()).toBe(before);

    const res = await report(reporter, { messageId: message!.id, reason: 'scam' });
    expect(res.statusCode, res.body).toBe(201);
    expect((await queueReport(res.json<{ id: number }>().id)).content).toMatchObject({
      kind: 'message',
      id: message!.id,
      conversationId,
      postId: null,
      text: 'Click here for a prize: it is yours',
      now: 'as_reported',
    });
  });

  it('answers 404 without telling why: hidden, missing, or not the member’s', async () => {
    const before = await reportCount();
    const notFound = async (body: Record<string, unknown>, key: string) => {
      const res = await report(reporter, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(404);
      expect(res.json()).toMatchObject({ code: 'not_found', key });
    };
    // Shared with the author's connections only: the reporter is not one, the stranger (connected) is.
    await connect(author, stranger);
    const hidden = await post(author, 'Only for my connections', 'connections');
    await notFound({ postId: hidden }, 'not_found.post');
    expect((await stranger.call('POST', '/api/v1/reports', { member: author.handle, reason: 'other', postId: hidden })).statusCode).toBe(201);
    // Someone else's post, named as the author's; one that does not exist.
    await notFound({ postId: await post(stranger, 'My own words') }, 'not_found.post');
    await notFound({ postId: 987654321 }, 'not_found.post');
    await notFound({ commentId: 987654321 }, 'not_found.comment');
    await notFound({ messageId: 987654321 }, 'not_found.message');
    // A post of a member who blocked the reporter: the member is not found at all.
    const visible = await post(author, 'Visible to all members');
    expect((await author.call('PUT', `/api/v1/members/${reporter.handle}/block`)).statusCode).toBeLessThan(300);
    await notFound({ postId: visible }, 'not_found.member');
    expect((await author.call('DELETE', `/api/v1/members/${reporter.handle}/block`)).statusCode).toBeLessThan(300);
    expect(await reportCount()).toBe(before + 1);
  });

  it('refuses more than one thing to report, and bad ids, with 400', async () => {
    const before = await reportCount();
    const bad = async (body: Record<string, unknown>, path: string) => {
      const res = await report(reporter, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      expect(res.json().errors[0].path).toBe(path);
    };
    await bad({ postId: 1, commentId: 2 }, 'body.commentId');
    await bad({ invitationId: 1, messageId: 2 }, 'body.messageId');
    await bad({ postId: 0 }, 'body.postId');
    await bad({ commentId: '12' }, 'body.commentId');
    await bad({ messageId: -3 }, 'body.messageId');
    expect(await reportCount()).toBe(before);
  });
});
