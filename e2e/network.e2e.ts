import { describe, expect, it } from 'vitest';
import { expectAccessible } from './fixtures/axe.ts';
import { type SeededMember, connectViaApi, seedMember } from './fixtures/network-api.ts';
import { escapeRegExp, MemberProfile, MyNetworkPage, myNetworkName, nameSource, shown } from './fixtures/network-pages.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t } from './fixtures/words.ts';

const e2e = browserSuite();
const { signedIn } = e2e;

describe('growing a network in the browser', () => {
  it('search a 2nd-degree member → invite with a note → they accept on My Network → both 1st → a 3rd-degree path appears', async () => {
    // The chain A – B – C – D – E, made through the API: E is four hops from A, so out of A's network.
    const chain: SeededMember[] = [];
    for (const name of ['Alice Archer', 'Ben Brooks', 'Chloe Chen', 'Dev Desai', 'Ema Eriksen']) chain.push(await seedMember(e2e.server.app, name));
    for (let i = 1; i < chain.length; i++) await connectViaApi(chain[i - 1]!, chain[i]!);
    const [alice, , chloe, dev, ema] = chain as [SeededMember, SeededMember, SeededMember, SeededMember, SeededMember];

    // A finds C in search: 2nd degree, with Ben as the one mutual connection.
    const pageA = await signedIn(alice);
    // (Search's page object in pages.ts selects in English; here the same steps go by the run's words.)
    const box = pageA.getByRole('searchbox', { name: t('common:searchPeople') });
    await box.fill('Chloe Chen');
    await box.press('Enter');
    await pageA.waitForURL(/\/search\?q=/);
    await pageA.getByRole('heading', { name: t('search:title'), level: 1 }).waitFor();
    const results = pageA.getByRole('list', { name: t('search:results.list') });
    const hit = results.getByRole('listitem').filter({ hasText: 'Chloe Chen' });
    await hit.waitFor();
    expect(await hit.getByLabel(t('people:degree.second.long')).textContent()).toBe(t('people:degree.second.short'));
    expect(await hit.getByText(t('people:mutualConnections', { count: 1 }), { exact: true }).isVisible()).toBe(true);

    // The degree filter goes into the URL and narrows the results: C is not 1st-degree, but is 2nd.
    // (Driven by keyboard, as the segmented control's radios are drawn over by their labels.)
    await pageA.getByRole('radio', { name: t('search:filters.anyone') }).focus();
    await pageA.keyboard.press('ArrowRight');
    await pageA.waitForURL(/degree=1/);
    await pageA.getByRole('radio', { name: t('people:degree.first.short'), checked: true }).waitFor({ state: 'attached' });
    await pageA.getByText(shown('search:noMatches.forQuery', { q: 'Chloe Chen' }), { exact: false }).waitFor();
    await pageA.getByRole('radio', { name: t('people:degree.first.short') }).focus();
    await pageA.keyboard.press('ArrowRight');
    await pageA.waitForURL(/degree=2/);
    await hit.waitFor();

    // C's profile: 2nd badge, Ben named as the mutual, the path through him, and a Connect button.
    await results.getByRole('link', { name: 'Chloe Chen' }).click();
    await pageA.waitForURL(`**/in/${chloe.handle}`);
    const profileA = new MemberProfile(pageA);
    await pageA.getByRole('heading', { level: 1, name: 'Chloe Chen' }).waitFor();
    await profileA.degreeBadge(2).waitFor();
    await pageA.getByText(t('profile:mutuals.sentence', { count: 1 }).replace('<names/>', 'Ben Brooks')).getByRole('link', { name: 'Ben Brooks' }).waitFor();
    expect(await profileA.path(1)).toEqual([t('profile:paths.you'), 'Ben Brooks', 'Chloe Chen']);

    const note = 'Ben says you run the robotics meetup in Rotterdam. I would love to help with the next one.';
    await profileA.connectWithNote('Chloe Chen', note);
    await pageA.getByText(shown('people:connect.sent', { name: 'Chloe Chen' })).waitFor();
    await profileA.actions('Chloe Chen').getByRole('button', { name: t('profile:actions.withdraw') }).waitFor();

    // C signs in elsewhere: the header counts one invitation, and My Network shows it with the note.
    const pageC = await signedIn(chloe);
    const pendingOne = `^${nameSource(myNetworkName())}\\s*1\\s*${nameSource(t('common:nav.pendingInvitations', { count: 1 }))}$`;
    await pageC.getByRole('link', { name: new RegExp(pendingOne) }).waitFor();
    const networkC = new MyNetworkPage(pageC);
    await networkC.openFromHeader();
    expect(await networkC.tab(t('network:tabs.invitationsCount', { count: 1 })).getAttribute('aria-selected')).toBe('true');
    const invitation = networkC.invitationFrom('Alice Archer');
    await invitation.getByText(note).waitFor();
    // "Invited you just now" (or "… 1 minute ago" on a slow run): the prefix, then the words for now or a count.
    const ago = `(?:${escapeRegExp(t('common:time.justNow'))}|.*\\d.*)`;
    await invitation.getByText(new RegExp(`^${escapeRegExp(t('network:invitation.invitedYou'))}${ago}$`)).waitFor();
    await expectAccessible(pageC, 'My Network (an invitation waiting)');

    await invitation.getByRole('button', { name: t('network:invitation.acceptLabel', { name: 'Alice Archer' }) }).click();
    await pageC.getByText(shown('network:invitation.done.accept', { name: 'Alice Archer' })).waitFor();
    await pageC.getByText(t('network:received.emptyInbox.title')).waitFor();

    // The Connections tab is linkable and lists A now.
    await pageC.goto('/network?tab=connections');
    expect(await networkC.tab(t('network:tabs.connections')).getAttribute('aria-selected')).toBe('true');
    await pageC.getByRole('list', { name: t('network:connections.list') }).getByRole('link', { name: 'Alice Archer', exact: true }).waitFor();

    // Both now see 1st degree.
    const profileC = new MemberProfile(pageC);
    await profileC.open(alice.handle, 'Alice Archer');
    await profileC.degreeBadge(1).waitFor();
    await profileC.actions('Alice Archer').getByRole('button', { name: t('profile:actions.connected') }).waitFor();

    await profileA.open(chloe.handle, 'Chloe Chen');
    await profileA.degreeBadge(1).waitFor();
    await profileA.actions('Chloe Chen').getByRole('button', { name: t('profile:actions.connected') }).waitFor();
    expect(await profileA.howConnected().count()).toBe(0);

    // E was out of A's network; through C they are now 3rd degree, and the chain shows how.
    await profileA.open(ema.handle, 'Ema Eriksen');
    await profileA.degreeBadge(3).waitFor();
    expect(await profileA.path(1)).toEqual([t('profile:paths.you'), 'Chloe Chen', 'Dev Desai', 'Ema Eriksen']);
    const path = profileA.howConnected().getByRole('list', { name: t('profile:paths.path', { n: 1 }) });
    expect(await path.getByRole('link', { name: 'Dev Desai' }).getAttribute('href')).toBe(`/in/${dev.handle}`);
    await expectAccessible(pageA, 'a 3rd-degree profile with its introduction path');

    await pageA.context().close();
    await pageC.context().close();
  });
});

