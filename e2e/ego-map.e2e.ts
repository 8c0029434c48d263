import { describe, expect, it } from 'vitest';
import { expectAccessible } from './fixtures/axe.ts';
import { connectViaApi, seedMember } from './fixtures/network-api.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t } from './fixtures/words.ts';

const e2e = browserSuite();

describe('the ego map (/garden/map)', () => {
  it('shows my connections by cluster with the bridge marked, the measures in words, and a drawing or its notice', async () => {
    const app = e2e.server.app;
    const me = await seedMember(app, 'Mia Mappa');
    const design = await Promise.all(['Ada Disegno', 'Abe Disegno', 'Ali Disegno'].map((n) => seedMember(app, n)));
    const finance = await Promise.all(['Bea Finanza', 'Bob Finanza', 'Bo Finanza'].map((n) => seedMember(app, n)));
    const bridge = await seedMember(app, 'Xan Ponte');
    for (const [group, industry] of [[design, 'Design'], [finance, 'Finance']] as const) {
      for (const m of group) expect((await m.call('PATCH', '/api/v1/me/profile', { industry })).statusCode).toBe(200);
    }
    for (const m of [...design, ...finance, bridge]) await connectViaApi(me, m);
    for (const group of [design, finance]) {
      await connectViaApi(group[0]!, group[1]!);
      await connectViaApi(group[0]!, group[2]!);
      await connectViaApi(group[1]!, group[2]!);
    }
    for (const m of [design[0]!, design[1]!, finance[0]!, finance[1]!]) await connectViaApi(bridge, m);

    const page = await e2e.signedIn(me);
    await page.goto('/garden/map');
    await page.getByRole('heading', { level: 1, name: t('egoMap:page.title') }).waitFor();
    const table = page.getByRole('table', { name: t('egoMap:table.caption') });
    // Which cluster is "1" depends on where Louvain puts the bridge (it makes that cluster the larger one).
    const design1 = t('egoMap:table.clusterLabelled', { number: 1, label: 'Design' });
    const design2 = t('egoMap:table.clusterLabelled', { number: 2, label: 'Design' });
    await table.getByRole('rowheader', { name: new RegExp(`${design1}|${design2}`) }).waitFor();
    await table.getByRole('rowheader', { name: /Finance/ }).waitFor();
    expect(await table.getByRole('row').count()).toBe(3); // the header and two clusters
    for (const m of [...design, ...finance, bridge]) {
      expect(await table.getByRole('link', { name: m.name, exact: true }).getAttribute('href')).toBe(`/in/${m.handle}`);
    }
    await table.getByText(t('egoMap:table.isBridge'), { exact: true }).waitFor();
    expect(await table.getByText(t('egoMap:table.isBridge'), { exact: true }).count()).toBe(1);
    await page.getByText(t('egoMap:measures.bridgesValue', { count: 1 }), { exact: false }).waitFor();
    await page.getByText(t('egoMap:measures.constraintHelp')).waitFor();

    // The drawing where WebGL is there (zoomable from the keyboard), its notice where it is not: never a crash.
    const drawing = page.getByRole('group', { name: t('egoMap:map.label', { nodes: 7, clusters: 2 }) });
    const notice = page.getByText(t('egoMap:map.noWebgl'));
    await drawing.or(notice).first().waitFor();
    if (await drawing.isVisible()) {
      await page.getByRole('button', { name: t('egoMap:map.zoomIn') }).waitFor();
      await drawing.focus();
      await page.keyboard.press('+');
      await page.keyboard.press('0');
    }
    await expectAccessible(page, 'ego map');
  });
});
