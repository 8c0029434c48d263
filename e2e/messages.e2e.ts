import type { Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { waitForFocus } from './fixtures/admin-pages.ts';
import { expectAccessible } from './fixtures/axe.ts';
import { newMemberContext } from './fixtures/browser.ts';
import { focusedElement, tabTo } from './fixtures/keyboard.ts';
import { expectNoSidewaysScroll } from './fixtures/layout.ts';
import { ConversationView, MessagesLink, MessagesPage, NewMessage } from './fixtures/messages-pages.ts';
import { type SeededMember, connectViaApi, seedMember } from './fixtures/network-api.ts';
import { MemberProfile, SignInPage, shown } from './fixtures/network-pages.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t } from './fixtures/words.ts';

const e2e = browserSuite();
const PHONE = 390;

/** Makes accounts 60 days old: a connection's first message then reaches the inbox (docs/messages.md). */
async function established(...members: SeededMember[]): Promise<void> {
  for (const m of members) await e2e.server.app.ctx.db.execute(sql`UPDATE members SET created_at = now() - interval '60 days' WHERE id = ${m.id}`);
}

async function phone(member: SeededMember): Promise<Page> {
  const context = await newMemberContext(e2e.browser, e2e.server.baseUrl, { width: PHONE });
  await context.pages()[0]?.close();
  const page = await context.newPage();
  await page.setViewportSize({ width: PHONE, height: 844 });
  await new SignInPage(page).signIn(member);
  return page;
}

const xss = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);

