/**
 * "N new posts" in the browser: a post written while a member reads their feed is announced live over the
 * event stream, the list being read does not move until they ask, and asking shows it on top.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './fixtures/axe.ts';
import { PostCard } from './fixtures/feed-pages.ts';
import { connectViaApi, seedMember } from './fixtures/network-api.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t } from './fixtures/words.ts';

const e2e = browserSuite();

describe('new posts arrive live without moving the feed', () => {
  it('B reads; A posts twice → "Show 2 new posts" appears over a list that stays put → pressing it puts them on top', async () => {
    const [ana, bea] = await Promise.all(['Ana Live', 'Bea Reader'].map((name) => seedMember(e2e.server.app, name)));
    await connectViaApi(ana!, bea!);
    for (const text of ['First thoughts', 'Second thoughts', 'Third thoughts']) {
      expect((await ana!.call('POST', '/api/v1/posts', { text })).statusCode).toBe(201);
    }

    const page = await e2e.signedIn(bea!);
    const list = page.getByRole('list', { name: t('feed:home.list') });
    const firstArticle = () => list.getByRole('article').first();
    await new PostCard(page, 'Ana Live', list).text('Third thoughts').waitFor();
    const articles = await list.getByRole('article').count();
    const before = await firstArticle().boundingBox();
    // Bea's page has its event stream open on the server before anything is written.
    await expect.poll(() => e2e.server.app.ctx.live.has(bea!.id), { timeout: 10_000 }).toBe(true);

    expect((await ana!.call('POST', '/api/v1/posts', { text: 'Fresh news' })).statusCode).toBe(201);
    const button = page.getByRole('button', { name: t('feed:home.newPosts', { count: 1 }) });
    await button.waitFor();
    expect((await ana!.call('POST', '/api/v1/posts', { text: 'More fresh news' })).statusCode).toBe(201);
    await page.getByRole('button', { name: t('feed:home.newPosts', { count: 2 }) }).waitFor();

    // Nothing moved: the same posts, the same first one, at the same place to the pixel.
    expect(await list.getByRole('article').count()).toBe(articles);
    expect(await firstArticle().getByText('Third thoughts', { exact: true }).isVisible()).toBe(true);
    expect(await firstArticle().boundingBox()).toEqual(before);
    expect(await list.getByText('Fresh news', { exact: true }).count()).toBe(0);
    await expectAccessible(page, 'the home feed with new posts waiting');

    await page.getByRole('button', { name: t('feed:home.newPosts', { count: 2 }) }).click();
    await firstArticle().getByText('More fresh news', { exact: true }).waitFor();
    expect(await list.getByText('Fresh news', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: t('feed:home.newPosts', { count: 2 }) }).waitFor({ state: 'detached' });
    // Back at the top, with focus on the feed's heading (keyboard and screen reader users start there).
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.waitForFunction((name) => document.activeElement?.tagName === 'H2' && document.activeElement.textContent === name, t('feed:home.title'));
  });

  it('the stream drops; a post written while it is away is announced once the browser reconnects (Last-Event-ID replay)', async () => {
    const [cal, dee] = await Promise.all(['Cal Away', 'Dee Away'].map((name) => seedMember(e2e.server.app, name)));
    await connectViaApi(cal!, dee!);
    expect((await cal!.call('POST', '/api/v1/posts', { text: 'Before the drop' })).statusCode).toBe(201);
    const page = await e2e.signedIn(dee!);
    const list = page.getByRole('list', { name: t('feed:home.list') });
    await new PostCard(page, 'Cal Away', list).text('Before the drop').waitFor();
    const live = e2e.server.app.ctx.live;
    await expect.poll(() => live.has(dee!.id), { timeout: 10_000 }).toBe(true);

    // The server ends the stream (as a process going away would); EventSource retries after 3 s.
    live.closeAll();
    await expect.poll(() => live.has(dee!.id), { timeout: 5_000 }).toBe(false);
    expect((await cal!.call('POST', '/api/v1/posts', { text: 'Written while away' })).statusCode).toBe(201);
    expect(live.has(dee!.id), 'still away when the post was written').toBe(false);
    // Only the replay from the outbox can tell the page: a reconnection alone reloads nothing.
    await page.getByRole('button', { name: t('feed:home.newPosts', { count: 1 }) }).waitFor({ timeout: 15_000 });
  });
});
