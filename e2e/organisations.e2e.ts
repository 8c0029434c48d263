import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './fixtures/axe.ts';
import { type SeededMember, seedMember } from './fixtures/network-api.ts';
import { shown } from './fixtures/network-pages.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t } from './fixtures/words.ts';

/** An operator finds two spellings of one organisation and merges them; each member keeps their own spelling. */
describe('merging duplicate organisations', () => {
  const suite = browserSuite();
  let operator: SeededMember;
  let dot: SeededMember;
  let plain: SeededMember;

  beforeAll(async () => {
    // The first account on a fresh instance is the operator.
    operator = await seedMember(suite.server.app, 'Olga Operator');
    dot = await seedMember(suite.server.app, 'Dora Dot');
    plain = await seedMember(suite.server.app, 'Paul Plain');
    const job = (organisation: string) => ({ experience: [{ organisation, title: 'Engineer', startDate: '2021-03' }] });
    expect((await dot.call('PATCH', '/api/v1/me/profile', job('Hooli Inc.'))).statusCode).toBe(200);
    expect((await plain.call('PATCH', '/api/v1/me/profile', job('Hooli Inc'))).statusCode).toBe(200);
  });

  it('finds both spellings in Admin → Organisations, merges one into the other, and the member keeps theirs', async () => {
    const page = await suite.signedIn(operator);
    await page.goto('/admin');
    await page.getByRole('tab', { name: t('admin:page.tabs.organisations') }).click();
    await page.getByRole('textbox', { name: t('admin:organisations.find') }).fill('hooli');
    const table = page.getByRole('table', { name: t('admin:organisations.table') });
    await table.getByRole('link', { name: 'Hooli Inc.' }).waitFor();
    await table.getByRole('link', { name: 'Hooli Inc', exact: true }).waitFor();
    await expectAccessible(page, 'Admin → Organisations');

    await table.getByRole('button', { name: t('admin:organisations.mergeLabel', { name: 'Hooli Inc.' }) }).click();
    const dialog = page.getByRole('dialog', { name: shown('admin:merge.title', { name: 'Hooli Inc.' }) });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: t('admin:merge.into') }).fill('hooli');
    await page.getByRole('option', { name: t('admin:merge.option', { name: 'Hooli Inc', count: 1 }) }).click();
    await expectAccessible(page, 'the merge dialog');
    await dialog.getByRole('button', { name: t('admin:merge.submit') }).click();
    await page.getByText(shown('admin:merge.done', { from: 'Hooli Inc.', into: 'Hooli Inc', count: 1 })).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    expect(await table.getByRole('link', { name: 'Hooli Inc.' }).count()).toBe(0);

    // Dora's profile still says what she typed, and leads to the merged organisation with both members.
    await page.goto(`/in/${dot.handle}`);
    const experience = page.getByRole('region', { name: t('profile:sections.experience') });
    await experience.getByRole('link', { name: 'Hooli Inc.' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hooli Inc' }).waitFor();
    const members = page.getByRole('list', { name: t('organisation:members.current') });
    await members.getByRole('link', { name: 'Dora Dot' }).waitFor();
    await members.getByRole('link', { name: 'Paul Plain' }).waitFor();

    // The audit log has the merge, with who did it.
    await page.goto('/admin');
    await page.getByRole('tab', { name: t('admin:page.tabs.audit') }).click();
    const row = page.getByRole('table', { name: t('admin:audit.table') }).getByRole('row').filter({ hasText: t('admin:audit.actions.organisation.merge') });
    await row.getByText('Olga Operator').waitFor();
    await row.getByText(t('admin:audit.details.merged', { name: 'Hooli Inc.', into: 'Hooli Inc', count: 1 })).waitFor();
    await page.context().close();
  });
});
