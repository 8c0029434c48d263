import { describe, expect, it } from 'vitest';
import { expectAccessible } from './fixtures/axe.ts';
import { connectViaApi, seedMember } from './fixtures/network-api.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t } from './fixtures/words.ts';

const e2e = browserSuite();
const { signedIn } = e2e;

describe('the garden', () => {
  it('shows my network per dimension as a chart and as a table with the same numbers, the gaps with their links, and passes axe', async () => {
    const ana = await seedMember(e2e.server.app, 'Ana Garden');
    const people = [
      { name: 'Ben Garden', industry: 'Finance' },
      { name: 'Cy Garden', industry: 'Finance' },
      { name: 'Dee Garden', industry: 'Law' },
    ];
    for (const p of people) {
      const m = await seedMember(e2e.server.app, p.name);
      const res = await m.call('PATCH', '/api/v1/me/profile', { location: 'Milan', industry: p.industry });
      expect(res.statusCode, res.body).toBe(200);
      await connectViaApi(ana, m);
    }

    const page = await signedIn(ana);
    await page.goto('/garden');
    await page.getByRole('heading', { level: 1, name: t('garden:page.title') }).waitFor();
    const industry = page.getByRole('region', { name: t('garden:dimensions.industry') });
    const chart = industry.getByTestId('garden-chart');
    await chart.locator('svg text').first().waitFor();
    const chartTexts = (await chart.locator('svg text').allTextContents()).map((s) => s.trim());
    await expectAccessible(page, 'the garden, charts');

    await industry.getByText(t('garden:view.table'), { exact: true }).click();
    const rows = industry.getByTestId('garden-table').locator('tbody tr');
    await rows.first().waitFor();
    const table = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    expect(table).toEqual([
      ['Finance', '2'],
      ['Law', '1'],
    ]);
    // The chart draws the same values and counts.
    for (const [label, count] of table) {
      expect(chartTexts).toContain(label);
      expect(chartTexts).toContain(count);
    }
    await expectAccessible(page, 'the garden, a table');

    // Everyone in one place: the gap says so, and its link opens people you may know filtered to widen it.
    const gap = t('garden:gaps.allInOne', { count: 3, dimension: 'location', value: 'Milan' });
    await page.getByText(gap).waitFor();
    await page.getByRole('link', { name: t('garden:gaps.widenLabel', { gap }) }).click();
    await page.waitForURL(/\/network\?tab=suggestions&notLocation=Milan/);
    await page.getByText(t('network:suggestions.filtered')).waitFor();
  });
});
