import { describe, expect, it } from 'vitest';
import { expectAccessible } from './fixtures/axe.ts';
import { connectViaApi, seedMember } from './fixtures/network-api.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t } from './fixtures/words.ts';

const e2e = browserSuite();
const { signedIn } = e2e;

describe('one person a week', () => {
  it('sets a goal, reaches out to a suggestion with a personal note, and sees the week counted', async () => {
    const ana = await seedMember(e2e.server.app, 'Ana Outreach');
    const bo = await seedMember(e2e.server.app, 'Bo Outreach');
    const di = await seedMember(e2e.server.app, 'Di Outreach');
    for (const [m, industry] of [[ana, 'Software'], [bo, 'Software'], [di, 'Agriculture']] as const) {
      expect((await m.call('PATCH', '/api/v1/me/profile', { industry })).statusCode).toBe(200);
    }
    await connectViaApi(ana, bo);
    await connectViaApi(bo, di); // Di: 2nd degree, in an industry none of Ana's connections is in

    const page = await signedIn(ana);
    await page.goto('/outreach');
    await page.getByRole('heading', { level: 1, name: t('outreach:title') }).waitFor();
    expect(await page.getByRole('list', { name: t('outreach:year.squares') }).getByRole('listitem').count()).toBe(52);

    // A goal of two a week.
    const goal = page.getByRole('textbox', { name: t('outreach:goal.label') });
    await goal.fill('2');
    await page.getByRole('button', { name: t('outreach:goal.save') }).click();
    await page.getByText(t('outreach:progress.thisWeek', { count: 0, goal: 2 })).waitFor();
    await page.getByRole('button', { name: t('outreach:year.showTable') }).click();
    await page.getByRole('table', { name: t('outreach:year.caption') }).waitFor();
    await expectAccessible(page, 'one person a week');

    // Di is suggested as a diverse weak tie; the composer nudges until the note is personal.
    await page.getByRole('button', { name: t('outreach:suggestions.reachOutLabel', { name: di.name }) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(t('people:connect.nudge.none')).waitFor();
    await expectAccessible(page, 'the outreach composer');
    await dialog.getByRole('textbox', { name: t('outreach:composer.admire') }).fill('Your post on cover crops in the Langhe');
    await dialog.getByRole('textbox', { name: t('outreach:composer.note') }).fill('I work on irrigation software and would love to hear what you measure.');
    expect(await dialog.getByText(t('people:connect.nudge.none')).count()).toBe(0);
    await dialog.getByRole('button', { name: t('outreach:composer.sendInvitation') }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The week counts it, and the suggestion says so.
    await page.getByText(t('outreach:progress.thisWeek', { count: 1, goal: 2 })).waitFor();
    await page.getByText(t('outreach:suggestions.reached')).waitFor();
  });
});
