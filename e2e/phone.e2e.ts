import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './fixtures/axe.ts';
import { newMemberContext } from './fixtures/browser.ts';
import { DirectoryPage } from './fixtures/directory-pages.ts';
import { expectNoSidewaysScroll, textFullyVisible } from './fixtures/layout.ts';
import { connectViaApi, type SeededMember, seedMember } from './fixtures/network-api.ts';
import { MyNetworkPage, SignInPage } from './fixtures/network-pages.ts';
import { SearchPage, startingWith } from './fixtures/pages.ts';
import { InvitationsPage } from './fixtures/screening-pages.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t } from './fixtures/words.ts';

const e2e = browserSuite();

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A message as the reader sees it: <Trans> placeholders (<bdi>) are elements, not text. */
const shown = (message: string) => message.replace(/<\/?[A-Za-z0-9_-]+\s*\/?>/g, '');
/** The header's "My Network" link: its two pieces (Italian has no "My"), then perhaps a pending count. */
const MY_NETWORK = startingWith(`${t('common:nav.myNetworkMy')}${t('common:nav.myNetwork')}`.trim());

const PHONE = 390;
/** A 128-character URL, the kind a member pastes into a headline or About: nowhere in its token may a line break. */
const LONG_URL = `https://example.org/s?id=${'9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'.repeat(2)}`.slice(0, 128);
/** 128 characters with no space or link, as in a note with a long hashtag chain. */
const LONG_WORD = '#harbour#sensors#lora#backhaul#buoys#cranes#rotterdam#meetup'.repeat(3).slice(0, 128);

/** A 390 px wide browser, signed in as `member` (or signed out), as on a phone. */
async function phone(member: SeededMember | null): Promise<Page> {
  const context = await newMemberContext(e2e.browser, e2e.server.baseUrl, { width: PHONE });
  const page = await context.newPage();
  if (member) await new SignInPage(page).signIn(member);
  return page;
}

async function setProfile(member: SeededMember, patch: object): Promise<void> {
  const res = await member.call('PATCH', '/api/v1/me/profile', patch);
  if (res.statusCode !== 200) throw new Error(`profile of ${member.name}: ${res.statusCode} ${res.body}`);
}

