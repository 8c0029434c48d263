import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './fixtures/axe.ts';
import { connectViaApi, seedMember } from './fixtures/network-api.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t } from './fixtures/words.ts';

const e2e = browserSuite();
const { signedIn } = e2e;

const NOTE = 'Talked about the Lisbon office; follow up in spring.';
const TAG = 'Investors';

describe('relationship memory', () => {
  it('keeps a private card on a connection (a note, a tag, a cadence), lists them, and Keep in touch drops a person once a meeting is logged', async () => {
    const ana = await seedMember(e2e.server.app, 'Ana Memory');
    const bo = await seedMember(e2e.server.app, 'Bo Memory');
    await connectViaApi(ana, bo);

    const page = await signedIn(ana);
    await page.goto(`/in/${bo.handle}`);
    const panel = page.getByRole('region', { name: t('relationships:panel.title') });
    await panel.waitFor();
    await panel.getByText(t('relationships:privateHint')).waitFor();
    await panel.getByText(t('relationships:howWeMet.contexts.profile'), { exact: false }).waitFor();

    // A note, dated with the meeting it records.
    await panel.getByRole('textbox', { name: t('relationships:notes.textLabel') }).fill(NOTE);
    await panel.getByRole('button', { name: t('relationships:notes.add') }).click();
    await panel.getByRole('list', { name: t('relationships:notes.list') }).getByText(NOTE).waitFor();

    // A new tag, put on Bo's card at once.
    await panel.getByRole('button', { name: t('relationships:tags.create') }).click();
    const dialog = page.getByRole('dialog', { name: t('relationships:tags.create') });
    await dialog.getByRole('textbox', { name: t('relationships:tags.nameLabel') }).fill(TAG);
    await dialog.getByRole('button', { name: t('relationships:tags.save') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await panel.getByText(TAG, { exact: true }).first().waitFor();

    // Every two weeks.
    await panel.getByRole('textbox', { name: t('relationships:cadence.label') }).click();
    await page.getByRole('option', { name: t('relationships:cadence.values.two_weeks') }).click();
    await panel.getByText(new RegExp(t('relationships:cadence.due', { date: 'X' }).replace('X', '.+'))).waitFor();
    await expectAccessible(page, 'a profile with the relationship panel');

    // My people, filtered by the tag.
    await page.goto('/relationships');
    await page.getByRole('heading', { level: 1, name: t('relationships:list.title') }).waitFor();
    const people = page.getByRole('list', { name: t('relationships:list.label') });
    await people.getByRole('link', { name: bo.name, exact: true }).waitFor();
    await expectAccessible(page, 'the list of my people');

    // Three weeks pass without a word: Bo is due.
    await e2e.server.app.ctx.db.execute(sql`UPDATE relationship_cards SET due_at = now() - interval '7 days' WHERE member_id = ${ana.id}`);
    await page.goto('/keep-in-touch');
    await page.getByRole('heading', { level: 1, name: t('relationships:keepInTouch.title') }).waitFor();
    const due = page.getByRole('list', { name: t('relationships:keepInTouch.list') });
    await due.getByRole('link', { name: bo.name, exact: true }).waitFor();
    await due.getByRole('link', { name: t('people:message.actionLabel', { name: bo.name }) }).waitFor();
    await expectAccessible(page, 'Keep in touch');

    // Logging a meeting takes him off the list; the empty state leads on.
    await due.getByRole('button', { name: t('relationships:log.buttonLabel', { name: bo.name }) }).click();
    const log = page.getByRole('dialog');
    await log.getByRole('button', { name: t('relationships:log.submit') }).click();
    await page.getByText(t('relationships:keepInTouch.empty.title')).waitFor();
    await page.getByRole('link', { name: t('relationships:keepInTouch.empty.people') }).waitFor();
    await expectAccessible(page, 'Keep in touch, empty');

    // Bo sees nothing of it: his own card on Ana has no note and no tag of hers.
    const bos = await signedIn(bo);
    await bos.goto(`/in/${ana.handle}`);
    const his = bos.getByRole('region', { name: t('relationships:panel.title') });
    await his.getByText(t('relationships:notes.empty')).waitFor();
    expect(await bos.getByText(NOTE).count()).toBe(0);
    expect(await bos.getByText(TAG, { exact: true }).count()).toBe(0);
  });
});
