import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminConsole, isFocused, noticesBanner, waitForFocus } from './fixtures/admin-pages.ts';
import { expectAccessible } from './fixtures/axe.ts';
import { launchBrowser, newMemberContext } from './fixtures/browser.ts';
import { type HttpMember, accessTokenFor, callWithToken, signUpOverHttp } from './fixtures/http-members.ts';
import { SignInPage } from './fixtures/network-pages.ts';
import { type RunningServer, startServer } from './fixtures/server.ts';

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

async function signedIn(member: { email: string; password: string }): Promise<Page> {
  const context = await newMemberContext(browser, server.baseUrl);
  const page = await context.newPage();
  await new SignInPage(page).signIn(member);
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
    expect(await admin.tab('Moderation').getAttribute('aria-selected')).toBe('true');

    // The cluster shows once (the single-account registration flags were folded into it), with its reasons.
    const title = 'Sign-up cluster';
    const cluster = admin.queueItems(title);
    await cluster.waitFor();
    expect(await cluster.count()).toBe(1);
    expect(await admin.queueItems('Risky sign-up').count()).toBe(0);
    await cluster.getByText('6 accounts', { exact: true }).waitFor();
    const risk = Number((await cluster.getByText(/^Risk \d+$/).textContent())?.replace('Risk ', ''));
    expect(risk).toBeGreaterThanOrEqual(60);
    const reasons = await cluster.getByRole('list', { name: 'Reasons', exact: true }).getByRole('listitem').allInnerTexts();
    expect(reasons[0]).toMatch(/^6 accounts signed up from the same network \(198\.51\.100\.0\/24\) within 30 minutes of each other\.$/);
    expect(reasons).toContain('All of them have thin profiles (profile strength below 35 of 100).');
    expect(reasons.join(' ')).toMatch(/Their names follow one pattern, such as "Growth Pro \d"/);

    // Every member's evidence: the shared subnet, a thin profile, and the hold the cluster put on them.
    const evidence = admin.allEvidence(cluster);
    expect((await evidence.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).sort()).toEqual(
      ring.map((m) => `Evidence about ${m.name}`).sort(),
    );
    for (const member of ring) {
      const card = admin.evidence(cluster, member.name);
      await card.getByRole('link', { name: member.name, exact: true }).waitFor();
      const text = await card.innerText();
      expect(text).toMatch(/Signed up from\s+198\.51\.100\.0\/24/);
      expect(text).toMatch(/Email domain\s+example\.net/);
      const strength = Number(/Profile strength\s+(\d+) \/ 100/.exec(text)?.[1]);
      expect(strength).toBeLessThan(35);
      await card.getByText('Held for review', { exact: true }).waitFor();
    }
    // The later sign-ups also carry their own sign-up risk: a burst from the subnet.
    const last = admin.evidence(cluster, 'Growth Pro 6');
    await last.getByRole('list', { name: 'Sign-up risk reasons' }).getByText(/^6 sign-ups from the same network \(198\.51\.100\.0\/24\) within an hour\.$/).waitFor();
    await expectAccessible(page, 'Admin → Moderation: a sign-up cluster with its evidence');

    // Suspend: the dialog says what will happen and will not go ahead without a reason.
    await admin.action(cluster, title, 'Suspend').click();
    const dialog = admin.dialog(/^Suspend — Growth Pro \d and 5 others\?$/);
    await dialog.waitFor();
    await dialog.getByText(/Each member is signed out, their access tokens stop working, they cannot sign in/).waitFor();
    const reasonBox = dialog.getByRole('textbox', { name: 'Reason' });
    await waitForFocus(reasonBox);
    // While it is open, the page behind is hidden from assistive technology (and axe): the dialog is all
    // there is, and its title bar is no second banner beside the page's.
    expect(await page.getByRole('banner').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1, name: 'Admin' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Suspend', exact: true }).click();
    await dialog.getByText('Give a reason', { exact: true }).waitFor();
    expect(await reasonBox.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'the Suspend dialog, reason missing');
    // Nothing happened yet.
    expect((await callWithToken(server.baseUrl, token, 'GET', search)).status).toBe(200);

    const reason = 'Fake account ring: six look-alike accounts from one network within a minute.';
    await reasonBox.fill(reason);
    expect(await reasonBox.getAttribute('aria-invalid')).not.toBe('true');
    await expectAccessible(page, 'the Suspend dialog, ready');
    await dialog.getByRole('button', { name: 'Suspend', exact: true }).click();
    await page.getByText('Suspend: done for 6 members.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    // Closed, the page is back for assistive technology.
    await page.getByRole('banner').waitFor();
    await cluster.waitFor({ state: 'detached' });
    await page.getByText('Nothing to review').waitFor();
    await expectAccessible(page, 'Admin → Moderation: the queue, empty');

    // The audit log (reached with the arrow keys), filtered to this action, has one row per member: who
    // did it and to whom, by name with a link to each profile, and the details in words.
    await admin.switchTabByKeyboard('Moderation', 'Audit log');
    await admin.auditLog().waitFor();
    await admin.filterAudit('Suspended from the queue');
    const rows = admin.auditRows('Suspended from the queue');
    await page.waitForFunction(() => document.querySelectorAll('table[aria-label="Audit log"] tbody tr').length === 6);
    expect(await admin.auditLog().locator('tbody tr').count()).toBe(6);
    const subjects: string[] = [];
    for (const row of await rows.all()) {
      const [, who, , subject, details] = await admin.auditCells(row);
      expect(who).toBe(operator.name);
      subjects.push(subject!);
      expect(details).toContain(`Reason: “${reason}”`);
      expect(details).toMatch(/From flag #\d+ in the moderation queue/);
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
    await theirs.goto('/signin');
    await theirs.getByRole('textbox', { name: 'Email' }).fill(first!.email);
    await theirs.getByLabel('Password').fill(first!.password);
    await theirs.getByRole('button', { name: 'Sign in' }).click();
    await theirs.getByRole('alert').getByText('This account is suspended. Contact the operator of this community.').waitFor();
    expect(new URL(theirs.url()).pathname).toBe('/signin');

    // For other members a suspended profile is simply not available, and that page still has its heading.
    const bystander = await signedIn(await signUpOverHttp(server.baseUrl, 'Bea Bystander'));
    await bystander.goto(`/in/${first!.handle}`);
    await bystander.getByRole('heading', { level: 1, name: 'This profile is not available' }).waitFor();
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
    const title = 'Reported by several members';
    const flag = admin.queueItems(title);
    await flag.waitFor();
    await flag.getByRole('list', { name: 'Reasons', exact: true }).getByText('3 open reports from different members (spam × 3).').waitFor();
    const card = admin.evidence(flag, pushy.name);
    await card.getByText('Open reports (3)').waitFor();
    await card.getByText('Sales pitch number 2 this week.').waitFor();
    // Each report is also in the queue on its own, naming its reporter.
    expect(await admin.queueItems('Report: spam').count()).toBe(3);
    await admin.queueItems('Report: spam').filter({ hasText: 'Rhea Moss reported this member' }).waitFor();

    // Restrict invitations, keyboard only: Enter on the action, type the reason, Tab to the button, Enter.
    await admin.action(flag, title, 'Restrict invitations').focus();
    await page.keyboard.press('Enter');
    const dialog = admin.dialog('Restrict invitations — Pat Pushkin?');
    await dialog.waitFor();
    await dialog.getByText('The member will read this.').waitFor();
    const reasonBox = dialog.getByRole('textbox', { name: 'Reason' });
    await waitForFocus(reasonBox);
    const reason = 'Three members reported unsolicited sales pitches in your invitations.';
    await page.keyboard.type(reason);
    // How long: Tab to the duration, and arrow down from "Until an operator lifts it" to "30 days".
    await page.keyboard.press('Tab');
    const duration = dialog.getByRole('combobox', { name: 'How long' });
    expect(await isFocused(duration)).toBe(true);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await duration.inputValue()).toBe('30');
    await expectAccessible(page, 'the Restrict invitations dialog');
    const submit = dialog.getByRole('button', { name: 'Restrict invitations', exact: true });
    for (let i = 0; i < 3 && !(await isFocused(submit)); i++) await page.keyboard.press('Tab');
    expect(await isFocused(submit)).toBe(true);
    const restrictedAt = Date.now();
    await page.keyboard.press('Enter');
    await page.getByText('Restrict invitations: done for 1 member.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    // The flag closed its reports with it: nothing is left to review.
    await flag.waitFor({ state: 'detached' });
    await page.getByText('Nothing to review').waitFor();
    expect(await admin.queueItems('Report: spam').count()).toBe(0);

    await admin.switchTabByKeyboard('Moderation', 'Audit log');
    await admin.filterAudit('Restricted invitations');
    const restricted = admin.auditRows('Restricted invitations');
    await restricted.first().waitFor();
    expect(await restricted.count()).toBe(1);
    const [, , , subject, details] = await admin.auditCells(restricted.first());
    expect(subject).toBe(pushy.name);
    expect(details).toContain(`Reason: “${reason}”`);
    expect(details).toMatch(/For 30 days, until .+/);

    // Pat, in a browser of their own, is told what was restricted and why, above every page.
    const pagePat = await signedIn(pushy);
    const banner = noticesBanner(pagePat);
    const notice = banner.getByRole('alert').filter({ hasText: 'Your account is restricted' });
    await notice.waitFor();
    await notice.getByText(`An operator has restricted your invitations for 30 days: you cannot send new invitations until the restriction ends. Reason: ${reason}`).waitFor();
    // The end, in Pat's own time zone, and exact in the markup.
    const ends = notice.getByText(/^Ends /);
    const endsAt = Date.parse((await ends.locator('time').getAttribute('datetime'))!);
    expect(Math.abs(endsAt - (restrictedAt + 30 * 86_400_000))).toBeLessThan(60_000);
    await expectAccessible(pagePat, 'the notices banner');

    // On My Network, the allowance widget shows nothing left, and why.
    await pagePat.goto('/network?tab=sent');
    const widget = pagePat.getByRole('region', { name: 'Your invitation allowance' });
    await widget.getByText(/^0 of \d+ invitations left this week$/).waitFor();
    const restriction = widget.getByRole('alert').filter({ hasText: 'Invitations restricted by an operator' });
    await restriction.getByText(reason, { exact: false }).waitFor();
    expect(await restriction.locator('time').last().getAttribute('datetime')).toBe(new Date(endsAt).toISOString());
    await widget.getByText('An operator restricted your invitations', { exact: false }).first().waitFor();
    await expectAccessible(pagePat, 'My Network, Sent: the allowance widget, restricted');
    const refused = await pushy.call('POST', '/api/v1/invitations', { to: reporters[0]!.handle, note: '', context: 'search' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'invitations_restricted', title: `An operator restricted your invitations: ${reason}` });

    // "Got it", by keyboard, marks the notice read and the banner goes.
    await notice.getByRole('button', { name: 'Got it' }).focus();
    await pagePat.keyboard.press('Enter');
    await banner.waitFor({ state: 'detached' });
    expect((await pushy.call('GET', '/api/v1/me/notices')).body).toMatchObject({ unread: 0 });

    // The operator finds Pat under Members: restricted until the same date, and a Lift restrictions button.
    await admin.switchTabByKeyboard('Audit log', 'Members');
    await page.getByRole('textbox', { name: 'Find a member' }).fill('Pushkin');
    const row = admin.memberRow(pushy.name);
    await row.getByText(/^Invitations restricted until /).waitFor();
    expect(await row.locator('time').getAttribute('datetime')).toBe(new Date(endsAt).toISOString());
    await row.getByText('Active', { exact: true }).waitFor();
    await expectAccessible(page, 'Admin → Members, a restricted member');
    await admin.memberAction(pushy.name, 'Lift restrictions').click();
    const lift = admin.dialog(`Lift restrictions on ${pushy.name}?`);
    await lift.getByRole('list', { name: `Active restrictions on ${pushy.name}` }).getByText(reason, { exact: false }).waitFor();
    const liftReason = lift.getByRole('textbox', { name: 'Reason' });
    await waitForFocus(liftReason);
    await lift.getByRole('button', { name: 'Lift restrictions' }).click();
    await lift.getByText('Give a reason', { exact: true }).waitFor();
    await expectAccessible(page, 'the Lift restrictions dialog, reason missing');
    const why = 'Pat apologised to each of them and promised personal notes from now on.';
    await liftReason.fill(why);
    await lift.getByRole('button', { name: 'Lift restrictions' }).click();
    await page.getByText(`Restrictions lifted for ${pushy.name}.`).waitFor();
    await lift.waitFor({ state: 'detached' });
    await row.getByText(/^Invitations restricted/).waitFor({ state: 'detached' });
    expect(await admin.memberAction(pushy.name, 'Lift restrictions').count()).toBe(0);

    // Pat is told, with the reason, and can invite again.
    await pagePat.reload();
    const lifted = noticesBanner(pagePat).getByRole('alert').filter({ hasText: 'Restriction lifted' });
    await lifted.getByText(`An operator lifted the restriction on your invitations. Reason: ${why}`).waitFor();
    await pagePat.getByRole('region', { name: 'Your invitation allowance' }).getByText(/^[1-9]\d* of \d+ invitations left this week$/).waitFor();
    await expectAccessible(pagePat, 'the notices banner, restriction lifted');
    expect((await pushy.call('POST', '/api/v1/invitations', { to: reporters[0]!.handle, note: '', context: 'search' })).status).toBe(201);

    // One audit row for the lift, naming both.
    await admin.switchTabByKeyboard('Members', 'Audit log');
    await admin.filterAudit('Lifted restrictions');
    const liftRows = admin.auditRows('Lifted restrictions');
    await liftRows.first().waitFor();
    expect(await liftRows.count()).toBe(1);
    const [, liftWho, , liftSubject, liftDetails] = await admin.auditCells(liftRows.first());
    expect([liftWho, liftSubject]).toEqual([operator.name, pushy.name]);
    expect(liftDetails).toContain(`Reason: “${why}”`);

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
    await admin.switchTabByKeyboard('Moderation', 'Members');
    await admin.memberRow(operator.name).waitFor();
    // Alone, Opal is offered no way to stop being an operator.
    expect(await admin.memberAction(operator.name, 'Stop being an operator').count()).toBe(0);
    await expectAccessible(page, 'Admin → Members');

    await page.getByRole('textbox', { name: 'Find a member' }).fill('Rhea');
    // Suspend asks first too (checked here with axe, then cancelled).
    await admin.memberAction(rhea.name, 'Suspend').click();
    const suspend = admin.dialog(`Suspend ${rhea.name}?`);
    await suspend.getByRole('textbox', { name: 'Reason (kept in the audit log)' }).waitFor();
    await expectAccessible(page, 'the Suspend member dialog');
    await suspend.getByRole('button', { name: 'Cancel' }).click();
    await suspend.waitFor({ state: 'detached' });
    await admin.memberAction(rhea.name, 'Make operator').click();
    const promote = admin.dialog(`Make ${rhea.name} an operator?`);
    await promote.getByText(/see every member’s email address/).waitFor();
    // Cancel has focus first: Enter alone never hands out operator rights.
    await waitForFocus(promote.getByRole('button', { name: 'Cancel' }));
    await promote.getByRole('textbox', { name: /Reason/ }).fill('Runs the spring meetups with me');
    await expectAccessible(page, 'the Make operator dialog');
    await promote.getByRole('button', { name: 'Make operator' }).click();
    await page.getByText(`${rhea.name} is now an operator.`).waitFor();
    await admin.memberRow(rhea.name).getByRole('cell', { name: 'Operator', exact: true }).waitFor();

    // Rhea, in her own browser, has Admin and is told.
    const pageRhea = await signedIn(rhea);
    await noticesBanner(pageRhea).getByText(/made you an operator of this community/).waitFor();
    await expectAccessible(pageRhea, 'the notices banner, a new operator');
    await new AdminConsole(pageRhea).openFromMenuByKeyboard(rhea.name);

    // Now Opal may step down, and does: the dialog says what that means, and the Admin page closes to her.
    await page.getByRole('textbox', { name: 'Find a member' }).fill('Opal');
    await admin.memberAction(operator.name, 'Stop being an operator').click();
    const stepDown = admin.dialog('Stop being an operator?');
    await stepDown.getByText(/lose the Admin page at once/).waitFor();
    await expectAccessible(page, 'the Stop being an operator dialog');
    await stepDown.getByRole('button', { name: 'Remove operator role' }).click();
    await page.getByText(`${operator.name} is no longer an operator.`).waitFor();
    await page.getByText('Operators only').waitFor();

    // Rhea, the only operator now, cannot step down; the audit log names who did what to whom.
    const adminRhea = new AdminConsole(pageRhea);
    await adminRhea.switchTabByKeyboard('Moderation', 'Members');
    await pageRhea.getByRole('textbox', { name: 'Find a member' }).fill('Rhea');
    await adminRhea.memberRow(rhea.name).waitFor();
    expect(await adminRhea.memberAction(rhea.name, 'Stop being an operator').count()).toBe(0);
    await adminRhea.switchTabByKeyboard('Members', 'Audit log');
    await adminRhea.filterAudit('All: members');
    const promoted = adminRhea.auditRows('Made operator');
    await promoted.first().waitFor();
    const [, by, , whom, details] = await adminRhea.auditCells(promoted.first());
    expect([by, whom]).toEqual([operator.name, rhea.name]);
    expect(details!.split('\n').filter(Boolean)).toEqual(['Reason: “Runs the spring meetups with me”', 'From address 127.0.0.1']);
    const [, byDown, , whomDown] = await adminRhea.auditCells(adminRhea.auditRows('Removed operator role').first());
    expect([byDown, whomDown]).toEqual([operator.name, operator.name]);

    await pageRhea.context().close();
    await page.context().close();
  });
});
