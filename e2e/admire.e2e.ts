import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rows } from '../server/db/connection.ts';
import { expectAccessible } from './fixtures/axe.ts';
import { AdmirePage, introductionPath, sendIntroductionRequest } from './fixtures/garden-pages.ts';
import { connectViaApi, type SeededMember, seedMember } from './fixtures/network-api.ts';
import { browserSuite } from './fixtures/suite.ts';
import { t, type WebKey } from './fixtures/words.ts';

const e2e = browserSuite();
/** A message as the page shows it: the <bdi> around names is markup, not text. */
const shown = (key: WebKey, params: Record<string, unknown> = {}) => t(key, params).replace(/<\/?bdi>/g, '');

describe('the admire list in the browser', () => {
  it('adds an admired 2nd-degree person, shows the path through a connection, asks for an introduction from there, and moves the pipeline', async () => {
    const [ana, ben, cleo] = (await Promise.all(['Ana Admirer', 'Ben Bridge', 'Cleo Admired'].map((name) => seedMember(e2e.server.app, name)))) as [
      SeededMember,
      SeededMember,
      SeededMember,
    ];
    await connectViaApi(ana, ben);
    await connectViaApi(ben, cleo);

    // The empty list leads somewhere.
    const page = await e2e.signedIn(ana);
    await page.goto('/admire');
    await page.getByRole('heading', { name: shown('admire:empty.title') }).waitFor();
    await page.getByRole('link', { name: shown('admire:empty.action') }).waitFor();
    await expectAccessible(page, '/admire, empty');

    // Add Cleo through the member search.
    const admire = new AdmirePage(page);
    const entry = await admire.addPerson('Cleo', cleo.name, 'Her grid co-op talk');

    // The entry: 2nd degree, the best path named through Ben, the stage "identified".
    await entry.getByText(shown('admire:entry.through', { names: ben.name })).waitFor();
    await expectAccessible(page, '/admire, one entry');

    // Ask for an introduction from there: the existing dialog, with Ben as the path.
    const dialog = await admire.openAskIntroduction(cleo.name);
    await expect(introductionPath(dialog, ben.name).isChecked()).resolves.toBe(true);
    await sendIntroductionRequest(dialog, 'I admire your grid co-op work and would love ten minutes of advice.');
    const asked = await rows<{ path: number[] }>(e2e.server.app.ctx.db, sql`SELECT path FROM introductions WHERE requester_id = ${ana.id} AND target_id = ${cleo.id}`);
    expect(asked.map((r) => r.path.map(Number))).toEqual([[ben.id]]);

    // Move the pipeline forward with a note; the history shows it.
    await admire.moveStage(cleo.name, 'reached_out', 'Asked Ben to introduce us');
    await expectAccessible(page, '/admire, after a stage change');
  });
});
