import { sql } from 'drizzle-orm';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './fixtures/axe.ts';
import { newMemberContext } from './fixtures/browser.ts';
import { connectViaApi, type SeededMember, seedMember } from './fixtures/network-api.ts';
import { browserSuite } from './fixtures/suite.ts';
import { MESSAGES, tIn } from './fixtures/words.ts';

/**
 * Every route of web/routes.tsx, in Italian, with real data (docs/i18n.md, "Checks"): no visible text or
 * spoken label (aria-label, title, placeholder, alt) may hold an English message that Italian words
 * differently, nor a common English word outside the seeded names and headlines; <html lang> is "it"
 * and axe finds nothing.
 *
 * UNTRANSLATED_ROUTES lists the routes whose scenes are not translated yet, each with its reason. Their
 * English is reported in the test's output but does not fail it; a listed route that has become clean
 * fails, so the list only shrinks. Every scene is translated now: it is empty and stays so.
 *
 * The same walk in the pseudo-locale (en-XA, web/i18n/pseudo.ts) finds what the Italian check cannot tell
 * from Italian, such as text no message holds: every visible text with Latin letters must carry a pseudo
 * marker (an accented letter, "[" or "~"), apart from the seeded data and NOT_MESSAGES.
 */
const UNTRANSLATED_ROUTES: Record<string, string> = {};

/**
 * What the pseudo-locale shows unmarked on purpose, each with its reason: names blanked out like seeded
 * data, and whole texts no message words (Intl's formats, which follow the locale's English base).
 */
const NOT_MESSAGE_NAMES = [
  'Rapport', // the product's name, alone and after each page's title ("Marco Rossi · Rapport")
  'English', // the language menu names each language in itself
  'Italiano',
];
const NOT_MESSAGE_TEXTS: { re: RegExp; why: string }[] = [
  { re: /^\d+ (second|minute|hour|day|week|month|year)s? ago$/, why: "Intl.RelativeTimeFormat's English" },
  { re: /^(Jan(uary)?|Feb(ruary)?|Mar(ch)?|Apr(il)?|May|June?|July?|Aug(ust)?|Sep(tember)?|Oct(ober)?|Nov(ember)?|Dec(ember)?) \d{1,2}, \d{4}( at \d{1,2}:\d{2} [AP]M)?$/, why: "Intl.DateTimeFormat's English (long and short months)" },
  { re: /^Authorization: Bearer <token>$/, why: 'an HTTP header to copy, the same in every language' },
];

/** Words no Italian sentence of ours contains; matched as whole words, in any case. */
const ENGLISH_WORDS = [
  'the', 'and', 'your', 'with', 'you', 'from', 'this', 'that', 'of', 'to', 'for', 'is', 'are', 'not', 'on', 'new', 'Sign', 'Save',
  'Cancel', 'Connect', 'Invite', 'Search', 'Settings', 'Profile', 'Loading', 'Remove', 'Delete', 'Follow', 'Choose', 'people',
  'member', 'members', 'connection', 'connections', 'invitation', 'invitations', 'Network', 'Edit', 'current', 'past',
];

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree): string[] => Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : flatten(v)));

/** The literal pieces of an ICU message a reader would see (arguments and plural syntax left out). */
function fragments(message: string): string[] {
  const out: string[] = [];
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.literal) out.push(...el.value.split(/<\/?[A-Za-z0-9_-]+\s*\/?>/));
      else if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) walk(o.value);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return out.map((f) => f.trim()).filter((f) => /\p{L}{2}/u.test(f));
}

const italianFragments = new Set(Object.values(MESSAGES.it).flatMap((ns) => flatten(ns).flatMap(fragments)));
/** Every word of our Italian: an English fragment that is one of them ("in", "Internet") proves nothing. */
const italianWords = new Set([...italianFragments].flatMap((f) => f.toLowerCase().split(/[^\p{L}]+/u)));
/** English text with an Italian counterpart that differs: seeing it on an Italian page means a missed t(). */
const englishFragments = [...new Set(Object.values(MESSAGES.en).flatMap((ns) => flatten(ns).flatMap(fragments)))].filter(
  (f) => !italianFragments.has(f) && !(/^\p{L}+$/u.test(f) && italianWords.has(f.toLowerCase())),
);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordPattern = (w: string, flags: string) => new RegExp(`(?<![\\p{L}])${escape(w)}(?![\\p{L}])`, flags);
const englishPatterns = [
  ...englishFragments.map((f) => ({ what: `message "${f}"`, re: wordPattern(f, 'u') })),
  ...ENGLISH_WORDS.map((w) => ({ what: `word "${w}"`, re: wordPattern(w, 'iu') })),
];

