import { describe, expect, it } from 'vitest';
import { expectAccessible } from './fixtures/axe.ts';
import { type SeededMember, connectViaApi, seedMember } from './fixtures/network-api.ts';
import {
  ANY,
  ANY_NAME,
  aboutAnyone,
  exactly,
  InvitationsPage,
  ProfileToInvite,
  reasonText,
  say,
  ScreeningSettings,
  signedIn as signedInTo,
  startingWith,
  withAnyNumber,
} from './fixtures/screening-pages.ts';
import { browserSuite } from './fixtures/suite.ts';
import { E2E_LOCALE } from './fixtures/words.ts';

// Every word the app shows is selected in the run's language (E2E_LOCALE: en, it or the en-XA pseudo-locale).
const e2e = browserSuite();
const signedIn = (member: SeededMember) => signedInTo(e2e, member);

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
    const profileB = new ProfileToInvite(pageB);
    await profileB.open(ada.handle, 'Ada Lindqvist');
    const note = 'Cleo said you rebuilt the harbour sensor network. I am starting something similar in Gdansk and would value a chat.';
    await profileB.connectWithNote('Ada Lindqvist', note);
    await pageB.getByText(say('people:connect.sent', { name: 'Ada Lindqvist' })).waitFor();

    // Ada sees the invitation in her inbox with its evidence: degree, the mutual, a personal note, a risk score in words.
    const pageA = await signedIn(ada);
    const invitationsA = new InvitationsPage(pageA);
    await invitationsA.open();
    await invitationsA.folderTab('inbox', 1).waitFor();
    const card = invitationsA.from('inbox', 'Bram Osei');
    await card.getByText(note).waitFor();
    const evidence = invitationsA.evidence(card, 'Bram Osei');
    expect(await invitationsA.fact(card, 'Bram Osei', 'network:evidence.degreeLabel')).toBe(say('network:evidence.degree.second'));
    expect(await invitationsA.fact(card, 'Bram Osei', 'network:evidence.mutualsLabel')).toBe(`${say('network:evidence.mutualsCount', { count: 1 })} Cleo Varga`);
    expect(await evidence.getByRole('link', { name: 'Cleo Varga' }).getAttribute('href')).toBe(`/in/${cleo.handle}`);
    await evidence.getByText(say('network:evidence.note.personal'), { exact: true }).waitFor();
    await evidence.getByText(new RegExp(`^(${(['low', 'medium', 'high'] as const).map((r) => exactly(say(`network:risk.${r}`)).source.slice(1, -1)).join('|')})$`)).waitFor();
    await evidence.getByText(withAnyNumber('network:risk.score', { score: ANY })).waitFor();
    await evidence.getByText(say('network:evidence.placedBy', { placement: reasonText('placement.manual', {}) })).waitFor();
    expect(await invitationsA.fact(card, 'Bram Osei', 'network:evidence.historyLabel')).toBe(say('network:evidence.history.notEnough'));
    await expectAccessible(pageA, 'My Network: a received invitation with its evidence');

    // Ada asks for context instead of answering.
    await card.getByRole('button', { name: say('network:invitation.askForContextLabel', { name: 'Bram Osei' }) }).click();
    const question = 'Which part of the network are you working on, the buoys or the backhaul?';
    await card.getByRole('textbox', { name: say('network:invitation.question.label', { name: 'Bram' }) }).fill(question);
    await card.getByRole('button', { name: say('network:invitation.question.submit') }).click();
    await pageA.getByText(say('network:invitation.question.sent', { name: 'Bram Osei' })).waitFor();
    const threadA = invitationsA.thread(card, 'Bram Osei');
    await threadA.getByText(question).waitFor();
    expect(await invitationsA.messages(threadA)).toEqual([`Ada Lindqvist: ${question}`]);

    // Bram sees the question on his sent invitation, with his allowance above, and replies.
    await pageB.goto('/network?tab=sent');
    await pageB
      .getByRole('region', { name: say('network:allowance.title') })
      .getByText(withAnyNumber('network:allowance.left', { remaining: ANY, weekly: ANY }))
      .waitFor();
    const sent = pageB.getByRole('list', { name: say('network:sent.list') }).getByRole('listitem').filter({ hasText: 'Ada Lindqvist' }).first();
    await sent.getByText(say('network:sent.askedForContext', { name: 'Ada' })).waitFor();
    const threadB = sent.getByRole('list', { name: say('network:invitation.conversation', { name: 'Ada Lindqvist' }) });
    await threadB.getByText(question).waitFor();
    await expectAccessible(pageB, 'My Network, Sent: a question waiting and the allowance');
    await sent.getByRole('button', { name: say('network:sent.replyLabel', { name: 'Ada Lindqvist' }) }).click();
    const reply = 'The backhaul: LoRa gateways on the cranes. Happy to compare notes.';
    await sent.getByRole('textbox', { name: say('network:sent.replyField', { name: 'Ada' }) }).fill(reply);
    await sent.getByRole('button', { name: say('network:sent.sendReply') }).click();
    await pageB.getByText(say('network:sent.replySent', { name: 'Ada Lindqvist' })).waitFor();
    await threadB.getByText(reply).waitFor();

    // Ada reads the reply, in order, and accepts.
    await invitationsA.open();
    await threadA.getByText(reply).waitFor();
    expect(await invitationsA.messages(threadA)).toEqual([`Ada Lindqvist: ${question}`, `Bram Osei: ${reply}`]);
    await card.getByRole('button', { name: say('network:invitation.acceptLabel', { name: 'Bram Osei' }) }).click();
    await pageA.getByText(say('network:invitation.done.accept', { name: 'Bram Osei' })).waitFor();
    await pageA.getByText(say('network:received.emptyInbox.title')).waitFor();

    // The connection remembers how they met, thread included.
    await pageA.goto('/network?tab=connections');
    const connection = pageA.getByRole('list', { name: say('network:connections.list') }).getByRole('listitem').filter({ hasText: 'Bram Osei' }).first();
    await connection.getByText(say('network:howYouMet.line', { how: say('network:howYouMet.contexts.profile') })).waitFor();
    await connection.getByRole('button', { name: startingWith(say('network:howYouMet.buttonLabel', { name: 'Bram Osei' })) }).click();
    const dialog = pageA.getByRole('dialog', { name: say('network:howYouMet.title', { name: 'Bram Osei' }) });
    await dialog.getByText(note).waitFor();
    const story = dialog.getByRole('list', { name: say('network:howYouMet.conversation', { from: 'Bram Osei', to: 'Ada Lindqvist' }) });
    await story.getByText(reply).waitFor();
    expect(await invitationsA.messages(story)).toEqual([`Ada Lindqvist: ${question}`, `Bram Osei: ${reply}`]);
    await expectAccessible(pageA, 'How you met: the invitation and its thread');
    await dialog.getByRole('button', { name: say('common:mantine.closeDialog') }).click();

    // …and so does Bram's profile.
    await pageA.goto(`/in/${bram.handle}`);
    await pageA.getByRole('button', { name: startingWith(say('network:howYouMet.buttonLabel', { name: 'Bram Osei' })) }).click();
    const fromProfile = pageA.getByRole('dialog', { name: say('network:howYouMet.title', { name: 'Bram Osei' }) });
    await fromProfile.getByRole('list', { name: say('network:howYouMet.conversation', { from: 'Bram Osei', to: 'Ada Lindqvist' }) }).getByText(reply).waitFor();

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
    await settings.mode('selective').check();
    await section.getByRole('button', { name: say('settings:screening.rules.add') }).click();
    const rule = settings.rule(1);
    expect(await rule.getByRole('checkbox', { name: say('settings:screening.rule.hasNote') }).isChecked()).toBe(true);
    await rule.getByRole('checkbox', { name: say('settings:screening.rule.minMutuals') }).check();

    // An impossible threshold: the server's validation error appears beside the field.
    const mutuals = rule.getByRole('textbox', { name: say('settings:screening.rule.minMutualsValue', { n: 1 }) });
    await mutuals.fill('0');
    await section.getByRole('radio', { name: say('settings:screening.actions.other') }).check();
    await settings.save();
    await section.getByText(say('settings:screening.fixFields')).waitFor();
    expect(await mutuals.getAttribute('aria-invalid')).toBe('true');
    // The server words field errors in the browser's language: its schema's English, else the errors catalogue's.
    await rule.getByText(E2E_LOCALE === 'it' ? say('errors:field.too_small', { origin: 'number', minimum: 1 }) : />=\s*1|at least 1|too small/i).waitFor();

    await mutuals.fill('2');
    await settings.save();
    await page.getByText(say('settings:screening.saved')).waitFor();
    await section.getByText(say('settings:screening.applyNote')).waitFor();
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
    await invitations.folderTab('inbox', 1).waitFor();
    await invitations.folderTab('other', 1).waitFor();
    const inInbox = invitations.from('inbox', 'Mo Farrah-Lind');
    await invitations.evidence(inInbox, 'Mo Farrah-Lind').getByText(
        say('network:evidence.placedBy', {
          placement: reasonText('placement.rule', { rule: 1, folder: 'inbox', conditions: ['note', 'mutuals'], mutuals: 2 }),
        }),
      ).waitFor();
    expect(await invitations.list('inbox').getByRole('link', { name: 'Nia Okafor' }).count()).toBe(0);

    await invitations.folderTab('other', 1).click();
    await page.waitForURL(/[?&]folder=other/);
    const inOther = invitations.from('other', 'Nia Okafor');
    const evidence = invitations.evidence(inOther, 'Nia Okafor');
    await evidence.getByText(say('network:evidence.note.none'), { exact: true }).waitFor();
    // A brand-new account with nothing in common and no note: the platform puts it in Other before the rule is asked.
    await evidence.getByText(say('network:evidence.placedBy', { placement: reasonText('placement.other_risk', { risk: 50 }) })).waitFor();
    expect(await invitations.fact(inOther, 'Nia Okafor', 'network:evidence.degreeLabel')).toBe(say('network:evidence.degree.outside'));
    await expectAccessible(page, 'My Network: the Other folder');

    // Report and block are one click from the card.
    await inOther.getByRole('button', { name: say('network:invitation.reportLabel', { name: 'Nia Okafor' }) }).click();
    const report = page.getByRole('dialog', { name: say('people:report.title', { name: 'Nia Okafor' }) });
    await report.getByRole('button', { name: say('people:report.send') }).click();
    await report.getByText(say('people:report.chooseReason')).waitFor();
    await report.getByRole('radio', { name: say('people:report.reasons.fake') }).check();
    await report.getByRole('textbox', { name: say('people:report.details') }).fill('No profile, no note, nobody in common.');
    await expectAccessible(page, 'the report dialog');
    await report.getByRole('button', { name: say('people:report.send') }).click();
    await page.getByText(say('people:report.sent', { name: 'Nia Okafor' })).waitFor();
    await report.waitFor({ state: 'detached' });

    await inOther.getByRole('button', { name: say('network:invitation.blockLabel', { name: 'Nia Okafor' }) }).click();
    const blockDialog = page.getByRole('dialog', { name: say('people:block.title', { name: 'Nia Okafor' }) });
    await blockDialog.waitFor();
    await expectAccessible(page, 'the block dialog');
    await blockDialog.getByRole('button', { name: say('people:block.confirm'), exact: true }).click();
    await page.getByText(say('people:block.blocked', { name: 'Nia Okafor' })).waitFor();
    await page.getByText(say('network:received.emptyOther.title')).waitFor();
    await invitations.folderTab('other', 0).waitFor();
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
    const profile = new ProfileToInvite(page);
    await profile.open(eve.handle, 'Eve Lantz');
    await profile.connect('Eve Lantz').click();
    const dialog = profile.dialog('Eve Lantz');
    await dialog.getByRole('button', { name: say('people:connect.send') }).click();
    await dialog.getByRole('alert').getByText(say('errors:invitation_needs_email')).waitFor();
    await expectAccessible(page, 'the invite dialog asking for an email address');
    await dialog.getByRole('textbox', { name: say('people:connect.email', { firstName: 'Eve' }) }).fill(eve.email);
    await dialog.getByRole('button', { name: say('people:connect.send') }).click();
    await page.getByText(say('people:connect.sent', { name: 'Eve Lantz' })).waitFor();

    // A new account has 20 invitations a week; use the rest through the API.
    const others = await Promise.all(Array.from({ length: 19 }, (_, i) => seedMember(e2e.server.app, `Filler Person ${i + 1}`)));
    for (const o of others) {
      const sent = await zed.call('POST', '/api/v1/invitations', { to: o.handle, note: '', context: 'search' });
      expect(sent.statusCode, sent.body).toBe(201);
    }

    await profile.open(last.handle, 'Lou Marsh');
    await profile.connect('Lou Marsh').click();
    const refused = profile.dialog('Lou Marsh');
    await refused.getByRole('button', { name: say('people:connect.send') }).click();
    await refused.getByRole('alert').getByText(say('errors:invitation_allowance', { weekly: 20 })).waitFor();
    await refused.getByRole('link', { name: say('people:connect.allowanceLink') }).click();
    await page.waitForURL(/[?&]tab=sent/);
    const widget = page.getByRole('region', { name: say('network:allowance.title') });
    await widget.getByText(say('network:allowance.left', { remaining: 0, weekly: 20 })).waitFor();
    await widget.getByText(reasonText('allowance.new_account', { base: 20 })).waitFor();
    await widget.getByText(say('network:allowance.nextFree').trim()).waitFor();
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
    await settings.mode('open').check();
    await settings.save();
    await page.getByText(say('settings:screening.saved')).waitFor();
    expect((await olu!.call('GET', '/api/v1/me/screening')).json()).toMatchObject({ mode: 'open' });

    const welcome = await pia!.call('POST', '/api/v1/invitations', { to: olu!.handle, note: 'Good to meet you at the open house!', context: 'search' });
    expect([welcome.statusCode, welcome.json().outcome]).toEqual([200, 'connected']);
    await page.goto('/network?tab=connections');
    await page.getByRole('list', { name: say('network:connections.list') }).getByText('Pia Polite').waitFor();

    // Three reports put Rex in the moderation queue: his invitation is held by the platform, not accepted,
    // and Olu never sees it (the sender is told nothing either way).
    for (const r of reporters) expect((await r.call('POST', '/api/v1/reports', { member: rex!.handle, reason: 'spam', details: 'Mass pitches' })).statusCode).toBe(201);
    const screened = await rex!.call('POST', '/api/v1/invitations', { to: olu!.handle, note: 'Buy my course', context: 'search' });
    expect([screened.statusCode, screened.json().outcome, screened.json().invitation.status]).toEqual([201, 'invited', 'pending']);
    await page.goto('/network?tab=connections');
    const connections = page.getByRole('list', { name: say('network:connections.list') });
    await connections.getByText('Pia Polite').waitFor();
    expect(await connections.getByText('Rex Reported').count()).toBe(0);
    await new InvitationsPage(page).open();
    await page.getByText(say('network:received.emptyInbox.title')).first().waitFor();
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
    const olgaAccept = invitations.list('inbox').getByRole('button', { name: say('network:invitation.acceptLabel', { name: 'Olga Known' }) });
    await olgaAccept.waitFor();

    // One click does not decline: a dialog says what it does.
    await nilsCard.getByRole('button', { name: say('network:invitation.dontKnowLabel', { name: 'Nils Unknown' }) }).click();
    const dialog = page.getByRole('dialog', { name: say('network:invitation.confirm.title', { name: 'Nils Unknown' }) });
    // It says what it does: declines for good, counts against Nils's reputation, and can be undone for 10 seconds.
    await dialog.getByText(say('network:invitation.confirm.body', { first: 'Nils', seconds: 10 })).waitFor();
    await expectAccessible(page, 'the “I don’t know this person” dialog');
    await dialog.getByRole('button', { name: say('common:actions.cancel') }).click();
    await dialog.waitFor({ state: 'detached' });
    const invitationId = (await nils.call('GET', '/api/v1/invitations?box=sent')).json().items[0].id as number;
    expect((await nils.call('GET', '/api/v1/invitations?box=sent')).json().items).toMatchObject([{ status: 'pending' }]);

    // Confirmed: the card becomes one line with Undo, and the next card does not move at all.
    // Where a button sits on the page (not in the viewport: focus moving to Undo may scroll a long list).
    const pageTop = (button: typeof olgaAccept) => button.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    const before = await pageTop(olgaAccept);
    await nilsCard.getByRole('button', { name: say('network:invitation.dontKnowLabel', { name: 'Nils Unknown' }) }).click();
    await dialog.getByRole('button', { name: say('network:invitation.confirm.action') }).click();
    await page.getByText(say('network:invitation.done.dontKnow', { name: 'Nils Unknown' })).waitFor();
    const row = invitations.list('inbox').getByText(say('network:answered.dontKnow', { name: 'Nils Unknown', seconds: 10 }));
    await row.waitFor();
    expect(Math.abs((await pageTop(olgaAccept)) - before)).toBeLessThan(1);
    await expectAccessible(page, 'My Network: a declined invitation with Undo');
    // To Nils the declined invitation still waits: inviting again answers as it would after an ignore.
    const refused = await nils.call('POST', '/api/v1/invitations', { to: ida.handle, note: '', context: 'search' });
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'invitation_pending']);

    // Undo: the invitation is back, and Nils is not barred any more.
    await page.getByRole('button', { name: say('network:answered.undoLabel', { name: 'Nils Unknown' }) }).click();
    await page.getByText(say('network:invitation.undone', { name: 'Nils Unknown' })).waitFor();
    await nilsCard.getByRole('button', { name: say('network:invitation.acceptLabel', { name: 'Nils Unknown' }) }).waitFor();
    expect((await nils.call('GET', '/api/v1/invitations?box=sent')).json().items).toMatchObject([{ id: invitationId, status: 'pending' }]);

    // Declined again and left alone: after 10 seconds the line and its Undo are gone, and the answer stands.
    await nilsCard.getByRole('button', { name: say('network:invitation.dontKnowLabel', { name: 'Nils Unknown' }) }).click();
    await dialog.getByRole('button', { name: say('network:invitation.confirm.action') }).click();
    await row.waitFor();
    await row.waitFor({ state: 'detached', timeout: 14_000 });
    expect(await page.getByRole('button', { name: aboutAnyone('network:answered.undoLabel', { name: ANY_NAME }) }).count()).toBe(0);
    expect(await invitations.list('inbox').getByRole('link', { name: 'Nils Unknown' }).count()).toBe(0);
    await olgaAccept.waitFor();
    const after = await nils.call('POST', '/api/v1/invitations', { to: ida.handle, note: '', context: 'search' });
    expect([after.statusCode, after.json().code]).toEqual([409, 'invitation_pending']);
    expect((await nils.call('GET', '/api/v1/invitations?box=sent')).json().items).toMatchObject([{ id: invitationId, status: 'pending' }]);
    await page.context().close();
  });
});
