import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminConsole, noticesBanner, shown, waitForFocus } from './fixtures/admin-pages.ts';
import { expectAccessible } from './fixtures/axe.ts';
import { launchBrowser, newMemberContext } from './fixtures/browser.ts';
import { PostCard } from './fixtures/feed-pages.ts';
import { type HttpMember, signUpOverHttp } from './fixtures/http-members.ts';
import { tabTo } from './fixtures/keyboard.ts';
import { type RunningServer, startServer } from './fixtures/server.ts';
import { t } from './fixtures/words.ts';

/**
 * Reported content, end to end: a member reports a post from its menu, the operator reads it in the
 * moderation queue as evidence and removes it with a reason, the author is told, and the post is gone. A
 * member reports one message of a conversation, by keyboard, and the queue shows its text as evidence.
 */
let server: RunningServer;
let browser: Browser;
let operator: HttpMember;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The first account on a fresh instance becomes its operator.
  operator = await signUpOverHttp(server.baseUrl, 'Otto Operator');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signedIn(member: { email: string; password: string }): Promise<Page> {
  const context = await newMemberContext(browser, server.baseUrl);
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByRole('textbox', { name: t('auth:signIn.email') }).fill(member.email);
  await page.getByLabel(t('auth:signIn.password')).fill(member.password);
  await page.getByRole('button', { name: t('auth:signIn.submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/signin');
  return page;
}

describe('a reported post, removed', () => {
  it('a member reports a post from its menu → the operator sees it as evidence and removes it with a reason → the author reads why → the post is gone', async () => {
    const seller = await signUpOverHttp(server.baseUrl, 'Sly Seller');
    const reader = await signUpOverHttp(server.baseUrl, 'Rosa Reader');
    const text = 'Cheap designer watches, 70% off this week only. DM me!';
    const created = await seller.call('POST', '/api/v1/posts', { text, visibility: 'members' });
    expect(created.status).toBe(201);
    const postId = (created.body as { id: number }).id;

    // The reader opens the post and reports it from its menu.
    const page = await signedIn(reader);
    await page.goto(`/posts/${postId}`);
    const card = new PostCard(page, seller.name);
    await card.text(text).waitFor();
    await card.openMenu();
    await page.getByRole('menuitem', { name: t('feed:post.report') }).click();
    const dialog = page.getByRole('dialog', { name: shown('people:report.titleContent', { kind: 'post', name: seller.name }) });
    await dialog.waitFor();
    await dialog.getByText(shown('people:report.introContent', { name: seller.name })).waitFor();
    await expectAccessible(page, 'the report dialog for a post');
    await dialog.getByRole('radio', { name: t('people:report.reasons.spam') }).check();
    await dialog.getByRole('textbox', { name: t('people:report.details') }).fill('Selling watches in the feed');
    await dialog.getByRole('button', { name: t('people:report.send') }).click();
    await page.getByText(shown('people:report.sent', { name: seller.name })).waitFor();
    await dialog.waitFor({ state: 'detached' });

    // The seller edits the post afterwards: the queue still shows what was reported.
    expect((await seller.call('PATCH', `/api/v1/posts/${postId}`, { text: 'Just a post about watches.' })).status).toBe(200);

    const admin = await signedIn(operator);
    await admin.goto('/admin');
    const console_ = new AdminConsole(admin);
    await console_.heading().waitFor();
    const title = t('admin:moderation.reportTitle', { reason: t('admin:reportReasons.spam') });
    const item = console_.queueItems(title);
    await item.waitFor();
    await item.getByText(shown('admin:moderation.report.postByDetails', { name: reader.name, details: 'Selling watches in the feed' })).waitFor();
    const evidence = item.getByRole('region', { name: t('admin:moderation.content.label', { kind: 'post' }) });
    await evidence.getByText(text, { exact: true }).waitFor();
    await evidence.getByText(t('admin:moderation.content.now.edited'), { exact: true }).waitFor();
    expect(await evidence.getByRole('link', { name: t('admin:moderation.content.open', { kind: 'post' }) }).getAttribute('href')).toBe(`/posts/${postId}`);
    await expectAccessible(admin, 'Admin → Moderation: a reported post as evidence');

    // Remove it: the dialog says what happens and wants the reason the author will read.
    await evidence.getByRole('button', { name: t('admin:moderation.content.remove', { kind: 'post' }) }).click();
    const confirm = admin.getByRole('dialog', { name: shown('admin:moderation.removeContent.title', { kind: 'post', name: seller.name }) });
    await confirm.waitFor();
    await confirm.getByText(t('admin:moderation.removeContent.consequences.post')).waitFor();
    const reasonBox = confirm.getByRole('textbox', { name: t('admin:moderation.reason') });
    await waitForFocus(reasonBox);
    const removeWord = t('admin:moderation.content.remove', { kind: 'post' });
    await confirm.getByRole('button', { name: removeWord, exact: true }).click();
    await confirm.getByText(t('admin:moderation.giveReason'), { exact: true }).waitFor();
    await expectAccessible(admin, 'the Remove dialog, reason missing');
    const reason = 'Selling in the feed is against this community’s rules.';
    await reasonBox.fill(reason);
    await confirm.getByRole('button', { name: removeWord, exact: true }).click();
    await admin.getByText(t('admin:moderation.removeContent.done', { kind: 'post' })).waitFor();
    // The report is resolved with it: the queue is empty.
    await item.waitFor({ state: 'detached' });
    await admin.getByText(t('admin:moderation.emptyTitle')).waitFor();

    // The author reads it, in their language, with the reason and the first words of what was removed.
    const author = await signedIn(seller);
    const banner = noticesBanner(author);
    await banner.getByText(t('reasons:notices.title.removal')).waitFor();
    await banner.getByText(shown('reasons:notice.content_removed', { kind: 'post', excerpt: 'Just a post about watches.', reason })).waitFor();
    await expectAccessible(author, 'the removal notice');

    // The post is gone for the reader.
    await page.goto(`/posts/${postId}`);
    await page.getByText(t('feed:single.goneTitle')).waitFor();

    for (const p of [page, admin, author]) await p.context().close();
  });
});

describe('a reported message', () => {
  it('a member reports one message from its own menu, by keyboard → the operator sees that message’s text as evidence', async () => {
    const pitcher = await signUpOverHttp(server.baseUrl, 'Pia Pitcher');
    const recipient = await signUpOverHttp(server.baseUrl, 'Remo Recipient');
    const first = 'Hi Remo, loved your talk on harbour logistics.';
    const pitch = 'Buy my crypto course today: 90% returns guaranteed, send me your bank details.';
    const started = await pitcher.call('POST', '/api/v1/conversations', { to: [recipient.handle], text: first });
    expect(started.status).toBe(201);
    const conversationId = (started.body as { id: number }).id;
    expect((await pitcher.call('POST', `/api/v1/conversations/${conversationId}/messages`, { text: pitch })).status).toBe(201);

    // A stranger's message waits in Requests; each of its messages has its own menu, reached with Tab.
    const page = await signedIn(recipient);
    await page.goto(`/messages/${conversationId}`);
    const thread = page.getByRole('log', { name: t('messages:conversation.thread', { names: pitcher.name }) });
    await thread.getByText(pitch, { exact: true }).waitFor();
    const menus = thread.getByRole('button', { name: t('messages:conversation.messageMenu', { name: pitcher.name }) });
    expect(await menus.count()).toBe(2);
    // Oldest first: the second message's menu is the pitch's.
    await tabTo(page, menus.nth(1));
    await page.keyboard.press('Enter');
    const item = page.getByRole('menuitem', { name: t('messages:conversation.reportMessage') });
    await item.waitFor();
    // The menu's one item is an arrow key away (WAI-ARIA menu button), then Enter.
    await page.keyboard.press('ArrowDown');
    await waitForFocus(item);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: shown('people:report.titleContent', { kind: 'message', name: pitcher.name }) });
    await dialog.waitFor();
    await dialog.getByText(shown('people:report.introContent', { name: pitcher.name })).waitFor();
    await expectAccessible(page, 'the report dialog for a message');
    await dialog.getByRole('radio', { name: t('people:report.reasons.scam') }).check();
    await dialog.getByRole('textbox', { name: t('people:report.details') }).fill('A scam pitch in my requests');
    await dialog.getByRole('button', { name: t('people:report.send') }).click();
    await page.getByText(shown('people:report.sent', { name: pitcher.name })).waitFor();
    await dialog.waitFor({ state: 'detached' });

    // The operator reads the reported message itself, not the conversation and not the other message.
    const admin = await signedIn(operator);
    await admin.goto('/admin');
    const console_ = new AdminConsole(admin);
    await console_.heading().waitFor();
    const queued = console_.queueItems(t('admin:moderation.reportTitle', { reason: t('admin:reportReasons.scam') }));
    await queued.waitFor();
    await queued.getByText(shown('admin:moderation.report.messageByDetails', { name: recipient.name, details: 'A scam pitch in my requests' })).waitFor();
    const evidence = queued.getByRole('region', { name: t('admin:moderation.content.label', { kind: 'message' }) });
    await evidence.getByText(pitch, { exact: true }).waitFor();
    expect(await evidence.getByText(first).count()).toBe(0);
    await expectAccessible(admin, 'Admin → Moderation: a reported message as evidence');

    for (const p of [page, admin]) await p.context().close();
  });
});
