import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rows } from '../db/connection.ts';
import { DEFAULT_MODEL } from '../graph/link-model.ts';
import { forgetLearnedModel } from '../queries/suggestions/model.ts';
import { connect } from '../routes/network/network-test-helpers.ts';
import { signUp } from '../test/client.ts';
import { describeEachEngine } from '../test/engines.ts';
import { learnSuggestions, MODEL_KEY } from './suggestions-learn.ts';

describeEachEngine('people you may know: the learned model', (get) => {
  it('stores the defaults for a community with little history, and ranks by a learned model once there is one (relevance and widen), with reasons', async () => {
    const { app, database, engine } = get();
    const [ana, bo, cy, dee, eli] = await Promise.all(['Ana', 'Bo', 'Cy', 'Dee', 'Eli'].map((n) => signUp(app, `${n} Model`, `${n.toLowerCase()}-model-${engine}@example.com`)));
    await connect(ana!, bo!);
    await connect(bo!, cy!);
    await connect(bo!, dee!);
    await connect(dee!, eli!);
    const stored = await learnSuggestions(database.db, app.ctx.graph);
    expect(stored).toMatchObject({ learned: false, weights: DEFAULT_MODEL.weights });
    const [row] = await rows<{ value: { learned: boolean } }>(database.db, sql`SELECT value FROM system_settings WHERE key = ${MODEL_KEY}`);
    expect(row?.value.learned).toBe(false);

    // A learned model (as the job would store for a larger community): resource allocation and 3-hop paths.
    const weights = [0, 0.5, 1, 0.2, 0.1, 0, 0, 0, 0, 0, 0];
    await database.db.execute(sql`UPDATE system_settings SET value = ${JSON.stringify({ weights, learned: true })}::jsonb WHERE key = ${MODEL_KEY}`);
    forgetLearnedModel(database.db);
    for (const mode of ['relevance', 'widen']) {
      const res = await ana!.call('GET', `/api/v1/suggestions/people?limit=5&mode=${mode}`);
      expect(res.statusCode, res.body).toBe(200);
      const items: { person: { handle: string }; reasons: { code: string }[] }[] = res.json().items;
      // Cy and Dee share Bo with Ana; Eli is three hops away and has no reason to give, so is not suggested.
      expect(items.map((i) => i.person.handle).sort()).toEqual([cy!.handle, dee!.handle].sort());
      expect(items.every((i) => i.reasons.length > 0)).toBe(true);
    }
    expect((await ana!.call('GET', '/api/v1/suggestions/people?mode=narrow')).statusCode).toBe(400);
    forgetLearnedModel(database.db);
  });
});
