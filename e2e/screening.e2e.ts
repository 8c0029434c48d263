import { describe, expect, it } from 'vitest';
import { expectAccessible } from './fixtures/axe.ts';
import { type SeededMember, connectViaApi, seedMember } from './fixtures/network-api.ts';
import { MemberProfile } from './fixtures/network-pages.ts';
import { InvitationsPage, ScreeningSettings } from './fixtures/screening-pages.ts';
import { browserSuite } from './fixtures/suite.ts';

const e2e = browserSuite();
const { signedIn } = e2e;

describe('ask for context', () => {
  it('B invites A with a note → A reads the evidence and asks → B replies from Sent → A reads the reply and accepts → the thread stays with the connection', async () => {
    // Ada and Bram share one connection (Cleo), so Bram is 2nd degree to Ada before connecting.
    const [ada, bram, cleo] = await Promise.all(['Ada Lindqvist', 'Bram Osei', 'Cleo Varga'].map((n) => seedMember(e2e.server.app, n))).then(
      (m) => m as [SeededMember, SeededMember, SeededMember],
    );
    await connectViaApi(ada, cleo);
    await connectViaApi(bram, cleo);

    // Bram invites Ada from her profile, with a note.
    const pageB = await signedIn(bram);
    const profileB = new MemberProfile(pageB);
    await profileB.open(ada.handle, 'Ada Lindqvist');
    const note = 'Cleo said you rebuilt the harbour sensor network. I am starting something similar in Gdansk and would value a chat.';
    await profileB.connectWithNote('Ada Lindqvist', note);
    await pageB.getByText('Invitation sent to Ada Lindqvist.').waitFor();

    // Ada sees the invitation in her inbox with its evidence: degree, the mutual, a personal note, a risk score in words.
    const pageA = await signedIn(ada);
    const invitationsA = new InvitationsPage(pageA);
    await invitationsA.open();
    await invitationsA.folderTab('Inbox (1)').waitFor();
    const card = invitationsA.from('inbox', 'Bram Osei');
    await card.getByText(note).waitFor();
    const evidence = invitationsA.evidence(card, 'Bram Osei');
    expect(await invitationsA.fact(card, 'Bram Osei', 'Degree before connecting')).toBe('2nd degree: you share a connection');
    expect(await invitationsA.fact(card, 'Bram Osei', 'Mutual connections')).toBe('1: Cleo Varga');
    expect(await evidence.getByRole('link', { name: 'Cleo Varga' }).getAttribute('href')).toBe(`/in/${cleo.handle}`);
    await evidence.getByText('Personal note', { exact: true }).waitFor();
    await evidence.getByText(/^(Low|Medium|High) risk$/).waitFor();
    await evidence.getByText(/^Risk score \d+ of 100$/).waitFor();
    await evidence.getByText('Placed here by: Manual policy: everything waits in the inbox').waitFor();
    expect(await invitationsA.fact(card, 'Bram Osei', 'Their invitations (last 90 days)')).toMatch(/^Not enough history/);
    await expectAccessible(pageA, 'My Network: a received invitation with its evidence');

    // Ada asks for context instead of answering.
    await card.getByRole('button', { name: 'Ask for context from Bram Osei' }).click();
    const question = 'Which part of the network are you working on, the buoys or the backhaul?';
    await card.getByRole('textbox', { name: 'Your question to Bram' }).fill(question);
    await card.getByRole('button', { name: 'Send question' }).click();
    await pageA.getByText('Question sent to Bram Osei.').waitFor();
    const threadA = invitationsA.thread(card, 'Bram Osei');
    await threadA.getByText(question).waitFor();
    expect(await invitationsA.messages(threadA)).toEqual([`Ada Lindqvist: ${question}`]);

    // Bram sees the question on his sent invitation, with his allowance above, and replies.
    await pageB.goto('/network?tab=sent');
    await pageB.getByRole('region', { name: 'Your invitation allowance' }).getByText(/^\d+ of \d+ invitations left this week$/).waitFor();
    const sent = pageB.getByRole('list', { name: 'Invitations sent' }).getByRole('listitem').filter({ hasText: 'Ada Lindqvist' }).first();
    await sent.getByText('Ada asked you for context').waitFor();
    const threadB = sent.getByRole('list', { name: 'Conversation with Ada Lindqvist' });
    await threadB.getByText(question).waitFor();
    await expectAccessible(pageB, 'My Network, Sent: a question waiting and the allowance');
    await sent.getByRole('button', { name: 'Reply to Ada Lindqvist' }).click();
    const reply = 'The backhaul: LoRa gateways on the cranes. Happy to compare notes.';
    await sent.getByRole('textbox', { name: 'Your reply to Ada' }).fill(reply);
    await sent.getByRole('button', { name: 'Send reply' }).click();
    await pageB.getByText('Reply sent to Ada Lindqvist.').waitFor();
    await threadB.getByText(reply).waitFor();

    // Ada reads the reply, in order, and accepts.
    await invitationsA.open();
    await threadA.getByText(reply).waitFor();
    expect(await invitationsA.messages(threadA)).toEqual([`Ada Lindqvist: ${question}`, `Bram Osei: ${reply}`]);
    await card.getByRole('button', { name: 'Accept invitation from Bram Osei' }).click();
    await pageA.getByText('You are now connected with Bram Osei.').waitFor();
    await pageA.getByText('No pending invitations').waitFor();

    // The connection remembers how they met, thread included.
    await pageA.goto('/network?tab=connections');
    const connection = pageA.getByRole('list', { name: 'Connections' }).getByRole('listitem').filter({ hasText: 'Bram Osei' }).first();
    await connection.getByText('How you met: an invitation from a profile').waitFor();
    await connection.getByRole('button', { name: /^How you met Bram Osei/ }).click();
    const dialog = pageA.getByRole('dialog', { name: 'How you met Bram Osei' });
    await dialog.getByText(note).waitFor();
    const story = dialog.getByRole('list', { name: 'Conversation between Bram Osei and Ada Lindqvist' });
    await story.getByText(reply).waitFor();
    expect(await invitationsA.messages(story)).toEqual([`Ada Lindqvist: ${question}`, `Bram Osei: ${reply}`]);
    await expectAccessible(pageA, 'How you met: the invitation and its thread');
    await dialog.getByRole('button', { name: 'Close dialog' }).click();

    // …and so does Bram's profile.
    await pageA.goto(`/in/${bram.handle}`);
    await pageA.getByRole('button', { name: /^How you met Bram Osei/ }).click();
    const fromProfile = pageA.getByRole('dialog', { name: 'How you met Bram Osei' });
    await fromProfile.getByRole('list', { name: 'Conversation between Bram Osei and Ada Lindqvist' }).getByText(reply).waitFor();

    await pageA.context().close();
    await pageB.context().close();
  });
});

