/**
 * Issue 16's security suite, in Chromium.
 *
 * Stored XSS: classic payloads go through the API into every text field a member controls (one author per payload,
 * every field of theirs carrying it, and the fields their connection writes about them), then the browser visits every
 * page that shows them, as the author and as the connection. The viewing contexts bypass the CSP on purpose: the
 * rendering alone must keep the payloads inert, the CSP is a second wall with a test of its own below. A payload that
 * ran would call `window.__pwned(n)` (exposed to every page), open a dialog, or leave an inline handler, a
 * `javascript:` link or a payload element in the DOM: each of these fails the test.
 *
 * CSP: the header has no 'unsafe-inline' for scripts, and an inline script injected into a page is refused by the
 * browser (a securitypolicyviolation event, no side effect).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../server/test/client.ts';
import { newMemberContext } from './fixtures/browser.ts';
import { type SeededMember, seedMember } from './fixtures/network-api.ts';
import { browserSuite } from './fixtures/suite.ts';

const suite = browserSuite();

/** Each calls `__pwned(n)` if it ever runs: script tags, handlers, javascript: and data: URLs, breakouts, template syntax. */
const PAYLOADS = [
  '<script>__pwned(1)</script>',
  '<img src=x onerror=__pwned(2)>',
  '<svg onload=__pwned(3)>',
  '"><img src=x onerror=__pwned(4)>',
  "'><svg/onload=__pwned(5)>",
  'javascript:__pwned(6)',
  '[click](javascript:__pwned(7))',
  '</textarea><img src=x onerror=__pwned(8)>',
  '${__pwned(9)}',
  "{{constructor.constructor('__pwned(10)')()}}",
  '<a href="javascript:__pwned(11)">hi</a>',
  '<iframe srcdoc="<script>parent.__pwned(12)</script>">',
  '#<img src=x onerror=__pwned(13)> @<b>x</b>',
  'data:text/html,<script>__pwned(14)</script>',
] as const;

/** The fields each author's payload is written into (some shortened to the field's limit, which keeps them hostile). */
const AUTHOR_FIELDS = ['name', 'headline', 'about', 'location', 'industry', 'skill', 'offer', 'ask', 'position organisation', 'position title', 'position description', 'school', 'degree', 'post', 'comment', 'message', 'invitation note'];
const VIEWER_FIELDS = ['relationship note', 'relationship tag', 'admire note', 'opportunity title'];

interface Author {
  payload: string;
  index: number;
  member: SeededMember;
  postId: number;
  conversationId: number;
  organisationSlug: string;
}

function ok(res: { statusCode: number; body: string }, what: string, status = [200, 201, 204]): void {
  if (!status.includes(res.statusCode)) throw new Error(`${what} failed ${res.statusCode}: ${res.body}`);
}

