import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../db/connection.ts';
import { sweepDeletions } from '../jobs/account-deletion.ts';
import { connect, degreeOf } from '../routes/network/network-test-helpers.ts';
import { type Member, STRONG_PASSWORD, signUp } from './client.ts';
import { describeEachEngine } from './engines.ts';

/**
 * Account deletion end to end (docs/account-deletion.md): the acceptance test greps every table of the
 * database for the member's name, email and handle after the purge; then cancel, tombstones, the graph and
 * caches forgetting them, an idempotent retry and hostile input.
 */
describeEachEngine('account deletion', (get) => {
  const db = () => get().database.db;
  const NAME = 'Zebulon Quixotewell';
  let zed: Member;
  let ana: Member;
  let bo: Member;
  let cy: Member;
  let email: string;
  let anaPostId: number;
  let zedCommentId: number;
  let conversationId: number;

  /** Makes every pending deletion due now, runs the hourly sweep and the purge jobs it enqueued. */
  const purgeDue = async () => {
    await db().execute(sql`UPDATE account_deletions SET purge_after = now() - interval '1 second' WHERE status = 'pending'`);
    const due = await sweepDeletions(db());
    await get().app.ctx.jobs.kick();
    return due;
  };

  beforeAll(async () => {
    const app = get().app;
    email = `Zebulon.Quixotewell.${get().engine}@example.com`;
    zed = await signUp(app, NAME, email);
    ana = await signUp(app, `Ana Del ${get().engine}`);
    bo = await signUp(app, `Bo Del ${get().engine}`);
    cy = await signUp(app, `Cy Del ${get().engine}`);
    const ok = (res: { statusCode: number; body: string }, status = 200) => expect(res.statusCode, res.body).toBe(status);

    ok(await zed.call('PATCH', '/api/v1/me/profile', { headline: `${NAME} builds bridges`, about: `I am ${NAME}, write to ${email}`, skills: ['Bridge building'] }));
    await connect(zed, ana);
    await connect(bo, zed);
    ok(await zed.call('PUT', `/api/v1/members/${cy.handle}/follow`));
    ok(await cy.call('PUT', `/api/v1/members/${zed.handle}/follow`));
    // An open invitation whose note carries the name.
    ok(await zed.call('POST', '/api/v1/invitations', { to: cy.handle, note: `Hello from ${NAME}` }), 201);
    // Posts, reactions and comments both ways.
    const zedPost = await zed.call('POST', '/api/v1/posts', { text: `A post by ${NAME}`, visibility: 'members' });
    ok(zedPost, 201);
    const zedPostId = zedPost.json<{ id: number }>().id;
    ok(await ana.call('POST', `/api/v1/posts/${zedPostId}/comments`, { text: 'Nice one' }), 201);
    ok(await ana.call('PUT', `/api/v1/posts/${zedPostId}/reaction`, { kind: 'like' }));
    const anaPost = await ana.call('POST', '/api/v1/posts', { text: 'A post by Ana', visibility: 'members' });
    ok(anaPost, 201);
    anaPostId = anaPost.json<{ id: number }>().id;
    const zedComment = await zed.call('POST', `/api/v1/posts/${anaPostId}/comments`, { text: `Signed, ${NAME} (${zed.handle})` });
    ok(zedComment, 201);
    zedCommentId = zedComment.json<{ id: number }>().id;
    // A reply to it: the thread must still read once their comment is a tombstone.
    ok(await bo.call('POST', `/api/v1/posts/${anaPostId}/comments`, { text: 'Agreed with that', parentId: zedCommentId }), 201);
    ok(await zed.call('PUT', `/api/v1/posts/${anaPostId}/reaction`, { kind: 'celebrate' }));
    // Messages with another member.
    const started = await zed.call('POST', '/api/v1/conversations', { to: [ana.handle], text: `Hi Ana, it is ${NAME}` });
    ok(started, 201);
    conversationId = started.json<{ id: number }>().id;
    ok(await ana.call('POST', `/api/v1/conversations/${conversationId}/messages`, { text: 'Hi Zebulon!' }), 201);
    // Relationship memory both ways, and an endorsement.
    ok(await zed.call('POST', `/api/v1/members/${ana.handle}/notes`, { text: `${NAME} met Ana at the fair` }), 201);
    ok(await ana.call('POST', `/api/v1/members/${zed.handle}/notes`, { text: `Met ${NAME} (${email}) at the fair` }), 201);
    // An invitation to join they emailed to someone outside: the email in the outbox names them.
    ok(await zed.call('POST', '/api/v1/email-invitations', { email: 'outsider.friend@example.net', note: `From ${NAME}` }), 201);
    ok(await ana.call('PUT', `/api/v1/members/${zed.handle}/skills/${encodeURIComponent('Bridge building')}/endorsement`));
  }, 120_000);

  it('DELETE /me with no body answers 202 with the date; asking again is the same; cancel undoes it; cancelling again is 409', async () => {
    const res = await bo.call('DELETE', '/api/v1/me');
    expect(res.statusCode, res.body).toBe(202);
    const body = res.json<{ scheduled: boolean; purgeAfter: string }>();
    expect(body.scheduled).toBe(true);
    const grace = Date.parse(body.purgeAfter) - Date.now();
    expect(grace).toBeGreaterThan(13.9 * 86_400_000);
    expect(grace).toBeLessThan(14.1 * 86_400_000);
    const again = await bo.call('DELETE', '/api/v1/me');
    expect(again.statusCode).toBe(202);
    expect(again.json().purgeAfter).toBe(body.purgeAfter);
    expect((await bo.call('GET', '/api/v1/me/deletion')).json()).toMatchObject({ scheduled: true, purgeAfter: body.purgeAfter });
    // The member still signs in during the grace period.
    const login = await get().app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: bo.email, password: STRONG_PASSWORD } });
    expect(login.statusCode, login.body).toBe(200);
    const cancel = await bo.call('POST', '/api/v1/me/cancel-deletion');
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json()).toMatchObject({ scheduled: false });
    const twice = await bo.call('POST', '/api/v1/me/cancel-deletion');
    expect(twice.statusCode).toBe(409);
    expect(twice.headers['content-type']).toContain('application/problem+json');
    expect(twice.json().code).toBe('deletion_not_scheduled');
    // Nothing is purged once cancelled.
    expect(await purgeDue()).toBe(0);
    expect((await bo.call('GET', '/api/v1/me')).statusCode).toBe(200);
  });

  it('works with an access token too, and hostile input never answers 5xx', async () => {
    const token = await cy.call('POST', '/api/v1/me/tokens', { name: 'script' });
    expect(token.statusCode, token.body).toBe(201);
    const bearer = { authorization: `Bearer ${token.json<{ token: string }>().token}` };
    const del = await get().app.inject({ method: 'DELETE', url: '/api/v1/me', headers: bearer });
    expect(del.statusCode, del.body).toBe(202);
    const cancel = await get().app.inject({ method: 'POST', url: '/api/v1/me/cancel-deletion', headers: bearer });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const hostile = [
      { method: 'DELETE' as const, url: '/api/v1/me', headers: { ...bearer, 'content-type': 'application/json' }, payload: '{"x":' },
      { method: 'DELETE' as const, url: '/api/v1/me', headers: { ...bearer, 'content-type': 'text/plain' }, payload: '\u0000\uffff' },
      { method: 'POST' as const, url: '/api/v1/me/cancel-deletion', headers: { ...bearer, 'content-type': 'application/json' }, payload: '[]' },
      { method: 'DELETE' as const, url: '/api/v1/me', headers: { authorization: 'Bearer nonsense' } },
      { method: 'POST' as const, url: '/api/v1/me/cancel-deletion' },
      { method: 'GET' as const, url: '/api/v1/admin/deletions', headers: bearer },
    ];
    for (const request of hostile) {
      const res = await get().app.inject(request);
      expect(res.statusCode, `${request.method} ${request.url}: ${res.body}`).toBeLessThan(500);
    }
    // Whatever the hostile requests did, cy is not left scheduled.
    await get().app.inject({ method: 'POST', url: '/api/v1/me/cancel-deletion', headers: bearer });
    expect((await rows(db(), sql`SELECT 1 FROM account_deletions WHERE member_id = ${cy.id} AND status = 'pending'`)).length).toBe(0);
  });

  it('after the grace period the purge leaves none of their name, email or handle in any table', async () => {
    // Before: the caches and the graph know them (warm the caches on purpose).
    expect((await zed.call('GET', '/api/v1/me')).statusCode).toBe(200);
    expect((await ana.call('GET', `/api/v1/members/${zed.handle}`)).statusCode).toBe(200);
    expect(await degreeOf(ana, bo)).toBe(2);
    const found = await ana.call('GET', `/api/v1/search/members?q=${encodeURIComponent('Zebulon')}`);
    expect(JSON.stringify(found.json())).toContain(zed.handle);

    const res = await zed.call('DELETE', '/api/v1/me');
    expect(res.statusCode, res.body).toBe(202);
    // The email says when and how to cancel.
    const [mail] = await rows<{ subject: string; text_body: string }>(db(), sql`SELECT subject, text_body FROM email_outbox WHERE member_id = ${zed.id} AND subject LIKE '%deleted%'`);
    expect(mail?.text_body).toContain('/settings');
    // Not yet due: the sweep leaves them.
    expect(await sweepDeletions(db())).toBe(0);

    expect(await purgeDue()).toBe(1);

    const needles = [NAME, email, zed.handle].map((n) => n.toLowerCase());
    const tables = await rows<{ table_name: string }>(
      db(),
      sql`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    expect(tables.length).toBeGreaterThan(40);
    const leaks: string[] = [];
    for (const { table_name } of tables) {
      const hits = await rows<{ row: string }>(
        db(),
        sql`SELECT t::text AS row FROM ${sql.identifier(table_name)} t
             WHERE position(${needles[0]!} in lower(t::text)) > 0 OR position(${needles[1]!} in lower(t::text)) > 0 OR position(${needles[2]!} in lower(t::text)) > 0`,
      );
      for (const h of hits) leaks.push(`${table_name}: ${h.row.slice(0, 200)}`);
    }
    expect(leaks).toEqual([]);
  });

  it('signing in fails, their credentials and every cache have dropped them, and the address may sign up again', async () => {
    expect((await zed.call('GET', '/api/v1/me')).statusCode).toBe(401);
    const login = await get().app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: STRONG_PASSWORD } });
    expect(login.statusCode).toBe(401);
    expect((await ana.call('GET', `/api/v1/members/${zed.handle}`)).statusCode).toBe(404);
    const search = await ana.call('GET', `/api/v1/search/members?q=${encodeURIComponent('Zebulon')}`);
    expect(search.statusCode).toBe(200);
    expect(JSON.stringify(search.json())).not.toContain('Zebulon');
    const again = await signUp(get().app, 'Someone New', email);
    expect(again.id).not.toBe(zed.id);
  });

  it('the graph index drops their edges: no path runs through them any more', async () => {
    expect(await degreeOf(ana, bo)).not.toBe(2);
    const index = get().app.ctx.graph.index;
    expect(await index.degrees(ana.id, [zed.id, bo.id])).toEqual([null, null]);
  });

  it('the other member keeps the thread and the conversation, with tombstones', async () => {
    const [comment] = await rows<{ text: string; author_id: number }>(db(), sql`SELECT text, author_id FROM comments WHERE id = ${zedCommentId}`);
    expect(comment).toMatchObject({ text: '', author_id: zed.id });
    // The rows stay for Ana's history.
    const messages = await rows<{ text: string; removed: boolean; sender_id: number }>(
      db(),
      sql`SELECT text, removed_at IS NOT NULL AS removed, sender_id FROM messages WHERE conversation_id = ${conversationId} ORDER BY id`,
    );
    expect(messages).toEqual([
      { text: '', removed: true, sender_id: zed.id },
      { text: 'Hi Zebulon!', removed: false, sender_id: ana.id },
    ]);
    // Their own post went, with Ana's comment on it and her reaction.
    expect((await rows(db(), sql`SELECT 1 FROM posts WHERE author_id = ${zed.id}`)).length).toBe(0);
  });

  it('the API shows their comment as a tombstone with the replies under it, which nobody can react to or answer', async () => {
    for (const viewer of [ana, bo]) {
      const res = await viewer.call('GET', `/api/v1/posts/${anaPostId}/comments`);
      expect(res.statusCode, res.body).toBe(200);
      const [thread] = res.json<{ items: { id: number; author: unknown; deleted: boolean; text: string; abilities: Record<string, boolean>; replies: { text: string; deleted: boolean; author: { handle: string } }[] }[] }>().items;
      expect(thread).toMatchObject({ id: zedCommentId, author: null, deleted: true, text: '', mentions: [] });
      expect(thread!.replies).toEqual([expect.objectContaining({ text: 'Agreed with that', deleted: false, author: expect.objectContaining({ handle: bo.handle }) })]);
      expect(thread!.abilities).toMatchObject({ canEdit: false, canReact: false, canComment: false, canReport: false, canConnect: false, canFollow: false });
      // Only the post's author may still remove it.
      expect(thread!.abilities.canDelete).toBe(viewer === ana);
      expect(JSON.stringify(res.json())).not.toContain(zed.handle);
    }
    expect((await bo.call('PUT', `/api/v1/comments/${zedCommentId}/reaction`, { kind: 'like' })).statusCode).toBe(404);
    const reply = await bo.call('POST', `/api/v1/posts/${anaPostId}/comments`, { text: 'Still there?', parentId: zedCommentId });
    expect(reply.statusCode).toBe(400);
    expect(reply.json()).toMatchObject({ code: 'comment_parent_invalid' });
  });

  it('the API keeps the conversation, read-only: their messages as tombstones, the other side’s as they were', async () => {
    const list = await ana.call('GET', '/api/v1/conversations');
    expect(list.statusCode, list.body).toBe(200);
    const summary = list.json<{ items: { id: number }[] }>().items.find((c) => c.id === conversationId);
    expect(summary).toMatchObject({ members: [], peerDeleted: true, abilities: { canReply: false, canAccept: false }, lastMessage: { mine: true, text: 'Hi Zebulon!', deleted: false } });
    expect((await ana.call('GET', `/api/v1/conversations/${conversationId}`)).json()).toMatchObject({ peerDeleted: true });
    const messages = await ana.call('GET', `/api/v1/conversations/${conversationId}/messages`);
    expect(messages.statusCode, messages.body).toBe(200);
    expect(messages.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({ text: 'Hi Zebulon!', mine: true, deleted: false, sender: expect.objectContaining({ handle: ana.handle }) }),
      expect.objectContaining({ text: '', mine: false, deleted: true, sender: null, link: null, image: null }),
    ]);
    // Nothing more can be sent; the viewer's own actions on it still work.
    expect((await ana.call('POST', `/api/v1/conversations/${conversationId}/messages`, { text: 'Hello?' })).statusCode).toBe(404);
    expect((await ana.call('POST', `/api/v1/conversations/${conversationId}/read`)).statusCode).toBeLessThan(300);
  });

  it('a retried purge does nothing more, and operators see counts and an audit entry without the person', async () => {
    await db().execute(sql`INSERT INTO jobs (kind, payload) VALUES ('account.purge', ${JSON.stringify({ memberId: zed.id })}::jsonb)`);
    await get().app.ctx.jobs.kick();
    const [job] = await rows<{ status: string }>(db(), sql`SELECT status FROM jobs WHERE kind = 'account.purge' ORDER BY id DESC LIMIT 1`);
    expect(job?.status).toBe('done');
    expect((await rows(db(), sql`SELECT 1 FROM events WHERE kind = 'member.deleted' AND subject_id = ${zed.id}`)).length).toBe(1);

    const operator = await signUp(get().app, `Olga Del ${get().engine}`);
    await db().execute(sql`UPDATE members SET role = 'admin' WHERE id = ${operator.id}`);
    const counts = await operator.call('GET', '/api/v1/admin/deletions');
    expect(counts.statusCode, counts.body).toBe(200);
    const month = new Date().toISOString().slice(0, 7);
    expect(counts.json()).toMatchObject({ pending: 0 });
    expect(counts.json().months[0]).toMatchObject({ month, completed: 1, cancelled: 2 });
    expect((await ana.call('GET', '/api/v1/admin/deletions')).statusCode).toBe(403);
    const audit = await rows<{ data: unknown; subject_id: string }>(db(), sql`SELECT data, subject_id FROM audit_events WHERE action = 'account.purge'`);
    expect(audit).toEqual([{ data: {}, subject_id: String(zed.id) }]);
  });
});

describe('account deletion config', () => {
  it('the grace period defaults to 14 days and is configurable', async () => {
    const { loadConfig } = await import('../config.ts');
    expect(loadConfig({ NODE_ENV: 'test' }).accountDeletion.graceMs).toBe(14 * 86_400_000);
    expect(loadConfig({ NODE_ENV: 'test', ACCOUNT_DELETION_GRACE_DAYS: '2' }).accountDeletion.graceMs).toBe(2 * 86_400_000);
  });
});
