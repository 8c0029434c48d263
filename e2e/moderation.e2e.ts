import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminConsole, isFocused, noticesBanner, waitForFocus } from './fixtures/admin-pages.ts';
import { expectAccessible } from './fixtures/axe.ts';
import { launchBrowser, newMemberContext } from './fixtures/browser.ts';
import { type HttpMember, accessTokenFor, callWithToken, signUpOverHttp } from './fixtures/http-members.ts';
import { SignInPage } from './fixtures/network-pages.ts';
import { type RunningServer, startServer } from './fixtures/server.ts';

/**
 * The operator's moderation queue, end to end. The server trusts X-Forwarded-For here (TRUST_PROXY=true),
 * as it would behind a reverse proxy: without it every client is 127.0.0.1, and loopback is never
 * counted by sign-up screening, so no burst or cluster could ever form.
 */
let server: RunningServer;
let browser: Browser;
let operator: HttpMember;

beforeAll(async () => {
  server = await startServer({ trustProxy: true });
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
    await dialog.getByText(/Each member is signed out, cannot sign in/).waitFor();
    const reasonBox = dialog.getByRole('textbox', { name: 'Reason' });
    await waitForFocus(reasonBox);
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
    await page.getByText('Suspend: done for 6 member(s).').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await cluster.waitFor({ state: 'detached' });
    await page.getByText('Nothing to review').waitFor();
    await expectAccessible(page, 'Admin → Moderation: the queue, empty');

    // The audit log (reached with the arrow keys) has one moderation.suspend per member, with the reason.
    await admin.switchTabByKeyboard('Moderation', 'Audit log');
    await admin.auditLog().waitFor();
    const rows = admin.auditRows('moderation.suspend');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(6);
    const subjects: string[] = [];
    for (const row of await rows.all()) {
      const [, who, , subject, details] = await admin.auditCells(row);
      expect(who).toBe(operator.name);
      subjects.push(subject!);
      expect(JSON.parse(details!)).toMatchObject({ reason, flagId: expect.any(Number) });
    }
    expect(subjects.sort()).toEqual(ring.map((m) => `member #${m.id}`).sort());
    await expectAccessible(page, 'Admin → Audit log');

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

    await context.close();
    await page.context().close();
  });
});

describe('a reported member, restricted', () => {
  it('three members report one → the reports flag appears → the operator restricts invitations by keyboard → the member reads why in the banner and sees 0 invitations left', async () => {
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
    await expectAccessible(page, 'the Restrict invitations dialog');
    const submit = dialog.getByRole('button', { name: 'Restrict invitations', exact: true });
    for (let i = 0; i < 3 && !(await isFocused(submit)); i++) await page.keyboard.press('Tab');
    expect(await isFocused(submit)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText('Restrict invitations: done for 1 member(s).').waitFor();
    await dialog.waitFor({ state: 'detached' });
    // The flag closed its reports with it: nothing is left to review.
    await flag.waitFor({ state: 'detached' });
    await page.getByText('Nothing to review').waitFor();
    expect(await admin.queueItems('Report: spam').count()).toBe(0);

    await admin.switchTabByKeyboard('Moderation', 'Audit log');
    const restricted = admin.auditRows('moderation.restrict');
    await restricted.first().waitFor();
    expect(await restricted.count()).toBe(1);
    const [, , , subject, details] = await admin.auditCells(restricted.first());
    expect(subject).toBe(`member #${pushy.id}`);
    expect(JSON.parse(details!)).toMatchObject({ reason, flagId: expect.any(Number) });

    // Pat, in a browser of their own, is told what was restricted and why, above every page.
    const pagePat = await signedIn(pushy);
    const banner = noticesBanner(pagePat);
    const notice = banner.getByRole('alert').filter({ hasText: 'Your account is restricted' });
    await notice.waitFor();
    await notice.getByText(`An operator has restricted your invitations: you cannot send new invitations until an operator lifts this restriction. Reason: ${reason}`).waitFor();
    await expectAccessible(pagePat, 'the notices banner');

    // On My Network, the allowance widget shows nothing left, and why.
    await pagePat.goto('/network?tab=sent');
    const widget = pagePat.getByRole('region', { name: 'Your invitation allowance' });
    await widget.getByText(/^0 of \d+ invitations left this week$/).waitFor();
    const restriction = widget.getByRole('alert').filter({ hasText: 'Invitations restricted by an operator' });
    await restriction.getByText(reason, { exact: false }).waitFor();
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

    await pagePat.context().close();
    await page.context().close();
  });
});
