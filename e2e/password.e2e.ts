import { describe, expect, it } from 'vitest';
import { expectAccessible } from './fixtures/axe.ts';
import { seedMember } from './fixtures/network-api.ts';
import { say, signedIn } from './fixtures/screening-pages.ts';
import { PasswordSettings } from './fixtures/settings-pages.ts';
import { browserSuite } from './fixtures/suite.ts';

const suite = browserSuite();

describe('changing a password from the settings page', () => {
  it('signs out everywhere else and revokes access tokens by default, and keeps them when the member unticks it', async () => {
    const { app } = suite.server;
    const member = await seedMember(app, 'Careful Changer');
    const token = (await member.call('POST', '/api/v1/me/tokens', { name: 'nightly export' })).json<{ token: string }>().token;
    const withToken = () => app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect((await withToken()).statusCode).toBe(200);

    const page = await signedIn(suite, member);
    const card = new PasswordSettings(page);
    await card.open();
    await page.getByRole('table', { name: say('settings:tokens.table') }).getByText('nightly export').waitFor();
    expect(await card.signOutEverywhere().isChecked()).toBe(true);
    await expectAccessible(page, 'the password card');

    await card.change(member.password, 'a fresh long passphrase');
    await page.getByText(say('settings:password.changedSignedOut')).waitFor();
    // The token's script and the API session made at seeding are out; this browser stays signed in.
    expect((await withToken()).statusCode).toBe(401);
    expect((await member.call('GET', '/api/v1/me')).statusCode).toBe(401);
    await page.getByText(say('settings:tokens.none')).waitFor();
    expect(await card.signOutEverywhere().isChecked()).toBe(true);

    // A routine change, keeping the other devices and scripts: untick the box from the keyboard.
    const kept = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { email: member.email, password: 'a fresh long passphrase', name: 'kept script' },
    });
    const keptToken = kept.json<{ token: string }>().token;
    await card.signOutEverywhere().focus();
    await page.keyboard.press('Space');
    expect(await card.signOutEverywhere().isChecked()).toBe(false);
    await card.change('a fresh long passphrase', 'a third long passphrase');
    await page.getByText(say('settings:password.changedKept')).waitFor();
    const still = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${keptToken}` } });
    expect(still.statusCode).toBe(200);
    await expectAccessible(page, 'the settings page after a password change');
  });
});