describe('managing relationships', () => {
  it('suggestions with reasons, withdraw, remove with confirmation, follow, privacy settings, block and unblock', async () => {
    // Quinn knows everyone here; Pat knows only Quinn, so Rae and Sam are suggested to Pat through Quinn.
    const [pat, quinn, rae, sam] = await Promise.all(
      ['Pat Park', 'Quinn Quay', 'Rae Ross', 'Sam Stone'].map((name) => seedMember(e2e.server.app, name)),
    ).then((m) => m as [SeededMember, SeededMember, SeededMember, SeededMember]);
    await connectViaApi(pat, quinn);
    await connectViaApi(quinn, rae);
    await connectViaApi(quinn, sam);
    const page = await signedIn(pat);

    // People you may know: each with its reasons; dismiss one, invite the other (then withdraw from Sent).
    await page.goto('/network?tab=suggestions');
    const suggestions = page.getByRole('list', { name: t('network:suggestions.list') });
    const raeCard = suggestions.getByRole('listitem').filter({ hasText: 'Rae Ross' });
    await raeCard.getByRole('list', { name: t('network:suggestions.why') }).getByText(/Quinn Quay/).waitFor();
    await suggestions.getByRole('button', { name: t('network:suggestions.dismissLabel', { name: 'Sam Stone' }) }).click();
    await suggestions.getByRole('link', { name: 'Sam Stone' }).waitFor({ state: 'detached' });
    await raeCard.getByRole('button', { name: t('people:connect.actionLabel', { name: 'Rae Ross' }) }).click();
    await page.getByRole('dialog', { name: shown('people:connect.title', { name: 'Rae Ross' }) }).getByRole('button', { name: t('people:connect.send') }).click();
    await page.getByText(shown('people:connect.sent', { name: 'Rae Ross' })).waitFor();
    await page.getByRole('tab', { name: t('network:tabs.sentCount', { count: 1 }) }).click();
    await page.waitForURL(/[?&]tab=sent/);
    await page.getByRole('button', { name: t('network:sent.withdrawLabel', { name: 'Rae Ross' }) }).click();
    await page.getByText(t('network:sent.emptyTitle')).waitFor();

    // Removing a connection asks first, and Cancel keeps it.
    await page.getByRole('tab', { name: t('network:tabs.connections') }).click();
    await page.getByRole('button', { name: t('network:connections.removeLabel', { name: 'Quinn Quay' }) }).click();
    const confirm = page.getByRole('dialog', { name: shown('network:connections.confirmTitle', { name: 'Quinn Quay' }) });
    await confirm.getByRole('button', { name: t('common:actions.cancel') }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: t('network:connections.removeLabel', { name: 'Quinn Quay' }) }).click();
    await confirm.getByRole('button', { name: t('network:connections.confirmAction') }).click();
    await page.getByText(t('network:connections.emptyTitle')).waitFor();

    // Follow is separate from connecting.
    const profile = new MemberProfile(page);
    await profile.open(rae.handle, 'Rae Ross');
    await profile.actions('Rae Ross').getByRole('button', { name: t('profile:actions.follow') }).click();
    await profile.actions('Rae Ross').getByRole('button', { name: t('profile:actions.unfollow') }).waitFor();
    await page.goto('/network?tab=following');
    await page.getByRole('list', { name: t('network:follows.following.label') }).getByRole('link', { name: 'Rae Ross' }).waitFor();

    // Blocking asks first, then the profile says so; Settings lists the block and undoes it.
    await profile.open(rae.handle, 'Rae Ross');
    await page.getByRole('button', { name: t('profile:actions.more', { name: 'Rae Ross' }) }).click();
    await page.getByRole('menuitem', { name: shown('profile:actions.block', { name: 'Rae Ross' }) }).click();
    await page.getByRole('dialog', { name: shown('people:block.title', { name: 'Rae Ross' }) }).getByRole('button', { name: t('people:block.confirm') }).click();
    // In Italian the page's title and the confirmation read alike ("Hai bloccato Rae Ross"): either shows the block took.
    await page.getByText(shown('profile:page.blockedTitle', { name: 'Rae Ross' })).first().waitFor();
    expect(await profile.actions('Rae Ross').getByRole('button', { name: t('profile:actions.unfollow') }).count()).toBe(0);

    await page.goto('/settings');
    const blocked = page.getByRole('region', { name: t('settings:blocked.title') });
    await blocked.getByRole('link', { name: 'Rae Ross' }).waitFor();

    // The two network privacy settings save on change.
    await page.getByRole('radio', { name: t('settings:privacy.whoCanFollow.connections') }).check();
    await page.getByText(t('settings:privacy.whoCanFollow.saved')).waitFor();
    await page.getByRole('radio', { name: t('settings:privacy.connectionsVisibility.onlyMe') }).check();
    await page.getByText(t('settings:privacy.connectionsVisibility.saved')).waitFor();
    const me = await pat.call('GET', '/api/v1/me');
    expect(me.json()).toMatchObject({ whoCanFollow: 'connections', connectionsVisibility: 'only_me' });
    await expectAccessible(page, 'Settings with a blocked member');

    await blocked.getByRole('button', { name: t('settings:blocked.unblockLabel', { name: 'Rae Ross' }) }).click();
    await blocked.getByText(t('settings:blocked.none')).waitFor();
    await page.context().close();
  });
});

