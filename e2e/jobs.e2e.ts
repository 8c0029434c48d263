import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../server/db/connection.ts';
import { AdminConsole } from './fixtures/admin-pages.ts';
import { expectAccessible } from './fixtures/axe.ts';
import { launchBrowser, newMemberContext } from './fixtures/browser.ts';
import { type HttpMember, signUpOverHttp } from './fixtures/http-members.ts';
import { type RunningServer, startServer } from './fixtures/server.ts';
import { t } from './fixtures/words.ts';

/**
 * The operator's Jobs tab: dead jobs (here, emails to an SMTP server that refuses every connection) with their
 * last error, retried and discarded from the page, and the weekly digest run on demand; axe-clean in the run's
 * language.
 */
let server: RunningServer;
let browser: Browser;
let operator: HttpMember;

beforeAll(async () => {
  // Port 9 (discard) is closed on loopback: every email fails at once.
  server = await startServer({ smtpUrl: 'smtp://127.0.0.1:9' });
  browser = await launchBrowser();
  operator = await signUpOverHttp(server.baseUrl, 'Jobs Operator');
  await signUpOverHttp(server.baseUrl, 'Jobs Member One');
  await signUpOverHttp(server.baseUrl, 'Jobs Member Two');
});

/** The three confirmation emails, out of attempts at their next failure rather than an hour of backoff later. */
async function emailsDead(): Promise<void> {
  const db = server.app.ctx.db;
  await expect
    .poll(async () => {
      await db.execute(sql`UPDATE jobs SET max_attempts = attempts + 1, run_at = now() WHERE kind = 'email.send' AND status = 'queued'`);
      await server.app.ctx.jobs.kick();
      return (await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM jobs WHERE status = 'dead'`))[0]!.n;
    })
    .toBe(3);
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signedIn(member: HttpMember): Promise<Page> {
  const context = await newMemberContext(browser, server.baseUrl);
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByRole('textbox', { name: t('auth:signIn.email') }).fill(member.email);
  await page.getByLabel(t('auth:signIn.password')).fill(member.password);
  await page.getByRole('button', { name: t('auth:signIn.submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/signin');
  return page;
}

describe('dead letters on the admin page', () => {
  it('lists dead jobs with their last error, retries one and discards another, and runs the digest now', async () => {
    await emailsDead();
    const page = await signedIn(operator);
    await page.goto('/admin');
    const admin = new AdminConsole(page);
    await admin.heading().waitFor();
    await admin.switchTabByKeyboard('moderation', 'jobs');
    await admin.deadJobs().waitFor();
    await expect.poll(() => admin.deadJobs().getByRole('row').count()).toBe(4);
    const ids = (await rows<{ id: string }>(server.app.ctx.db, sql`SELECT id FROM jobs WHERE status = 'dead' ORDER BY id DESC`)).map((r) => Number(r.id));
    const first = admin.deadJobRow(ids[0]!);
    await expect.poll(() => first.textContent()).toMatch(/email\.send/);
    expect(await first.textContent()).toMatch(/ECONNREFUSED/);
    expect(await admin.jobCounts().getByRole('row', { name: new RegExp(t('admin:jobs.all')) }).textContent()).toMatch(/3$/);
    await expectAccessible(page, 'the Jobs tab of the admin page');

    await first.getByRole('button', { name: t('admin:jobs.retryLabel', { id: ids[0], kind: 'email.send' }) }).click();
    await page.getByText(t('admin:jobs.retried', { id: ids[0] })).waitFor();

    await admin.deadJobRow(ids[1]!).getByRole('button', { name: t('admin:jobs.discardLabel', { id: ids[1], kind: 'email.send' }) }).click();
    const dialog = page.getByRole('dialog', { name: t('admin:jobs.discardTitle', { id: ids[1] }) });
    await dialog.waitFor();
    await expectAccessible(page, 'the dialog that confirms discarding a job');
    await dialog.getByRole('button', { name: t('admin:jobs.discardConfirm') }).click();
    await page.getByText(t('admin:jobs.discarded', { id: ids[1] })).waitFor();
    await expect.poll(() => admin.deadJobRow(ids[1]!).count()).toBe(0);

    await page.getByRole('button', { name: t('admin:jobs.runDigest') }).click();
    await page.getByText(new RegExp(t('admin:jobs.digestStarted', { week: 'WEEK' }).split('WEEK')[0]!)).waitFor();
    const audit = await rows<{ action: string }>(server.app.ctx.db, sql`SELECT action FROM audit_events WHERE action LIKE 'job.%' ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(['job.retry', 'job.discard', 'job.run_digest']);
  });
});