describe('a selective member’s rules', () => {
  it('“a note and ≥ 2 mutual connections → Inbox, otherwise Other”, set in Settings: a note-less invitation lands in Other, a qualifying one in the inbox; report and block from the card', async () => {
    const [sela, mo, nia, m1, m2] = await Promise.all(
      ['Sela Quist', 'Mo Farrah-Lind', 'Nia Okafor', 'Uma Reyes', 'Vik Halvorsen'].map((n) => seedMember(e2e.server.app, n)),
    ).then((m) => m as [SeededMember, SeededMember, SeededMember, SeededMember, SeededMember]);
    // Mo shares two connections with Sela; Nia shares none.
    for (const [a, b] of [[sela, m1], [sela, m2], [mo, m1], [mo, m2]] as const) await connectViaApi(a, b);

    const page = await signedIn(sela);
    const settings = new ScreeningSettings(page);
    await settings.open();
    const section = settings.section();
    await section.getByRole('radio', { name: /^Selective/ }).check();
    await section.getByRole('button', { name: 'Add a rule' }).click();
    const rule = settings.rule(1);
    expect(await rule.getByRole('checkbox', { name: 'The invitation has a note' }).isChecked()).toBe(true);
    await rule.getByRole('checkbox', { name: 'At least this many mutual connections' }).check();

    // An impossible threshold: the server's validation error appears beside the field.
    const mutuals = rule.getByRole('textbox', { name: 'Minimum mutual connections (rule 1)' });
    await mutuals.fill('0');
    await section.getByRole('radio', { name: 'Put in Other' }).check();
    await settings.save();
    await section.getByText('Please fix the highlighted fields.').waitFor();
    expect(await mutuals.getAttribute('aria-invalid')).toBe('true');
    await rule.getByText(/>=\s*1|at least 1|too small/i).waitFor();

    await mutuals.fill('2');
    await settings.save();
    await page.getByText('Screening settings saved. They apply to invitations that arrive from now on.').waitFor();
    await section.getByText(/Changes apply to invitations that arrive after you save/).waitFor();
    await expectAccessible(page, 'Settings: a selective policy with one rule');
    const saved = await sela.call('GET', '/api/v1/me/screening');
    expect(saved.json()).toMatchObject({
      mode: 'selective',
      rules: [{ when: { hasNote: true, minMutuals: 2 }, then: 'inbox' }],
      otherwise: 'other',
    });

    // Two invitations arrive after the change: one without a note, one with a note from someone with two mutuals.
    const noNote = await nia.call('POST', '/api/v1/invitations', { to: sela.handle, note: '', context: 'search' });
    expect(noNote.statusCode).toBe(201);
    const qualifying = await mo.call('POST', '/api/v1/invitations', {
      to: sela.handle,
      note: 'Uma and Vik both said we should meet about the cooperative housing project.',
      context: 'profile',
    });
    expect(qualifying.statusCode).toBe(201);

    const invitations = new InvitationsPage(page);
    await invitations.open();
    await invitations.folderTab('Inbox (1)').waitFor();
    await invitations.folderTab('Other (1)').waitFor();
    const inInbox = invitations.from('inbox', 'Mo Farrah-Lind');
    await invitations.evidence(inInbox, 'Mo Farrah-Lind').getByText('Placed here by: Rule 1: a note and at least 2 mutual connections → Inbox').waitFor();
    expect(await invitations.list('inbox').getByRole('link', { name: 'Nia Okafor' }).count()).toBe(0);

    await invitations.folderTab('Other (1)').click();
    await page.waitForURL(/[?&]folder=other/);
    const inOther = invitations.from('other', 'Nia Okafor');
    const evidence = invitations.evidence(inOther, 'Nia Okafor');
    await evidence.getByText('No note', { exact: true }).waitFor();
    // A brand-new account with nothing in common and no note: the platform puts it in Other before the rule is asked.
    await evidence.getByText('Placed here by: Put in Other by the platform: risk 50 of 100').waitFor();
    expect(await invitations.fact(inOther, 'Nia Okafor', 'Degree before connecting')).toBe('Outside your network');
    await expectAccessible(page, 'My Network: the Other folder');

    // Report and block are one click from the card.
    await inOther.getByRole('button', { name: 'Report Nia Okafor' }).click();
    const report = page.getByRole('dialog', { name: 'Report Nia Okafor' });
    await report.getByRole('button', { name: 'Send report' }).click();
    await report.getByText('Choose a reason').waitFor();
    await report.getByRole('radio', { name: 'A fake account or impersonation' }).check();
    await report.getByRole('textbox', { name: 'Details (optional)' }).fill('No profile, no note, nobody in common.');
    await expectAccessible(page, 'the report dialog');
    await report.getByRole('button', { name: 'Send report' }).click();
    await page.getByText('Thank you. The operators will review your report about Nia Okafor.').waitFor();
    await report.waitFor({ state: 'detached' });

    await inOther.getByRole('button', { name: 'Block Nia Okafor' }).click();
    const blockDialog = page.getByRole('dialog', { name: 'Block Nia Okafor?' });
    await blockDialog.waitFor();
    await expectAccessible(page, 'the block dialog');
    await blockDialog.getByRole('button', { name: 'Block' }).click();
    await page.getByText('Nia Okafor is blocked.').waitFor();
    await page.getByText('Nothing in Other').waitFor();
    await invitations.folderTab('Other (0)').waitFor();
    await page.context().close();
  });
});

