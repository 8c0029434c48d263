import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rows } from '../db/connection.ts';
import { registerLinkPreviews, requeuePendingPreviews } from './link-previews.ts';
import { JobQueue } from './queue.ts';
import { type Member, signUp } from '../test/client.ts';
import { describeEachEngine, type TestApp } from '../test/engines.ts';
import { bytesPage, ogPage, type PageServer, startPageServer } from '../test/http-pages.ts';
import { png } from '../test/uploads.ts';
import { connect } from '../routes/network/network-test-helpers.ts';
import { signUpAll } from '../routes/posts/post-test-helpers.ts';

type Preview = { url: string; canonicalUrl: string | null; title: string; description: string | null; siteName: string | null; image: { url: string; width: number; height: number } | null };

let site: PageServer;
// Down (503) for its next request once set, up after: a failure that passes.
let flakyDown = false;
beforeAll(async () => {
  const image = await png(120, 60);
  site = await startPageServer({
    '/article': ogPage({ title: 'Ten lessons from <b>our</b> first year', description: 'What we learned', siteName: 'Field Notes', image: '/cover.png', canonical: '/article?ref=canonical' }),
    '/cover.png': bytesPage('image/png', image),
    '/second': ogPage({ title: 'Second page' }),
    '/no-title': bytesPage('text/html', '<html><body>nothing to say</body></html>'),
    '/data.json': bytesPage('application/json', '{"title":"no"}'),
    '/not-an-image': ogPage({ title: 'Bad cover', image: '/data.json' }),
    '/flaky': (req, res) => {
      if (!flakyDown) return ogPage({ title: 'Back up' })(req, res);
      flakyDown = false;
      res.writeHead(503, { 'content-type': 'text/plain' }).end('down');
    },
    '/down': (_req, res) => void res.writeHead(503, { 'content-type': 'text/plain' }).end('down'),
    '/slow': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><head>');
    },
  });
});
afterAll(() => site.close());

async function write(m: Member, text: string, visibility = 'members'): Promise<number> {
  const res = await m.call('POST', '/api/v1/posts', { text, visibility });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>().id;
}

const previewOf = async (m: Member, postId: number) => (await m.call('GET', `/api/v1/posts/${postId}`)).json<{ linkPreview: Preview | null }>().linkPreview;
const stateOf = async (t: TestApp, postId: number) =>
  (await rows<{ status: string; failure: string | null }>(t.database.db, sql`SELECT status, failure FROM post_link_previews WHERE post_id = ${postId}`))[0] ?? null;
/** The post's `link-preview.refresh` jobs, oldest first, with how long until a queued one is due. */
const jobsOf = (t: TestApp, postId: number) =>
  rows<{ status: string; attempts: number; last_error: string | null; due_in_s: number }>(
    t.database.db,
    sql`SELECT status, attempts, last_error, extract(epoch FROM run_at - now())::float8 AS due_in_s FROM jobs
         WHERE kind = 'link-preview.refresh' AND payload ->> 'postId' = ${String(postId)} ORDER BY id`,
  );
/** As if the backoff had passed: the post's queued jobs are due now. */
const dueNow = (t: TestApp, postId: number) =>
  t.database.db.execute(sql`UPDATE jobs SET run_at = now() WHERE kind = 'link-preview.refresh' AND status = 'queued' AND payload ->> 'postId' = ${String(postId)}`);

