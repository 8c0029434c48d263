import type { Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { TestSmtpServer } from '../server/test/smtp.ts';
import { waitForFocus } from './fixtures/admin-pages.ts';
import { expectAccessible } from './fixtures/axe.ts';
import { newMemberContext } from './fixtures/browser.ts';
import { Composer, PostCard } from './fixtures/feed-pages.ts';
import { focusInside } from './fixtures/keyboard.ts';
import { type SeededMember, connectViaApi, seedMember } from './fixtures/network-api.ts';
import { SignInPage, nameSource, shown } from './fixtures/network-pages.ts';
import { browserSuite } from './fixtures/suite.ts';
import { formMessage, t } from './fixtures/words.ts';

/** A real SMTP server on loopback: the notification email B receives arrives over a real SMTP conversation. */
const smtp = new TestSmtpServer();
const e2e = browserSuite({ smtpUrl: await smtp.start() });
afterAll(() => smtp.stop());

/** Markup a member might type: it must show as these characters and never become an element. */
const PAYLOAD = '<img src=x onerror="window.__xss=1"> #inert';
/** U+202E RIGHT-TO-LEFT OVERRIDE: would make the rest of the line read backwards. */
const RLO = '\u202E';

const xss = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);

/** Waits until the focused element is the article labelled `label`. */
const focusOnArticle = (page: Page, label: string) =>
  page.waitForFunction((expected) => document.activeElement?.tagName === 'ARTICLE' && document.activeElement.getAttribute('aria-label') === expected, label);

