import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rows } from '../server/db/connection.ts';
import { buildLinkedInArchive, eraPath } from '../server/imports/parse/fixtures/build-archive.ts';
import { multipart } from '../server/test/uploads.ts';
import { expectAccessible } from './fixtures/axe.ts';
import { tabTo } from './fixtures/keyboard.ts';
import { expectNoSidewaysScroll } from './fixtures/layout.ts';
import { type SeededMember, seedMember } from './fixtures/network-api.ts';
import { shown } from './fixtures/network-pages.ts';
import { startingWith } from './fixtures/pages.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t } from './fixtures/words.ts';

const e2e = browserSuite();

const NOTE = 'Met at the glassworks open day; wants to talk about kilns.';

/** Imports the LinkedIn fixture archive for a member through the API and runs the import job to its end. */
async function importLinkedIn(member: SeededMember): Promise<void> {
  const app = e2e.server.app;
  const zip = join(tmpdir(), `contacts-e2e-${process.pid}.zip`);
  await buildLinkedInArchive(eraPath('linkedin-2026'), zip);
  const bytes = await readFile(zip);
  await rm(zip, { force: true });
  const { payload, contentType } = multipart('file', 'Basic_LinkedInDataExport.zip', 'application/zip', bytes);
  const started = await app.inject({ method: 'POST', url: '/api/v1/imports', headers: { cookie: member.cookie, 'x-csrf-token': member.csrf, 'content-type': contentType }, payload });
  expect(started.statusCode, started.body).toBe(202);
  const id = started.json<{ id: number }>().id;
  for (let i = 0; i < 40; i++) {
    await app.ctx.jobs.kick();
    const status = (await member.call('GET', `/api/v1/imports/${id}`)).json<{ status: string }>().status;
    if (status === 'done') return;
    if (status === 'failed' || status === 'needs_mapping') throw new Error(`import ended ${status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import never finished');
}

describe('my contacts', () => {
  it('lists imported contacts with how we met, searches and filters them, shows who is here, keeps a note, and invites one who is not here', async () => {
    // Members the archive's contacts match: two by their LinkedIn link, one by name and organisation.
    const ottoline = await seedMember(e2e.server.app, 'Ottoline Vasquez-Brennan');
    await ottoline.call('PATCH', '/api/v1/me/profile', { links: [{ label: 'LinkedIn', url: 'https://linkedin.com/in/ottoline-vasquez-brennan' }] });
    const isadora = await seedMember(e2e.server.app, 'Isadora Fenwick-Achebe');
    await isadora.call('PATCH', '/api/v1/me/profile', { experience: [{ organisation: 'Lanternfish Cooperative', title: 'Beekeeper', startDate: '2019-01' }] });
    const marisol = await seedMember(e2e.server.app, 'Marisol Contacts');

    // Before the import: the empty state leads to the import page.
    const page = await e2e.signedIn(marisol);
    await page.goto('/contacts');
    await page.getByRole('heading', { level: 1, name: t('contacts:page.title') }).waitFor();
    await page.getByRole('link', { name: t('contacts:list.empty.action') }).waitFor();
    await expectAccessible(page, 'contacts, empty');

    await importLinkedIn(marisol);
    await page.reload();
    const list = page.getByRole('list', { name: t('contacts:list.label') });
    await list.getByText('Ottoline Vasquez-Brennan', { exact: true }).first().waitFor();
    await list.getByText(t('contacts:howWeMet.linkedinSince', { year: '2026' })).first().waitFor();
    await list.getByText(t('contacts:howWeMet.linkedinSince', { year: '2019' })).first().waitFor();
    await expectAccessible(page, 'contacts');

    // Search narrows the list.
    await page.getByRole('searchbox', { name: t('contacts:filter.search') }).fill('Perpetua');
    await list.getByText('Perpetua Szymańska', { exact: true }).waitFor();
    await expect.poll(() => list.getByText('Ottoline Vasquez-Brennan', { exact: true }).count()).toBe(0);
    await page.getByRole('searchbox', { name: t('contacts:filter.search') }).fill('');

    // "Here in the community": the matched ones, each with a link to the profile.
    await page.getByRole('textbox', { name: t('contacts:filter.label') }).click();
    await page.getByRole('option', { name: t('contacts:filter.matched') }).click();
    await list.getByRole('link', { name: new RegExp(ottoline.name) }).waitFor();
    await list.getByRole('link', { name: new RegExp(isadora.name) }).waitFor();
    await list.getByText(t('contacts:match.name_org')).waitFor();
    await expect.poll(() => list.getByText('Perpetua Szymańska', { exact: true }).count()).toBe(0);
    expect(await list.getByRole('link', { name: new RegExp(ottoline.name) }).getAttribute('href')).toBe(`/in/${ottoline.handle}`);
    // Connect, in the common invitation dialog with the contacts' own intro: the invitation's context is import.
    await list.getByRole('button', { name: t('contacts:actions.connectLabel', { name: 'Ottoline Vasquez-Brennan' }) }).first().click();
    const connect = page.getByRole('dialog', { name: shown('people:connect.title', { name: ottoline.name }) });
    await connect.getByText(t('contacts:connect.intro')).waitFor();
    await connect.getByRole('textbox', { name: t('people:connect.note') }).fill('We met on LinkedIn years ago');
    await expectAccessible(page, 'contacts, the connect dialog');
    await connect.getByRole('button', { name: t('people:connect.send') }).click();
    await connect.waitFor({ state: 'hidden' });
    await page.getByText(shown('people:connect.sent', { name: ottoline.name })).waitFor();
    const invited = await rows<{ context: string; note: string }>(e2e.server.app.ctx.db, sql`SELECT context, note FROM invitations WHERE sender_id = ${marisol.id} AND recipient_id = ${ottoline.id}`);
    expect(invited).toEqual([{ context: 'import', note: 'We met on LinkedIn years ago' }]);

    // A private note on a contact.
    // Opened with the keyboard: Tab from the filter to the disclosure, Enter.
    const details = list.getByRole('button', { name: t('contacts:actions.detailsLabel', { name: isadora.name }) }).first();
    await tabTo(page, details);
    await page.keyboard.press('Enter');
    expect(await details.getAttribute('aria-expanded')).toBe('true');
    await list.getByRole('textbox', { name: t('contacts:notes.label') }).fill(NOTE);
    await list.getByRole('button', { name: t('contacts:notes.add') }).click();
    await list.getByRole('list', { name: t('contacts:notes.list', { name: isadora.name }) }).getByText(NOTE).waitFor();
    await expectAccessible(page, 'contacts, a contact opened with its notes');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(page, 'contacts at 390 px');
    await page.setViewportSize({ width: 1280, height: 900 });

    // "Not here yet": Perpetua has an email address, so she can be invited to join.
    await page.getByRole('textbox', { name: t('contacts:filter.label') }).click();
    await page.getByRole('option', { name: t('contacts:filter.unmatched') }).click();
    await list.getByRole('button', { name: t('contacts:actions.inviteLabel', { name: 'Perpetua Szymańska' }) }).click();
    const dialog = page.getByRole('dialog', { name: t('join:invite.title') });
    expect(await dialog.getByRole('textbox', { name: startingWith(t('join:invite.email')) }).inputValue()).toBe('perpetua.szymanska@example.org');
    await dialog.getByRole('textbox', { name: startingWith(t('join:invite.note')) }).fill('You would like the printers here');
    await dialog.getByRole('button', { name: t('join:invite.send') }).click();
    await dialog.waitFor({ state: 'hidden' });
    const sent = await rows<{ email: string }>(e2e.server.app.ctx.db, sql`SELECT email FROM email_invitations WHERE member_id = ${marisol.id}`);
    expect(sent.map((s) => s.email)).toEqual(['perpetua.szymanska@example.org']);
  });
});
