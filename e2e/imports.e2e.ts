import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../server/db/connection.ts';
import { buildLinkedInArchive, eraPath } from '../server/imports/parse/fixtures/build-archive.ts';
import { plantArchiveMembers } from '../server/test/imports-planted.ts';
import { expectAccessible } from './fixtures/axe.ts';
import { isFocused } from './fixtures/admin-pages.ts';
import { tabTo } from './fixtures/keyboard.ts';
import { expectNoSidewaysScroll } from './fixtures/layout.ts';
import { seedMember } from './fixtures/network-api.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t } from './fixtures/words.ts';

const e2e = browserSuite();
/** The planted members' names (server/imports/parse/fixtures/README.md), as plantArchiveMembers signs them up. */
const PLANTED = ['Ottoline Vasquez-Brennan', 'Thaddeus Okonkwo-Lindqvist', 'Perpetua Szymańska', 'Bartholomew Quaye', 'Isadora Fenwick-Achebe', 'Casimir Undset'];
const OTTOLINE = PLANTED[0]!;
const archive = join(tmpdir(), `rapport-e2e-linkedin-2026-${process.pid}.zip`);

beforeAll(async () => {
  await buildLinkedInArchive(eraPath('linkedin-2026'), archive);
});
afterAll(async () => {
  await rm(archive, { force: true });
});

/** Uploads the archive through the page and waits for its report, kicking the job queue as a worker would. */
async function importThroughPage(page: Page): Promise<void> {
  const before = page.url();
  await page.getByLabel(t('imports:choose.label')).setInputFiles(archive);
  await page.getByRole('button', { name: t('imports:choose.start'), exact: true }).click();
  await expect.poll(() => page.url()).not.toBe(before);
  await page.getByRole('progressbar', { name: t('imports:status.label') }).waitFor();
  await untilShown(page.getByRole('heading', { name: t('imports:report.title') }));
}

/** Waits for something on the page while kicking the job queue, as a worker would. */
async function untilShown(what: Locator): Promise<void> {
  await expect
    .poll(
      async () => {
        await e2e.server.app.ctx.jobs.kick();
        return what.isVisible();
      },
      { timeout: 60_000, interval: 300 },
    )
    .toBe(true);
}

