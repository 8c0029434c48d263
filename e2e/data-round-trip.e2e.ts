/**
 * Issue 14's acceptance "Export → delete → import into a new instance round-trips the member's own data", in the
 * browser: the member prepares their export at Settings → Your data and downloads it through the page's link,
 * deletes their account (the grace period run out as the hourly sweep would), then on a second, fresh server
 * signs up, imports the downloaded ZIP at /settings/import, saves the profile it offers, and finds their profile,
 * their people (connections become contacts) and the notes and tags on them again.
 */
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { rows } from '../server/db/connection.ts';
import { sweepDeletions } from '../server/jobs/account-deletion.ts';
import type { Member } from '../server/test/client.ts';
import { multipart } from '../server/test/uploads.ts';
import { expectAccessible } from './fixtures/axe.ts';
import { newMemberContext } from './fixtures/browser.ts';
import { expectNoSidewaysScroll } from './fixtures/layout.ts';
import { connectViaApi, seedMember } from './fixtures/network-api.ts';
import { SignUpPage } from './fixtures/pages.ts';
import { type RunningServer, startServer } from './fixtures/server.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t } from './fixtures/words.ts';

const first = browserSuite();
let second: RunningServer | undefined;
const downloaded = join(tmpdir(), `rapport-e2e-export-${process.pid}.zip`);
afterAll(async () => {
  await second?.close();
  await rm(downloaded, { force: true });
});

const HEADLINE = 'Cartographer of small harbours';
const ORGANISATION = 'Harbour Maps';
const SKILL = 'Surveying';
const TAG = 'Investors';
const CONNECTION = 'Bo Roundtrip';
const CONNECTION_NOTE = 'Met Bo at the Lisbon harbour fair';
const CONTACT = 'Wilhelmina Strand';
const CONTACT_NOTE = 'Owes me a coffee';
/** An address book of one card: the contact imported on the first server. */
const VCARD = `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:${CONTACT}\r\nN:Strand;Wilhelmina;;;\r\nEMAIL:wilhelmina.strand@example.net\r\nORG:Tidewater Charts\r\nEND:VCARD\r\n`;

/** Uploads a file to POST /imports through the API and runs the job queue until the import is done. */
async function importThroughApi(server: RunningServer, member: Member, name: string, type: string, content: Buffer): Promise<void> {
  const { payload, contentType } = multipart('file', name, type, content);
  const started = await server.app.inject({ method: 'POST', url: '/api/v1/imports', headers: { cookie: member.cookie, 'x-csrf-token': member.csrf, 'content-type': contentType }, payload });
  expect(started.statusCode, started.body).toBe(202);
  const { id } = started.json<{ id: number }>();
  await expect
    .poll(
      async () => {
        await server.app.ctx.jobs.kick();
        return (await member.call('GET', `/api/v1/imports/${id}`)).json<{ status: string }>().status;
      },
      { timeout: 30_000, interval: 100 },
    )
    .toBe('done');
}

/** Waits for something on the page while kicking a server's job queue, as its worker would. */
async function whileJobsRun(server: RunningServer, visible: () => Promise<boolean>): Promise<void> {
  await expect
    .poll(
      async () => {
        await server.app.ctx.jobs.kick();
        return visible();
      },
      { timeout: 60_000, interval: 300 },
    )
    .toBe(true);
}

/** The member's data on the first server: a profile, a connection with a note and a tag, an imported contact with a note and the tag. */
async function memberWithData() {
  const { app } = first.server;
  const ana = await seedMember(app, 'Ana Roundtrip');
  const saved = await ana.call('PATCH', '/api/v1/me/profile', { headline: HEADLINE, skills: [SKILL], experience: [{ organisation: ORGANISATION, title: 'Lead surveyor', startDate: '2020-03' }] });
  expect(saved.statusCode, saved.body).toBe(200);
  const bo = await seedMember(app, CONNECTION);
  await connectViaApi(ana, bo);
  const tag = (await ana.call('POST', '/api/v1/relationship-tags', { name: TAG, colour: 'grape' })).json<{ id: number }>();
  expect((await ana.call('PATCH', `/api/v1/members/${bo.handle}/relationship`, { tags: [tag.id] })).statusCode).toBe(200);
  expect((await ana.call('POST', `/api/v1/members/${bo.handle}/notes`, { text: CONNECTION_NOTE })).statusCode).toBe(201);
  await importThroughApi(first.server, ana, 'contacts.vcf', 'text/vcard', Buffer.from(VCARD));
  const contacts = (await ana.call('GET', '/api/v1/contacts')).json<{ items: { id: number; name: string }[] }>().items;
  const wilhelmina = contacts.find((c) => c.name === CONTACT);
  expect(wilhelmina, JSON.stringify(contacts)).toBeDefined();
  expect((await ana.call('POST', `/api/v1/contacts/${wilhelmina!.id}/notes`, { text: CONTACT_NOTE })).statusCode).toBe(201);
  expect((await ana.call('PUT', `/api/v1/contacts/${wilhelmina!.id}/tags`, { tagIds: [tag.id] })).statusCode).toBe(204);
  return ana;
}

