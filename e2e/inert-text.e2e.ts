import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newMemberContext } from './fixtures/browser.ts';
import { EditProfilePage, ProfileViewPage, SearchPage, SignUpPage } from './fixtures/pages.ts';
import { type RunningServer, startServer } from './fixtures/server.ts';

const PAYLOAD = '<img src=x onerror="window.__xss=1">';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('member-written text is rendered as text', () => {
  it('shows an HTML headline literally and never runs it, even with the CSP bypassed', async () => {
    const author = await newMemberContext(browser, server.baseUrl);
    const page = await author.newPage();
    await new SignUpPage(page).open();
    await new SignUpPage(page).signUp({ name: 'Mallory Tester', email: 'mallory@example.org', password: 'a sufficiently long one' });
    const edit = new EditProfilePage(page);
    await edit.setHeadline(PAYLOAD);
    await edit.save();
    const handle = await edit.handle();

    // The viewer's browser ignores the CSP, so only the rendering itself stands between payload and execution.
    const viewer = await newMemberContext(browser, server.baseUrl, { bypassCSP: true });
    const viewerPage = await viewer.newPage();
    await new SignUpPage(viewerPage).open();
    await new SignUpPage(viewerPage).signUp({ name: 'Victor Viewer', email: 'victor@example.org', password: 'yet another passphrase' });

    const profile = new ProfileViewPage(viewerPage);
    await profile.open(handle);
    await profile.heading().filter({ hasText: 'Mallory Tester' }).waitFor();
    expect(await viewerPage.getByText(PAYLOAD, { exact: true }).isVisible()).toBe(true);
    expect(await viewerPage.getByRole('img', { name: 'x' }).count()).toBe(0);

    const search = new SearchPage(viewerPage);
    await search.searchFromHeader('Mallory');
    await search.results().getByText(PAYLOAD, { exact: true }).waitFor();

    // Give any injected element time to fail loading and fire its handler before checking.
    await viewerPage.waitForTimeout(300);
    expect(await viewerPage.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();

    await author.close();
    await viewer.close();
  });
});
