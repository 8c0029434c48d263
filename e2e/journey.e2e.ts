import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './fixtures/axe.ts';
import { launchBrowser, newMemberContext } from './fixtures/browser.ts';
import { EditProfilePage, ProfileViewPage, SearchPage, SignUpPage, startingWith } from './fixtures/pages.ts';
import { type RunningServer, startServer } from './fixtures/server.ts';
import { E2E_LOCALE, t, tIn } from './fixtures/words.ts';

/** A message as the reader sees it: <Trans> placeholders (<bdi>) are elements, not text. */
const shown = (message: string) => message.replace(/<\/?[A-Za-z0-9_-]+\s*\/?>/g, '');

/**
 * The language of the server's own field messages: it words them for the request's Accept-Language, which
 * the web sends as its language; the pseudo-locale (en-XA) is English to the server.
 */
const SERVER_LOCALE = E2E_LOCALE === 'it' ? 'it' : 'en';

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

describe('a member finds another by a misspelt name and reads their profile', () => {
  it('sign up → edit profile → second member searches with typos → opens the profile', async () => {
    // Member A joins through the UI and fills in the essentials.
    const contextA = await newMemberContext(browser, server.baseUrl);
    const pageA = await contextA.newPage();
    const signUpA = new SignUpPage(pageA);
    await signUpA.open();
    await expectAccessible(pageA, 'the sign-up page');
    await signUpA.signUp({ name: 'Jonathan Smith', email: 'jonathan@example.org', password: 'correct horse battery staple' });

    const edit = new EditProfilePage(pageA);
    await edit.setHeadline('Robotics engineer building warehouse automation');
    await edit.setLocation('Rotterdam, Netherlands');
    await edit.addPosition({ organisation: 'Acme Robotics', title: 'Staff Engineer', start: '2019-04' });
    await edit.addSkill('Motion planning');
    expect(await edit.ageBandShared().isChecked()).toBe(false);
    await edit.setBirthYear(1986, true);
    await edit.save();
    await expectAccessible(pageA, 'the profile edit page');
    const handleA = await edit.handle();
    // The choice to let the age band count in gardens is saved with the rest (the year stays private: below).
    await edit.open();
    expect(await edit.ageBandShared().isChecked()).toBe(true);

    // Member B joins in a separate browser identity and searches with two typos.
    const contextB = await newMemberContext(browser, server.baseUrl);
    const pageB = await contextB.newPage();
    await new SignUpPage(pageB).open();
    await new SignUpPage(pageB).signUp({ name: 'Priya Raman', email: 'priya@example.org', password: 'another long passphrase' });

    const search = new SearchPage(pageB);
    await search.searchFromHeader('Jonatan Smiht');
    const hit = search.results().getByRole('listitem').filter({ hasText: 'Jonathan Smith' });
    await hit.waitFor();
    expect(await hit.getByText('Robotics engineer building warehouse automation').isVisible()).toBe(true);
    expect(new URL(pageB.url()).searchParams.get('q')).toBe('Jonatan Smiht');
    await expectAccessible(pageB, 'the search results');

    // B opens A's profile and sees the headline and the experience.
    await search.openResult('Jonathan Smith');
    await pageB.waitForURL(`**/in/${handleA}`);
    const profile = new ProfileViewPage(pageB);
    await profile.heading().filter({ hasText: 'Jonathan Smith' }).waitFor();
    expect(await pageB.getByText('Robotics engineer building warehouse automation').isVisible()).toBe(true);
    const experience = profile.experience();
    expect(await experience.getByText('Staff Engineer').isVisible()).toBe(true);
    const orgLink = experience.getByRole('link', { name: 'Acme Robotics' });
    expect(await orgLink.getAttribute('href')).toMatch(/^\/org\/acme-robotics/);
    expect(await pageB.getByRole('region', { name: t('profile:sections.skills') }).getByText('Motion planning').isVisible()).toBe(true);
    await expectAccessible(pageB, 'the profile view');
    expect(await pageB.getByText('1986', { exact: false }).count()).toBe(0);

    // Deep links work too: the organisation page lists A as a current member.
    await orgLink.click();
    await pageB.getByRole('heading', { name: 'Acme Robotics', level: 1 }).waitFor();
    expect(await pageB.getByRole('tab', { name: t('organisation:tabs.current', { count: 1 }) }).getAttribute('aria-selected')).toBe('true');
    await pageB.getByRole('list', { name: t('organisation:members.current') }).getByRole('link', { name: 'Jonathan Smith' }).waitFor();

    await contextA.close();
    await contextB.close();
  });

  it('a search with no hits explains what to try', async () => {
    const context = await newMemberContext(browser, server.baseUrl);
    const page = await context.newPage();
    await new SignUpPage(page).open();
    await new SignUpPage(page).signUp({ name: 'Ada Lovelace', email: 'ada@example.org', password: 'analytical engine 1843' });
    await new SearchPage(page).searchFromHeader('zzqxv');
    await page.getByText(shown(t('search:noMatches.forQuery', { q: 'zzqxv' })), { exact: false }).waitFor();
    await context.close();
  });

  it("shows the server's field error on the matching field", async () => {
    const context = await newMemberContext(browser, server.baseUrl);
    const page = await context.newPage();
    await new SignUpPage(page).open();
    await page.getByLabel(t('auth:signUp.fullName')).fill('Grace Hopper');
    await page.getByLabel(t('auth:signUp.email')).fill('grace@example.org');
    // Long enough for the form, but the server rejects it for containing the email's local part.
    await page.getByLabel(startingWith(t('auth:signUp.password'))).fill('grace-was-here-2024');
    await page.getByRole('button', { name: t('auth:signUp.submit') }).click();
    const password = page.getByLabel(startingWith(t('auth:signUp.password')));
    const message = tIn(SERVER_LOCALE, 'errors:weak_password.email');
    await page.getByText(message).waitFor();
    // The message is tied to the field itself, so screen readers announce it with the input.
    const description = await password.evaluate((input) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(description).toContain(message);
    await expectAccessible(page, 'sign-up with a field error');
    expect(new URL(page.url()).pathname).toBe('/signup');
    await context.close();
  });
});