describe('the main screens on a 390 px phone', () => {
  it('fit the width with long unbroken text, keep the search box usable, and fold each invitation into a summary with its evidence a tap away', async () => {
    expect(LONG_URL).toHaveLength(128);
    expect(LONG_WORD).toHaveLength(128);
    const viewer = await seedMember(e2e.server.app, 'Vera Phone');
    await setProfile(viewer, { headline: `Portfolio: ${LONG_URL}`, about: `Everything I made: ${LONG_URL}` });
    // Six invitations wait for Vera; one sender has a long name, one a URL for a headline, one a note with no space in it.
    const senders: SeededMember[] = [];
    const names = [
      'Bartholomew Wolfeschlegelsteinhausenbergerdorff',
      'Lin Longurl',
      'Ana Notewriter',
      'Ben Fourth',
      'Cleo Fifth',
      'Dev Sixth',
    ];
    for (const name of names) senders.push(await seedMember(e2e.server.app, name));
    const [bartholomew, lin, ana] = senders as [SeededMember, SeededMember, SeededMember];
    await setProfile(lin, {
      headline: LONG_URL,
      about: `See ${LONG_URL}`,
      location: 'Rotterdam',
      // The longest skill and industry the API takes, without a space: badges must wrap too.
      skills: [LONG_WORD.slice(0, 60)],
      industry: LONG_WORD.slice(0, 100),
      offers: [`Reviews of ${LONG_URL}`],
    });
    for (const s of senders) {
      const note = s === ana ? `Loved your talk ${LONG_WORD}` : `Hello Vera, ${s.name} here: we met at the harbour meetup last spring.`;
      const res = await s.call('POST', '/api/v1/invitations', { to: viewer.handle, note, context: 'profile' });
      expect(res.statusCode, res.body).toBe(201);
    }

    // Signed out: the sign-in page.
    const out = await phone(null);
    await out.goto('/signin');
    await out.getByRole('heading', { name: t('auth:signIn.title') }).waitFor();
    await expectNoSidewaysScroll(out, 'sign-in');
    await expectAccessible(out, 'sign-in at 390 px');
    await out.context().close();

    // Home: the header search box has room to type in, and the main navigation fits beside the logo.
    const page = await phone(viewer);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: t('home:title', { firstName: 'Vera' }) }).waitFor();
    const box = await page.getByRole('searchbox', { name: t('common:searchPeople') }).boundingBox();
    expect(box?.width, 'header search box width').toBeGreaterThanOrEqual(300);
    const nav = page.getByRole('navigation', { name: t('common:mainNav') });
    for (const link of [t('common:nav.members'), MY_NETWORK]) {
      const { x, width } = (await nav.getByRole('link', { name: link }).boundingBox())!;
      expect(x + width, `the right edge of ${String(link)}`).toBeLessThanOrEqual(PHONE);
    }
    await expectNoSidewaysScroll(page, 'home');
    await expectAccessible(page, 'home at 390 px');

    // Search results with a URL for a headline.
    const search = new SearchPage(page);
    await search.searchFromHeader('Lin Longurl');
    await search.results().getByText(LONG_URL).waitFor();
    await expectNoSidewaysScroll(page, 'search results');
    await expectAccessible(page, 'search at 390 px');

    // The member directory.
    const directory = new DirectoryPage(page);
    await directory.openFromHeader();
    await directory.member(bartholomew.name).waitFor();
    const longName = await textFullyVisible(directory.member(bartholomew.name).getByRole('link', { name: bartholomew.name }));
    expect(longName.visible, longName.why).toBe(true);
    await expectNoSidewaysScroll(page, 'the member directory');
    await expectAccessible(page, 'the directory at 390 px');

    // A profile whose headline and About are long URLs, and Vera's own.
    await page.goto(`/in/${lin.handle}`);
    await page.getByRole('heading', { level: 1, name: 'Lin Longurl' }).waitFor();
    await page.getByRole('region', { name: t('profile:sections.about') }).getByText(LONG_URL, { exact: false }).waitFor();
    for (const badge of [page.getByRole('region', { name: t('profile:sections.skills') }).getByText(LONG_WORD.slice(0, 60)), page.getByText(LONG_WORD.slice(0, 100), { exact: true })]) {
      const shown = await textFullyVisible(badge);
      expect(shown.visible, `a long skill or industry: ${shown.why}`).toBe(true);
    }
    await expectNoSidewaysScroll(page, 'a profile with a long URL');
    await expectAccessible(page, 'a profile at 390 px');
    await page.goto(`/in/${viewer.handle}`);
    await page.getByRole('heading', { level: 1, name: 'Vera Phone' }).waitFor();
    await expectNoSidewaysScroll(page, 'my own profile');

    // My Network with six invitations: each a short card with the sender's whole name and a summary line.
    const network = new MyNetworkPage(page);
    await network.openFromHeader();
    const invitations = new InvitationsPage(page);
    await invitations.folderTab('inbox', 6).waitFor();
    const viewport = page.viewportSize()!;
    for (const s of senders) {
      const card = invitations.from('inbox', s.name);
      const name = card.getByRole('link', { name: s.name, exact: true });
      const shown = await textFullyVisible(name);
      expect(shown.visible, `${s.name}: ${shown.why}`).toBe(true);
      await card.getByText([t('network:summary.outside'), t('network:summary.mutuals', { count: 0 }), t('network:summary.note.personal')].join(' · '), { exact: true }).waitFor();
      // (The folded evidence holds the band too, hidden: the summary's is the one on screen.)
      await card.getByText(new RegExp(`^(${[t('network:risk.low'), t('network:risk.medium'), t('network:risk.high')].map(escapeRegExp).join('|')})$`)).filter({ visible: true }).waitFor();
      const toggle = card.getByRole('button', { name: t('network:invitation.evidenceLabel', { name: s.name }) });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await invitations.evidence(card, s.name).count()).toBe(0);
      const height = (await card.boundingBox())!.height;
      expect(height, `${s.name}'s folded invitation is ${height}px tall`).toBeLessThan(viewport.height / 2);
    }
    await expectNoSidewaysScroll(page, 'My Network with six invitations');
    await expectAccessible(page, 'My Network with six folded invitations at 390 px');

    // A tap opens one invitation's evidence, the region the button says it controls.
    const card = invitations.from('inbox', ana.name);
    const toggle = card.getByRole('button', { name: t('network:invitation.evidenceLabel', { name: ana.name }) });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const controlled = page.locator(`[id="${await toggle.getAttribute('aria-controls')}"]`);
    const evidence = invitations.evidence(card, ana.name);
    await evidence.waitFor();
    expect(await controlled.getByRole('region', { name: t('network:invitation.evidenceLabel', { name: ana.name }) }).count()).toBe(1);
    expect(await invitations.fact(card, ana.name, 'network:evidence.degreeLabel')).toBe(t('network:evidence.degree.outside'));
    await evidence.getByText(LONG_WORD, { exact: false }).waitFor();
    await expectNoSidewaysScroll(page, 'an invitation with a long note, opened');
    await expectAccessible(page, 'an opened invitation at 390 px');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await evidence.waitFor({ state: 'hidden' });

    // Asking for context with an unbroken message keeps the thread within the card.
    await card.getByRole('button', { name: t('network:invitation.askForContextLabel', { name: ana.name }) }).click();
    await card.getByRole('textbox', { name: shown(t('network:invitation.question.label', { name: 'Ana' })) }).fill(`Which talk? ${LONG_WORD}`);
    await card.getByRole('button', { name: t('network:invitation.question.submit') }).click();
    await invitations.thread(card, ana.name).getByText(LONG_WORD, { exact: false }).waitFor();
    await expectNoSidewaysScroll(page, 'an invitation thread with a long message');

    // Settings.
    await page.goto('/settings');
    await page.getByRole('heading', { level: 1, name: t('settings:page.title') }).waitFor();
    await page.getByRole('region', { name: t('settings:screening.title') }).getByRole('radio', { name: startingWith(t('settings:screening.mode.manual')) }).waitFor({ state: 'attached' });
    await expectNoSidewaysScroll(page, 'settings');
    await expectAccessible(page, 'settings at 390 px');
    await page.context().close();
  });

  it('opens the evidence by default on a wide screen, where it fits', async () => {
    const [wren, xavi] = await Promise.all([seedMember(e2e.server.app, 'Wren Wide'), seedMember(e2e.server.app, 'Xavi Sender')]);
    expect((await xavi.call('POST', '/api/v1/invitations', { to: wren.handle, note: 'Hi Wren, from the meetup.', context: 'profile' })).statusCode).toBe(201);
    const page = await e2e.signedIn(wren);
    const invitations = new InvitationsPage(page);
    await invitations.open();
    const card = invitations.from('inbox', xavi.name);
    expect(await card.getByRole('button', { name: t('network:invitation.evidenceLabel', { name: xavi.name }) }).getAttribute('aria-expanded')).toBe('true');
    await invitations.evidence(card, xavi.name).getByText('Hi Wren, from the meetup.').waitFor();
    await page.context().close();
  });

  it('fit the relationship memory pages (your people, keep in touch, gives and asks) and the profile panel, with a long tag and note', async () => {
    const [viewer, friend] = [await seedMember(e2e.server.app, 'Rosa Phone'), await seedMember(e2e.server.app, 'Theodora Wolfeschlegelsteinhausenbergerdorff')];
    await connectViaApi(viewer, friend);
    const tag = await viewer.call('POST', '/api/v1/relationship-tags', { name: 'Wolfeschlegelsteinhausen-friends', colour: 'grape', cadence: 'two_weeks' });
    expect(tag.statusCode, tag.body).toBe(201);
    const card = await viewer.call('PATCH', `/api/v1/members/${friend.handle}/relationship`, { tags: [tag.json<{ id: number }>().id], howWeMet: { text: LONG_WORD } });
    expect(card.statusCode, card.body).toBe(200);
    expect((await viewer.call('POST', `/api/v1/members/${friend.handle}/notes`, { text: `Met at ${LONG_URL}` })).statusCode).toBe(201);
    expect((await viewer.call('POST', `/api/v1/members/${friend.handle}/ledger`, { subject: 'referral', side: 'given' })).statusCode).toBe(201);
    await e2e.server.app.ctx.db.execute(sql`UPDATE relationship_cards SET due_at = now() - interval '1 day' WHERE member_id = ${viewer.id}`);

    const page = await phone(viewer);
    for (const path of ['/relationships', '/keep-in-touch', '/ledger']) {
      await page.goto(path);
      await page.getByRole('link', { name: friend.name }).first().waitFor();
      await expectNoSidewaysScroll(page, `${path} on a phone`);
    }
    await page.goto(`/in/${friend.handle}`);
    await page.getByText(LONG_WORD).waitFor();
    await expectNoSidewaysScroll(page, 'the relationship panel on a phone');
  });
});