describe('live updates', () => {
  it('counts an invitation in the header the moment it arrives, without a reload', async () => {
    const [fay, gus] = await Promise.all(['Fay Flores', 'Gus Green'].map((name) => seedMember(e2e.server.app, name))) as [SeededMember, SeededMember];
    // Every invitation waits in Fay's inbox, whoever sends it.
    const manual = await fay.call('PUT', '/api/v1/me/screening', { mode: 'manual', whoCanInvite: 'everyone', rules: [], otherwise: 'inbox' });
    expect(manual.statusCode).toBe(200);
    const page = await signedIn(fay);
    // Updates are live from the moment the page's stream opens: wait for that, as a member's page would be open.
    const streamOpen = page.waitForResponse((r) => r.url().endsWith('/api/v1/events'));
    await page.reload();
    await streamOpen;
    const networkLink = page.getByRole('link', { name: new RegExp(`^${nameSource(myNetworkName())}`) });
    await networkLink.waitFor();
    expect(await networkLink.textContent()).not.toContain('1');
    const sent = await gus.call('POST', '/api/v1/invitations', { to: fay.handle, note: 'We met at the Rotterdam meetup' });
    expect(sent.statusCode).toBe(201);
    await page.getByRole('link', { name: new RegExp(nameSource(t('common:nav.pendingInvitations', { count: 1 }))) }).waitFor();
    await page.context().close();
  });
});