describe('member imports through the browser', () => {
  it('imports the LinkedIn archive with progress and a report, shows the planted members as here (not the decoys), connects with context import, and a re-import adds no contact', async () => {
    const people = await plantArchiveMembers(e2e.server.app, e2e.server.app.ctx.db, 'a');
    const marisol = await seedMember(e2e.server.app, 'Marisol Quennell-Adebayo');
    const page = await e2e.signedIn(marisol);

    // Settings leads to the page.
    await page.goto('/settings');
    await page.getByRole('link', { name: t('imports:link.open') }).click();
    await page.getByRole('heading', { level: 1, name: t('imports:page.title') }).waitFor();
    // Imported history starts empty, and says where it will come from.
    await page.getByText(t('imports:history.none')).waitFor();
    await expectAccessible(page, 'the import page, empty');

    await importThroughPage(page);
    await page.getByRole('status').getByText(t('imports:status.done'), { exact: false }).waitFor();
    // The planted fault of the 2026 Connections.csv, worded with its line.
    await page.getByText(t('imports:report.issue', { line: 13, text: t('imports:issues.bad_date') })).first().waitFor();

    // Who is here: the six planted members, each once; the decoys (Ottoline Vasquez, the other Isadora and Casimir) are not.
    const here = page.getByRole('list', { name: t('imports:matches.listLabel') });
    await page.getByRole('heading', { name: t('imports:matches.title', { count: 6 }) }).waitFor();
    for (const name of PLANTED) await here.getByRole('link', { name, exact: true }).waitFor();
    expect(await here.getByRole('listitem').count()).toBe(6);
    expect(await here.getByRole('link', { name: 'Ottoline Vasquez', exact: true }).count()).toBe(0);
    await here.getByText(t('imports:matches.kinds.name_org')).first().waitFor();
    await page.getByRole('heading', { name: t('imports:draft.title') }).waitFor();
    // The endorsements and recommendations received on LinkedIn, as imported history, each once.
    const imported = (await marisol.call('GET', '/api/v1/imports/history')).json<{ items: { person: { name: string } }[] }>().items;
    expect(imported.length).toBeGreaterThan(0);
    const history = page.getByRole('list', { name: t('imports:history.label') });
    await expect.poll(() => history.getByRole('listitem').count()).toBe(imported.length);
    await history.getByText(imported[0]!.person.name, { exact: false }).first().waitFor();
    await expectAccessible(page, 'the import report with who is here');

    // Connect with Ottoline, with a note: the invitation's context is import.
    await here.getByRole('button', { name: t('imports:matches.connectLabel', { name: OTTOLINE }) }).click();
    const dialog = page.getByRole('dialog', { name: t('imports:matches.dialogTitle', { name: OTTOLINE }) });
    await dialog.getByRole('textbox', { name: t('imports:matches.noteLabel') }).fill('We met through LinkedIn');
    await expectAccessible(page, 'the connect dialog');
    await dialog.getByRole('button', { name: t('imports:matches.send') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await here.getByText(t('imports:matches.sent')).waitFor();
    const invitations = await rows<{ context: string }>(e2e.server.app.ctx.db, sql`SELECT context FROM invitations WHERE sender_id = ${marisol.id} AND recipient_id = ${people.ottoline.id}`);
    expect(invitations.map((i) => i.context)).toEqual(['import']);

    // At 390 px the page does not scroll sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(page, 'the import page with its report on a phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    // The same archive again: no duplicate contact.
    const count = async () => (await rows<{ n: number }>(e2e.server.app.ctx.db, sql`SELECT count(*)::int AS n FROM contacts WHERE member_id = ${marisol.id}`))[0]!.n;
    const contacts = await count();
    expect(contacts).toBeGreaterThan(6);
    await importThroughPage(page);
    expect(await count()).toBe(contacts);

    // Dismissing a match takes them off the list, without telling them anything.
    const matched = page.getByRole('list', { name: t('imports:matches.listLabel') });
    const before = await matched.getByRole('listitem').count();
    await matched.getByRole('button', { name: t('imports:matches.dismissLabel', { name: PLANTED[1]! }) }).click();
    await matched.getByRole('link', { name: PLANTED[1]!, exact: true }).waitFor({ state: 'detached' });
    expect(await matched.getByRole('listitem').count()).toBe(before - 1);
    expect((await rows(e2e.server.app.ctx.db, sql`SELECT 1 FROM invitations WHERE sender_id = ${marisol.id} AND recipient_id = ${people.thaddeus.id}`)).length).toBe(0);

    // Both imports are listed; the first reopens its report.
    const previous = page.getByRole('list', { name: t('imports:previous.label') });
    await expect.poll(() => previous.getByRole('listitem').count()).toBe(2);
    await previous.getByRole('link').last().click();
    await page.getByRole('heading', { name: t('imports:report.title') }).waitFor();
  });
});

/**
 * Picks `option` in the focused Mantine select with the keyboard: ArrowDown opens the list and moves through it
 * (the option under the cursor carries data-combobox-selected), Enter takes it; Escape closes a multi-select's list.
 */
async function pickWithKeyboard(page: Page, field: Locator, option: string): Promise<void> {
  expect(await isFocused(field)).toBe(true);
  const under = page.locator('[data-combobox-selected]');
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('ArrowDown');
    if ((await under.count()) === 1 && (await under.innerText()).trim() === option) break;
  }
  expect((await under.innerText()).trim()).toBe(option);
  await page.keyboard.press('Enter');
  if ((await field.getAttribute('aria-expanded')) === 'true') await page.keyboard.press('Escape');
}

describe('a contacts CSV of a shape we do not know', () => {
  it('asks which column is which; a mapping with no name is refused with a clear message; mapped with the keyboard, it imports and the contacts appear', async () => {
    const maud = await seedMember(e2e.server.app, 'Maud Mapping');
    const page = await e2e.signedIn(maud);
    await page.goto('/settings/import');
    await page.getByLabel(t('imports:choose.label')).setInputFiles(`${eraPath('contacts')}/unknown-shape.csv`);
    await page.getByRole('button', { name: t('imports:choose.start'), exact: true }).click();
    const step = page.getByRole('region', { name: t('imports:mapping.title') });
    await untilShown(step);
    await page.getByRole('status').getByText(t('imports:status.needs_mapping')).waitFor();
    // The first rows, to tell the columns apart.
    await step.getByRole('cell', { name: 'Saltmarsh Orchards' }).waitFor();
    await expectAccessible(page, 'the column-mapping step');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(page, 'the column-mapping step on a phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Nothing holds the name: refused, said plainly, and the step stays.
    const submit = step.getByRole('button', { name: t('imports:mapping.submit') });
    await submit.click();
    await step.getByText(t('errors:import_mapping_no_name')).waitFor();
    await expectAccessible(page, 'the column-mapping step refusing a mapping without a name');

    // With the keyboard: Tab to each field, arrows to the column, Enter.
    const field = (key: 'name' | 'emails' | 'organisation' | 'note') => step.getByLabel(t(`imports:mapping.fields.${key}`), { exact: true });
    for (const [key, column] of [
      ['name', 'Who'],
      ['emails', 'Electronic address'],
      ['organisation', 'Firm'],
      ['note', 'Jotted down'],
    ] as const) {
      await tabTo(page, field(key));
      await pickWithKeyboard(page, field(key), column);
    }
    await tabTo(page, submit);
    await page.keyboard.press('Enter');
    await untilShown(page.getByRole('heading', { name: t('imports:report.title') }));
    expect(await page.getByText(t('errors:import_mapping_no_name')).count()).toBe(0);

    await page.goto('/contacts');
    const list = page.getByRole('list', { name: t('contacts:list.label') });
    await list.getByRole('heading', { name: 'Wendeline Marchetti-Oyelaran', exact: true }).waitFor();
    await list.getByRole('heading', { name: 'Leopold Ashgrove', exact: true }).waitFor();
    await list.getByText('Saltmarsh Orchards').waitFor();
    await list.getByText(t('contacts:howWeMet.csv')).first().waitFor();
    await page.context().close();
  });
});
