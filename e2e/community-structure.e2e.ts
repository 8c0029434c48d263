import { describe, expect, it } from 'vitest';
import { refreshCommunityStructure } from '../server/commands/community/structure.ts';
import { expectAccessible } from './fixtures/axe.ts';
import { expectNoSidewaysScroll } from './fixtures/layout.ts';
import { connectViaApi, seedMember } from './fixtures/network-api.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t } from './fixtures/words.ts';

const e2e = browserSuite();
const { signedIn } = e2e;

/**
 * Admin → Community structure (issue 15): two planted clusters and the member who bridges them, the density
 * chart and its table, axe-clean in the run's language and without sideways scrolling at 390 px.
 */
describe('the community structure on the admin page', () => {
  it('shows the clusters with their labels, the bridge with a link to their profile, and density as a chart and a table', async () => {
    // The first member to join is the operator.
    const operator = await seedMember(e2e.server.app, 'Olga Structure');
    const alpha = [], beta = [];
    for (const name of ['Ann Alpha', 'Abe Alpha', 'Ada Alpha', 'Al Alpha']) alpha.push(await seedMember(e2e.server.app, name));
    for (const name of ['Bea Beta', 'Bob Beta', 'Bo Beta', 'Bill Beta']) beta.push(await seedMember(e2e.server.app, name));
    const bridge = await seedMember(e2e.server.app, 'Xan Bridge');
    for (const [group, industry] of [[alpha, 'Design'], [beta, 'Finance']] as const) {
      for (const m of group) expect((await m.call('PATCH', '/api/v1/me/profile', { industry })).statusCode).toBe(200);
      for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) await connectViaApi(group[i]!, group[j]!);
    }
    for (const other of [alpha[0]!, alpha[1]!, beta[0]!, beta[1]!]) await connectViaApi(bridge, other);

    // The daily job ran when the server started, on an empty community: run it again now, as tomorrow's would,
    // once the graph holds the connections just made (the index follows commits a moment later).
    const { app } = e2e.server;
    await expect.poll(async () => (await refreshCommunityStructure(app.ctx.db, app.ctx.graph)).connections, { timeout: 15_000 }).toBe(16);

    const page = await signedIn(operator);
    await page.goto('/admin');
    await page.getByRole('tab', { name: t('admin:page.tabs.community') }).click();
    const structure = page.getByTestId('community-structure');
    await structure.waitFor();
    const clusters = structure.getByTestId('community-clusters').getByRole('listitem');
    await expect.poll(() => clusters.count()).toBe(2);
    const clusterText = (await clusters.allTextContents()).join(' ');
    expect(clusterText).toContain(t('communityStructure:clusters.labelIndustry', { value: 'Design' }));
    expect(clusterText).toContain(t('communityStructure:clusters.labelIndustry', { value: 'Finance' }));
    const link = structure.getByTestId('community-bridges').getByRole('link', { name: 'Xan Bridge' });
    expect(await link.getAttribute('href')).toBe(`/in/${bridge.handle}`);
    await structure.getByTestId('community-density-chart').locator('svg').first().waitFor();
    await expectAccessible(page, 'the community structure, chart');

    await structure.getByText(t('communityStructure:density.table'), { exact: true }).click();
    const rows = structure.getByTestId('community-density-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const cells = await rows.first().locator('td').allTextContents();
    // Ten active members (the operator, with no connections, counts too) and 16 connections: two cliques of four and the bridge's four.
    expect(cells[1]).toBe('10');
    expect(cells[2]).toBe('16');
    await expectAccessible(page, 'the community structure, table');

    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(page, 'the community structure at 390 px');

    await link.click();
    await page.waitForURL(new RegExp(`/in/${bridge.handle}$`));
  });
});