describe('refused invitations explain themselves', () => {
  it('a member who wants their email asked for gets an email field; a used-up allowance shows the server’s reason and links to the widget', async () => {
    const [zed, eve, last] = await Promise.all(['Zed Amari', 'Eve Lantz', 'Lou Marsh'].map((n) => seedMember(e2e.server.app, n))).then(
      (m) => m as [SeededMember, SeededMember, SeededMember],
    );
    const policy = await eve.call('PUT', '/api/v1/me/screening', { mode: 'manual', whoCanInvite: 'email', rules: [], otherwise: 'inbox' });
    expect(policy.statusCode).toBe(200);

    // Eve accepts only people who know her address: the dialog says so in the server's words and asks for it.
    const page = await signedIn(zed);
    const profile = new MemberProfile(page);
    await profile.open(eve.handle, 'Eve Lantz');
    await profile.actions('Eve Lantz').getByRole('button', { name: 'Connect' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connect with Eve Lantz' });
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.getByRole('alert').getByText(/only from people who know their email address/).waitFor();
    await expectAccessible(page, 'the invite dialog asking for an email address');
    await dialog.getByRole('textbox', { name: 'Eve’s email address' }).fill(eve.email);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('Invitation sent to Eve Lantz.').waitFor();

    // A new account has 20 invitations a week; use the rest through the API.
    const others = await Promise.all(Array.from({ length: 19 }, (_, i) => seedMember(e2e.server.app, `Filler Person ${i + 1}`)));
    for (const o of others) {
      const sent = await zed.call('POST', '/api/v1/invitations', { to: o.handle, note: '', context: 'search' });
      expect(sent.statusCode, sent.body).toBe(201);
    }

    await profile.open(last.handle, 'Lou Marsh');
    await profile.actions('Lou Marsh').getByRole('button', { name: 'Connect' }).click();
    const refused = page.getByRole('dialog', { name: 'Connect with Lou Marsh' });
    await refused.getByRole('button', { name: 'Send invitation' }).click();
    await refused.getByRole('alert').getByText(/You have used your 20 invitations for this week/).waitFor();
    await refused.getByRole('link', { name: 'See your invitation allowance and why' }).click();
    await page.waitForURL(/[?&]tab=sent/);
    const widget = page.getByRole('region', { name: 'Your invitation allowance' });
    await widget.getByText('0 of 20 invitations left this week').waitFor();
    await widget.getByText(/New accounts start with 20 invitations a week/).waitFor();
    await widget.getByText(/next invitation frees up/).waitFor();
    await expectAccessible(page, 'the allowance widget, used up');
    await page.context().close();
  });
});

describe('an open networker', () => {
  it('chooses Open in Settings → an invitation is accepted on arrival → but not one from a sender three members reported', async () => {
    const [olu, pia, rex, ...reporters] = await Promise.all(
      ['Olu Open', 'Pia Polite', 'Rex Reported', 'Ria One', 'Ria Two', 'Ria Three'].map((n) => seedMember(e2e.server.app, n)),
    ).then((m) => m as SeededMember[]);
    const page = await signedIn(olu!);
    const settings = new ScreeningSettings(page);
    await settings.open();
    await settings.section().getByRole('radio', { name: /^Open/ }).check();
    await settings.save();
    await page.getByText('Screening settings saved. They apply to invitations that arrive from now on.').waitFor();
    expect((await olu!.call('GET', '/api/v1/me/screening')).json()).toMatchObject({ mode: 'open' });

    const welcome = await pia!.call('POST', '/api/v1/invitations', { to: olu!.handle, note: 'Good to meet you at the open house!', context: 'search' });
    expect([welcome.statusCode, welcome.json().outcome]).toEqual([200, 'connected']);
    await page.goto('/network?tab=connections');
    await page.getByRole('list', { name: 'Connections' }).getByText('Pia Polite').waitFor();

    // Three reports put Rex in the moderation queue: his invitation is held by the platform, not accepted,
    // and Olu never sees it (the sender is told nothing either way).
    for (const r of reporters) expect((await r.call('POST', '/api/v1/reports', { member: rex!.handle, reason: 'spam', details: 'Mass pitches' })).statusCode).toBe(201);
    const screened = await rex!.call('POST', '/api/v1/invitations', { to: olu!.handle, note: 'Buy my course', context: 'search' });
    expect([screened.statusCode, screened.json().outcome, screened.json().invitation.status]).toEqual([201, 'invited', 'pending']);
    await page.goto('/network?tab=connections');
    const connections = page.getByRole('list', { name: 'Connections' });
    await connections.getByText('Pia Polite').waitFor();
    expect(await connections.getByText('Rex Reported').count()).toBe(0);
    await new InvitationsPage(page).open();
    await page.getByText('No pending invitations').first().waitFor();
    expect((await olu!.call('GET', '/api/v1/invitations/folders')).json()).toEqual({ inbox: 0, other: 0 });
    expect((await olu!.call('GET', `/api/v1/members/${rex!.handle}`)).json().degree).toBe(null);
    await page.context().close();
  });
});

describe('“I don’t know this person”', () => {
  it('asks first and says what it does → declines with Undo while the list stays still → Undo restores it → declined again, it is final once Undo is gone', async () => {
    const [ida, nils, olga] = await Promise.all(['Ida Inbox', 'Nils Unknown', 'Olga Known'].map((n) => seedMember(e2e.server.app, n))).then(
      (m) => m as [SeededMember, SeededMember, SeededMember],
    );
    for (const sender of [olga, nils]) {
      const sent = await sender.call('POST', '/api/v1/invitations', { to: ida.handle, note: `Hello, ${sender.name} here`, context: 'search' });
      expect(sent.statusCode, sent.body).toBe(201);
    }
    const page = await signedIn(ida);
    const invitations = new InvitationsPage(page);
    await invitations.open();
    const nilsCard = invitations.from('inbox', 'Nils Unknown');
    const olgaAccept = invitations.list('inbox').getByRole('button', { name: 'Accept invitation from Olga Known' });
    await olgaAccept.waitFor();

    // One click does not decline: a dialog says what it does.
    await nilsCard.getByRole('button', { name: 'I don’t know this person: Nils Unknown' }).click();
    const dialog = page.getByRole('dialog', { name: 'You don’t know Nils Unknown?' });
    await dialog.getByText(/declines the invitation, and Nils can never invite you again/).waitFor();
    await dialog.getByText(/counts against Nils’s reputation/).waitFor();
    await dialog.getByText(/You can undo it for 10 seconds/).waitFor();
    await expectAccessible(page, 'the “I don’t know this person” dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    const invitationId = (await nils.call('GET', '/api/v1/invitations?box=sent')).json().items[0].id as number;
    expect((await nils.call('GET', '/api/v1/invitations?box=sent')).json().items).toMatchObject([{ status: 'pending' }]);

    // Confirmed: the card becomes one line with Undo, and the next card does not move at all.
    const before = (await olgaAccept.boundingBox())!;
    await nilsCard.getByRole('button', { name: 'I don’t know this person: Nils Unknown' }).click();
    await dialog.getByRole('button', { name: 'Decline: I don’t know them' }).click();
    await page.getByText('Declined. Nils Unknown cannot invite you again.').waitFor();
    const row = invitations.list('inbox').getByText('Declined: Nils Unknown cannot invite you again. You can undo this for 10 seconds.');
    await row.waitFor();
    expect(Math.abs((await olgaAccept.boundingBox())!.y - before.y)).toBeLessThan(1);
    await expectAccessible(page, 'My Network: a declined invitation with Undo');
    // To Nils the declined invitation still waits: inviting again answers as it would after an ignore.
    const refused = await nils.call('POST', '/api/v1/invitations', { to: ida.handle, note: '', context: 'search' });
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'invitation_pending']);

    // Undo: the invitation is back, and Nils is not barred any more.
    await page.getByRole('button', { name: 'Undo “I don’t know this person” for Nils Unknown' }).click();
    await page.getByText('The invitation from Nils Unknown is back in your list.').waitFor();
    await nilsCard.getByRole('button', { name: 'Accept invitation from Nils Unknown' }).waitFor();
    expect((await nils.call('GET', '/api/v1/invitations?box=sent')).json().items).toMatchObject([{ id: invitationId, status: 'pending' }]);

    // Declined again and left alone: after 10 seconds the line and its Undo are gone, and the answer stands.
    await nilsCard.getByRole('button', { name: 'I don’t know this person: Nils Unknown' }).click();
    await dialog.getByRole('button', { name: 'Decline: I don’t know them' }).click();
    await row.waitFor();
    await row.waitFor({ state: 'detached', timeout: 14_000 });
    expect(await page.getByRole('button', { name: /^Undo/ }).count()).toBe(0);
    expect(await invitations.list('inbox').getByRole('link', { name: 'Nils Unknown' }).count()).toBe(0);
    await olgaAccept.waitFor();
    const after = await nils.call('POST', '/api/v1/invitations', { to: ida.handle, note: '', context: 'search' });
    expect([after.statusCode, after.json().code]).toEqual([409, 'invitation_pending']);
    expect((await nils.call('GET', '/api/v1/invitations?box=sent')).json().items).toMatchObject([{ id: invitationId, status: 'pending' }]);
    await page.context().close();
  });
});
