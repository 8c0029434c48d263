import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../server/config.ts';
import { bytesPage, ogPage, type PageServer, startPageServer } from '../server/test/http-pages.ts';
import { expectAccessible } from './fixtures/axe.ts';
import { newMemberContext } from './fixtures/browser.ts';
import { Composer, PostCard } from './fixtures/feed-pages.ts';
import { connectViaApi, seedMember } from './fixtures/network-api.ts';
import { SignInPage } from './fixtures/network-pages.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t } from './fixtures/words.ts';

/** A page with Open Graph tags on a real HTTP server on 127.0.0.1: the server may fetch it only with the private setting on. */
let site: PageServer;
beforeAll(async () => {
  const cover = await sharp({ create: { width: 600, height: 315, channels: 3, background: { r: 20, g: 90, b: 140 } } }).png().toBuffer();
  site = await startPageServer({
    '/story': ogPage({ title: 'Harbour sensors, one year on', description: 'What forty buoys taught us about the port', siteName: 'Port Lab', image: '/cover.png' }),
    '/cover.png': bytesPage('image/png', cover),
  });
});
afterAll(() => site.close());

const e2e = browserSuite({ linkPreviews: { ...testConfig().linkPreviews, allowPrivate: true } });

const ALT = 'Three sensor buoys lined up on the quay';
const TITLE = 'Harbour sensors, one year on';

describe('a post with an image and a link', () => {
  it('is written with the image’s alt text; the post shows the image and the link’s preview, served by Rapport, on a desktop and a 390 px phone', async () => {
    const ana = await seedMember(e2e.server.app, 'Ana Author');
    const bo = await seedMember(e2e.server.app, 'Bo Reader');
    await connectViaApi(ana, bo);
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 230, g: 140, b: 30 } } }).jpeg().toBuffer();

    const page = await e2e.signedIn(ana);
    // The browser never asks the linked site for anything: the preview's image comes from Rapport.
    const asked: string[] = [];
    page.on('request', (request) => asked.push(request.url()));
    await page.getByRole('heading', { level: 1, name: t('home:title', { firstName: 'Ana' }) }).waitFor();
    const composer = new Composer(page);
    const text = `Our first year of harbour sensors, written up: ${site.origin}/story`;
    await composer.textbox().fill(text);
    await composer.region().locator('input[type="file"]').setInputFiles({ name: 'buoys.jpg', mimeType: 'image/jpeg', buffer: photo });
    await composer.region().getByRole('img', { name: t('feed:composer.images.preview', { number: 1, count: 1 }) }).waitFor();
    await composer.region().getByText(t('feed:composer.images.uploaded', { number: 1 })).waitFor({ state: 'attached' });
    await composer.region().getByRole('textbox', { name: t('feed:composer.images.alt', { number: 1 }) }).fill(ALT);
    await expectAccessible(page, 'the composer with an image and its alt text');
    await composer.region().getByRole('button', { name: t('feed:composer.submit') }).click();
    await page.getByText(t('feed:composer.posted')).waitFor();
    await composer.region().getByRole('img', { name: t('feed:composer.images.preview', { number: 1, count: 1 }) }).waitFor({ state: 'detached' });

    const card = new PostCard(page, 'Ana Author', page.getByRole('list', { name: t('feed:home.list') }));
    const image = card.root.getByRole('img', { name: ALT });
    await image.waitFor();
    await page.waitForFunction((alt) => [...document.querySelectorAll('img')].some((i) => i.alt === alt && i.complete && i.naturalWidth > 0), ALT);
    // The preview arrives once the server has fetched the page (the post showed without it first).
    const preview = card.root.getByRole('link', { name: new RegExp(TITLE) });
    await preview.waitFor({ timeout: 20_000 });
    expect(await preview.getAttribute('href')).toBe(`${site.origin}/story`);
    expect(await preview.getAttribute('target')).toBe('_blank');
    expect((await preview.getAttribute('rel'))?.split(' ').sort()).toEqual(['nofollow', 'noopener', 'noreferrer', 'ugc']);
    await preview.getByText('Port Lab').waitFor();
    await preview.getByText('What forty buoys taught us about the port').waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('a[target="_blank"] img')].some((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0));
    expect(site.hits.get('/story')).toBe(1);
    expect(site.hits.get('/cover.png')).toBe(1);
    expect(asked.filter((url) => url.startsWith(site.origin))).toEqual([]);
    await expectAccessible(page, 'the feed with a post with an image and a link preview');

    // The image opens whole, with its alt text written out; Escape gives focus back to it.
    const opener = card.root.getByRole('button', { name: t('feed:post.images.open', { number: 1, count: 1, alt: ALT }) });
    await opener.click();
    const viewer = page.getByRole('dialog', { name: t('feed:post.images.viewer', { number: 1, count: 1, name: 'Ana Author' }) });
    await viewer.getByText(ALT).waitFor();
    await expectAccessible(page, 'an image opened whole');
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.tagName === 'BUTTON' && document.activeElement.querySelector('img') !== null);

    // Bo, a connection, on a phone: the same post, image and preview, within 390 px.
    const context = await newMemberContext(e2e.browser, e2e.server.baseUrl, { width: 390 });
    const phone = await context.newPage();
    await new SignInPage(phone).signIn(bo);
    const seen = new PostCard(phone, 'Ana Author', phone.getByRole('list', { name: t('feed:home.list') }));
    await seen.root.getByRole('img', { name: ALT }).waitFor();
    await seen.root.getByRole('link', { name: new RegExp(TITLE) }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(phone, 'the feed with an image and a link preview at 390 px');
  });
});