/** Settings → Your data: prepare the export, wait for the job queue, download the ZIP through the page's link. */
async function exportThroughPage(page: Page): Promise<void> {
  await page.goto('/settings#your-data');
  const card = page.getByRole('region', { name: t('settings:yourData.title') });
  await card.getByText(t('settings:yourData.none')).waitFor();
  await card.getByRole('button', { name: t('settings:yourData.request') }).click();
  const link = card.getByRole('link', { name: t('settings:yourData.download') });
  await whileJobsRun(first.server, () => link.isVisible());
  await expectAccessible(page, 'Your data with an export ready');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  await download.saveAs(downloaded);
}

/** The danger zone of the settings page: type the handle, confirm; then the grace period runs out and the purge runs. */
async function deleteThroughPage(page: Page, handle: string): Promise<void> {
  await page.goto('/settings');
  const card = page.getByRole('region', { name: t('settings:deleteAccount.title') });
  await card.getByRole('button', { name: t('settings:deleteAccount.open') }).click();
  const dialog = page.getByRole('dialog', { name: t('settings:deleteAccount.confirmTitle') });
  await dialog.waitFor();
  await page.keyboard.type(handle);
  await dialog.getByRole('button', { name: t('settings:deleteAccount.confirm') }).click();
  await page.getByRole('region', { name: t('common:deletion.region') }).waitFor();
  const { db, jobs } = first.server.app.ctx;
  await db.execute(sql`UPDATE account_deletions SET purge_after = now() - interval '1 second' WHERE status = 'pending'`);
  expect(await sweepDeletions(db)).toBe(1);
  await jobs.kick();
}

/** On the import page: choose the downloaded export, start, and follow it to its report. */
async function importThroughPage(page: Page, server: RunningServer): Promise<void> {
  await page.goto('/settings');
  await page.getByRole('link', { name: t('imports:link.open') }).click();
  await page.getByRole('heading', { level: 1, name: t('imports:page.title') }).waitFor();
  await page.getByLabel(t('imports:choose.label')).setInputFiles(downloaded);
  await page.getByRole('button', { name: t('imports:choose.start'), exact: true }).click();
  await page.getByRole('progressbar', { name: t('imports:status.label') }).waitFor();
  const report = page.getByRole('heading', { name: t('imports:report.title') });
  await whileJobsRun(server, () => report.isVisible());
  await page.getByRole('status').getByText(t('imports:status.done'), { exact: false }).first().waitFor();
}

describe('export → delete → import into a new instance', () => {
  it('restores the profile (reviewed and saved), the people as contacts, and the notes and tags on them', async () => {
    const ana = await memberWithData();
    const page = await first.signedIn(ana);
    await exportThroughPage(page);
    await deleteThroughPage(page, ana.handle);
    await page.context().close();
    expect(await rows(first.server.app.ctx.db, sql`SELECT 1 FROM members WHERE handle = ${ana.handle}`)).toHaveLength(0);

    // A fresh instance with its own database: the same person joins and brings their data.
    second = await startServer();
    const context = await newMemberContext(first.browser, second.baseUrl);
    const fresh = await context.newPage();
    const signUp = new SignUpPage(fresh);
    await signUp.open();
    await signUp.signUp({ name: ana.name, email: ana.email, password: ana.password });
    await importThroughPage(fresh, second);
    await expectAccessible(fresh, 'the import report of a Rapport export');

    // The profile the export offers, reviewed and saved.
    const draft = fresh.getByRole('region', { name: t('imports:draft.title') });
    expect(await draft.getByRole('textbox', { name: t('imports:draft.headline') }).inputValue()).toBe(HEADLINE);
    await draft.getByRole('checkbox', { name: t('imports:draft.position', { title: 'Lead surveyor', organisation: ORGANISATION }) }).waitFor();
    expect(await draft.getByRole('checkbox', { name: SKILL }).isChecked()).toBe(true);
    await expectAccessible(fresh, 'the profile draft of a Rapport export');
    await fresh.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(fresh, 'the import of a Rapport export on a phone');
    await fresh.setViewportSize({ width: 1280, height: 900 });
    await draft.getByRole('button', { name: t('imports:draft.save') }).click();
    await draft.getByText(t('imports:draft.saved')).waitFor();
    await draft.getByRole('link', { name: t('imports:draft.viewProfile') }).click();
    await fresh.getByRole('heading', { level: 1, name: ana.name }).waitFor();
    await fresh.getByText(HEADLINE).first().waitFor();
    await fresh.getByText(ORGANISATION).first().waitFor();
    await fresh.getByText(SKILL, { exact: true }).first().waitFor();

    // The connection and the contact, each with their tag and their note.
    await fresh.goto('/contacts');
    const list = fresh.getByRole('list', { name: t('contacts:list.label') });
    for (const [name, note] of [
      [CONNECTION, CONNECTION_NOTE],
      [CONTACT, CONTACT_NOTE],
    ] as const) {
      const item = list.getByRole('listitem').filter({ has: fresh.getByRole('heading', { name, exact: true }) });
      await item.getByText(TAG, { exact: true }).waitFor();
      await item.getByRole('button', { name: t('contacts:actions.detailsLabel', { name }) }).click();
      await item.getByRole('list', { name: t('contacts:notes.list', { name }) }).getByText(note).waitFor();
    }
    await list.getByText(t('contacts:howWeMet.rapport')).first().waitFor();
    await expectAccessible(fresh, 'contacts restored from a Rapport export');
    await context.close();
  });
});
