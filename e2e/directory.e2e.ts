import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './fixtures/axe.ts';
import { DirectoryPage } from './fixtures/directory-pages.ts';
import { type SeededMember, connectViaApi, seedMember } from './fixtures/network-api.ts';
import { escapeRegExp, MyNetworkPage, shown } from './fixtures/network-pages.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t } from './fixtures/words.ts';

const e2e = browserSuite();
const { signedIn } = e2e;

/**
 * Search from the header box, by the run's words (the SearchPage page object in pages.ts selects in English):
 * its results list, for picking a hit from.
 */
async function searchFromHeader(page: Page, query: string): Promise<Locator> {
  const box = page.getByRole('searchbox', { name: t('common:searchPeople') });
  await box.fill(query);
  await box.press('Enter');
  await page.waitForURL(/\/search\?q=/);
  await page.getByRole('heading', { name: t('search:title'), level: 1 }).waitFor();
  return page.getByRole('list', { name: t('search:results.list') });
}

/** Sets profile fields through the API, as the member would in the editor. */
async function setProfile(member: SeededMember, patch: object): Promise<void> {
  const res = await member.call('PATCH', '/api/v1/me/profile', patch);
  if (res.statusCode !== 200) throw new Error(`profile of ${member.name}: ${res.statusCode} ${res.body}`);
}

