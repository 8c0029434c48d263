import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { connect, members } from '../routes/network/network-test-helpers.ts';
import { describeEachEngine } from '../test/engines.ts';
import { loadGraphFromDatabase } from './load.ts';
import { toDay } from './scoring.ts';
import { verifyGraph } from './verify.ts';

describeEachEngine('graph rebuild from the tables', (get) => {
  it('reads every connection with its day and every follow: by binary COPY on PostgreSQL, by queries on PGlite', async () => {
    const { app, database } = get();
    const [a, b, c, d, loner] = await members(app, ['Lena A', 'Lena B', 'Lena C', 'Lena D', 'Lena E']);
    await connect(a!, b!);
    await connect(b!, c!);
    await connect(a!, c!);
    await connect(c!, d!);
    expect((await a!.call('PUT', `/api/v1/members/${d!.handle}/follow`)).statusCode).toBe(200);
    // An old tie, late in its UTC day: the day is computed in UTC on the server as in toDay.
    const old = '2003-04-05T23:30:00Z';
    await database.db.execute(sql`UPDATE connections SET created_at = ${old}::timestamptz
      WHERE (member_id = ${a!.id} AND other_id = ${c!.id}) OR (member_id = ${c!.id} AND other_id = ${a!.id})`);

    const loaded = await loadGraphFromDatabase(database.db);
    expect(loaded.via).toBe(database.engine === 'postgres' ? 'copy' : 'queries');
    const g = loaded.graph;
    expect([...g.neighbours(a!.id)]).toEqual([b!.id, c!.id].sort((x, y) => x - y));
    expect([...g.neighbours(c!.id)]).toEqual([a!.id, b!.id, d!.id].sort((x, y) => x - y));
    expect(g.degree(loner!.id)).toBe(0);
    expect(g.n).toBeGreaterThan(loner!.id);
    expect(g.edgeDay(a!.id, c!.id)).toBe(toDay(Date.parse(old)));
    expect(g.edgeDay(c!.id, a!.id)).toBe(toDay(Date.parse(old)));
    expect(g.follows.isFollowing(a!.id, d!.id)).toBe(true);
    const report = await verifyGraph(database.db, g);
    expect(report).toMatchObject({ differenceCount: 0 });
    expect(loaded.lastChangeId).toBeGreaterThan(0);
  });
});
