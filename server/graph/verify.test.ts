import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { connect, members } from '../routes/network/network-test-helpers.ts';
import { describeEachEngine } from '../test/engines.ts';
import { loadGraphFromDatabase } from './load.ts';
import { verifyGraph } from './verify.ts';

describeEachEngine('graph verify', (get) => {
  it('finds nothing on the index the server keeps, and each corruption of a copy of it', async () => {
    const { app, database } = get();
    const [a, b, c, d] = await members(app, ['Vera A', 'Vera B', 'Vera C', 'Vera D']);
    await connect(a!, b!);
    await connect(b!, c!);
    await connect(c!, d!);
    expect((await a!.call('PUT', `/api/v1/members/${d!.handle}/follow`)).statusCode).toBe(200);

    const live = app.ctx.graph.csrIndex.graph;
    const clean = await verifyGraph(database.db, live);
    expect(clean).toMatchObject({ differenceCount: 0, differences: [], connectionRows: 6, indexEdges: 6, followRows: 7, indexFollows: 7 });

    // Corrupt a copy (the rebuild), never the app's own index.
    const { graph } = await loadGraphFromDatabase(database.db);
    graph.removeConnection(a!.id, b!.id);
    graph.addConnection(a!.id, d!.id, Date.now());
    graph.follows.unfollow(a!.id, d!.id);
    graph.follows.follow(d!.id, b!.id);
    const report = await verifyGraph(database.db, graph);
    const found = report.differences.map((x) => [x.kind, x.a, x.b]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['missing-edge', a!.id, b!.id],
        ['missing-edge', b!.id, a!.id],
        ['extra-edge', a!.id, d!.id],
        ['extra-edge', d!.id, a!.id],
        ['missing-follow', a!.id, d!.id],
        ['extra-follow', d!.id, b!.id],
      ]),
    );
    expect(report.differenceCount).toBe(6);
    expect(report.differences[0]!.detail).toMatch(/not in the index|no connection row|follow/);
  });

  it('reports a connection row whose reverse row was deleted, and a wrong day', async () => {
    const { app, database } = get();
    const [e, f] = await members(app, ['Vera E', 'Vera F']);
    await connect(e!, f!);
    await database.db.execute(sql`DELETE FROM connections WHERE member_id = ${f!.id} AND other_id = ${e!.id}`);
    await database.db.execute(sql`UPDATE connections SET created_at = created_at - interval '3 days' WHERE member_id = ${e!.id} AND other_id = ${f!.id}`);
    const report = await verifyGraph(database.db, app.ctx.graph.csrIndex.graph, { limit: 10 });
    expect(report.differences.map((x) => [x.kind, x.a, x.b])).toEqual([
      ['one-sided-row', e!.id, f!.id],
      ['edge-day', e!.id, f!.id],
      ['extra-edge', f!.id, e!.id],
    ]);
    expect(report.differences[0]!.detail).toBe(`connection row ${e!.id} → ${f!.id} has no reverse row ${f!.id} → ${e!.id}`);
  });

  it('keeps only the first `limit` differences but counts them all', async () => {
    const { database } = get();
    const { graph } = await loadGraphFromDatabase(database.db);
    for (let i = 1000; i < 1010; i++) graph.addConnection(i, i + 1, Date.now());
    const report = await verifyGraph(database.db, graph, { limit: 3 });
    expect(report.differences).toHaveLength(3);
    expect(report.differenceCount).toBeGreaterThanOrEqual(20);
  });
});
