import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sweepDeletions } from '../server/jobs/account-deletion.ts';
import { expectAccessible } from './fixtures/axe.ts';
import { newMemberContext } from './fixtures/browser.ts';
import { expectNoSidewaysScroll } from './fixtures/layout.ts';
import { connectViaApi, seedMember } from './fixtures/network-api.ts';
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

describe('what others see once a deleted account is purged', () => {
  it('a comment thread keeps the replies under a "Deleted member" tombstone, and the conversation stays readable but closed', async () => {
    const { app } = suite.server;
    const [ana, bo, zed] = await Promise.all([seedMember(app, 'Ana Thread'), seedMember(app, 'Bo Reply'), seedMember(app, 'Zed Gone')]);
    await connectViaApi(zed, ana);
    const post = (await ana.call('POST', '/api/v1/posts', { text: 'What helped you most this year?', visibility: 'members' })).json<{ id: number }>();
    const comment = (await zed.call('POST', `/api/v1/posts/${post.id}/comments`, { text: 'A long walk every morning' })).json<{ id: number }>();
    expect((await bo.call('POST', `/api/v1/posts/${post.id}/comments`, { text: 'Same here, walking works', parentId: comment.id })).statusCode).toBe(201);
    const started = (await zed.call('POST', '/api/v1/conversations', { to: [ana.handle], text: 'Coffee next week?' })).json<{ id: number }>();
    expect((await ana.call('POST', `/api/v1/conversations/${started.id}/messages`, { text: 'Gladly, Tuesday?' })).statusCode).toBe(201);
    // Deleted, and the grace period run out: the hourly sweep and the purge, as the job queue runs them.
    expect((await zed.call('DELETE', '/api/v1/me')).statusCode).toBe(202);
    const { db, jobs } = app.ctx;
    await db.execute(sql`UPDATE account_deletions SET purge_after = now() - interval '1 second' WHERE status = 'pending'`);
    expect(await sweepDeletions(db)).toBe(1);
    await jobs.kick();

    const page = await suite.signedIn(ana);
    await page.goto(`/posts/${post.id}`);
    const tombstone = page.getByRole('article', { name: say('feed:comments.by', { name: say('feed:comments.tombstone.author') }), exact: true });
    await tombstone.getByText(say('feed:comments.tombstone.text')).waitFor();
    await page.getByRole('article', { name: say('feed:comments.by', { name: 'Bo Reply' }), exact: true }).getByText('Same here, walking works').waitFor();
    expect(await page.getByText('A long walk every morning').count()).toBe(0);
    expect(await page.getByText('Zed Gone').count()).toBe(0);
    await expectAccessible(page, 'a thread with a deleted member’s comment');

    await page.goto(`/messages/${started.id}`);
    await page.getByText(say('messages:conversation.deletedMessage')).first().waitFor();
    await page.getByText('Gladly, Tuesday?', { exact: true }).waitFor();
    await page.getByText(say('messages:conversation.cannotReply')).waitFor();
    expect(await page.getByText('Coffee next week?').count()).toBe(0);
    await expectAccessible(page, 'a conversation with a deleted member');
    await page.context().close();
  });
});
