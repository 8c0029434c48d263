import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { newMemberContext } from './fixtures/browser.ts';
import { connectViaApi, type SeededMember, seedMember } from './fixtures/network-api.ts';
import { browserSuite } from './fixtures/suite.ts';

/**
 * The JavaScript each page of the built web downloads, gzipped, in English and in Italian (docs/i18n.md,
 * "Bundle size"): every route of web/routes.tsx opened in a fresh browser context, so nothing comes from the
 * cache, and the scripts it fetched summed. The table it prints is the per-page measure of the docs.
 *
 * It fails if a page fetches the `errors` namespace, except the forms that check display text before the
 * round trip (WORDS_TEXT_PROBLEMS): the server words its problems in the reader's language (a confirmation
 * link that is not valid here, a visitor's 401 on GET /me), so in English and Italian the web never needs
 * to word one itself (web/api/client.ts).
 */
const WORDS_TEXT_PROBLEMS = new Set(['/signup', '/profile/edit']);
const ASSETS = fileURLToPath(new URL('../dist/web/assets', import.meta.url));
const NAMESPACES = new Set(readdirSync(new URL('../web/i18n/resources/en', import.meta.url)).map((f) => f.replace(/\.ts$/, '')));
const gzipped = new Map<string, number>();
const sizeOf = (file: string) => gzipped.get(file) ?? gzipped.set(file, gzipSync(readFileSync(join(ASSETS, file))).length).get(file)!;
/** "auth-C9O8Udsv.js" → "auth". */
const chunkName = (file: string) => file.replace(/-[\w-]{8}\.js$/, '');

const suite = browserSuite();
let operator: SeededMember;
let giulia: SeededMember;
let marco: SeededMember;
let conversationId = 0;

beforeAll(async () => {
  const app = suite.server.app;
  operator = await seedMember(app, 'Olga Operatrice'); // the first account is the operator
  giulia = await seedMember(app, 'Giulia Bianchi');
  marco = await seedMember(app, 'Marco Rossi');
  const sara = await seedMember(app, 'Sara Conti');
  expect((await marco.call('PATCH', '/api/v1/me/profile', { headline: 'Designer', experience: [{ organisation: 'Acme', title: 'Designer', startDate: '2021-03' }] })).statusCode).toBe(200);
  await connectViaApi(giulia, marco);
  expect((await sara.call('POST', '/api/v1/invitations', { to: giulia.handle, note: 'Ci siamo visti al meetup.', context: 'profile' })).statusCode).toBe(201);
  const started = await marco.call('POST', '/api/v1/conversations', { to: [giulia.handle], text: 'Ciao Giulia, ci vediamo giovedì?' });
  expect(started.statusCode, started.body).toBe(201);
  conversationId = started.json<{ id: number }>().id;
});

interface Visit {
  route: string;
  path: () => string;
  as: 'visitor' | 'member' | 'operator';
}

let orgSlug = '';
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
  { route: '/topics/:topic', path: () => '/topics/networking', as: 'member' },
  { route: '/posts/:id', path: () => '/posts/1', as: 'member' },
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

/** The scripts a page fetches from a cold cache, by file name, once it has settled. */
async function scriptsOf(visit: Visit, locale: 'en' | 'it'): Promise<string[]> {
  const context = await newMemberContext(suite.browser, suite.server.baseUrl, { locale });
  const member = visit.as === 'operator' ? operator : visit.as === 'member' ? giulia : null;
  if (member) {
    const [name, value] = member.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: suite.server.baseUrl }]);
  }
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('response', (response) => {
    const file = /\/assets\/([^/?]+\.js)$/.exec(new URL(response.url()).pathname)?.[1];
    if (file) scripts.add(file);
  });
  await page.goto(visit.path());
  await page.waitForLoadState('networkidle');
  await page.locator('main').first().waitFor();
  if (visit.route === '/in/:handle' && !orgSlug) orgSlug = (await page.locator('a[href^="/org/"]').first().getAttribute('href'))!.replace('/org/', '');
  await context.close();
  return [...scripts];
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(6);

describe.each(['en', 'it'] as const)('the JavaScript of every page in %s', (locale) => {
  const rows: string[] = [];

  it('lists every route of web/routes.tsx', () => {
    const routes = [...readFileSync(new URL('../web/routes.tsx', import.meta.url), 'utf8').matchAll(/path: '([^']+)'/g)].map((m) => m[1]);
    expect(VISITS.map((v) => v.route).sort()).toEqual(routes.sort());
  });

  it.each(VISITS)('$route', async (visit) => {
    const scripts = await scriptsOf(visit, locale);
    const namespaces = scripts.filter((f) => NAMESPACES.has(chunkName(f)));
    const total = scripts.reduce((sum, f) => sum + sizeOf(f), 0);
    const messages = namespaces.reduce((sum, f) => sum + sizeOf(f), 0);
    rows.push(`${visit.route.padEnd(26)} ${kb(total)} KB  of which messages ${kb(messages)} KB (${namespaces.map(chunkName).sort().join(', ')})`);
    if (!WORDS_TEXT_PROBLEMS.has(visit.route)) expect(namespaces.map(chunkName), `${visit.route} fetched the errors namespace`).not.toContain('errors');
  });

  it('prints the table', () => {
    console.info(`JavaScript per page in ${locale}, gzipped (KB = 1,024 bytes):\n${rows.join('\n')}`);
  });
});
