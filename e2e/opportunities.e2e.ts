import { describe, expect, it } from 'vitest';
import { expectAccessible } from './fixtures/axe.ts';
import { OpportunitiesPage } from './fixtures/garden-pages.ts';
import { connectViaApi, type SeededMember, seedMember } from './fixtures/network-api.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t } from './fixtures/words.ts';

const e2e = browserSuite();

describe('where opportunities came from, in the browser', () => {
  it('logs an opportunity linked to a person and sees it attributed to how that relationship began: an introduction', async () => {
    const [ana, ben, cleo] = (await Promise.all(['Ana Opportunity', 'Ben Introducer', 'Cleo Client'].map((name) => seedMember(e2e.server.app, name)))) as [
      SeededMember,
      SeededMember,
      SeededMember,
    ];
    // Seeded through the API: Ben introduces Ana to Cleo (2nd degree then), and they connect.
    await connectViaApi(ana, ben);
    await connectViaApi(ben, cleo);
    const asked = await ana.call('POST', '/api/v1/introductions', { target: cleo.handle, via: [ben.handle], blurb: 'I design museum wayfinding and would value ten minutes of your time.' });
    expect(asked.statusCode, asked.body).toBe(201);
    const id = asked.json<{ id: number }>().id;
    expect((await ben.call('POST', `/api/v1/introductions/${id}/forward`, { note: 'Worth your time.' })).statusCode).toBe(200);
    expect((await cleo.call('POST', `/api/v1/introductions/${id}/accept`)).statusCode).toBe(200);
    await connectViaApi(ana, cleo);

    // The empty state leads somewhere.
    const page = await e2e.signedIn(ana);
    await page.goto('/opportunities');
    await page.getByRole('heading', { name: t('opportunities:report.empty.title') }).waitFor();
    await expectAccessible(page, '/opportunities, empty');

    // Log a client who came through Cleo.
    const opportunities = new OpportunitiesPage(page);
    await opportunities.log({ what: 'Museum wayfinding', person: cleo.name, value: '9000' });

    // The report says where it came from, in a sentence, a chart and its table; the log says how it began.
    const report = opportunities.report();
    await report.getByText(t('opportunities:report.sentence.introduction', { count: 1, total: 1 })).waitFor();
    await report.getByText(t('opportunities:report.sentence.weak_tie', { count: 1, total: 1 })).waitFor();
    await report.getByRole('img', { name: t('opportunities:report.chartLabel') }).waitFor();
    await expect(opportunities.originRow('introduction').textContent()).resolves.toMatch(/100\s?%/);
    const log = opportunities.list();
    await log.getByText('Museum wayfinding').waitFor();
    await log.getByText(t('opportunities:origin.introducedBy', { name: ben.name }), { exact: false }).waitFor();
    await log.getByText(t('opportunities:origin.degreeThen.2'), { exact: false }).waitFor();
    await expectAccessible(page, '/opportunities, with the report');
  });
});
