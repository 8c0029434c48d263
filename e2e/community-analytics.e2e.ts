import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { refreshCommunityRollups } from '../server/commands/community/rollups.ts';
import { expectAccessible } from './fixtures/axe.ts';
import { expectNoSidewaysScroll } from './fixtures/layout.ts';
import { connectViaApi, type SeededMember, seedMember } from './fixtures/network-api.ts';
import { shown } from './fixtures/network-pages.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t } from './fixtures/words.ts';

const e2e = browserSuite();
const { signedIn } = e2e;

describe('Admin → Community', () => {
  it('shows the operator growth as a chart and a table with the same numbers, retention by signup week and a newcomer to help in with a welcome post and suggested introductions; axe, 390 px', async () => {
    const app = e2e.server.app;
    const operator = await seedMember(app, 'Olga Community'); // the first account is the operator
    const people: SeededMember[] = [];
    for (const name of ['Ben Regular', 'Cy Regular', 'Dee Regular']) people.push(await seedMember(app, name));
    await connectViaApi(people[0]!, people[1]!);
    await connectViaApi(people[0]!, people[2]!);
    const nora = await seedMember(app, 'Nora Newcomer');
    await connectViaApi(nora, people[1]!);
    // Nora joined three weeks ago and has one connection: a newcomer to help in.
    await app.ctx.db.execute(sql`UPDATE members SET created_at = now() - interval '21 days' WHERE id = ${nora.id}`);

    // The hourly job's run (it first ran when the server started, before anyone had joined).
    await refreshCommunityRollups(app.ctx.db);

    const page = await signedIn(operator);
    await page.goto('/admin');
    await page.getByRole('tab', { name: t('admin:page.tabs.community') }).click();
    const panel = page.getByTestId('community-panel');
    await panel.waitFor();
    await page.getByRole('radiogroup', { name: t('admin:community.range.label') }).getByText(t('admin:community.range.days30'), { exact: true }).click();

    const members = page.getByRole('region', { name: t('admin:community.metrics.members'), exact: true });
    const chart = members.getByTestId('community-chart');
    await chart.locator('svg text').first().waitFor();
    const chartTexts = (await chart.locator('svg text').allTextContents()).map((s) => s.trim());
    await expectAccessible(page, 'Admin → Community, charts');

    await members.getByText(t('admin:community.view.table'), { exact: true }).click();
    const rows = members.getByTestId('community-table').locator('tbody tr');
    await rows.first().waitFor();
    const table = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')));
    // The rollup starts the day the first member joined (three weeks ago, Nora's backdated signup aside) and ends today.
    expect(table.length).toBeGreaterThanOrEqual(1);
    const today = table.at(-1)!;
    expect(Number(today[1]!.replace(/\D/g, ''))).toBe(5);
    // Every day's values in the table are drawn in the chart (its point labels).
    for (const [day, count, joined] of table) {
      expect(chartTexts).toContain(day);
      expect(chartTexts).toContain(count);
      expect(chartTexts).toContain(joined);
    }

    const cohorts = page.getByTestId('community-cohort-table');
    await cohorts.waitFor();
    expect(await cohorts.locator('tbody tr').count()).toBeGreaterThanOrEqual(1);

    const newcomer = page.getByTestId('community-newcomer').filter({ hasText: 'Nora Newcomer' });
    await newcomer.waitFor();
    await newcomer.getByText(t('admin:community.newcomers.connections', { count: 1 })).waitFor();
    expect(await page.getByTestId('community-newcomer').filter({ hasText: 'Ben Regular' }).count()).toBe(0);
    await expectAccessible(page, 'Admin → Community, tables');

    // A welcome post, pre-filled in the operator's language and published with one click.
    await newcomer.getByRole('button', { name: t('admin:community.welcome.openLabel', { name: 'Nora Newcomer' }) }).click();
    const dialog = page.getByRole('dialog', { name: t('admin:community.welcome.title', { name: 'Nora Newcomer' }) });
    const text = dialog.getByRole('textbox', { name: t('admin:community.welcome.label') });
    await text.waitFor();
    expect(await text.inputValue()).toBe(t('admin:community.welcome.template', { name: 'Nora Newcomer', handle: nora.handle }));
    await expectAccessible(page, 'Admin → Community, the welcome post dialog');
    await dialog.getByRole('button', { name: t('admin:community.welcome.publish') }).click();
    await page.getByText(t('admin:community.welcome.done', { name: 'Nora Newcomer' })).waitFor();
    const mentions = (await nora.call('GET', '/api/v1/notifications')).json<{ items: { kind: string }[] }>().items;
    expect(mentions.map((n) => n.kind)).toContain('mention');

    // Suggested introductions, with one click: Ben knows Cy, Nora's one connection, so Ben is the person Nora may know.
    const suggest = newcomer.getByRole('button', { name: t('admin:community.suggest.openLabel', { name: 'Nora Newcomer' }) });
    await suggest.focus();
    await page.keyboard.press('Enter');
    await page.getByText(t('admin:community.suggest.done', { name: 'Nora Newcomer', people: 'Ben Regular' })).waitFor();
    await newcomer.getByRole('status').getByText(t('admin:community.suggest.result', { people: 'Ben Regular' })).waitFor();
    await expectAccessible(page, 'Admin → Community, introductions suggested');

    // Nora sees one notification naming Ben, with his profile and Connect (the invitation with its note) one click away.
    const noraPage = await signedIn(nora);
    await noraPage.goto('/notifications');
    await noraPage.getByText(shown('notifications:kinds.introductions_suggested', { people: 'Ben Regular' })).waitFor();
    const suggested = noraPage.getByRole('list', { name: t('notifications:suggestedPeople') });
    await suggested.getByRole('link', { name: 'Ben Regular' }).waitFor();
    await suggested.getByRole('button', { name: t('people:connect.actionLabel', { name: 'Ben Regular' }) }).click();
    await noraPage.getByRole('dialog').waitFor();
    await noraPage.keyboard.press('Escape');
    await expectAccessible(noraPage, 'Notifications, introductions suggested');
    await noraPage.context().close();

    await page.setViewportSize({ width: 390, height: 844 });
    await panel.waitFor();
    await expectNoSidewaysScroll(page, 'Admin → Community at 390 px');
  });
});
