import { describe, expect, it } from 'vitest';
import { STRONG_PASSWORD, signUp } from '../server/test/client.ts';
import { expectAccessible } from './fixtures/axe.ts';
import { newMemberContext } from './fixtures/browser.ts';
import { SignUpPage, startingWith } from './fixtures/pages.ts';
import { browserSuite } from './fixtures/suite.ts';
import { E2E_LOCALE, formMessage, t, tIn } from './fixtures/words.ts';

const RLO = '\u202E';
/**
 * The text rules' reasons (common/text.ts), by their field codes: the sign-up and profile forms check them
 * before the round trip, and the server sends the same words (common/i18n/errors, `field.text_…`).
 */
const DIRECTION = formMessage('errors:field.text_direction');
const INVISIBLE = formMessage('errors:field.text_invisible');
/** A message as the reader sees it: <Trans> placeholders (<bdi>) are elements, not text. */
const shown = (message: string) => message.replace(/<\/?[A-Za-z0-9_-]+\s*\/?>/g, '');

/** Names that spoof or vanish are refused with a message that says why, and names are isolated in sentences. */
describe('names that spoof or vanish', () => {
  const suite = browserSuite();

  it('refuses a direction override at sign-up and an invisible name at profile edit, saying why', async () => {
    const context = await newMemberContext(suite.browser, suite.server.baseUrl);
    const page = await context.newPage();
    const signup = new SignUpPage(page);
    await signup.open();
    await page.getByLabel(t('auth:signUp.fullName')).fill(`Ana${RLO}tcennoc ot`);
    await page.getByLabel(t('auth:signUp.email')).fill('ana.spoof@example.org');
    await page.getByLabel(startingWith(t('auth:signUp.password'))).fill('a sufficiently long one');
    await page.getByRole('button', { name: t('auth:signUp.submit') }).click();
    const name = page.getByRole('textbox', { name: t('auth:signUp.fullName') });
    await page.getByText(DIRECTION, { exact: true }).waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toMatch(/\/signup$/);
    await expectAccessible(page, 'sign-up with a refused name');
    // Past the form, the server refuses it with the same words, in the browser's language (the pseudo-locale
    // is English to the server), and a code that does not depend on the language.
    const answer = await page.evaluate(async (name) => {
      const res = await fetch('/api/v1/auth/signup', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, email: 'ana.direct@example.org', password: 'a sufficiently long one' }),
      });
      return (await res.json()) as { errors?: unknown[] };
    }, `Ana${RLO}tcennoc ot`);
    const serverLocale = E2E_LOCALE === 'it' ? 'it' : 'en';
    expect(answer.errors).toEqual([{ path: 'body.name', code: 'text_direction', message: tIn(serverLocale, 'errors:field.text_direction') }]);

    // The same person with an ordinary name gets in, then tries to vanish behind zero-width spaces.
    await signup.signUp({ name: 'Ana Ruiz', email: 'ana.spoof@example.org', password: 'a sufficiently long one' });
    const edit = page.getByRole('textbox', { name: t('editProfile:basics.name') });
    await edit.fill('\u200B\u200B\u200B');
    await page.getByRole('button', { name: t('editProfile:page.save') }).click();
    await page.getByText(INVISIBLE, { exact: true }).waitFor();
    expect(await edit.getAttribute('aria-invalid')).toBe('true');
    await edit.fill(`Ana${RLO}`);
    await page.getByRole('button', { name: t('editProfile:page.save') }).click();
    await page.getByText(DIRECTION, { exact: true }).waitFor();
    await expectAccessible(page, 'profile edit with a refused name');
    // Nothing was saved: the name is still the one given at sign-up.
    const me = await page.evaluate(async () => (await (await fetch('/api/v1/me')).json()) as { profile: { name: string } });
    expect(me.profile.name).toBe('Ana Ruiz');
    await context.close();
  });

  it('isolates a member’s name inside a sentence, so it cannot reorder the words around it', async () => {
    const viewer = await signUp(suite.server.app, 'Vera Viewer', 'vera.viewer@example.org');
    const inviter = await signUp(suite.server.app, 'שרה כהן', 'sara.cohen@example.org');
    const sent = await inviter.call('POST', '/api/v1/invitations', { to: viewer.handle, note: '' });
    expect(sent.statusCode).toBe(201);

    const page = await suite.signedIn({ ...viewer, name: 'Vera Viewer', password: STRONG_PASSWORD });
    await page.goto(`/in/${inviter.handle}`);
    const sentence = page.getByText(shown(t('profile:actions.invitedYou', { name: 'שרה כהן' })));
    await sentence.waitFor();
    expect(await sentence.locator('bdi').textContent()).toBe('שרה כהן');
    expect(await page.getByRole('heading', { level: 1 }).getAttribute('dir')).toBe('auto');
    await page.context().close();
  });
});
