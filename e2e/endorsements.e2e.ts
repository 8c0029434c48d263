import { describe, expect, it } from 'vitest';
import { expectAccessible } from './fixtures/axe.ts';
import { connectViaApi, seedMember } from './fixtures/network-api.ts';
import { shown } from './fixtures/network-pages.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t } from './fixtures/words.ts';

const e2e = browserSuite();
const { signedIn } = e2e;

describe('endorsements and recommendations in the browser', () => {
  it('endorse a connection\'s skill and see the count; ask for, write and approve a recommendation, and see it under the position', async () => {
    const app = e2e.server.app;
    const [nora, omar] = [await seedMember(app, 'Nora Nilsen'), await seedMember(app, 'Omar Osei')];
    const experience = [{ organisation: 'Fjord Labs', title: 'Data engineer', startDate: '2022-02' }];
    expect((await nora.call('PATCH', '/api/v1/me/profile', { skills: ['Data modelling', 'SQL'], experience })).statusCode).toBe(200);
    await connectViaApi(nora, omar);

    // Omar endorses Nora's SQL: the toggle is a pressed button, reached and used with the keyboard.
    const pageO = await signedIn(omar);
    await pageO.goto(`/in/${nora.handle}`);
    await pageO.getByRole('heading', { level: 1, name: 'Nora Nilsen' }).waitFor();
    const endorse = pageO.getByRole('button', { name: t('endorsements:skills.endorseLabel', { skill: 'SQL' }) });
    expect(await endorse.getAttribute('aria-pressed')).toBe('false');
    await endorse.focus();
    await pageO.keyboard.press('Enter');
    await pageO.getByRole('button', { name: t('endorsements:skills.endorseLabel', { skill: 'SQL' }), pressed: true }).waitFor();
    await pageO.getByText(t('endorsements:skills.count', { count: 1 }), { exact: true }).waitFor();
    await expectAccessible(pageO, 'a connection\'s profile with an endorsed skill');

    // Nora asks Omar for a recommendation for her position, from his profile.
    const pageN = await signedIn(nora);
    await pageN.goto(`/in/${omar.handle}`);
    await pageN.getByRole('heading', { level: 1, name: 'Omar Osei' }).waitFor();
    await pageN.getByRole('button', { name: t('endorsements:profile.ask') }).click();
    const ask = pageN.getByRole('dialog', { name: shown('endorsements:ask.title', { name: 'Omar Osei' }) });
    await ask.waitFor();
    await ask.getByRole('textbox', { name: t('endorsements:ask.message') }).fill('Could you say a word about the pipeline rewrite?');
    await expectAccessible(pageN, 'the ask-for-a-recommendation dialog');
    await ask.getByRole('button', { name: t('endorsements:ask.send') }).click();
    await pageN.getByText(shown('endorsements:ask.sent', { name: 'Omar Osei' })).waitFor();

    // Omar finds the request on his Recommendations page and writes it.
    await pageO.goto('/recommendations?box=requests');
    await pageO.getByText('Could you say a word about the pipeline rewrite?').waitFor();
    await expectAccessible(pageO, 'the Recommendations page, requests');
    await pageO.getByRole('button', { name: t('endorsements:page.writeNow') }).click();
    const write = pageO.getByRole('dialog', { name: shown('endorsements:write.title', { name: 'Nora Nilsen' }) });
    const text = 'Nora rebuilt our data pipeline in three months and taught the whole team along the way.';
    await write.getByRole('textbox', { name: t('endorsements:write.text') }).fill(text);
    await write.getByRole('button', { name: t('endorsements:write.send') }).click();
    await pageO.getByText(shown('endorsements:write.sent', { name: 'Nora Nilsen' })).waitFor();

    // Nora approves it; it shows under her position, to Omar too.
    await pageN.goto('/recommendations');
    await pageN.getByText(text).waitFor();
    await expectAccessible(pageN, 'the Recommendations page, received');
    await pageN.getByRole('button', { name: t('endorsements:page.approve') }).click();
    await pageN.getByText(t('endorsements:page.approved')).waitFor();
    await pageO.goto(`/in/${nora.handle}`);
    await pageO.getByRole('heading', { level: 1, name: 'Nora Nilsen' }).waitFor();
    const under = pageO.getByRole('list', { name: t('endorsements:profile.title') });
    await under.getByText(text).waitFor();
    await under.getByRole('link', { name: shown('endorsements:profile.by', { name: 'Omar Osei' }) }).waitFor();
    await expectAccessible(pageO, 'a profile with a recommendation under a position');
  });
});