/** One author per payload, connected to the viewer by an invitation whose note carries it; the invitee keeps theirs pending. */
async function seed(viewer: SeededMember, invitee: SeededMember): Promise<Author[]> {
  const { app } = suite.server;
  const authors: Author[] = [];
  for (const [i, payload] of PAYLOADS.entries()) {
    const member = await seedMember(app, `Xss Author ${i + 1}`);
    ok(
      await member.call('PATCH', '/api/v1/me/profile', {
        name: `X${i + 1} ${payload}`,
        headline: payload,
        about: `${payload}\n${payload}`,
        location: payload,
        industry: payload,
        skills: [payload.slice(0, 60)],
        offers: [payload],
        asks: [payload],
        experience: [{ organisation: `O${i + 1} ${payload}`, title: payload, startDate: '2020-01', description: payload }],
        education: [{ school: payload, degree: payload }],
      }),
      'profile',
    );
    const invited = await member.call('POST', '/api/v1/invitations', { to: viewer.handle, note: payload, context: 'profile' });
    ok(invited, 'invitation');
    ok(await member.call('POST', '/api/v1/invitations', { to: invitee.handle, note: payload, context: 'profile' }), 'pending invitation');
    ok(await viewer.call('POST', `/api/v1/invitations/${invited.json<{ invitation: { id: number } }>().invitation.id}/accept`), 'accept');

    const post = await member.call('POST', '/api/v1/posts', { text: `${payload} https://example.org/ok` });
    ok(post, 'post');
    const postId = post.json<{ id: number }>().id;
    ok(await member.call('POST', `/api/v1/posts/${postId}/comments`, { text: payload }), 'comment');
    const conversation = await member.call('POST', '/api/v1/conversations', { to: [viewer.handle], text: payload });
    ok(conversation, 'message');

    // What the viewer writes about the author: private notes and tags, admire list, opportunity log.
    ok(await viewer.call('POST', `/api/v1/members/${member.handle}/notes`, { text: payload }), 'note');
    const tag = await viewer.call('POST', '/api/v1/relationship-tags', { name: `${i + 1}${payload}`.slice(0, 40), colour: 'grape' });
    ok(tag, 'tag');
    ok(await viewer.call('PATCH', `/api/v1/members/${member.handle}/relationship`, { tags: [tag.json<{ id: number }>().id] }), 'tagging');
    ok(await viewer.call('POST', '/api/v1/admire', { member: member.handle, note: payload }), 'admire');
    ok(await viewer.call('POST', '/api/v1/opportunities', { kind: 'job', title: payload, people: [member.handle] }), 'opportunity');

    const profile = (await viewer.call('GET', `/api/v1/members/${member.handle}`)).json<{ experience?: { organisation: { slug: string } }[] }>();
    const organisationSlug = profile.experience?.[0]?.organisation.slug;
    if (!organisationSlug) throw new Error(`no organisation on ${member.handle}'s profile`);
    authors.push({ payload, index: i + 1, member, postId, conversationId: conversation.json<{ id: number }>().id, organisationSlug });
  }
  return authors;
}

interface Trap {
  ran: number[];
  dialogs: string[];
}

