import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './fixtures/axe.ts';
import { launchBrowser, newMemberContext } from './fixtures/browser.ts';
import { say, signIn } from './fixtures/screening-pages.ts';
import { type RunningServer, startServer } from './fixtures/server.ts';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Signs up through the sign-up page in the run's language (E2E_LOCALE), and lands in the profile editor. */
async function signUp(page: Page, member: { name: string; email: string; password: string }): Promise<void> {
  await page.goto('/signup');
  await page.getByRole('heading', { name: say('auth:signUp.title') }).waitFor();
  await page.getByLabel(say('auth:signUp.fullName')).fill(member.name);
  await page.getByLabel(say('auth:signUp.email')).fill(member.email);
  await page.getByLabel(new RegExp(`^${escape(say('auth:signUp.password'))}`)).fill(member.password);
  await page.getByRole('button', { name: say('auth:signUp.submit') }).click();
  await page.waitForURL(/\/profile\/edit/);
  await page.getByRole('heading', { name: say('editProfile:page.title'), level: 1 }).waitFor();
}

/** A port nobody listens on right now, so the server's PUBLIC_URL can name it before it starts. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Every request the page could not complete (refused, blocked, upgraded to an https nobody answers). */
function watchFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on('requestfailed', (request) => failures.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`));
  return failures;
}

/**
 * A self-hoster's first hour: Rapport on a LAN box, opened from another machine over plain http by its
 * host name (not localhost, which browsers treat as secure and exempt from upgrade-insecure-requests).
 * Chromium resolves rapport.test to this machine, so the browser sees exactly what a colleague's would.
 */
describe('served over plain http on a LAN, opened by host name', () => {
  let server: RunningServer;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://rapport.test:${port}`;
    server = await startServer({ port, publicUrl: origin });
    browser = await launchBrowser({ extraArgs: ['--host-resolver-rules=MAP rapport.test 127.0.0.1'] });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders the sign-in page with every script and style loaded', async () => {
    const page = await (await newMemberContext(browser, origin)).newPage();
    const failures = watchFailures(page);
    const response = await page.goto('/signin');
    expect(response?.url()).toBe(`${origin}/signin`);
    // What made the page blank: the browser was told to fetch every script over https.
    expect(response?.headers()['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(response?.headers()['strict-transport-security']).toBeUndefined();
    await page.getByRole('heading', { name: say('auth:signIn.title') }).waitFor();
    await expect(page.getByRole('button', { name: say('auth:signIn.submit') }).isVisible()).resolves.toBe(true);
    expect(failures).toEqual([]);
    await expectAccessible(page, 'the sign-in page over http');
  });

  it('lets a member sign up, and sign in again from another browser, over http', async () => {
    const member = { name: 'Lan Party', email: 'lan.party@example.org', password: 'a long lan passphrase' };
    const joining = await (await newMemberContext(browser, origin)).newPage();
    const joinFailures = watchFailures(joining);
    await signUp(joining, member);
    await joining.waitForLoadState('networkidle');
    await expectAccessible(joining, 'the profile editor over http');
    expect(joinFailures).toEqual([]);

    // The session cookie is not Secure over http, so a fresh browser can sign in and stay signed in.
    const returning = await (await newMemberContext(browser, origin)).newPage();
    const returnFailures = watchFailures(returning);
    await signIn(returning, member);
    // "My Network" is two messages ("My ", "Network"); accessible names collapse their whitespace.
    const myNetwork = new RegExp(escape(say('common:nav.myNetworkMy') + say('common:nav.myNetwork')).replace(/\s+/g, '\\s*'));
    expect(new URL(returning.url()).origin).toBe(origin);
    await returning.getByRole('link', { name: myNetwork }).waitFor();
    await returning.waitForLoadState('networkidle');
    await expectAccessible(returning, 'the signed-in app over http');
    expect(returnFailures).toEqual([]);
  });
});