describe('posts, comments and reactions in the browser, where relationships start', () => {
  it('A posts with a #topic and an @mention → B, 3rd degree, finds it on the topic page and comments → A reacts, connects from the comment with a note → B accepts → "how you met" names the comment on A’s post → A edits and deletes', async () => {
    // A – Xavi – Yara – B: B is three hops from A, out of reach of A's feed, and A's note is B's first contact.
    const [ana, xavi, yara, bruno] = (await Promise.all(
      ['Ana Author', 'Xavi Cross', 'Yara Young', 'Bruno Builder'].map((name) => seedMember(e2e.server.app, name)),
    )) as [SeededMember, SeededMember, SeededMember, SeededMember];
    await connectViaApi(ana, xavi);
    await connectViaApi(xavi, yara);
    await connectViaApi(yara, bruno);
    // Notification emails go only to confirmed addresses.
    await e2e.server.app.ctx.db.execute(sql`UPDATE members SET email_verified_at = now() WHERE id = ${bruno.id}`);

    // A's feed is empty at first, and says where to go.
    const pageA = await e2e.signedIn(ana);
    await pageA.getByRole('heading', { level: 1, name: t('home:title', { firstName: 'Ana' }) }).waitFor();
    const feedA = pageA.getByRole('region', { name: t('feed:home.title') });
    await feedA.getByText(t('feed:home.emptyTitle')).waitFor();
    await feedA.getByRole('link', { name: t('feed:home.suggestions') }).waitFor();
    await expectAccessible(pageA, 'the home page with an empty feed');

    // A posts, to all members, with a topic and a mention; the new post takes focus at the top of the feed.
    const text = `Looking for a co-organiser for the #Robotics meetup in Rotterdam. Thanks @${xavi.handle} for the idea!`;
    const composer = new Composer(pageA);
    await composer.textbox().fill('x'.repeat(3001));
    await composer.region().getByText(t('feed:composer.tooLong', { count: 1 })).first().waitFor();
    await composer.write(text);
    await pageA.getByText(t('feed:composer.posted')).waitFor();
    await focusOnArticle(pageA, t('feed:post.label', { name: 'Ana Author' }));
    expect(await composer.textbox().inputValue()).toBe('');
    const postA = new PostCard(pageA, 'Ana Author', pageA.getByRole('list', { name: t('feed:home.list') }));
    expect(await postA.root.getByRole('link', { name: `@${xavi.handle}` }).getAttribute('href')).toBe(`/in/${xavi.handle}`);
    expect(await postA.root.getByRole('link', { name: '#Robotics' }).getAttribute('href')).toBe('/topics/robotics');
    await postA.root.getByRole('img', { name: t('feed:visibility.shown.members') }).waitFor();
    await expectAccessible(pageA, 'the home feed with a post');

    // B is not connected and follows no one: the topic page shows A's post, with A's distance.
    const pageB = await e2e.signedIn(bruno);
    await pageB.goto('/topics/Robotics');
    await pageB.getByRole('heading', { level: 1, name: t('feed:topic.title', { topic: 'robotics' }) }).waitFor();
    const postB = new PostCard(pageB, 'Ana Author', pageB.getByRole('list', { name: t('feed:topic.list', { topic: 'robotics' }) }));
    await postB.text(text).waitFor();
    expect(await postB.text(text).getAttribute('dir')).toBe('auto');
    await postB.root.getByLabel(t('people:degree.third.long'), { exact: true }).waitFor();
    await expectAccessible(pageB, 'a topic page');

    // B comments: 60 seconds of praise.
    const praise = 'Your robotics meetup last month was the best evening I had this year. Count me in!';
    const commentsB = await postB.openComments();
    await expectAccessible(pageB, 'a post with its comments open');
    await commentsB.add(praise);
    await commentsB.comment('Bruno Builder').getByText(praise).waitFor();
    await postB.root.getByRole('button', { name: t('feed:post.comments', { count: 1 }) }).waitFor();

    // A sees it under her post: reacts (like, then celebrate through the chooser), and connects from the comment.
    await pageA.reload();
    const commentsA = await postA.openComments();
    await commentsA.comment('Bruno Builder').getByText(praise).waitFor();
    const like = commentsA.reactButton('Bruno Builder');
    expect(await like.getAttribute('aria-pressed')).toBe('false');
    await like.click();
    expect(await like.getAttribute('aria-pressed')).toBe('true');
    await commentsA.chooseReaction('Bruno Builder', 'celebrate');
    const celebrated = commentsA.reactButton('Bruno Builder', 'celebrate');
    expect(await celebrated.getAttribute('aria-pressed')).toBe('true');
    await commentsA.followButton('Bruno Builder').waitFor();
    const note = 'Thank you for the kind words! Would you help me run the next robotics meetup?';
    await commentsA.connectWithNote('Bruno Builder', note);
    await pageA.getByText(shown('people:connect.sent', { name: 'Bruno Builder' })).waitFor();
    await commentsA.connectButton('Bruno Builder').waitFor({ state: 'detached' });
    // The reaction held on the server (the comments refetched after the invitation).
    expect(await commentsA.reactButton('Bruno Builder', 'celebrate').getAttribute('aria-pressed')).toBe('true');

    // B likes A's post too, by keyboard through the chooser, so "who reacted" has someone to list: Enter opens
    // it with focus on the current kind (Like), Enter picks it, and focus returns to the chooser's button.
    const chooserB = postB.root.getByRole('button', { name: t('feed:reactions.chooseLabel', { name: 'Ana Author' }) });
    await chooserB.focus();
    await pageB.keyboard.press('Enter');
    const kindsB = pageB.getByRole('dialog', { name: t('feed:reactions.chooseLabel', { name: 'Ana Author' }), exact: true });
    await pageB.waitForFunction((label) => document.activeElement?.textContent === label && document.activeElement.getAttribute('aria-pressed') === 'false', t('feed:reactions.kinds.like'));
    expect(await focusInside(kindsB)).toBe(true);
    await pageB.keyboard.press('Enter');
    await kindsB.waitFor({ state: 'detached' });
    expect(await postB.reactButton().getAttribute('aria-pressed')).toBe('true');
    await waitForFocus(chooserB);

    // B reposts it with a thought of their own.
    await postB.root.getByRole('button', { name: t('feed:repost.actionLabel', { name: 'Ana Author' }) }).click();
    const repost = pageB.getByRole('dialog', { name: t('feed:repost.title') });
    await repost.getByRole('textbox', { name: t('feed:repost.thoughts') }).fill('Worth an evening: join them.');
    await expectAccessible(pageB, 'the repost dialog');
    await repost.getByRole('button', { name: t('feed:repost.submit') }).click();
    await pageB.getByText(t('feed:repost.done')).waitFor();
    await postB.root.getByText(t('feed:post.reposts', { count: 1 })).waitFor();

    // B's bell counts what is unread (A's reaction to B's comment, and the invitation); the notification names
    // A, and the email arrived over SMTP.
    await pageB.goto('/');
    await pageB.getByRole('link', { name: new RegExp(`^${nameSource(t('common:nav.notifications'))}, `) }).click();
    await pageB.waitForURL('**/notifications');
    await pageB.getByText(shown('notifications:kinds.invitation_received', { name: 'Ana Author' })).waitFor();
    await expectAccessible(pageB, 'the notifications page');
    const mail = await smtp.waitFor(bruno.email, /Ana Author/);
    const unsubscribe = /https?:\/\/\S+?(\/unsubscribe\?token=[\w-]+&kind=invitation_received)/.exec(mail.text ?? '')?.[1];
    expect(unsubscribe).toBeDefined();

    // B stops those emails with one click, from a browser that is not signed in.
    const visitor = await newMemberContext(e2e.browser, e2e.server.baseUrl);
    const outside = await visitor.newPage();
    await outside.goto(unsubscribe!);
    await outside.getByRole('button', { name: t('notifications:unsubscribe.confirm') }).click();
    await outside.getByText(t('notifications:unsubscribe.done')).waitFor();
    await expectAccessible(outside, 'the unsubscribe page');
    await visitor.close();
    expect((await bruno.call('GET', '/api/v1/me/notification-settings')).json().email.invitation_received).toBe(false);

    // B accepts on My Network: the invitation carries A's note.
    await pageB.goto('/network');
    await pageB.getByText(note).waitFor();
    await pageB.getByText(shown('network:invitation.fromComment', { name: 'Ana Author' })).waitFor();
    await pageB.getByRole('button', { name: t('network:invitation.acceptLabel', { name: 'Ana Author' }) }).click();
    await pageB.getByText(shown('network:invitation.done.accept', { name: 'Ana Author' })).waitFor();

    // How they met: the comment on A's post, as each of them reads it.
    await pageB.goto('/network?tab=connections');
    const connectionsB = pageB.getByRole('list', { name: t('network:connections.list') });
    await connectionsB.getByText(shown('network:howYouMet.commentOnPost', { name: 'Ana Author' })).waitFor();
    await expectAccessible(pageB, 'connections with a connection made from a comment');
    await pageA.goto('/network?tab=connections');
    await pageA.getByRole('list', { name: t('network:connections.list') }).getByText(t('network:howYouMet.commentOnYourPost')).waitFor();

    // Who reacted to A's post: B, now 1st degree.
    await pageA.goto('/');
    const post = new PostCard(pageA, 'Ana Author', pageA.getByRole('list', { name: t('feed:home.list') }));
    await post.whoReacted(1).click();
    const reactors = pageA.getByRole('dialog', { name: t('feed:reactions.who.title') });
    const reactor = reactors.getByRole('list', { name: t('feed:reactions.who.list') }).getByRole('listitem').filter({ hasText: 'Bruno Builder' });
    await reactor.getByText(t('feed:reactions.who.reacted', { kind: t('feed:reactions.kinds.like') })).waitFor();
    await reactor.getByLabel(t('people:degree.first.long'), { exact: true }).waitFor();
    await expectAccessible(pageA, 'who reacted to a post');
    await pageA.keyboard.press('Escape');
    await reactors.waitFor({ state: 'detached' });

    // A edits the post: it says "edited" from then on.
    const edited = `${text} Edited: the meetup moved to Thursday.`;
    await post.openMenu();
    await pageA.getByRole('menuitem', { name: t('feed:post.edit') }).click();
    const editor = post.root.getByRole('textbox', { name: t('feed:post.editLabel') });
    await editor.fill(edited);
    await post.root.getByRole('button', { name: t('feed:post.save') }).click();
    await pageA.getByText(t('feed:post.saved')).waitFor();
    await post.text(edited).waitFor();
    await post.root.getByText(t('feed:post.edited'), { exact: true }).waitFor();
    await focusOnArticle(pageA, t('feed:post.label', { name: 'Ana Author' }));

    // A deletes it, after confirming; Cancel has focus first.
    await post.openMenu();
    await pageA.getByRole('menuitem', { name: t('feed:post.delete') }).click();
    const confirm = pageA.getByRole('dialog', { name: t('feed:post.deleteTitle') });
    await confirm.getByRole('button', { name: t('feed:post.delete') }).click();
    await pageA.getByText(t('feed:post.deleted')).waitFor();
    await post.root.waitFor({ state: 'detached' });
    // Focus stays in the feed (its frame), not on the page body where the deleted post's menu left it.
    await pageA.waitForFunction(() => document.activeElement !== document.body);
    expect(await focusInside(pageA.getByRole('region', { name: t('feed:home.title') }))).toBe(true);
    // B's repost, now in A's feed (connecting follows both ways), says the original is gone.
    const repostInFeed = new PostCard(pageA, 'Bruno Builder', pageA.getByRole('list', { name: t('feed:home.list') }));
    await repostInFeed.root.getByText('Worth an evening: join them.').waitFor();
    await repostInFeed.root.getByText(t('feed:post.unavailable')).waitFor();
    // Gone for B as well.
    await pageB.goto('/topics/robotics');
    await pageB.getByText(t('feed:topic.emptyTitle', { topic: 'robotics' })).waitFor();

    await pageA.context().close();
    await pageB.context().close();
  });

  it('hostile text: markup renders as text and never runs; a direction override is refused before and by the server', async () => {
    const [mallory, victor] = (await Promise.all(['Mallory Markup', 'Victor Viewer'].map((name) => seedMember(e2e.server.app, name)))) as [
      SeededMember,
      SeededMember,
    ];
    const page = await e2e.signedIn(mallory);
    const composer = new Composer(page);
    await page.getByRole('heading', { level: 1, name: t('home:title', { firstName: 'Mallory' }) }).waitFor();

    // A right-to-left override: the composer says why before sending, and the server would refuse it too.
    await composer.write(`Totally normal ${RLO}txet desrever`);
    await composer.region().getByText(formMessage('errors:field.text_direction')).waitFor();
    const refused = await mallory.call('POST', '/api/v1/posts', { text: `a${RLO}b`, visibility: 'members' });
    expect(refused.statusCode).toBe(400);

    await composer.write(PAYLOAD);
    await page.getByText(t('feed:composer.posted')).waitFor();

    // Victor's browser ignores the CSP: only the rendering stands between the payload and its execution.
    const context = await newMemberContext(e2e.browser, e2e.server.baseUrl, { bypassCSP: true });
    const viewer = await context.newPage();
    await new SignInPage(viewer).signIn(victor);
    await viewer.goto(`/in/${mallory.handle}`);
    const activity = viewer.getByRole('region', { name: t('feed:activity.title') });
    const post = new PostCard(viewer, 'Mallory Markup', activity);
    await post.root.getByText(new RegExp(`^${nameSource('<img src=x onerror="window.__xss=1">')}`)).waitFor();
    expect(await post.root.getByRole('img', { name: 'x' }).count()).toBe(0);
    expect(await post.root.getByRole('link', { name: '#inert' }).getAttribute('href')).toBe('/topics/inert');
    await expectAccessible(viewer, 'a profile with its activity');
    await viewer.waitForTimeout(300);
    expect(await xss(viewer)).toBeUndefined();
    expect(await xss(page)).toBeUndefined();

    await page.context().close();
    await context.close();
  });
});
