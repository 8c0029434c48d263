import { describe, expect, it } from 'vitest';
import { GardenPage } from './fixtures/garden-pages.ts';
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
    const garden = new GardenPage(page);
    await garden.open();
    // The chart draws the same values and counts as the table.
    await garden.expectChartMatchesTable('industry', [
      ['Finance', '2'],
      ['Law', '1'],
    ]);

    // Everyone in one place: the gap says so, and its link opens people you may know filtered to widen it.
    const gap = t('garden:gaps.allInOne', { count: 3, dimension: 'location', value: 'Milan' });
    await page.getByText(gap).waitFor();
    await page.getByRole('link', { name: t('garden:gaps.widenLabel', { gap }) }).click();
    await page.waitForURL(/\/network\?tab=suggestions&notLocation=Milan/);
    await page.getByText(t('network:suggestions.filtered')).waitFor();
  });
});
