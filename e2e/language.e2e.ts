import { describe, expect, it } from 'vitest';
import { expectAccessible } from './fixtures/axe.ts';
import { newMemberContext } from './fixtures/browser.ts';
import { seedMember } from './fixtures/network-api.ts';
import { browserSuite } from './fixtures/suite.ts';
import { tIn } from './fixtures/words.ts';

const suite = browserSuite();

const htmlLang = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.lang);

describe('choosing the language', () => {
  it('starts in English, switches to Italian from the header, and stays Italian after a reload', async () => {
    // English whatever E2E_LOCALE the run uses: this test is about the switch itself.
    const context = await newMemberContext(suite.browser, suite.server.baseUrl, { locale: 'en' });
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await htmlLang(page)).toBe('en');

    // From the keyboard: focus the labelled switch and pick Italiano.
    const english = page.getByRole('combobox', { name: 'Language' });
    await english.focus();
    await english.selectOption('it');
    await page.getByRole('heading', { name: 'Accedi' }).waitFor();
    await page.getByText('Ti diamo il bentornato.').waitFor();
    // The words the Italian emails point to (server/i18n/it.ts: scegli "Password dimenticata?" nella pagina di accesso).
    await page.getByRole('link', { name: 'Password dimenticata?' }).waitFor();
    expect(await htmlLang(page)).toBe('it');
    expect(await page.title()).toBe('Accedi · Rapport');
    await expectAccessible(page, 'the sign-in page in Italian');

    await page.reload();
    await page.getByRole('heading', { name: 'Accedi' }).waitFor();
    expect(await htmlLang(page)).toBe('it');
    expect(await page.getByRole('combobox', { name: 'Lingua' }).inputValue()).toBe('it');

    // The sign-up scene loads its words in the chosen language too, validation messages included.
    await page.getByRole('link', { name: 'Iscriviti' }).click();
    await page.getByRole('heading', { name: 'Iscriviti a Rapport' }).waitFor();
    await page.getByRole('button', { name: 'Crea account' }).click();
    await page.getByText('Inserisci il tuo nome').waitFor();
    // ICU fills the argument in: the minimum length is a number, not "{min}".
    await page.getByText(/^Almeno \d+ caratteri; una frase segreta funziona bene\.$/).waitFor();
    await expectAccessible(page, 'the sign-up page in Italian');

    // And back to English.
    await page.getByRole('combobox', { name: 'Lingua' }).selectOption('en');
    await page.getByRole('heading', { name: 'Join Rapport' }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    await context.close();
  });

  it('greets a browser that asks for Italian in Italian, before any choice', async () => {
    const context = await suite.browser.newContext({ baseURL: suite.server.baseUrl, locale: 'it-IT' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByRole('heading', { name: 'Accedi' }).waitFor();
    await page.getByRole('link', { name: 'Crea un account' }).waitFor();
    expect(await htmlLang(page)).toBe('it');
    await context.close();
  });

  it('shows the pseudo-locale only when it is stored by hand, with accented, padded words', async () => {
    const context = await newMemberContext(suite.browser, suite.server.baseUrl, { locale: 'en-XA' });
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByRole('heading', { name: tIn('en-XA', 'auth:signIn.title') }).waitFor();
    expect(tIn('en-XA', 'auth:signIn.title')).toMatch(/^\[Šîĝñ îñ ~+\]$/);
    await page.getByRole('link', { name: tIn('en-XA', 'auth:signIn.createAccount') }).waitFor();
    expect(await htmlLang(page)).toBe('en-XA');
    await context.close();
  });

  it('lets a signed-in member choose Italian in Settings, which their account keeps', async () => {
    const member = await seedMember(suite.server.app, 'Lucia Ferraro');
    // English whatever E2E_LOCALE the run uses (this test is about the choice itself), signed in by the
    // session cookie: the sign-in page object would look for the run's words.
    const context = await newMemberContext(suite.browser, suite.server.baseUrl, { locale: 'en' });
    const [name, value] = member.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: suite.server.baseUrl }]);
    const page = await context.newPage();
    await page.goto('/settings');
    const saved = page.waitForRequest((request) => request.method() === 'PATCH' && request.url().endsWith('/api/v1/me/profile'));
    // click, not check: choosing Italian re-renders the card in Italian at once (its texts load with the
    // language), so the radio Playwright would re-read to verify may already be a new element.
    await page.getByRole('radiogroup', { name: /this language/ }).getByRole('radio', { name: 'Italiano' }).click();
    expect((await saved).postDataJSON()).toEqual({ locale: 'it' });
    await page.getByText('Lingua salvata.').waitFor();
    expect((await member.call('GET', '/api/v1/me')).json<{ locale: string | null }>().locale).toBe('it');
    await page.getByRole('link', { name: 'Rete' }).waitFor();
    expect(await htmlLang(page)).toBe('it');
    expect(await page.getByRole('radio', { name: 'Italiano' }).isChecked()).toBe(true);
    await expectAccessible(page, 'the settings page with the language card');
    await page.context().close();
  });

  it('shows a member who chose Italian Italian from the first paint, on a device that never saw them', async () => {
    const member = await seedMember(suite.server.app, 'Paolo Greco');
    expect((await member.call('PATCH', '/api/v1/me/profile', { locale: 'it' })).statusCode).toBe(200);
    // An English browser with nothing stored, signed in by its session cookie alone.
    const context = await suite.browser.newContext({ baseURL: suite.server.baseUrl, locale: 'en-US' });
    context.setDefaultTimeout(15_000);
    const [name, value] = member.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: suite.server.baseUrl }]);
    // Records every word the page ever shows, from its first node on.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { seenText: string[] }).seenText = seen;
      new MutationObserver(() => seen.push(document.body?.innerText ?? '')).observe(document, { childList: true, subtree: true, characterData: true });
    });
    const page = await context.newPage();
    const response = await page.goto('/network');
    expect(await response?.text()).toContain('<html lang="it" data-member-locale="it"');
    await page.getByRole('link', { name: 'Rete' }).waitFor();
    expect(await htmlLang(page)).toBe('it');
    const seen = await page.evaluate(() => (window as unknown as { seenText: string[] }).seenText.join('\n'));
    // The English shell never appeared, not even for a frame.
    expect(seen).not.toMatch(/\b(Sign in|Members|Search people|Skip to main content)\b/);
    expect(seen).toContain('Rete');
    await context.close();
  });
});
