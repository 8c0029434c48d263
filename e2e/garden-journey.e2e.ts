/**
 * The garden's acceptance journey (issue 15), one member's continuous path through the UI: "a member opens
 * the garden (charts and tables agree), adds an admired person, asks for an introduction from there,
 * completes a week's outreach with a personal note, logs an opportunity, and sees it attributed to how that
 * relationship began". The network is seeded through the API first; what the other people do in between
 * (forward and accept the introduction, accept the invitation) goes through the API too, since it is their
 * part, not hers. Axe runs on every screen. English, Italian (E2E_LOCALE=it) and the pseudo-locale.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rows } from '../server/db/connection.ts';
import { expectAccessible } from './fixtures/axe.ts';
import { AdmirePage, GardenPage, introductionPath, OpportunitiesPage, OutreachPage, sendIntroductionRequest } from './fixtures/garden-pages.ts';
import { connectViaApi, type SeededMember, seedMember } from './fixtures/network-api.ts';
import { shown } from './fixtures/network-pages.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t } from './fixtures/words.ts';

const e2e = browserSuite();

describe('the garden journey', () => {
  it('garden (charts and tables agree) → admire someone → ask for an introduction from there → a week’s outreach with a personal note → an opportunity, attributed to the introduction', async () => {
    const { app } = e2e.server;
    const [ana, ben, cy, dee, cleo, di] = (await Promise.all(
      ['Ana Journey', 'Ben Journey', 'Cy Journey', 'Dee Journey', 'Cleo Journey', 'Di Journey'].map((name) => seedMember(app, name)),
    )) as [SeededMember, SeededMember, SeededMember, SeededMember, SeededMember, SeededMember];
    // Cleo works in finance like most of Ana's connections; Di in agriculture, which none of them does.
    for (const [m, industry] of [[ben, 'Finance'], [cy, 'Finance'], [dee, 'Law'], [cleo, 'Finance'], [di, 'Agriculture']] as const) {
      const res = await m.call('PATCH', '/api/v1/me/profile', { industry, location: 'Milan' });
      expect(res.statusCode, res.body).toBe(200);
    }
    for (const other of [ben, cy, dee]) await connectViaApi(ana, other);
    await connectViaApi(ben, cleo); // Cleo and Di: 2nd degree to Ana, through Ben
    await connectViaApi(ben, di);

    const page = await e2e.signedIn(ana);

    // 1. The garden: the industry chart and its table show the same values and counts.
    const garden = new GardenPage(page);
    await garden.open();
    await garden.expectChartMatchesTable('industry', [
      ['Finance', '2'],
      ['Law', '1'],
    ]);

    // 2. The admire list: Cleo, 2nd degree, reachable through Ben.
    const admire = new AdmirePage(page);
    await admire.open();
    const entry = await admire.addPerson('Cleo', cleo.name, 'Her timber housing in Brescia');
    await entry.getByText(shown('admire:entry.through', { names: ben.name })).waitFor();
    await expectAccessible(page, '/admire, one entry');

    // 3. Ask for an introduction from the entry, through Ben.
    const dialog = await admire.openAskIntroduction(cleo.name);
    await expect(introductionPath(dialog, ben.name).isChecked()).resolves.toBe(true);
    await expectAccessible(page, 'the "Ask for an introduction" dialog from the admire list');
    await sendIntroductionRequest(dialog, 'I admire your timber housing work and would love ten minutes on mass timber.');
    const [asked] = await rows<{ id: number; path: number[] }>(app.ctx.db, sql`SELECT id, path FROM introductions WHERE requester_id = ${ana.id} AND target_id = ${cleo.id}`);
    expect(asked?.path.map(Number)).toEqual([ben.id]);

    // Their part: Ben forwards it, Cleo accepts.
    expect((await ben.call('POST', `/api/v1/introductions/${asked!.id}/forward`, { note: 'Ana is great.' })).statusCode).toBe(200);
    expect((await cleo.call('POST', `/api/v1/introductions/${asked!.id}/accept`)).statusCode).toBe(200);

    // 4. One person a week. The request for an introduction reached Cleo, and the introduction's conversation,
    // which opens with Ana's words to Ben and Cleo, reached Ben: two people this week. With a goal of three,
    // Di, a weak tie who would widen the garden, gets an invitation with a personal note, and the week is done.
    const reached = await rows<{ id: number }>(app.ctx.db, sql`SELECT DISTINCT other_id AS id FROM outreach_acts WHERE member_id = ${ana.id}`);
    expect(reached.map((r) => Number(r.id)).sort((x, y) => x - y)).toEqual([ben.id, cleo.id].sort((x, y) => x - y));
    const outreach = new OutreachPage(page);
    await outreach.open();
    await outreach.setGoal(3);
    await outreach.progress(2, 3).waitFor();
    await page.getByText(t('outreach:suggestions.reached')).waitFor();
    await expectAccessible(page, 'one person a week');
    const composer = await outreach.openComposer(di.name);
    await expectAccessible(page, 'the outreach composer');
    await outreach.writePersonalNote(composer, 'Your cover crops in the Langhe', 'I design farm buildings in timber and would love to hear what you measure in the soil.');
    await outreach.sendInvitation(composer);
    await outreach.progress(3, 3).waitFor();
    await page.getByText(t('outreach:progress.met')).waitFor();
    await expectAccessible(page, 'one person a week, the week done');

    // 5. Back on the admire list, Cleo (who took the introduction) gets an invitation from her entry; she accepts.
    await admire.open();
    await admire.connectWithNote(cleo.name, 'Thank you for taking Ben’s introduction: shall we stay in touch?');
    const [invitation] = await rows<{ id: number; context: string }>(
      app.ctx.db,
      sql`SELECT id, context FROM invitations WHERE sender_id = ${ana.id} AND recipient_id = ${cleo.id} AND status = 'pending'`,
    );
    expect(invitation?.context).toBe('introduction');
    expect((await cleo.call('POST', `/api/v1/invitations/${invitation!.id}/accept`)).statusCode).toBe(200);

    // 6. An opportunity with Cleo, attributed to how the relationship began: an introduction, a weak tie then.
    const opportunities = new OpportunitiesPage(page);
    await opportunities.open();
    await expectAccessible(page, '/opportunities, empty');
    await opportunities.log({ what: 'Timber school extension', person: cleo.name, value: '12000' });
    const report = opportunities.report();
    await report.getByText(t('opportunities:report.sentence.introduction', { count: 1, total: 1 })).waitFor();
    await report.getByText(t('opportunities:report.sentence.weak_tie', { count: 1, total: 1 })).waitFor();
    await expect(opportunities.originRow('introduction').textContent()).resolves.toMatch(/100\s?%/);
    const log = opportunities.list();
    await log.getByText(t('opportunities:origin.introducedBy', { name: ben.name }), { exact: false }).waitFor();
    await log.getByText(t('opportunities:origin.degreeThen.2'), { exact: false }).waitFor();
    await expectAccessible(page, '/opportunities, with the report');
  });
});