describe('a new member in a young community', () => {
  it('empty suggestions lead to the directory: newest first with badges, a place filter, Connect with a note, and Load more', async () => {
    // Twenty-two members join before Nora; none is connected to her, so she has nothing to be suggested.
    const earlier: SeededMember[] = [];
    for (let i = 1; i <= 20; i++) earlier.push(await seedMember(e2e.server.app, `Early Member ${String(i).padStart(2, '0')}`));
    const lina = await seedMember(e2e.server.app, 'Lina Lisbon');
    await setProfile(lina, { headline: 'Urban planner', location: 'Lisbon, Portugal', industry: 'Government' });
    const last = await seedMember(e2e.server.app, 'Theo Latest');
    const nora = await seedMember(e2e.server.app, 'Nora Newcomer');

    const page = await signedIn(nora);
    await page.goto('/network?tab=suggestions');
    await page.getByText(t('network:suggestions.emptyTitle')).waitFor();
    await page.getByRole('link', { name: t('network:steps.members') }).click();
    await page.waitForURL('**/members');
    const directory = new DirectoryPage(page);
    await page.getByRole('heading', { level: 1, name: t('directory:title') }).waitFor();
    // The header's main navigation marks where she is.
    const nav = page.getByRole('navigation', { name: t('common:mainNav') });
    expect(await nav.getByRole('link', { name: t('common:nav.members') }).getAttribute('aria-current')).toBe('page');

    // Newest first, without Nora herself; twenty a page, then "Load more".
    const firstPage = await directory.names();
    expect(firstPage.slice(0, 2)).toEqual([last.name, lina.name]);
    expect(firstPage).toHaveLength(20);
    expect(firstPage).not.toContain(nora.name);
    await page.getByRole('button', { name: t('common:actions.loadMore') }).click();
    await directory.list().getByRole('link', { name: earlier[0]!.name }).waitFor();
    const all = await directory.names();
    expect(all.length).toBeGreaterThanOrEqual(22);
    expect(new Set(all).size).toBe(all.length);

    // Once she connects with someone, the directory shows how far each member is from her.
    const [friend, friendOfFriend] = [earlier[0]!, earlier[1]!];
    await connectViaApi(nora, friend);
    await connectViaApi(friend, friendOfFriend);
    await page.reload();
    await page.getByRole('button', { name: t('common:actions.loadMore') }).click();
    await directory.member(friend.name).getByLabel(t('people:degree.first.long'), { exact: true }).waitFor();
    await directory.member(friend.name).getByText(t('people:state.connected')).waitFor();
    const second = directory.member(friendOfFriend.name);
    await second.getByLabel(t('people:degree.second.long'), { exact: true }).waitFor();
    await second.getByText(t('people:mutualConnections', { count: 1 }), { exact: true }).waitFor();
    await second.getByRole('button', { name: t('people:connect.actionLabel', { name: friendOfFriend.name }) }).waitFor();
    await expectAccessible(page, 'the member directory');

    // A place filter goes into the URL and narrows the list.
    await directory.filters().getByRole('textbox', { name: t('directory:filters.place') }).fill('lisbon');
    await page.waitForURL(/[?&]location=lisbon/);
    await page.getByText(t('directory:list.newestFiltered')).waitFor();
    expect(await directory.names()).toEqual([lina.name]);
    expect(await directory.member(lina.name).getByText('Lisbon, Portugal').isVisible()).toBe(true);

    // Connect from the directory, with a note: the card then says the invitation is pending.
    await directory.member(lina.name).getByRole('button', { name: t('people:connect.actionLabel', { name: 'Lina Lisbon' }) }).click();
    const dialog = page.getByRole('dialog', { name: shown('people:connect.title', { name: 'Lina Lisbon' }) });
    await dialog.getByRole('textbox', { name: t('people:connect.note') }).fill('We both work on city planning; I would like to compare notes.');
    await dialog.getByRole('button', { name: t('people:connect.send') }).click();
    await page.getByText(shown('people:connect.sent', { name: 'Lina Lisbon' })).waitFor();
    await directory.member(lina.name).getByText(t('people:state.pending')).waitFor();
    expect(await directory.member(lina.name).getByRole('button', { name: new RegExp(`^${escapeRegExp(t('people:connect.action'))}`) }).count()).toBe(0);
    const sent = (await lina.call('GET', '/api/v1/invitations?box=received')).json<{ items: { note: string; context: string }[] }>();
    expect(sent.items).toEqual([expect.objectContaining({ note: 'We both work on city planning; I would like to compare notes.', context: 'directory' })]);

    // A filter that matches no one says why and offers the way back.
    await directory.filters().getByRole('textbox', { name: t('directory:filters.place') }).fill('Atlantis');
    await page.getByText(t('directory:noMatches.title')).waitFor();
    await page.getByRole('button', { name: t('directory:noMatches.clear') }).first().click();
    await page.waitForURL((url) => !url.searchParams.has('location'));
    await directory.list().getByRole('link', { name: last.name }).waitFor();
    await page.context().close();
  });

  it('search offers Accept to a member who already invited me, and Accept there connects us and keeps their note', async () => {
    const [nadia, omar, pia] = await Promise.all(['Nadia Nour', 'Omar Osei', 'Pia Park'].map((n) => seedMember(e2e.server.app, n))).then(
      (m) => m as [SeededMember, SeededMember, SeededMember],
    );
    const note = 'We met at the harbour tech meetup; you asked about sensor buoys.';
    const invited = await omar.call('POST', '/api/v1/invitations', { to: nadia.handle, note, context: 'profile' });
    expect(invited.statusCode).toBe(201);
    expect((await nadia.call('POST', '/api/v1/invitations', { to: pia.handle, note: '', context: 'search' })).statusCode).toBe(201);

    const page = await signedIn(nadia);
    const hit = (await searchFromHeader(page, 'Omar Osei')).getByRole('listitem').filter({ hasText: 'Omar Osei' });
    await hit.getByRole('button', { name: t('people:answer.acceptLabel', { name: 'Omar Osei' }) }).waitFor();
    // No Connect, which would have opened a note composer and then discarded the note.
    expect(await hit.getByRole('button', { name: t('people:connect.actionLabel', { name: 'Omar Osei' }) }).count()).toBe(0);
    await expectAccessible(page, 'a search hit with an invitation to answer');
    await hit.getByRole('button', { name: t('people:answer.acceptLabel', { name: 'Omar Osei' }) }).click();
    await page.getByText(shown('people:connect.connected', { name: 'Omar Osei' })).waitFor();
    await hit.getByText(t('people:state.connected')).waitFor();
    await hit.getByLabel(t('people:degree.first.long'), { exact: true }).waitFor();
    // The connection began with Omar's invitation, note and all.
    const connections = (await nadia.call('GET', '/api/v1/me/connections')).json<{ items: { handle: string; origin: { note: string | null } }[] }>();
    expect(connections.items).toEqual([expect.objectContaining({ handle: omar.handle, origin: expect.objectContaining({ note }) })]);

    // Someone she invited herself shows as pending, not as another Connect.
    const piaHit = (await searchFromHeader(page, 'Pia Park')).getByRole('listitem').filter({ hasText: 'Pia Park' });
    await piaHit.getByText(t('people:state.pending')).waitFor();
    expect(await piaHit.getByRole('button').count()).toBe(0);

    // If an invitation arrives after the list loaded, inviting back connects the two: the note was not
    // sent, and the member is told so rather than left to think it was.
    const ravi = await seedMember(e2e.server.app, 'Ravi Rao');
    const raviHit = (await searchFromHeader(page, 'Ravi Rao')).getByRole('listitem').filter({ hasText: 'Ravi Rao' });
    await raviHit.getByRole('button', { name: t('people:connect.actionLabel', { name: 'Ravi Rao' }) }).click();
    expect((await ravi.call('POST', '/api/v1/invitations', { to: nadia.handle, note: '', context: 'search' })).statusCode).toBe(201);
    const dialog = page.getByRole('dialog', { name: shown('people:connect.title', { name: 'Ravi Rao' }) });
    await dialog.getByRole('textbox', { name: t('people:connect.note') }).fill('Hello from the harbour meetup.');
    await dialog.getByRole('button', { name: t('people:connect.send') }).click();
    await page.getByText(shown('people:connect.alreadyInvited', { name: 'Ravi Rao' })).waitFor();
    await page.context().close();
  });
});

