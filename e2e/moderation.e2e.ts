import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminConsole, escapeRegExp, isFocused, noticesBanner, shown, shownPattern, waitForFocus } from './fixtures/admin-pages.ts';
import { expectAccessible } from './fixtures/axe.ts';
import { launchBrowser, newMemberContext } from './fixtures/browser.ts';
import { type HttpMember, accessTokenFor, callWithToken, signUpOverHttp } from './fixtures/http-members.ts';
import { type RunningServer, startServer } from './fixtures/server.ts';
import { t } from './fixtures/words.ts';

/**
 * The operator's moderation queue, end to end. The server trusts one proxy hop of X-Forwarded-For here (TRUST_PROXY=1),
 * as it would behind a reverse proxy: without it every client is 127.0.0.1, and loopback is never
 * counted by sign-up screening, so no burst or cluster could ever form.
 */
let server: RunningServer;
let browser: Browser;
let operator: HttpMember;

beforeAll(async () => {
  server = await startServer({ trustProxy: 1 });
  browser = await launchBrowser();
  // The first account on a fresh instance becomes its operator.
  operator = await signUpOverHttp(server.baseUrl, 'Opal Operator');
  const me = await operator.call('GET', '/api/v1/me');
  expect(me.body).toMatchObject({ role: 'admin', abilities: { admin: true } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Fills in the sign-in form at /signin (in the run's language) and submits it. */
async function submitSignIn(page: Page, member: { email: string; password: string }): Promise<void> {
  await page.goto('/signin');
  await page.getByRole('heading', { name: t('auth:signIn.title') }).waitFor();
  await page.getByRole('textbox', { name: t('auth:signIn.email') }).fill(member.email);
  await page.getByLabel(t('auth:signIn.password')).fill(member.password);
  await page.getByRole('button', { name: t('auth:signIn.submit') }).click();
}

async function signedIn(member: { email: string; password: string }): Promise<Page> {
  const context = await newMemberContext(browser, server.baseUrl);
  const page = await context.newPage();
  await submitSignIn(page, member);
  await page.waitForURL((url) => url.pathname !== '/signin');
  return page;
}

describe('a sign-up cluster in the moderation queue', () => {
  it('six look-alike thin accounts from one /24 → flagged as one cluster with its evidence → suspended through the UI → gone from the queue, audited per member, and locked out of the API', async () => {
    // Six thin accounts with one name pattern, from six addresses in 198.51.100.0/24, within seconds.
    const ring: HttpMember[] = [];
    for (let i = 1; i <= 6; i++) {
      ring.push(await signUpOverHttp(server.baseUrl, `Growth Pro ${i}`, { forwardedFor: `198.51.100.${20 + i}`, email: `growth.pro.${i}@example.net` }));
    }
    // One of them has a script with a personal access token; it must stop working too.
    // (GET /api/v1/me answers suspended members on purpose, so the app can tell them: use another route.)
    const token = await accessTokenFor(server.baseUrl, ring[0]!);
    const search = '/api/v1/search/members?q=growth';
    expect((await callWithToken(server.baseUrl, token, 'GET', search)).status).toBe(200);

    // The operator opens Admin from the account menu by keyboard; Moderation is the first tab.
    const page = await signedIn(operator);
    const admin = new AdminConsole(page);
    await admin.openFromMenuByKeyboard(operator.name);
    expect(await admin.tab('moderation').getAttribute('aria-selected')).toBe('true');

    // The cluster shows once (the single-account registration flags were folded into it), with its reasons.
    const title = t('admin:moderation.flagTitles.cluster');
    const cluster = admin.queueItems(title);
    await cluster.waitFor();
    expect(await cluster.count()).toBe(1);
    expect(await admin.queueItems(t('admin:moderation.flagTitles.registration')).count()).toBe(0);
    await cluster.getByText(t('admin:moderation.accounts', { count: 6 }), { exact: true }).waitFor();
    const riskPattern = shownPattern('admin:moderation.risk', { score: /(\d+)/ }, { whole: true });
    const risk = Number(riskPattern.exec((await cluster.getByText(riskPattern).textContent()) ?? '')?.[1]);
    expect(risk).toBeGreaterThanOrEqual(60);
    const reasons = await cluster.getByRole('list', { name: t('admin:moderation.reasons'), exact: true }).getByRole('listitem').allInnerTexts();
    expect(reasons[0]).toBe(shown('reasons:cluster.same_network', { count: 6, subnet: '198.51.100.0/24', minutes: 30 }));
    expect(reasons).toContain(shown('reasons:cluster.thin_profiles', { strength: 35 }));
    // The examples are a list of quoted names: the pattern up to the first one's closing quote.
    const quotedName = escapeRegExp(shown('reasons:words.quoted', { text: '\u0001' })).replace('\u0001', 'Growth Pro \\d');
    const namesPattern = shown('reasons:cluster.similar_names', { examples: '\u0001' }).split('\u0001')[0]!;
    expect(reasons.join(' ')).toMatch(new RegExp(escapeRegExp(namesPattern) + quotedName));

    // Every member's evidence: the shared subnet, a thin profile, and the hold the cluster put on them.
    const evidence = admin.allEvidence(cluster);
    expect((await evidence.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).sort()).toEqual(
      ring.map((m) => shown('admin:evidence.label', { name: m.name })).sort(),
    );
    for (const member of ring) {
      const card = admin.evidence(cluster, member.name);
      await card.getByRole('link', { name: member.name, exact: true }).waitFor();
      const text = await card.innerText();
      expect(text).toMatch(new RegExp(`${escapeRegExp(t('admin:evidence.signedUpFrom'))}\\s+198\\.51\\.100\\.0\\/24`));
      expect(text).toMatch(new RegExp(`${escapeRegExp(t('admin:evidence.emailDomain'))}\\s+example\\.net`));
      const outOf100 = shownPattern('admin:evidence.outOf100', { value: /(\d+)/ }).source;
      const strength = Number(new RegExp(`${escapeRegExp(t('admin:evidence.profileStrength'))}\\s+${outOf100}`).exec(text)?.[1]);
      expect(strength).toBeLessThan(35);
      await card.getByText(t('admin:restriction.kinds.held'), { exact: true }).waitFor();
    }
    // The later sign-ups also carry their own sign-up risk: a burst from the subnet.
    const last = admin.evidence(cluster, 'Growth Pro 6');
    await last
      .getByRole('list', { name: t('admin:evidence.riskReasons') })
      .getByText(shown('reasons:signup.same_subnet', { count: 6, subnet: '198.51.100.0/24', unit: 'hours', hours: 1 }), { exact: true })
      .waitFor();
    await expectAccessible(page, 'Admin → Moderation: a sign-up cluster with its evidence');

    // Suspend: the dialog says what will happen and will not go ahead without a reason.
    const suspendWord = t('admin:moderation.actions.suspend');
    await admin.action(cluster, title, 'suspend').click();
    const dialog = admin.dialog(
      shownPattern('admin:moderation.dialogTitle', { action: suspendWord, who: shownPattern('admin:moderation.who', { name: /Growth Pro \d/, others: 5 }) }, { whole: true }),
    );
    await dialog.waitFor();
    await dialog.getByText(shown('admin:moderation.consequences.suspend')).waitFor();
    const reasonBox = dialog.getByRole('textbox', { name: t('admin:moderation.reason') });
    await waitForFocus(reasonBox);
    // While it is open, the page behind is hidden from assistive technology (and axe): the dialog is all
    // there is, and its title bar is no second banner beside the page's.
    expect(await page.getByRole('banner').count()).toBe(0);
    expect(await admin.heading().count()).toBe(0);
    await dialog.getByRole('button', { name: suspendWord, exact: true }).click();
    await dialog.getByText(t('admin:moderation.giveReason'), { exact: true }).waitFor();
    expect(await reasonBox.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'the Suspend dialog, reason missing');
    // Nothing happened yet.
    expect((await callWithToken(server.baseUrl, token, 'GET', search)).status).toBe(200);

    const reason = 'Fake account ring: six look-alike accounts from one network within a minute.';
    await reasonBox.fill(reason);
    expect(await reasonBox.getAttribute('aria-invalid')).not.toBe('true');
    await expectAccessible(page, 'the Suspend dialog, ready');
    await dialog.getByRole('button', { name: suspendWord, exact: true }).click();
    await page.getByText(t('admin:moderation.done', { action: suspendWord, count: 6 })).waitFor();
    await dialog.waitFor({ state: 'detached' });
    // Closed, the page is back for assistive technology.
    await page.getByRole('banner').waitFor();
    await cluster.waitFor({ state: 'detached' });
    await page.getByText(t('admin:moderation.emptyTitle')).waitFor();
    await expectAccessible(page, 'Admin → Moderation: the queue, empty');

    // The audit log (reached with the arrow keys), filtered to this action, has one row per member: who
    // did it and to whom, by name with a link to each profile, and the details in words.
    await admin.switchTabByKeyboard('moderation', 'audit');
    await admin.auditLog().waitFor();
    const suspended = t('admin:audit.actions.moderation.suspend');
    await admin.filterAudit(suspended);
    const rows = admin.auditRows(suspended);
    await page.waitForFunction((label) => document.querySelectorAll(`table[aria-label="${label}"] tbody tr`).length === 6, t('admin:audit.table'));
    expect(await admin.auditLog().locator('tbody tr').count()).toBe(6);
    const subjects: string[] = [];
    for (const row of await rows.all()) {
      const [, who, , subject, details] = await admin.auditCells(row);
      expect(who).toBe(operator.name);
      subjects.push(subject!);
      expect(details).toContain(shown('admin:audit.details.reason', { reason }));
      expect(details).toMatch(shownPattern('admin:audit.details.fromFlag', { id: /\d+/ }));
      expect(details).not.toMatch(/[{}]/);
    }
    expect(subjects.sort()).toEqual(ring.map((m) => m.name).sort());
    expect(await rows.first().getByRole('link', { name: operator.name }).getAttribute('href')).toBe(`/in/${operator.handle}`);
    const firstRing = ring[0]!;
    expect(await admin.auditLog().getByRole('link', { name: firstRing.name, exact: true }).getAttribute('href')).toBe(`/in/${firstRing.handle}`);
    await expectAccessible(page, 'Admin → Audit log, filtered');

    // The suspended accounts are out: the old session is gone, the token revoked, sign-in refused.
    const [first] = ring;
    const viaSession = await first!.call('GET', search);
    expect(viaSession.status).toBe(401);
    const viaToken = await callWithToken(server.baseUrl, token, 'GET', search);
    expect(viaToken.status).toBe(401);
    expect(viaToken.body).toMatchObject({ code: 'invalid_token' });
    const write = await ring[1]!.call('POST', '/api/v1/reports', { member: operator.handle, reason: 'spam', details: '' });
    expect(write.status).toBe(401);

    const context = await newMemberContext(browser, server.baseUrl);
    const theirs = await context.newPage();
    await submitSignIn(theirs, first!);
    await theirs.getByRole('alert').getByText(t('errors:account_suspended')).waitFor();
    expect(new URL(theirs.url()).pathname).toBe('/signin');

    // For other members a suspended profile is simply not available, and that page still has its heading.
    const bystander = await signedIn(await signUpOverHttp(server.baseUrl, 'Bea Bystander'));
    await bystander.goto(`/in/${first!.handle}`);
    await bystander.getByRole('heading', { level: 1, name: t('profile:page.unavailable') }).waitFor();
    await expectAccessible(bystander, 'a profile that is not available');
    await bystander.context().close();

    await context.close();
    await page.context().close();
  });
});

describe('a reported member, restricted', () => {
  it('three members report one → the reports flag appears → the operator restricts invitations for 30 days by keyboard → the member reads why and until when → the operator lifts it from Members → the member is told', async () => {
    const pushy = await signUpOverHttp(server.baseUrl, 'Pat Pushkin');
    const reporters = await Promise.all(['Rhea Moss', 'Sol Brandt', 'Tove Lund'].map((n) => signUpOverHttp(server.baseUrl, n)));
    for (const [i, r] of reporters.entries()) {
      const filed = await r.call('POST', '/api/v1/reports', { member: pushy.handle, reason: 'spam', details: `Sales pitch number ${i + 1} this week.` });
      expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    }

    const page = await signedIn(operator);
    const admin = new AdminConsole(page);
    await page.goto('/admin');
    const title = t('admin:moderation.flagTitles.reports');
    const flag = admin.queueItems(title);
    await flag.waitFor();
    const byReason = t('reasons:words.reportCount', { reason: t('reasons:words.report.spam'), count: 3 });
    await flag
      .getByRole('list', { name: t('admin:moderation.reasons'), exact: true })
      .getByText(shown('reasons:flag.reports', { count: 3, byReason }))
      .waitFor();
    const card = admin.evidence(flag, pushy.name);
    await card.getByText(t('admin:evidence.openReports', { count: 3 })).waitFor();
    await card.getByText('Sales pitch number 2 this week.').waitFor();
    // Each report is also in the queue on its own, naming its reporter.
    const reportTitle = t('admin:moderation.reportTitle', { reason: t('admin:reportReasons.spam') });
    expect(await admin.queueItems(reportTitle).count()).toBe(3);
    await admin
      .queueItems(reportTitle)
      .filter({ hasText: shown('admin:moderation.report.memberByDetails', { name: 'Rhea Moss', details: 'Sales pitch number 1 this week.' }) })
      .waitFor();

    // Restrict invitations, keyboard only: Enter on the action, type the reason, Tab to the button, Enter.
    const restrictWord = t('admin:moderation.actions.restrict');
    await admin.action(flag, title, 'restrict').focus();
    await page.keyboard.press('Enter');
    const dialog = admin.dialog(shown('admin:moderation.dialogTitle', { action: restrictWord, who: 'Pat Pushkin' }));
    await dialog.waitFor();
    await dialog.getByText(t('admin:moderation.memberReads')).waitFor();
    const reasonBox = dialog.getByRole('textbox', { name: t('admin:moderation.reason') });
    await waitForFocus(reasonBox);
    const reason = 'Three members reported unsolicited sales pitches in your invitations.';
    await page.keyboard.type(reason);
    // How long: Tab to the duration, and arrow down from "Until an operator lifts it" to "30 days".
    await page.keyboard.press('Tab');
    const duration = dialog.getByRole('combobox', { name: t('admin:moderation.howLong') });
    expect(await isFocused(duration)).toBe(true);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await duration.inputValue()).toBe('30');
    await expectAccessible(page, 'the Restrict invitations dialog');
    const submit = dialog.getByRole('button', { name: restrictWord, exact: true });
    for (let i = 0; i < 3 && !(await isFocused(submit)); i++) await page.keyboard.press('Tab');
    expect(await isFocused(submit)).toBe(true);
    const restrictedAt = Date.now();
    await page.keyboard.press('Enter');
    await page.getByText(t('admin:moderation.done', { action: restrictWord, count: 1 })).waitFor();
    await dialog.waitFor({ state: 'detached' });
    // The flag closed its reports with it: nothing is left to review.
    await flag.waitFor({ state: 'detached' });
    await page.getByText(t('admin:moderation.emptyTitle')).waitFor();
    expect(await admin.queueItems(reportTitle).count()).toBe(0);

    await admin.switchTabByKeyboard('moderation', 'audit');
    await admin.filterAudit(t('admin:audit.actions.moderation.restrict'));
    const restricted = admin.auditRows(t('admin:audit.actions.moderation.restrict'));
    await restricted.first().waitFor();
    expect(await restricted.count()).toBe(1);
    const [, , , subject, details] = await admin.auditCells(restricted.first());
    expect(subject).toBe(pushy.name);
    expect(details).toContain(shown('admin:audit.details.reason', { reason }));
    expect(details).toMatch(shownPattern('admin:audit.details.forDays', { days: 30, until: /.+/ }));

    // Pat, in a browser of their own, is told what was restricted and why, above every page.
    const pagePat = await signedIn(pushy);
    const banner = noticesBanner(pagePat);
    const notice = banner.getByRole('alert').filter({ hasText: t('reasons:notices.title.restriction') });
    await notice.waitFor();
    await notice.getByText(shown('reasons:notice.invitations_restricted', { limit: 'days', days: 30, reason })).waitFor();
    // The end, in Pat's own time zone, and exact in the markup.
    const ends = notice.getByText(shownPattern('reasons:notices.ends', { date: /.+/ }, { whole: true }));
    const endsAt = Date.parse((await ends.locator('time').getAttribute('datetime'))!);
    expect(Math.abs(endsAt - (restrictedAt + 30 * 86_400_000))).toBeLessThan(60_000);
    await expectAccessible(pagePat, 'the notices banner');

    // On My Network, the allowance widget shows nothing left, and why.
    await pagePat.goto('/network?tab=sent');
    const widget = pagePat.getByRole('region', { name: t('network:allowance.title') });
    await widget.getByText(shownPattern('network:allowance.left', { remaining: 0, weekly: /\d+/ }, { whole: true })).waitFor();
    const restriction = widget.getByRole('alert').filter({ hasText: t('network:allowance.restriction.invitations') });
    await restriction.getByText(reason, { exact: false }).waitFor();
    expect(await restriction.locator('time').last().getAttribute('datetime')).toBe(new Date(endsAt).toISOString());
    await widget.getByText(t('reasons:allowance.invitations_restricted'), { exact: false }).first().waitFor();
    await expectAccessible(pagePat, 'My Network, Sent: the allowance widget, restricted');
    const refused = await pushy.call('POST', '/api/v1/invitations', { to: reporters[0]!.handle, note: '', context: 'search' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'invitations_restricted', title: `An operator restricted your invitations: ${reason}` });

    // "Got it", by keyboard, marks the notice read and the banner goes.
    await notice.getByRole('button', { name: t('reasons:notices.gotIt') }).focus();
    await pagePat.keyboard.press('Enter');
    await banner.waitFor({ state: 'detached' });
    expect((await pushy.call('GET', '/api/v1/me/notices')).body).toMatchObject({ unread: 0 });

    // The operator finds Pat under Members: restricted until the same date, and a Lift restrictions button.
    await admin.switchTabByKeyboard('audit', 'members');
    await admin.findMember().fill('Pushkin');
    const row = admin.memberRow(pushy.name);
    const restrictedLabel = t('admin:restriction.kinds.invitations');
    await row.getByText(shownPattern('admin:restriction.until', { label: restrictedLabel, date: /.+/ }, { whole: true })).waitFor();
    expect(await row.locator('time').getAttribute('datetime')).toBe(new Date(endsAt).toISOString());
    await row.getByText(t('admin:members.active'), { exact: true }).waitFor();
    await expectAccessible(page, 'Admin → Members, a restricted member');
    const liftWord = t('admin:members.liftRestrictions');
    await admin.memberAction(pushy.name, liftWord).click();
    const lift = admin.dialog(t('admin:lift.title', { name: pushy.name }));
    await lift.getByRole('list', { name: t('admin:lift.listLabel', { name: pushy.name }) }).getByText(reason, { exact: false }).waitFor();
    const liftReason = lift.getByRole('textbox', { name: t('admin:lift.reason') });
    await waitForFocus(liftReason);
    await lift.getByRole('button', { name: t('admin:lift.submit') }).click();
    await lift.getByText(t('admin:lift.giveReason'), { exact: true }).waitFor();
    await expectAccessible(page, 'the Lift restrictions dialog, reason missing');
    const why = 'Pat apologised to each of them and promised personal notes from now on.';
    await liftReason.fill(why);
    await lift.getByRole('button', { name: t('admin:lift.submit') }).click();
    await page.getByText(t('admin:lift.done', { name: pushy.name })).waitFor();
    await lift.waitFor({ state: 'detached' });
    await row.getByText(new RegExp(escapeRegExp(restrictedLabel))).waitFor({ state: 'detached' });
    expect(await admin.memberAction(pushy.name, liftWord).count()).toBe(0);

    // Pat is told, with the reason, and can invite again.
    await pagePat.reload();
    const lifted = noticesBanner(pagePat).getByRole('alert').filter({ hasText: t('reasons:notices.title.lifted') });
    await lifted.getByText(shown('reasons:notice.restrictions_lifted', { kinds: t('reasons:words.restriction.invitations'), reason: why })).waitFor();
    // Some invitations left again: a sample count (913) stands for "at least 1" in the pattern.
    const leftAgain = new RegExp(shownPattern('network:allowance.left', { remaining: 913, weekly: /\d+/ }, { whole: true }).source.replace('913', '[1-9]\\d*'));
    await pagePat.getByRole('region', { name: t('network:allowance.title') }).getByText(leftAgain).waitFor();
    await expectAccessible(pagePat, 'the notices banner, restriction lifted');
    expect((await pushy.call('POST', '/api/v1/invitations', { to: reporters[0]!.handle, note: '', context: 'search' })).status).toBe(201);

    // One audit row for the lift, naming both.
    await admin.switchTabByKeyboard('members', 'audit');
    await admin.filterAudit(t('admin:audit.actions.moderation.lift'));
    const liftRows = admin.auditRows(t('admin:audit.actions.moderation.lift'));
    await liftRows.first().waitFor();
    expect(await liftRows.count()).toBe(1);
    const [, liftWho, , liftSubject, liftDetails] = await admin.auditCells(liftRows.first());
    expect([liftWho, liftSubject]).toEqual([operator.name, pushy.name]);
    expect(liftDetails).toContain(shown('admin:audit.details.reason', { reason: why }));

    await pagePat.context().close();
    await page.context().close();
  });
});

describe('a second operator', () => {
  it('the only operator cannot step down → makes a member an operator after confirming → the new operator sees Admin → the first steps down, and the audit log says who did what', async () => {
    const rhea = await signUpOverHttp(server.baseUrl, 'Rhea Second');
    const page = await signedIn(operator);
    const admin = new AdminConsole(page);
    await page.goto('/admin');
    await admin.switchTabByKeyboard('moderation', 'members');
    await admin.memberRow(operator.name).waitFor();
    // Alone, Opal is offered no way to stop being an operator.
    const stepDownWord = t('admin:members.stopBeingOperator');
    expect(await admin.memberAction(operator.name, stepDownWord).count()).toBe(0);
    await expectAccessible(page, 'Admin → Members');

    await admin.findMember().fill('Rhea');
    // The search is debounced: wait for its answer (Opal's row gone) so the row clicked is not replaced under the click.
    await admin.memberRow(operator.name).waitFor({ state: 'detached' });
    // Suspend asks first too (checked here with axe, then cancelled).
    await admin.memberAction(rhea.name, t('admin:members.suspend')).click();
    const suspend = admin.dialog(shown('admin:suspend.titleSuspend', { name: rhea.name }));
    await suspend.getByRole('textbox', { name: t('admin:suspend.reason') }).waitFor();
    await expectAccessible(page, 'the Suspend member dialog');
    await suspend.getByRole('button', { name: t('common:actions.cancel') }).click();
    await suspend.waitFor({ state: 'detached' });
    await admin.memberAction(rhea.name, t('admin:members.makeOperator')).click();
    const promote = admin.dialog(t('admin:role.promoteTitle', { name: rhea.name }));
    await promote.getByText(t('admin:role.promoteBody', { name: rhea.name })).waitFor();
    // Cancel has focus first: Enter alone never hands out operator rights.
    await waitForFocus(promote.getByRole('button', { name: t('common:actions.cancel') }));
    await promote.getByRole('textbox', { name: t('admin:role.reason') }).fill('Runs the spring meetups with me');
    await expectAccessible(page, 'the Make operator dialog');
    await promote.getByRole('button', { name: t('admin:role.makeOperator') }).click();
    await page.getByText(t('admin:role.nowOperator', { name: rhea.name })).waitFor();
    await admin.memberRow(rhea.name).getByRole('cell', { name: t('admin:members.operator'), exact: true }).waitFor();

    // Rhea, in her own browser, has Admin and is told.
    const pageRhea = await signedIn(rhea);
    await noticesBanner(pageRhea).getByText(t('reasons:notice.made_operator')).waitFor();
    await expectAccessible(pageRhea, 'the notices banner, a new operator');
    await new AdminConsole(pageRhea).openFromMenuByKeyboard(rhea.name);

    // Now Opal may step down, and does: the dialog says what that means, and the Admin page closes to her.
    await admin.findMember().fill('Opal');
    await admin.memberRow(rhea.name).waitFor({ state: 'detached' });
    await admin.memberAction(operator.name, stepDownWord).click();
    const stepDown = admin.dialog(t('admin:role.stepDownTitle'));
    await stepDown.getByText(t('admin:role.stepDownBody')).waitFor();
    await expectAccessible(page, 'the Stop being an operator dialog');
    await stepDown.getByRole('button', { name: t('admin:role.removeOperator') }).click();
    await page.getByText(t('admin:role.noLongerOperator', { name: operator.name })).waitFor();
    await page.getByText(t('admin:page.operatorsOnly')).waitFor();

    // Rhea, the only operator now, cannot step down; the audit log names who did what to whom.
    const adminRhea = new AdminConsole(pageRhea);
    await adminRhea.switchTabByKeyboard('moderation', 'members');
    await adminRhea.findMember().fill('Rhea');
    await adminRhea.memberRow(rhea.name).waitFor();
    expect(await adminRhea.memberAction(rhea.name, stepDownWord).count()).toBe(0);
    await adminRhea.switchTabByKeyboard('members', 'audit');
    await adminRhea.filterAudit(t('admin:audit.areasAll.member'));
    const promoted = adminRhea.auditRows(t('admin:audit.actions.member.promote'));
    await promoted.first().waitFor();
    const [, by, , whom, details] = await adminRhea.auditCells(promoted.first());
    expect([by, whom]).toEqual([operator.name, rhea.name]);
    expect(details!.split('\n').filter(Boolean)).toEqual([
      shown('admin:audit.details.reason', { reason: 'Runs the spring meetups with me' }),
      shown('admin:audit.details.fromAddress', { ip: '127.0.0.1' }),
    ]);
    const [, byDown, , whomDown] = await adminRhea.auditCells(adminRhea.auditRows(t('admin:audit.actions.member.demote')).first());
    expect([byDown, whomDown]).toEqual([operator.name, operator.name]);

    await pageRhea.context().close();
    await page.context().close();
  });
});