/** Visible text nodes and the spoken or hinted attributes of visible elements. */
async function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const visible = (el: Element | null) => !!el && (el as HTMLElement).checkVisibility?.({ visibilityProperty: true, opacityProperty: false }) !== false;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text && visible(node.parentElement) && !node.parentElement?.closest('script, style, noscript')) texts.push(text);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
        const value = el.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    texts.push(document.title);
    return texts;
  });
}

const suite = browserSuite();
let operator: SeededMember;
let giulia: SeededMember;
let marco: SeededMember;
let orgSlug = '';
let postId = 0;
let conversationId = 0;
/** Names, headlines and other seeded text, which stay as typed in every language. */
const DATA: string[] = [];
/** The seeded members' initials, which their avatars show without a photo ("MR"). */
const INITIALS = new Set<string>();

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('main').first().waitFor();
  // Page states (PageLoader) say "Caricamento…" while a query is in flight.
  await page.waitForFunction(() => !document.querySelector('[role="status"][aria-busy="true"], .mantine-Loader-root'), undefined, { timeout: 15_000 }).catch(() => undefined);
}

async function signedIn(member: SeededMember, locale: WalkLocale): Promise<Page> {
  const context = await newMemberContext(suite.browser, suite.server.baseUrl, { locale });
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByRole('heading', { name: tIn(locale, 'auth:signIn.title') }).waitFor();
  await page.getByRole('textbox', { name: tIn(locale, 'auth:signIn.email') }).fill(member.email);
  await page.getByLabel(tIn(locale, 'auth:signIn.password')).fill(member.password);
  await page.getByRole('button', { name: tIn(locale, 'auth:signIn.submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/signin');
  return page;
}

beforeAll(async () => {
  const app = suite.server.app;
  operator = await seedMember(app, 'Olga Operatrice'); // the first account is the operator
  giulia = await seedMember(app, 'Giulia Bianchi');
  marco = await seedMember(app, 'Marco Rossi');
  const sara = await seedMember(app, 'Sara Conti');
  const luca = await seedMember(app, 'Luca Neri');
  const profile = { headline: 'Ingegnera del software a Torino', experience: [{ organisation: 'Acme Italia', title: 'Ingegnera', startDate: '2021-03' }] };
  expect((await giulia.call('PATCH', '/api/v1/me/profile', profile)).statusCode).toBe(200);
  expect((await marco.call('PATCH', '/api/v1/me/profile', { ...profile, headline: 'Designer di prodotto' })).statusCode).toBe(200);
  await connectViaApi(giulia, marco);
  await connectViaApi(marco, luca);
  expect((await sara.call('POST', '/api/v1/invitations', { to: giulia.handle, note: 'Ci siamo visti al meetup.', context: 'profile' })).statusCode).toBe(201);
  expect((await giulia.call('POST', '/api/v1/invitations', { to: luca.handle, note: '', context: 'profile' })).statusCode).toBe(201);
  // A post in Giulia's feed, on its topic's page and in Marco's activity, with a reaction and a comment with a reply.
  const posted = await marco.call('POST', '/api/v1/posts', { text: POST_TEXT, visibility: 'members' });
  expect(posted.statusCode, posted.body).toBe(201);
  postId = posted.json<{ id: number }>().id;
  expect((await giulia.call('PUT', `/api/v1/posts/${postId}/reaction`, { kind: 'celebrate' })).statusCode).toBeLessThan(300);
  const commented = await luca.call('POST', `/api/v1/posts/${postId}/comments`, { text: COMMENT_TEXT });
  expect(commented.statusCode, commented.body).toBe(201);
  const reply = await marco.call('POST', `/api/v1/posts/${postId}/comments`, { text: REPLY_TEXT, parentId: commented.json<{ id: number }>().id });
  expect(reply.statusCode, reply.body).toBe(201);
  // A conversation Giulia accepted and answered, and a request from Sara waiting in her Requests.
  const started = await marco.call('POST', '/api/v1/conversations', { to: [giulia.handle], text: MESSAGE_TEXT });
  expect(started.statusCode, started.body).toBe(201);
  conversationId = started.json<{ id: number }>().id;
  expect((await giulia.call('POST', `/api/v1/conversations/${conversationId}/messages`, { text: ANSWER_TEXT })).statusCode).toBe(201);
  expect((await sara.call('POST', '/api/v1/conversations', { to: [giulia.handle], text: REQUEST_TEXT })).statusCode).toBe(201);
  DATA.push(MESSAGE_TEXT, ANSWER_TEXT, REQUEST_TEXT);
  // An introduction Giulia asked of Marco, to Luca (2nd degree through him), which Marco forwarded with a note.
  const asked = await giulia.call('POST', '/api/v1/introductions', { target: luca.handle, via: [marco.handle], blurb: INTRODUCTION_TEXT });
  expect(asked.statusCode, asked.body).toBe(201);
  const forwarded = await marco.call('POST', `/api/v1/introductions/${asked.json<{ id: number }>().id}/forward`, { note: FORWARD_NOTE });
  expect(forwarded.statusCode, forwarded.body).toBe(200);
  DATA.push(INTRODUCTION_TEXT, FORWARD_NOTE);
  // Giulia's private card on Marco: a tag with a cadence, her words for how they met, a note, and a reminder
  // already due (three weeks without a word), so /relationships and /keep-in-touch show a person.
  const tag = await giulia.call('POST', '/api/v1/relationship-tags', { name: TAG_NAME, colour: 'teal', cadence: 'two_weeks' });
  expect(tag.statusCode, tag.body).toBe(201);
  const card = await giulia.call('PATCH', `/api/v1/members/${marco.handle}/relationship`, { tags: [tag.json<{ id: number }>().id], howWeMet: { text: MET_TEXT } });
  expect(card.statusCode, card.body).toBe(200);
  expect((await giulia.call('POST', `/api/v1/members/${marco.handle}/notes`, { text: NOTE_TEXT, date: '2026-11-20' })).statusCode).toBe(201);
  await app.ctx.db.execute(sql`UPDATE relationship_cards SET due_at = now() - interval '3 days' WHERE member_id = ${giulia.id}`);
  // A give logged by hand, so /ledger has a person and a balance.
  expect((await giulia.call('POST', `/api/v1/members/${marco.handle}/ledger`, { subject: 'advice', side: 'given', date: '2026-11-21' })).statusCode).toBe(201);
  // An opportunity logged with Marco, so /opportunities shows the report, its chart and the list.
  expect((await giulia.call('POST', '/api/v1/opportunities', { kind: 'client', title: 'Sito del museo', people: [marco.handle], value: 5000 })).statusCode).toBe(201);
  DATA.push('Sito del museo');
  DATA.push(TAG_NAME, MET_TEXT, NOTE_TEXT);
  // Endorsements and recommendations: Marco's skills, one endorsed by Giulia; a recommendation Luca wrote and
  // Marco shows under his position; on Giulia's Recommendations page, one from Marco waiting for her approval
  // and a request from Marco waiting for her to write.
  expect((await marco.call('PATCH', '/api/v1/me/profile', { skills: [...SKILLS] })).statusCode).toBe(200);
  expect((await giulia.call('PUT', `/api/v1/members/${marco.handle}/skills/${encodeURIComponent(SKILLS[0])}/endorsement`)).statusCode).toBe(200);
  const positionOf = async (m: SeededMember) => (await m.call('GET', `/api/v1/members/${m.handle}`)).json<{ experience: { id: number }[] }>().experience[0]!.id;
  const [marcoPosition, giuliaPosition] = [await positionOf(marco), await positionOf(giulia)];
  const shown = await luca.call('POST', `/api/v1/members/${marco.handle}/recommendations`, { positionId: marcoPosition, text: SHOWN_RECOMMENDATION });
  expect(shown.statusCode, shown.body).toBe(201);
  expect((await marco.call('POST', `/api/v1/recommendations/${shown.json<{ id: number }>().id}/approve`)).statusCode).toBe(200);
  expect((await marco.call('POST', `/api/v1/members/${giulia.handle}/recommendations`, { positionId: giuliaPosition, text: PENDING_RECOMMENDATION })).statusCode).toBe(201);
  expect((await marco.call('POST', `/api/v1/members/${giulia.handle}/recommendation-requests`, { positionId: marcoPosition, message: RECOMMENDATION_ASK })).statusCode).toBe(201);
  DATA.push(...SKILLS, SHOWN_RECOMMENDATION, PENDING_RECOMMENDATION, RECOMMENDATION_ASK);
  DATA.push(operator.name, giulia.name, marco.name, sara.name, luca.name, 'Ingegnera del software a Torino', 'Designer di prodotto', 'Acme Italia', 'Ingegnera', 'Ci siamo visti al meetup.');
  DATA.push(POST_TEXT, ...POST_PIECES, COMMENT_TEXT, REPLY_TEXT);
  for (const m of [operator, giulia, marco, sara, luca]) {
    DATA.push(m.handle, m.email, m.name.split(' ')[0]!);
    INITIALS.add(m.name.split(' ').map((w) => w[0]).join(''));
  }
});

interface Visit {
  route: string;
  path: () => string;
  as: 'visitor' | 'member' | 'operator';
  /** What to open on the page before reading it, so words that show only on demand are read too. */
  open?: (page: Page, locale: WalkLocale) => Promise<void>;
}

const TOPIC = 'progettazione';
/** The post's text, in the pieces the page shows it in (the topic is a link between two text nodes). */
const POST_PIECES = ['Nuovo progetto di', `#${TOPIC}`, 'a Torino: chi vuole partecipare?'];
const POST_TEXT = POST_PIECES.join(' ');
const COMMENT_TEXT = 'Ci sono, scrivimi pure.';
const REPLY_TEXT = 'Perfetto, ti scrivo domani.';
const MESSAGE_TEXT = 'Ciao Giulia, ci vediamo giovedì al meetup?';
const ANSWER_TEXT = 'Certo, a giovedì!';
const REQUEST_TEXT = 'Ciao, posso farti una domanda sul tuo lavoro?';
const INTRODUCTION_TEXT = 'Lavoro nel design a Torino e vorrei un consiglio da Luca sui progetti pubblici.';
const FORWARD_NOTE = 'Giulia è bravissima, vale la pena sentirla.';
const TAG_NAME = 'Progettisti';
const MET_TEXT = 'Al meetup di Torino';
const NOTE_TEXT = 'Parlato del nuovo progetto a Torino.';
const SKILLS = ['Progettazione', 'Ricerca utenti'] as const;
const SHOWN_RECOMMENDATION = 'Marco progetta con cura e ascolta tutti.';
const PENDING_RECOMMENDATION = 'Giulia risolve i problemi difficili con calma.';
const RECOMMENDATION_ASK = 'Mi scriveresti due righe sul progetto Acme?';

/** Opens the comments of Marco's post: the comment, its reply and the boxes to write them. */
async function openComments(page: Page, locale: WalkLocale): Promise<void> {
  await page.getByRole('button', { name: tIn(locale, 'feed:post.commentLabel', { name: 'Marco Rossi' }) }).first().click();
  await page.getByText(REPLY_TEXT).waitFor();
}

const VISITS: Visit[] = [
  { route: '/signin', path: () => '/signin', as: 'visitor' },
  { route: '/signup', path: () => '/signup', as: 'visitor' },
  { route: '/forgot-password', path: () => '/forgot-password', as: 'visitor' },
  { route: '/reset-password', path: () => '/reset-password?token=not-a-real-token', as: 'visitor' },
  { route: '/verify-email', path: () => '/verify-email?token=not-a-real-token', as: 'visitor' },
  { route: '/unsubscribe', path: () => '/unsubscribe?token=un_not-a-real-token&kind=invitation_received', as: 'visitor' },
  { route: '/join', path: () => `/join?token=ei_${'n'.repeat(32)}`, as: 'visitor' },
  { route: '/join/no-more', path: () => `/join/no-more?token=ei_${'n'.repeat(32)}`, as: 'visitor' },
  { route: '/', path: () => '/', as: 'member' },
  { route: '/profile/edit', path: () => '/profile/edit', as: 'member' },
  { route: '/in/:handle', path: () => `/in/${marco.handle}`, as: 'member' },
  { route: '/in/:handle/connections', path: () => `/in/${marco.handle}/connections`, as: 'member' },
  { route: '/org/:slug', path: () => `/org/${orgSlug}`, as: 'member' },
  { route: '/search', path: () => '/search?q=Marco', as: 'member' },
  { route: '/members', path: () => '/members', as: 'member' },
  { route: '/topics/:topic', path: () => `/topics/${TOPIC}`, as: 'member', open: openComments },
  { route: '/posts/:id', path: () => `/posts/${postId}`, as: 'member' },
  { route: '/network', path: () => '/network', as: 'member' },
  { route: '/notifications', path: () => '/notifications', as: 'member' },
  { route: '/introductions', path: () => '/introductions', as: 'member' },
  { route: '/admire', path: () => '/admire', as: 'member' },
  { route: '/relationships', path: () => '/relationships', as: 'member' },
  { route: '/contacts', path: () => '/contacts', as: 'member' },
  { route: '/keep-in-touch', path: () => '/keep-in-touch', as: 'member' },
  { route: '/ledger', path: () => '/ledger', as: 'member' },
  { route: '/outreach', path: () => '/outreach', as: 'member' },
  { route: '/garden', path: () => '/garden', as: 'member' },
  { route: '/opportunities', path: () => '/opportunities', as: 'member' },
  { route: '/recommendations', path: () => '/recommendations', as: 'member' },
  { route: '/garden/map', path: () => '/garden/map', as: 'member' },
  { route: '/messages', path: () => '/messages', as: 'member' },
  { route: '/messages/new', path: () => '/messages/new', as: 'member' },
  { route: '/messages/:id', path: () => `/messages/${conversationId}`, as: 'member' },
  { route: '/settings', path: () => '/settings', as: 'member' },
  { route: '/settings/import', path: () => '/settings/import', as: 'member' },
  { route: '/admin', path: () => '/admin', as: 'operator' },
  { route: '*', path: () => '/no-such-page', as: 'member' },
];

/** Accented letters, brackets and padding: what every pseudo-locale message carries (web/i18n/pseudo.ts). */
const PSEUDO_MARK = /[áƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÁƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ[\]~]/u;

/** The texts of a page in the pseudo-locale that no message made: Latin letters without a pseudo marker. */
function unmarkedOn(texts: string[]): string[] {
  const found = new Set<string>();
  for (const raw of texts) {
    let text = raw;
    for (const d of [...DATA, ...NOT_MESSAGE_NAMES]) text = text.split(d).join(' ');
    text = text.trim();
    if (!/[A-Za-z]{2}/.test(text) || PSEUDO_MARK.test(text) || INITIALS.has(text) || NOT_MESSAGE_TEXTS.some(({ re }) => re.test(text))) continue;
    found.add(`"${raw.slice(0, 120)}"`);
  }
  return [...found];
}

/** The English found on a page: each text with what it matched, seeded data blanked out first. */
function englishOn(texts: string[]): string[] {
  const found = new Set<string>();
  for (const raw of texts) {
    let text = raw;
    for (const d of DATA) text = text.split(d).join(' ');
    for (const { what, re } of englishPatterns) if (re.test(text)) found.add(`${what} in "${raw.slice(0, 120)}"`);
  }
  return [...found];
}

type WalkLocale = 'it' | 'en-XA';

describe.each([
  { locale: 'it' as const, language: 'Italian' },
  { locale: 'en-XA' as const, language: 'the pseudo-locale' },
])('every route in $language', ({ locale, language }) => {
  const pages: Partial<Record<Visit['as'], Page>> = {};
  const pageFor = async (as: Visit['as']): Promise<Page> => {
    if (!pages[as]) {
      if (as === 'visitor') pages[as] = await (await newMemberContext(suite.browser, suite.server.baseUrl, { locale })).newPage();
      else pages[as] = await signedIn(as === 'operator' ? operator : giulia, locale);
    }
    return pages[as];
  };

  it('lists every route of web/routes.tsx', async () => {
    const { readFileSync } = await import('node:fs');
    const routes = [...readFileSync(new URL('../web/routes.tsx', import.meta.url), 'utf8').matchAll(/path: '([^']+)'/g)].map((m) => m[1]);
    expect(VISITS.map((v) => v.route).sort()).toEqual(routes.sort());
    for (const route of Object.keys(UNTRANSLATED_ROUTES)) expect(routes, `UNTRANSLATED_ROUTES: ${route}`).toContain(route);
  });

  it.each(VISITS)('$route ($as)', async ({ route, path, as, open }) => {
    const page = await pageFor(as);
    if (route === '/org/:slug' && !orgSlug) {
      await page.goto(`/in/${marco.handle}`);
      await settle(page);
      orgSlug = (await page.locator('a[href^="/org/"]').first().getAttribute('href'))!.replace('/org/', '');
    }
    await page.goto(path());
    await settle(page);
    if (open) {
      await open(page, locale);
      await settle(page);
    }
    expect(await page.evaluate(() => document.documentElement.lang), `<html lang> on ${route}`).toBe(locale);
    const texts = await pageTexts(page);
    if (locale === 'en-XA') {
      const unmarked = unmarkedOn(texts);
      expect(unmarked, `Text without pseudo markers on ${route}:\n  ${unmarked.join('\n  ')}\n`).toEqual([]);
      return;
    }
    const english = englishOn(texts);
    const pending = UNTRANSLATED_ROUTES[route];
    if (pending) {
      console.info(`${route} is in UNTRANSLATED_ROUTES (${pending}); English found: ${english.length}\n  ${english.slice(0, 20).join('\n  ')}`);
      expect(english, `${route} shows no English any more: remove it from UNTRANSLATED_ROUTES`).not.toEqual([]);
    } else {
      expect(english, `English on ${route} in Italian:\n  ${english.join('\n  ')}\n`).toEqual([]);
    }
    await expectAccessible(page, `${route} in ${language}`);
  });
});