describeEachEngine(
  'link previews, fetched after the post commits (private addresses allowed, as in tests)',
  (get) => {
    let olga: Member, ana: Member, cai: Member, sam: Member;
    // The job was enqueued with the post and the queue woken on commit: this waits until it has run.
    const settle = () => get().app.ctx.jobs.kick();
    beforeAll(async () => {
      olga = await signUp(get().app, 'Olga Operator');
      [ana, cai, sam] = await signUpAll((name) => signUp(get().app, name), 'Ana Writer', 'Cai Connection', 'Sam Stranger');
      await connect(ana, cai);
    });

    it('answers the post at once, shows the preview once fetched, and serves its image only to who may see the post', async () => {
      const postId = await write(ana, `Worth reading: ${site.origin}/article.`, 'connections');
      await settle();
      const preview = await previewOf(cai, postId);
      expect(preview).toEqual({
        url: `${site.origin}/article`,
        canonicalUrl: `${site.origin}/article?ref=canonical`,
        title: 'Ten lessons from <b>our</b> first year',
        description: 'What we learned',
        siteName: 'Field Notes',
        image: { url: expect.stringMatching(new RegExp(`^/api/v1/posts/${postId}/link-preview/image\\?v=[\\w-]+$`)), width: 120, height: 60 },
      });
      const image = await cai.call('GET', preview!.image!.url);
      expect(image.statusCode).toBe(200);
      expect(image.headers['content-type']).toBe('image/webp');
      expect((await sam.call('GET', preview!.image!.url)).statusCode).toBe(404);
      // The feed item carries it too.
      const feed = (await cai.call('GET', '/api/v1/feed')).json<{ items: { id: number; linkPreview: Preview | null }[] }>();
      expect(feed.items.find((p) => p.id === postId)?.linkPreview?.title).toBe('Ten lessons from <b>our</b> first year');
      // It came through the job queue: one job, written with the post, done at the first attempt.
      expect(await jobsOf(get(), postId)).toMatchObject([{ status: 'done', attempts: 1, last_error: null }]);
    });

    it('leaves a failure that may pass to the queue, which tries again after its backoff', async () => {
      flakyDown = true;
      const hits = site.hits.get('/flaky') ?? 0;
      const postId = await write(ana, `Flaky: ${site.origin}/flaky`);
      await settle();
      expect(await stateOf(get(), postId)).toEqual({ status: 'pending', failure: 'server_error' });
      const [waiting] = await jobsOf(get(), postId);
      expect(waiting).toMatchObject({ status: 'queued', attempts: 1, last_error: expect.stringMatching(/server_error/) });
      // About a minute (half of it random), not at once.
      expect(waiting!.due_in_s).toBeGreaterThan(25);
      await settle();
      expect(site.hits.get('/flaky')).toBe(hits + 1);
      await dueNow(get(), postId);
      await settle();
      expect(await previewOf(ana, postId)).toMatchObject({ title: 'Back up' });
      expect(await jobsOf(get(), postId)).toMatchObject([{ status: 'done', attempts: 2, last_error: null }]);
    });

    it('records a failure that does not pass once its attempts are spent, without a dead job', async () => {
      const before = site.hits.get('/down') ?? 0;
      const postId = await write(ana, `Down: ${site.origin}/down`);
      for (let attempt = 1; attempt <= 3; attempt++) {
        await settle();
        expect(site.hits.get('/down'), `attempt ${attempt}`).toBe(before + attempt);
        await dueNow(get(), postId);
      }
      await settle();
      expect(site.hits.get('/down')).toBe(before + 3);
      expect(await stateOf(get(), postId)).toEqual({ status: 'failed', failure: 'server_error' });
      expect(await previewOf(ana, postId)).toBeNull();
      // The post simply has no preview: nothing for an operator to retry.
      expect(await jobsOf(get(), postId)).toMatchObject([{ status: 'done', attempts: 3 }]);
    });

    it('lists its jobs on the admin Jobs view', async () => {
      const counts = (await olga.call('GET', '/api/v1/admin/jobs')).json<{ kinds: { kind: string; done: number; dead: number }[] }>();
      const previews = counts.kinds.find((k) => k.kind === 'link-preview.refresh');
      expect(previews).toBeDefined();
      expect(previews!.done).toBeGreaterThanOrEqual(3);
      expect(previews!.dead).toBe(0);
    });

    it('gives a job at start-up to a preview left pending without one (by the worker before the queue)', async () => {
      const postId = await write(ana, `Before: ${site.origin}/second`);
      await settle();
      await get().database.db.execute(sql`DELETE FROM jobs WHERE kind = 'link-preview.refresh' AND payload ->> 'postId' = ${String(postId)}`);
      await get().database.db.execute(sql`UPDATE post_link_previews SET status = 'pending', title = NULL WHERE post_id = ${postId}`);
      expect(await requeuePendingPreviews(get().database.db)).toBe(1);
      // Once only: a job is queued for it now.
      expect(await requeuePendingPreviews(get().database.db)).toBe(0);
      await settle();
      expect(await previewOf(ana, postId)).toMatchObject({ title: 'Second page' });
    });

    it('shows the post without a preview while the page is slow, and gives up at the time cap', async () => {
      const started = Date.now();
      const postId = await write(ana, `Slow: ${site.origin}/slow`);
      expect(Date.now() - started).toBeLessThan(get().config.linkPreviews.timeoutMs);
      expect(await previewOf(ana, postId)).toBeNull();
      await settle();
      expect(await stateOf(get(), postId)).toMatchObject({ failure: 'timeout' });
      expect(await previewOf(ana, postId)).toBeNull();
    });

    it('keeps the preview through an edit that keeps the link, fetches again for a new link, and drops it with the link', async () => {
      const postId = await write(ana, `See ${site.origin}/article`);
      await settle();
      const hits = site.hits.get('/article');
      expect((await ana.call('PATCH', `/api/v1/posts/${postId}`, { text: `Really, see ${site.origin}/article` })).statusCode).toBe(200);
      await settle();
      expect(site.hits.get('/article')).toBe(hits);
      expect((await previewOf(ana, postId))?.title).toBe('Ten lessons from <b>our</b> first year');
      expect((await ana.call('PATCH', `/api/v1/posts/${postId}`, { text: `Now ${site.origin}/second` })).statusCode).toBe(200);
      await settle();
      expect(await previewOf(ana, postId)).toMatchObject({ title: 'Second page', image: null, description: null, siteName: null });
      expect((await ana.call('PATCH', `/api/v1/posts/${postId}`, { text: 'No link any more' })).statusCode).toBe(200);
      expect(await previewOf(ana, postId)).toBeNull();
      expect(await stateOf(get(), postId)).toBeNull();
    });

    it('gives no preview for a page without a title, another type, a missing page or a broken URL, never failing the post', async () => {
      for (const [text, failure] of [
        [`${site.origin}/no-title`, 'no_title'],
        [`${site.origin}/data.json`, 'content_type'],
        [`${site.origin}/missing`, 'status'],
        ['https://%zz.example/', null],
        ['http://[::1', null],
        ['ftp://example.com/file', null],
      ] as const) {
        const postId = await write(ana, `Look: ${text}`);
        await settle();
        expect(await previewOf(ana, postId), text).toBeNull();
        const state = await stateOf(get(), postId);
        if (failure) expect(state, text).toMatchObject({ status: 'failed', failure });
        else expect(state === null || state.status === 'failed', text).toBe(true);
      }
      const badCover = await write(ana, `${site.origin}/not-an-image`);
      await settle();
      expect(await previewOf(ana, badCover)).toMatchObject({ title: 'Bad cover', image: null });
    });

    it('deletes the preview with its post', async () => {
      const postId = await write(ana, `${site.origin}/article`);
      await settle();
      expect((await ana.call('DELETE', `/api/v1/posts/${postId}`)).statusCode).toBe(204);
      expect(await stateOf(get(), postId)).toBeNull();
    });

    it('cuts a fetch short when the process stops, leaving the row as it was and the job to run again', async () => {
      const { db } = get().database;
      // A post whose request and job are written by hand, so that only this worker (not the app's) runs it.
      const postId = await write(ana, 'No link yet');
      await db.execute(sql`INSERT INTO post_link_previews (post_id, url) VALUES (${postId}, ${`${site.origin}/slow`})`);
      await db.execute(sql`INSERT INTO jobs (kind, payload, max_attempts) VALUES ('link-preview.refresh', ${JSON.stringify({ postId })}::jsonb, 3)`);
      const quiet = { info: () => {}, warn: () => {}, error: () => {} };
      const worker = new JobQueue(db, { log: quiet });
      const previews = registerLinkPreviews(worker, { db, config: get().config.linkPreviews, userAgent: 'test' });
      const hits = site.hits.get('/slow') ?? 0;
      const running = worker.kick();
      await expect.poll(() => site.hits.get('/slow') ?? 0).toBe(hits + 1);
      previews.stop();
      await worker.stop();
      await running;
      // Aborted, not timed out: the row counts no attempt and records no failure.
      expect(await rows(db, sql`SELECT status, attempts, failure FROM post_link_previews WHERE post_id = ${postId}`)).toEqual([{ status: 'pending', attempts: 0, failure: null }]);
      expect(await jobsOf(get(), postId)).toMatchObject([{ status: 'queued', attempts: 1, last_error: expect.stringMatching(/stopped/) }]);
    });
  },
  (config) => ({ linkPreviews: { ...config.linkPreviews, allowPrivate: true, timeoutMs: 1_000 } }),
);

describeEachEngine('link previews without the private setting (production)', (get) => {
  it('never connects to loopback, however the address is written', async () => {
    await signUp(get().app, 'Olga Operator');
    const ana = await signUp(get().app, 'Ana Writer');
    expect(get().config.linkPreviews.allowPrivate).toBe(false);
    const before = site.hits.get('/article') ?? 0;
    for (const host of ['127.0.0.1', 'localhost', '[::1]', '[::ffff:127.0.0.1]', '2130706433', '0x7f.1', '0.0.0.0']) {
      const postId = await write(ana, `http://${host}:${site.port}/article`);
      await get().app.ctx.jobs.kick();
      expect(await stateOf(get(), postId), host).toMatchObject({ status: 'failed', failure: 'address' });
      expect(await previewOf(ana, postId)).toBeNull();
    }
    expect(site.hits.get('/article') ?? 0).toBe(before);
  });
});