/** A signed-in context that ignores the CSP, with the trap every payload would spring. */
async function trappedContext(member: Member & { email: string; password: string }, trap: Trap): Promise<BrowserContext> {
  const { app, baseUrl } = suite.server;
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: member.email, password: member.password } });
  ok(login, 'sign-in', [200]);
  const cookie = login.cookies.find((c) => c.name === 'rapport_session');
  if (!cookie) throw new Error('no session cookie');
  const context = await newMemberContext(suite.browser, baseUrl, { bypassCSP: true });
  await context.addCookies([{ name: cookie.name, value: cookie.value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  await context.exposeFunction('__pwned', (n: number) => {
    trap.ran.push(n);
  });
  context.on('page', (page) => page.on('dialog', (d) => void (trap.dialogs.push(d.message()), d.dismiss())));
  return context;
}

/** What a page holds that only a payload that became markup could have put there. */
async function liveMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}=${attr.value}`);
        if (/^(href|src|action|formaction|srcdoc)$/i.test(attr.name) && /^\s*(javascript|data:text\/html)/i.test(attr.value) && !(el.tagName === 'IMG' && /^data:image\//.test(attr.value))) {
          found.push(`${el.tagName} ${attr.name}=${attr.value}`);
        }
      }
      if (['SCRIPT', 'IFRAME', 'SVG', 'svg'].includes(el.tagName) && /__pwned/.test(el.outerHTML)) found.push(el.outerHTML);
      if (el.tagName === 'IMG' && el.getAttribute('src') === 'x') found.push(el.outerHTML);
    }
    return found;
  });
}

/**
 * Opens a page, waits until `expected` shows as text (every one; or, for a list page, some one: lists page and
 * shorten), and checks nothing of the payloads became markup. Answers whether the text showed: a list page that
 * showed none of it is still checked for markup, and reported.
 */
async function visit(page: Page, path: string, expected: string[], mode: 'every' | 'some'): Promise<boolean> {
  await page.goto(path);
  await page.locator('main').first().waitFor();
  const shown = await page
    .waitForFunction(
      ([texts, m]) => (m === 'every' ? texts.every((t) => document.body.innerText.includes(t)) : texts.some((t) => document.body.innerText.includes(t))),
      [expected, mode] as const,
      { timeout: mode === 'every' ? 15_000 : 5_000 },
    )
    .then(() => true)
    .catch(async () => {
      if (mode === 'some') return false;
      const missing = await page.evaluate((texts) => texts.filter((t) => !document.body.innerText.includes(t)), expected);
      throw new Error(`${path}: not shown as text: ${JSON.stringify(missing)}`);
    });
  // Let a failing <img> or a late handler fire before looking.
  await page.waitForTimeout(100);
  expect(await liveMarkup(page), `${path} holds markup from a payload`).toEqual([]);
  return shown;
}

describe('stored XSS', () => {
  // One seeding for the three tests below, which split the visits so each keeps well inside its timeout.
  let authors: Author[] = [];
  let viewer: SeededMember;
  let invitee: SeededMember;
  const trap: Trap = { ran: [], dialogs: [] };
  const tally = { pages: 0, renderings: 0, listsWithoutPayloads: [] as string[] };
  const check = async (page: Page, path: string, expected: string[], fieldsShown: number, mode: 'every' | 'some' = 'every') => {
    const shown = await visit(page, path, expected, mode);
    tally.pages += 1;
    if (shown) tally.renderings += fieldsShown;
    else tally.listsWithoutPayloads.push(path);
  };
  const names = () => authors.map((a) => `X${a.index} ${a.payload}`);
  const payloads = () => authors.map((a) => a.payload);

  beforeAll(async () => {
    viewer = await seedMember(suite.server.app, 'Vera Viewer');
    invitee = await seedMember(suite.server.app, 'Ivo Invitee');
    authors = await seed(viewer, invitee);
  });

  afterAll(() => {
    const fields = AUTHOR_FIELDS.length + VIEWER_FIELDS.length;
    console.log(`stored XSS: list pages that showed no payload text (checked for markup only): ${tally.listsWithoutPayloads.join(', ') || 'none'}`);
    console.log(`stored XSS: ${PAYLOADS.length} payloads × ${fields} fields = ${PAYLOADS.length * fields} stored texts; ${tally.pages} page visits; ${tally.renderings} field renderings checked`);
  });

  it('a connection sees each author\'s profile, post, conversation and organisation with the payloads as text, and none runs', async () => {
    const asViewer = await trappedContext(viewer, trap);
    const v = await asViewer.newPage();
    for (const a of authors) {
      await check(v, `/in/${a.member.handle}`, [a.payload, `X${a.index} ${a.payload}`], 14);
      await check(v, `/posts/${a.postId}`, [a.payload], 3);
      await check(v, `/messages/${a.conversationId}`, [a.payload], 2);
      await check(v, `/org/${a.organisationSlug}`, [`O${a.index} ${a.payload}`], 2);
    }
    await asViewer.close();
    expect(trap.ran, 'payloads that ran').toEqual([]);
    expect(trap.dialogs, 'dialogs opened').toEqual([]);
  });

  it('the lists (feed, inbox, private notes and tags, admire, opportunities, notifications, search, directory, invitations) keep them inert', async () => {
    const asViewer = await trappedContext(viewer, trap);
    const v = await asViewer.newPage();
    const any = [...payloads(), ...names()];
    await check(v, '/', any, PAYLOADS.length * 2, 'some');
    await check(v, '/messages', any, PAYLOADS.length * 2, 'some');
    await check(v, '/relationships', any, PAYLOADS.length * 2, 'some');
    await check(v, '/contacts', any, PAYLOADS.length * 3, 'some');
    await check(v, '/admire', any, PAYLOADS.length * 3, 'some');
    await check(v, '/opportunities', any, PAYLOADS.length * 2, 'some');
    await check(v, '/notifications', any, PAYLOADS.length, 'some');
    await check(v, '/search?q=pwned', any, PAYLOADS.length * 2, 'some');
    await check(v, '/members', any, PAYLOADS.length * 2, 'some');
    await asViewer.close();
    const asInvitee = await trappedContext(invitee, trap);
    await check(await asInvitee.newPage(), '/network', any, PAYLOADS.length * 2, 'some');
    await asInvitee.close();
    expect(trap.ran, 'payloads that ran').toEqual([]);
    expect(trap.dialogs, 'dialogs opened').toEqual([]);
    // The pages made to show these fields must show them: only lists that need a filter or a click may not.
    expect(tally.listsWithoutPayloads.filter((path) => ['/admire', '/opportunities', '/network'].includes(path))).toEqual([]);
  });

  it('each author sees their own profile and edit form with the payloads as text and as field values, and none runs', async () => {
    for (const a of authors) {
      const asAuthor = await trappedContext(a.member, trap);
      const p = await asAuthor.newPage();
      await check(p, `/in/${a.member.handle}`, [a.payload], 14);
      await p.goto('/profile/edit');
      // The edit form holds the payloads as the values of its fields, unchanged (once the profile has loaded into it).
      await p
        .waitForFunction((text) => Array.from(document.querySelectorAll('input, textarea')).some((e) => (e as HTMLInputElement).value === text), a.payload, { timeout: 15_000 })
        .catch(() => {
          throw new Error(`/profile/edit of author ${a.index}: no field holds the payload`);
        });
      await p.waitForTimeout(100);
      expect(await liveMarkup(p), '/profile/edit holds markup from a payload').toEqual([]);
      tally.pages += 1;
      tally.renderings += 13;
      await asAuthor.close();
    }
    expect(trap.ran, 'payloads that ran').toEqual([]);
    expect(trap.dialogs, 'dialogs opened').toEqual([]);
  });

  it('refuses javascript: and data: URLs where a profile takes a link', async () => {
    const member = await seedMember(suite.server.app, 'Lina Links');
    for (const url of ['javascript:__pwned(1)', 'JaVaScRiPt:__pwned(1)', 'data:text/html,<script>__pwned(1)</script>', ' javascript:__pwned(1)']) {
      const res = await member.call('PATCH', '/api/v1/me/profile', { links: [{ label: 'site', url }] });
      expect(res.statusCode, url).toBe(400);
    }
  });
});

describe('Content Security Policy in the browser', () => {
  it('has no unsafe-inline for scripts, and the browser refuses an injected inline script', async () => {
    const context = await newMemberContext(suite.browser, suite.server.baseUrl);
    const page = await context.newPage();
    const response = await page.goto('/signin');
    const csp = response?.headers()['content-security-policy'] ?? '';
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src ')) ?? csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('default-src ')) ?? '';
    expect(scriptSrc, csp).not.toBe('');
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    await page.locator('main').first().waitFor();

    const outcome = await page.evaluate(async () => {
      const w = window as unknown as { __inline?: boolean; __handler?: boolean };
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      const script = document.createElement('script');
      script.textContent = 'window.__inline = true;';
      document.body.appendChild(script);
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="window.__handler = true"><img src=x onerror="window.__handler = true">';
      document.body.appendChild(holder);
      await new Promise((r) => setTimeout(r, 300));
      return { inline: w.__inline ?? false, handler: w.__handler ?? false, violations };
    });
    expect(outcome.inline, 'the injected inline script ran').toBe(false);
    expect(outcome.handler, 'an injected inline handler ran').toBe(false);
    expect(outcome.violations.some((v) => v.startsWith('script-src')), JSON.stringify(outcome.violations)).toBe(true);

    // page.addScriptTag({content}) is inline too: refused the same way.
    await page.addScriptTag({ content: 'window.__tagged = true;' }).catch(() => undefined);
    expect(await page.evaluate(() => (window as unknown as { __tagged?: boolean }).__tagged ?? false)).toBe(false);
    await context.close();
  });
});