describe('every empty state leads somewhere', () => {
  it('no invitations, no connections and no search results each offer the directory, and the search tips keep the filters', async () => {
    const [quiet] = await Promise.all([seedMember(e2e.server.app, 'Quentin Quiet')]);
    const page = await signedIn(quiet);
    const network = new MyNetworkPage(page);
    await network.openFromHeader();
    await page.getByText(t('network:received.emptyInbox.title')).waitFor();
    await page.getByRole('link', { name: t('network:steps.suggestions') }).waitFor();
    await page.getByRole('link', { name: t('network:steps.members') }).waitFor();

    await network.tab(t('network:tabs.connections')).click();
    await page.getByText(t('network:connections.emptyTitle')).waitFor();
    await page.getByRole('link', { name: t('network:steps.searchPeople') }).waitFor();
    await page.getByRole('link', { name: t('network:steps.members') }).click();
    await page.getByRole('heading', { level: 1, name: t('directory:title') }).waitFor();

    // A search that finds no one explains why, and the way to the directory carries the industry filter.
    await page.goto('/search?q=zyxwvut&industry=Banking');
    await page.getByText(shown('search:noMatches.forQuery', { q: 'zyxwvut' })).waitFor();
    const tips = page.getByRole('list', { name: t('search:noMatches.tips') });
    await tips.getByText(t('search:noMatches.tipFilters')).waitFor();
    await expectAccessible(page, 'search with no results');
    await page.getByRole('link', { name: t('search:noMatches.browse') }).click();
    await page.waitForURL(/\/members\?industry=Banking/);
    await page.getByText(t('directory:noMatches.title')).waitFor();
    await page.context().close();
  });

  it('my own empty profile speaks to me and links into the editor; others read about me in the third person', async () => {
    const [rita, sam] = await Promise.all([seedMember(e2e.server.app, 'Rita Blank'), seedMember(e2e.server.app, 'Sam Seer')]);
    const page = await signedIn(rita);
    await page.goto(`/in/${rita.handle}`);
    await page.getByRole('heading', { level: 1, name: 'Rita Blank' }).waitFor();
    await page.getByText(t('profile:prompts.emptyTitle')).waitFor();
    expect(await page.getByText(shown('profile:page.noDetailsTitle', { name: 'Rita Blank' })).count()).toBe(0);
    expect(await page.getByText(t('profile:page.noDetailsBody')).count()).toBe(0);
    const complete = page.getByRole('region', { name: t('profile:prompts.completeTitle') });
    await complete.getByRole('link', { name: t('profile:prompts.missing.headline') }).waitFor();
    await expectAccessible(page, 'my own empty profile');

    await page.getByRole('link', { name: t('profile:prompts.missing.experience') }).click();
    await page.waitForURL('**/profile/edit#experience');
    // The editor opens at the Experience section, with focus inside it.
    const section = page.getByRole('region', { name: t('editProfile:experience.title') });
    await section.waitFor();
    await page.waitForFunction(() => document.getElementById('experience')?.contains(document.activeElement) ?? false);

    const other = await signedIn(sam);
    await other.goto(`/in/${rita.handle}`);
    await other.getByText(shown('profile:page.noDetailsTitle', { name: 'Rita Blank' })).waitFor();
    expect(await other.getByRole('region', { name: t('profile:prompts.completeTitle') }).count()).toBe(0);
    await page.context().close();
    await other.context().close();
  });
});
