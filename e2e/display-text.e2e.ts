import { describe, expect, it } from 'vitest';
import { STRONG_PASSWORD, signUp } from '../server/test/client.ts';
import { expectAccessible } from './fixtures/axe.ts';
import { newMemberContext } from './fixtures/browser.ts';
import { SignUpPage } from './fixtures/pages.ts';
import { browserSuite } from './fixtures/suite.ts';

const RLO = '\u202E';
const DIRECTION = 'Must not contain characters that change the direction of text';

/** Names that spoof or vanish are refused with a message that says why, and names are isolated in sentences. */
describe('names that spoof or vanish', () => {
  const suite = browserSuite();

  it('refuses a direction override at sign-up and an invisible name at profile edit, saying why', async () => {
    const context = await newMemberContext(suite.browser, suite.server.baseUrl);
    const page = await context.newPage();
    const signup = new SignUpPage(page);
    await signup.open();
    await page.getByLabel('Full name').fill(`Ana${RLO}tcennoc ot`);
    await page.getByLabel('Email').fill('ana.spoof@example.org');
    await page.getByLabel(/^Password/).fill('a sufficiently long one');
    await page.getByRole('button', { name: 'Create account' }).click();
    const name = page.getByRole('textbox', { name: 'Full name' });
    await page.getByText(DIRECTION).waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toMatch(/\/signup$/);
    await expectAccessible(page, 'sign-up with a refused name');

    // The same person with an ordinary name gets in, then tries to vanish behind zero-width spaces.
    await signup.signUp({ name: 'Ana Ruiz', email: 'ana.spoof@example.org', password: 'a sufficiently long one' });
    const edit = page.getByRole('textbox', { name: 'Full name' });
    await edit.fill('\u200B\u200B\u200B');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Must contain visible characters').waitFor();
    expect(await edit.getAttribute('aria-invalid')).toBe('true');
    await edit.fill(`Ana${RLO}`);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText(DIRECTION).waitFor();
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
    const sentence = page.getByText('invited you to connect');
    await sentence.waitFor();
    expect(await sentence.locator('bdi').textContent()).toBe('שרה כהן');
    expect(await page.getByRole('heading', { level: 1 }).getAttribute('dir')).toBe('auto');
    await page.context().close();
  });
});