describe('messages in the browser', () => {
  it('A writes to B from B’s profile → B’s header counts it live, B reads and replies → A sees the reply live → C’s request waits in B’s Requests with its warning → B accepts → archive, mute and delete for me', async () => {
    const [ana, bruno, carla, xavi] = (await Promise.all(
      ['Ana Author', 'Bruno Builder', 'Carla Cold', 'Xavi Cross'].map((name) => seedMember(e2e.server.app, name)),
    )) as [SeededMember, SeededMember, SeededMember, SeededMember];
    await connectViaApi(ana, bruno);
    // Carla knows Bruno through Xavi: 2nd degree, a stranger to his inbox. Her account is new, so her request carries a warning.
    await connectViaApi(carla, xavi);
    await connectViaApi(xavi, bruno);
    await established(ana, bruno, xavi);

    const pageB = await e2e.signedIn(bruno);
    const linkB = new MessagesLink(pageB);
    await linkB.waitForCount(0);

    // A opens B's profile and writes with "Message": no conversation yet, so a new message to B.
    const pageA = await e2e.signedIn(ana);
    const profile = new MemberProfile(pageA);
    await profile.open(bruno.handle, bruno.name);
    await profile.actions(bruno.name).getByRole('link', { name: t('people:message.actionLabel', { name: bruno.name }) }).click();
    const compose = new NewMessage(pageA);
    await compose.region().waitFor();
    await compose.region().getByText(bruno.name, { exact: true }).waitFor();
    await expectAccessible(pageA, 'a new message to a member from their profile');
    const hello = 'Hi Bruno! Your robotics talk was great. Coffee next week?';
    await compose.textbox().fill(hello);
    await compose.textbox().press('Enter');
    await pageA.waitForURL(/\/messages\/\d+$/);
    await pageA.getByText(t('messages:new.sent')).waitFor();
    const withB = new ConversationView(pageA, bruno.name);
    await withB.message(hello).waitFor();
    const conversationId = Number(new URL(pageA.url()).pathname.split('/').pop());

    // B's header says so without a reload; B opens the conversation from it and it is read at once.
    await linkB.waitForCount(1);
    await linkB.link().click();
    const messagesB = new MessagesPage(pageB);
    await messagesB.heading().waitFor();
    await messagesB.item('inbox', ana.name).getByText(t('messages:list.unread', { count: 1 })).waitFor();
    await expectAccessible(pageB, '/messages with an unread conversation');
    await messagesB.item('inbox', ana.name).click();
    const withA = new ConversationView(pageB, ana.name);
    await withA.message(hello).waitFor();
    await linkB.waitForCount(0);
    await expectAccessible(pageB, 'a conversation');

    // B replies with a link in the text: it is a safe link, and A sees the reply arrive live.
    const reply = 'Yes please! Agenda: https://example.org/agenda?week=12.';
    await withA.send(reply);
    await withB.message(reply).waitFor();
    const agenda = withB.thread().getByRole('link', { name: 'https://example.org/agenda?week=12' });
    expect(await agenda.getAttribute('href')).toBe('https://example.org/agenda?week=12');
    expect(await agenda.getAttribute('rel')).toBe('noopener noreferrer nofollow ugc');
    expect(await agenda.getAttribute('target')).toBe('_blank');

    // A attaches an image. A file that is no image is refused by the server, worded from its problem code;
    // a photo uploads at once, and Send waits for its description; B sees the image with it.
    const picked = withB.root.getByRole('img', { name: t('messages:composer.image.preview') });
    await withB.root.locator('input[type="file"]').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('no picture here') });
    await withB.root.getByRole('alert').getByText(t('errors:image_unsupported'), { exact: false }).waitFor();
    await withB.root.getByRole('button', { name: t('messages:composer.image.remove') }).click();
    await picked.waitFor({ state: 'detached' });
    await waitForFocus(withB.root.getByRole('button', { name: t('messages:composer.image.attach') }));
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 30, g: 120, b: 200 } } }).png().toBuffer();
    await withB.root.locator('input[type="file"]').setInputFiles({ name: 'robot.png', mimeType: 'image/png', buffer: photo });
    await picked.waitFor();
    await withB.root.getByText(t('messages:composer.image.uploaded')).waitFor({ state: 'attached' });
    const caption = 'Here is the robot arm from the talk.';
    await withB.textbox().fill(caption);
    await withB.textbox().press('Enter');
    await withB.root.getByText(t('messages:composer.image.altMissing')).waitFor();
    expect(await withB.message(caption).count(), 'not sent without alt text').toBe(0);
    const ALT = 'A red robot arm stacking blue blocks on a workbench';
    await withB.root.getByRole('textbox', { name: t('messages:composer.image.alt') }).fill(ALT);
    await expectAccessible(pageA, 'the message composer with an image and its alt text');
    await withB.textbox().press('Enter');
    await withB.message(caption).waitFor();
    await picked.waitFor({ state: 'detached' });
    // B's thread shows it live, served by Rapport to the conversation's members, described by A's words.
    await withA.message(caption).waitFor();
    await withA.thread().getByRole('img', { name: ALT }).waitFor();
    await pageB.waitForFunction((alt) => [...document.querySelectorAll('img')].some((i) => i.alt === alt && i.complete && i.naturalWidth > 0), ALT);

    // A's "Message" on B's profile now opens the same conversation, with its history.
    await profile.open(bruno.handle, bruno.name);
    await profile.actions(bruno.name).getByRole('link', { name: t('people:message.actionLabel', { name: bruno.name }) }).click();
    await pageA.waitForURL(`**/messages/${conversationId}`);
    await withB.message(reply).waitFor();

    // C, whom B does not know, writes through "New message": C is shown the message as sent, nothing more.
    const pageC = await e2e.signedIn(carla);
    const messagesC = new MessagesPage(pageC);
    await messagesC.open();
    await messagesC.empty('inbox').waitFor();
    await pageC.getByRole('link', { name: t('messages:empty.inbox.find') }).waitFor();
    await expectAccessible(pageC, 'an empty inbox');
    const newC = await messagesC.newMessage();
    await newC.send('Hello!');
    await newC.region().getByText(t('messages:new.nobody')).waitFor();
    await newC.addRecipient(bruno.name);
    const pitch = 'Hello Bruno, Xavi told me about your meetup. <img src=x onerror="window.__xss=1"> Could I join?';
    await newC.send(pitch);
    await pageC.waitForURL(/\/messages\/\d+$/);
    await new ConversationView(pageC, bruno.name).message(pitch).waitFor();

    // B finds it in Requests (the tab counts it), with the new-account warning; the markup is text.
    await messagesB.tab('requests').getByText(t('messages:folders.waiting', { count: 1 })).waitFor();
    await messagesB.choose('requests');
    await messagesB.item('requests', carla.name).click();
    const withC = new ConversationView(pageB, carla.name);
    await withC.request().waitFor();
    await withC.warning('new_account').waitFor();
    await withC.message(pitch).waitFor();
    expect(await withC.thread().locator('img').count()).toBe(0);
    expect(await xss(pageB)).toBeUndefined();
    expect(await withC.textbox().count(), 'no reply box before accepting').toBe(0);
    await expectAccessible(pageB, 'a message request');

    // B accepts: the conversation moves to the inbox and the reply box takes focus.
    await withC.acceptButton().click();
    await pageB.getByText(t('messages:request.accepted')).waitFor();
    await waitForFocus(withC.textbox());
    await messagesB.choose('inbox');
    await messagesB.item('inbox', carla.name).waitFor();
    await messagesB.choose('requests');
    await messagesB.empty('requests').waitFor();
    await pageB.getByRole('link', { name: t('messages:empty.requests.settings') }).waitFor();

    // B mutes Carla: her next message shows in the list but not in the header's count.
    await withC.fromMenu(t('messages:conversation.mute'));
    await pageB.getByText(t('messages:conversation.muted')).waitFor();
    await withC.root.getByText(t('messages:conversation.mutedMark'), { exact: true }).waitFor();
    await messagesB.choose('inbox');
    await pageB.goto('/messages');
    await messagesB.item('inbox', carla.name).getByText(t('messages:list.muted'), { exact: true }).waitFor();
    const again = await carla.call('POST', `/api/v1/conversations/${Number(new URL(pageC.url()).pathname.split('/').pop())}/messages`, { text: 'One more thing.' });
    expect(again.statusCode, again.body).toBe(201);
    await messagesB.item('inbox', carla.name).getByText('One more thing.').waitFor();
    // Asked afresh, the header's count leaves the muted conversation out.
    const [badge] = await Promise.all([pageB.waitForResponse((r) => r.url().endsWith('/api/v1/conversations/unread')), pageB.reload()]);
    expect(await badge.json()).toEqual({ inbox: 0, requests: 0 });
    await messagesB.item('inbox', carla.name).getByText('One more thing.').waitFor();
    await linkB.waitForCount(0);

    // B archives the conversation with A: out of the inbox, into Archived; then deletes it for himself.
    await messagesB.item('inbox', ana.name).click();
    await withA.fromMenu(t('messages:conversation.archive'));
    await pageB.getByText(t('messages:conversation.archived')).waitFor();
    await messagesB.item('inbox', ana.name).waitFor({ state: 'detached' });
    await messagesB.choose('archived');
    await messagesB.item('archived', ana.name).waitFor();
    await expectAccessible(pageB, 'archived conversations');
    await withA.deleteForMe();
    await pageB.getByText(t('messages:conversation.deleted')).waitFor();
    await messagesB.empty('archived').waitFor();
    // A still has the whole conversation; A's next message brings it back to B with only what follows.
    await pageA.reload();
    await withB.message(hello).waitFor();
    await withB.send('Still on for Thursday?');
    await linkB.waitForCount(1);
    await pageB.goto(`/messages/${conversationId}`);
    await withA.message('Still on for Thursday?').waitFor();
    expect(await withA.thread().getByText(hello).count()).toBe(0);

    // Who can message B: from the empty Requests folder to Settings, one choice per kind of sender, saved as chosen.
    await messagesB.open('requests');
    await pageB.getByRole('link', { name: t('messages:empty.requests.settings') }).click();
    const strangers = pageB.getByRole('combobox', { name: t('messages:settings.kinds.third_plus') });
    await strangers.selectOption({ label: t('messages:settings.gates.drop') });
    await pageB.getByText(t('messages:settings.saved')).waitFor();
    expect((await bruno.call('GET', '/api/v1/me/message-settings')).json()).toMatchObject({ connection: 'accept', third_plus: 'drop' });

    for (const page of [pageA, pageB, pageC]) await page.context().close();
  });

  it('on a 390 px phone, by keyboard alone: one pane at a time, the list then the conversation, and back; axe-clean in each', async () => {
    const [dora, eli] = (await Promise.all(['Dora Phone', 'Eli Keys'].map((name) => seedMember(e2e.server.app, name)))) as [SeededMember, SeededMember];
    await connectViaApi(dora, eli);
    await established(dora, eli);
    const sent = await eli.call('POST', '/api/v1/conversations', { to: [dora.handle], text: 'Are you coming to the harbour meetup?' });
    expect(sent.statusCode, sent.body).toBe(201);
    const fay = await seedMember(e2e.server.app, 'Fay Stranger');
    expect((await fay.call('POST', '/api/v1/conversations', { to: [dora.handle], text: 'Hi Dora, may I ask you about your job?' })).statusCode).toBe(201);

    const page = await phone(dora);
    const messages = new MessagesPage(page);
    await messages.open();
    await expectNoSidewaysScroll(page, '/messages at 390 px');
    await expectAccessible(page, '/messages at 390 px');

    // Tab to the conversation and open it with Enter: the list gives way to the conversation.
    const item = messages.item('inbox', eli.name);
    await tabTo(page, item);
    await page.keyboard.press('Enter');
    const withEli = new ConversationView(page, eli.name);
    await withEli.message('Are you coming to the harbour meetup?').waitFor();
    expect(await messages.list('inbox').isVisible()).toBe(false);
    await expectNoSidewaysScroll(page, 'a conversation at 390 px');
    await expectAccessible(page, 'a conversation at 390 px');

    // Tab to the reply box, type, Shift+Enter for a new line, Enter sends.
    await tabTo(page, withEli.textbox());
    await page.keyboard.type('Yes!');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('See you there.');
    await page.keyboard.press('Enter');
    await withEli.thread().getByText(/^Yes!\s+See you there\.$/).waitFor();
    expect(await withEli.textbox().inputValue()).toBe('');
    expect(await focusedElement(page)).toContain('textarea');

    // Back to the list, and on to a request.
    const back = withEli.root.getByRole('link', { name: t('messages:conversation.back') });
    await tabTo(page, back, 120);
    await page.keyboard.press('Enter');
    await messages.list('inbox').waitFor();
    await messages.choose('requests');
    await messages.item('requests', fay.name).click();
    const withFay = new ConversationView(page, fay.name);
    await withFay.request().waitFor();
    await expectNoSidewaysScroll(page, 'a message request at 390 px');
    await expectAccessible(page, 'a message request at 390 px');

    // Report and block are a menu away; reporting opens the shared dialog, named for Fay.
    await withFay.menuButton().click();
    await withFay.menuItemFor('report', fay.name).click();
    const report = page.getByRole('dialog', { name: shown('people:report.title', { name: fay.name }) });
    await report.waitFor();
    await page.keyboard.press('Escape');
    await report.waitFor({ state: 'detached' });

    // Blocking Fay from her request: it leaves the page and the Requests folder, since a block hides a one-to-one.
    await withFay.root.getByRole('button', { name: shown('messages:conversation.block', { name: fay.name }) }).click();
    const block = page.getByRole('dialog', { name: shown('people:block.title', { name: fay.name }) });
    await block.getByRole('button', { name: t('people:block.confirm') }).click();
    await page.waitForURL((url) => url.pathname === '/messages' && url.search === '?folder=requests');
    await messages.empty('requests').waitFor();
    await page.context().close();
  });

  it('hostile text: markup in a message and its list snippet stays text, and only http(s) addresses become links, refused before and by the server otherwise', async () => {
    const [mallory, victor] = (await Promise.all(['Mallory Markup', 'Victor Viewer'].map((name) => seedMember(e2e.server.app, name)))) as [SeededMember, SeededMember];
    const payload = '<img src=x onerror="window.__xss=1"> javascript:window.__xss=2 data:text/html,<b>x</b> https://example.org/ok';

    // The composer refuses a javascript: link before sending; the server would too.
    const pageM = await e2e.signedIn(mallory);
    await pageM.goto(`/messages/new?to=${victor.handle}`);
    const compose = new NewMessage(pageM);
    await compose.region().getByText(victor.name, { exact: true }).waitFor();
    await compose.region().getByRole('button', { name: t('messages:composer.addLink') }).click();
    await compose.region().getByRole('textbox', { name: t('messages:composer.linkLabel') }).fill('javascript:window.__xss=3');
    await compose.send(payload);
    await compose.region().getByText(t('messages:composer.linkInvalid')).waitFor();
    const refused = await mallory.call('POST', '/api/v1/conversations', { to: [victor.handle], text: 'hi', link: 'javascript:alert(1)' });
    expect(refused.statusCode).toBe(400);
    await compose.region().getByRole('button', { name: t('messages:composer.removeLink') }).click();
    await compose.region().getByRole('button', { name: t('messages:composer.send') }).click();
    await pageM.waitForURL(/\/messages\/\d+$/);

    // Victor's browser ignores the CSP: only the rendering stands between the payload and its execution.
    const context = await newMemberContext(e2e.browser, e2e.server.baseUrl, { bypassCSP: true });
    const pageV = await context.newPage();
    await new SignInPage(pageV).signIn(victor);
    const messages = new MessagesPage(pageV);
    await messages.open('requests');
    await messages.item('requests', mallory.name).getByText(payload).waitFor();
    await messages.item('requests', mallory.name).click();
    const view = new ConversationView(pageV, mallory.name);
    await view.thread().getByText(/^<img src=x onerror="window.__xss=1">/).waitFor();
    expect(await pageV.locator('main img').count()).toBe(0);
    const hrefs = await view.thread().getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['https://example.org/ok']);
    await pageV.waitForTimeout(300);
    expect(await xss(pageV)).toBeUndefined();
    expect(await xss(pageM)).toBeUndefined();
    await pageM.context().close();
    await context.close();
  });
});
