import { describe, expect, it } from 'vitest';
import { expectAccessible } from './fixtures/axe.ts';
import { newMemberContext } from './fixtures/browser.ts';
import { expectNoSidewaysScroll } from './fixtures/layout.ts';
import { seedMember } from './fixtures/network-api.ts';
import { SignInPage } from './fixtures/network-pages.ts';
import { say } from './fixtures/screening-pages.ts';
import { browserSuite } from './fixtures/suite.ts';

const suite = browserSuite();

describe('deleting an account from the settings page', () => {
  it('asks for the handle, shows the grace banner on every page with a keep button, and keeping cancels; at 390 px with the keyboard', async () => {
    const { app } = suite.server;
    const member = await seedMember(app, 'Leaving Lucia');
    const context = await newMemberContext(suite.browser, suite.server.baseUrl, { width: 390 });
    const page = await context.newPage();
    await new SignInPage(page).signIn(member);
    await page.goto('/settings');
    const card = page.getByRole('region', { name: say('settings:deleteAccount.title') });
    await card.getByRole('button', { name: say('settings:deleteAccount.open') }).click();
    const dialog = page.getByRole('dialog', { name: say('settings:deleteAccount.confirmTitle') });
    const confirm = dialog.getByRole('button', { name: say('settings:deleteAccount.confirm') });
    expect(await confirm.isDisabled()).toBe(true);
    await page.keyboard.type(member.handle);
    await expectAccessible(page, 'the delete account dialog');
    await page.keyboard.press('Enter');
    const banner = page.getByRole('region', { name: say('common:deletion.region') });
    await banner.waitFor();
    expect((await member.call('GET', '/api/v1/me/deletion')).json().scheduled).toBe(true);
    await expectNoSidewaysScroll(page, 'settings with the deletion banner at 390 px');
    // The banner is on every page.
    await page.goto('/');
    await banner.waitFor();
    await expectAccessible(page, 'home with the deletion banner');
    await banner.getByRole('button', { name: say('common:deletion.keep') }).focus();
    await page.keyboard.press('Enter');
    await banner.waitFor({ state: 'detached' });
    expect((await member.call('GET', '/api/v1/me/deletion')).json().scheduled).toBe(false);
    await context.close();
  });
});
