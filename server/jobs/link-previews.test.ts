import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rows } from '../db/connection.ts';
import { type Member, signUp } from '../test/client.ts';
import { describeEachEngine, type TestApp } from '../test/engines.ts';
import { bytesPage, ogPage, type PageServer, startPageServer } from '../test/http-pages.ts';
import { png } from '../test/uploads.ts';
import { connect } from '../routes/network/network-test-helpers.ts';
import { signUpAll } from '../routes/posts/post-test-helpers.ts';

type Preview = { url: string; canonicalUrl: string | null; title: string; description: string | null; siteName: string | null; image: { url: string; width: number; height: number } | null };

let site: PageServer;
beforeAll(async () => {
  const image = await png(120, 60);
  site = await startPageServer({
    '/article': ogPage({ title: 'Ten lessons from <b>our</b> first year', description: 'What we learned', siteName: 'Field Notes', image: '/cover.png', canonical: '/article?ref=canonical' }),
    '/cover.png': bytesPage('image/png', image),
    '/second': ogPage({ title: 'Second page' }),
    '/no-title': bytesPage('text/html', '<html><body>nothing to say</body></html>'),
    '/data.json': bytesPage('application/json', '{"title":"no"}'),
    '/not-an-image': ogPage({ title: 'Bad cover', image: '/data.json' }),
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

describeEachEngine(
  'link previews, fetched after the post commits (private addresses allowed, as in tests)',
  (get) => {
    let ana: Member, cai: Member, sam: Member;
    const settle = () => get().app.ctx.linkPreviews.kick();
    beforeAll(async () => {
      await signUp(get().app, 'Olga Operator');
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
      await get().app.ctx.linkPreviews.kick();
      expect(await stateOf(get(), postId), host).toMatchObject({ status: 'failed', failure: 'address' });
      expect(await previewOf(ana, postId)).toBeNull();
    }
    expect(site.hits.get('/article') ?? 0).toBe(before);
  });
});
