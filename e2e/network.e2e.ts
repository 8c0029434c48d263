import { describe, expect, it } from 'vitest';
import { expectAccessible } from './fixtures/axe.ts';
import { type SeededMember, connectViaApi, seedMember } from './fixtures/network-api.ts';
import { MemberProfile, MyNetworkPage } from './fixtures/network-pages.ts';
import { SearchPage } from './fixtures/pages.ts';
import { browserSuite } from './fixtures/suite.ts';

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
    const search = new SearchPage(pageA);
    await search.searchFromHeader('Chloe Chen');
    const hit = search.results().getByRole('listitem').filter({ hasText: 'Chloe Chen' });
    await hit.waitFor();
    expect(await hit.getByLabel('2nd-degree: you share a connection').textContent()).toBe('2nd');
    expect(await hit.getByText('1 mutual connection', { exact: true }).isVisible()).toBe(true);

    // The degree filter goes into the URL and narrows the results: C is not 1st-degree, but is 2nd.
    // (Driven by keyboard, as the segmented control's radios are drawn over by their labels.)
    await pageA.getByRole('radio', { name: 'Anyone' }).focus();
    await pageA.keyboard.press('ArrowRight');
    await pageA.waitForURL(/degree=1/);
    await pageA.getByRole('radio', { name: '1st', checked: true }).waitFor({ state: 'attached' });
    await pageA.getByText("No one matches 'Chloe Chen'.", { exact: false }).waitFor();
    await pageA.getByRole('radio', { name: '1st' }).focus();
    await pageA.keyboard.press('ArrowRight');
    await pageA.waitForURL(/degree=2/);
    await hit.waitFor();

    // C's profile: 2nd badge, Ben named as the mutual, the path through him, and a Connect button.
    await search.openResult('Chloe Chen');
    await pageA.waitForURL(`**/in/${chloe.handle}`);
    const profileA = new MemberProfile(pageA);
    await pageA.getByRole('heading', { level: 1, name: 'Chloe Chen' }).waitFor();
    await profileA.degreeBadge(2).waitFor();
    await pageA.getByText('is a mutual connection').getByRole('link', { name: 'Ben Brooks' }).waitFor();
    expect(await profileA.path(1)).toEqual(['You', 'Ben Brooks', 'Chloe Chen']);

    const note = 'Ben says you run the robotics meetup in Rotterdam. I would love to help with the next one.';
    await profileA.connectWithNote('Chloe Chen', note);
    await pageA.getByText('Invitation sent to Chloe Chen.').waitFor();
    await profileA.actions('Chloe Chen').getByRole('button', { name: 'Withdraw' }).waitFor();

    // C signs in elsewhere: the header counts one invitation, and My Network shows it with the note.
    const pageC = await signedIn(chloe);
    await pageC.getByRole('link', { name: /My Network\s*1 pending invitation$/ }).waitFor();
    const networkC = new MyNetworkPage(pageC);
    await networkC.openFromHeader();
    expect(await networkC.tab('Invitations (1)').getAttribute('aria-selected')).toBe('true');
    const invitation = networkC.invitationFrom('Alice Archer');
    await invitation.getByText(note).waitFor();
    await invitation.getByText(/Invited you .*ago|Invited you just now/).waitFor();
    await expectAccessible(pageC, 'My Network (an invitation waiting)');

    await invitation.getByRole('button', { name: 'Accept invitation from Alice Archer' }).click();
    await pageC.getByText('You are now connected with Alice Archer.').waitFor();
    await pageC.getByText('No pending invitations').waitFor();

    // The Connections tab is linkable and lists A now.
    await pageC.goto('/network?tab=connections');
    expect(await networkC.tab('Connections').getAttribute('aria-selected')).toBe('true');
    await pageC.getByRole('list', { name: 'Connections' }).getByRole('link', { name: 'Alice Archer' }).waitFor();

    // Both now see 1st degree.
    const profileC = new MemberProfile(pageC);
    await profileC.open(alice.handle, 'Alice Archer');
    await profileC.degreeBadge(1).waitFor();
    await profileC.actions('Alice Archer').getByRole('button', { name: 'Connected' }).waitFor();

    await profileA.open(chloe.handle, 'Chloe Chen');
    await profileA.degreeBadge(1).waitFor();
    await profileA.actions('Chloe Chen').getByRole('button', { name: 'Connected' }).waitFor();
    expect(await profileA.howConnected().count()).toBe(0);

    // E was out of A's network; through C they are now 3rd degree, and the chain shows how.
    await profileA.open(ema.handle, 'Ema Eriksen');
    await profileA.degreeBadge(3).waitFor();
    expect(await profileA.path(1)).toEqual(['You', 'Chloe Chen', 'Dev Desai', 'Ema Eriksen']);
    const path = profileA.howConnected().getByRole('list', { name: 'Path 1' });
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
    const suggestions = page.getByRole('list', { name: 'People you may know' });
    const raeCard = suggestions.getByRole('listitem').filter({ hasText: 'Rae Ross' });
    await raeCard.getByRole('list', { name: 'Why you may know them' }).getByText(/Quinn Quay/).waitFor();
    await suggestions.getByRole('button', { name: 'Dismiss Sam Stone' }).click();
    await suggestions.getByRole('link', { name: 'Sam Stone' }).waitFor({ state: 'detached' });
    await raeCard.getByRole('button', { name: 'Connect with Rae Ross' }).click();
    await page.getByRole('dialog', { name: 'Connect with Rae Ross' }).getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('Invitation sent to Rae Ross.').waitFor();
    await page.getByRole('tab', { name: 'Sent (1)' }).click();
    await page.waitForURL(/[?&]tab=sent/);
    await page.getByRole('button', { name: 'Withdraw invitation to Rae Ross' }).click();
    await page.getByText('No invitations waiting').waitFor();

    // Removing a connection asks first, and Cancel keeps it.
    await page.getByRole('tab', { name: 'Connections' }).click();
    await page.getByRole('button', { name: 'Remove connection with Quinn Quay' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove Quinn Quay?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Remove connection with Quinn Quay' }).click();
    await confirm.getByRole('button', { name: 'Remove connection' }).click();
    await page.getByText('No connections yet').waitFor();

    // Follow is separate from connecting.
    const profile = new MemberProfile(page);
    await profile.open(rae.handle, 'Rae Ross');
    await profile.actions('Rae Ross').getByRole('button', { name: 'Follow' }).click();
    await profile.actions('Rae Ross').getByRole('button', { name: 'Unfollow' }).waitFor();
    await page.goto('/network?tab=following');
    await page.getByRole('list', { name: 'Following' }).getByRole('link', { name: 'Rae Ross' }).waitFor();

    // Blocking asks first, then the profile says so; Settings lists the block and undoes it.
    await profile.open(rae.handle, 'Rae Ross');
    await page.getByRole('button', { name: 'More actions for Rae Ross' }).click();
    await page.getByRole('menuitem', { name: 'Block Rae Ross' }).click();
    await page.getByRole('dialog', { name: 'Block Rae Ross?' }).getByRole('button', { name: 'Block' }).click();
    await page.getByText('You have blocked Rae Ross').waitFor();
    expect(await profile.actions('Rae Ross').getByRole('button', { name: 'Unfollow' }).count()).toBe(0);

    await page.goto('/settings');
    const blocked = page.getByRole('region', { name: 'Blocked members' });
    await blocked.getByRole('link', { name: 'Rae Ross' }).waitFor();

    // The two network privacy settings save on change.
    await page.getByRole('radio', { name: 'Only my connections' }).check();
    await page.getByText('Follow setting saved.').waitFor();
    await page.getByRole('radio', { name: 'Only me' }).check();
    await page.getByText('Connections visibility saved.').waitFor();
    const me = await pat.call('GET', '/api/v1/me');
    expect(me.json()).toMatchObject({ whoCanFollow: 'connections', connectionsVisibility: 'only_me' });
    await expectAccessible(page, 'Settings with a blocked member');

    await blocked.getByRole('button', { name: 'Unblock Rae Ross' }).click();
    await blocked.getByText('You have not blocked anyone.').waitFor();
    await page.context().close();
  });
});
