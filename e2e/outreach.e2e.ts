import { describe, expect, it } from 'vitest';
import { expectAccessible } from './fixtures/axe.ts';
import { OutreachPage } from './fixtures/garden-pages.ts';
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
    const outreach = new OutreachPage(page);
    await outreach.open();
    expect(await page.getByRole('list', { name: t('outreach:year.squares') }).getByRole('listitem').count()).toBe(52);

    // A goal of two a week.
    await outreach.setGoal(2);
    await outreach.progress(0, 2).waitFor();
    await page.getByRole('button', { name: t('outreach:year.showTable') }).click();
    await page.getByRole('table', { name: t('outreach:year.caption') }).waitFor();
    await expectAccessible(page, 'one person a week');

    // Di is suggested as a diverse weak tie; the composer nudges until the note is personal.
    const dialog = await outreach.openComposer(di.name);
    await expectAccessible(page, 'the outreach composer');
    await outreach.writePersonalNote(dialog, 'Your post on cover crops in the Langhe', 'I work on irrigation software and would love to hear what you measure.');
    await outreach.sendInvitation(dialog);

    // The week counts it, and the suggestion says so.
    await outreach.progress(1, 2).waitFor();
    await page.getByText(t('outreach:suggestions.reached')).waitFor();
  });
});
