import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { enqueueJob } from '../../jobs/enqueue.ts';
import { signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { connect, members } from '../network/network-test-helpers.ts';

interface View {
  computedAt: string | null;
  days: { day: string; members: number; connections: number; density: number; clusters: number; modularity: number }[];
  clusters: { id: number; size: number; label: { kind: string; value: string } | null }[];
  bridges: { handle: string; name: string; clusters: number[]; score: number }[];
}

describeEachEngine('Admin → Community: the structure', (get) => {
  it('finds two planted clusters and the member who bridges them, never a suspended or blocked one; members get 403', async () => {
    const { app, database } = get();
    // The first member to join is the operator.
    const operator = await signUp(app, 'Olga Operator');
    const [a1, a2, a3, a4, b1, b2, b3, b4, x, zed, sue] = await members(app, [
      'Ann Alpha', 'Abe Alpha', 'Ada Alpha', 'Al Alpha', 'Bea Beta', 'Bob Beta', 'Bo Beta', 'Bill Beta', 'Xan Bridge', 'Zed Blocked', 'Sue Gone',
    ]);
    for (const [who, industry] of [[a1, 'Design'], [a2, 'Design'], [a3, 'Design'], [a4, 'Design'], [b1, 'Finance'], [b2, 'Finance'], [b3, 'Finance'], [b4, 'Finance']] as const) {
      expect((await who!.call('PATCH', '/api/v1/me/profile', { industry })).statusCode).toBe(200);
    }
    const A = [a1!, a2!, a3!, a4!], B = [b1!, b2!, b3!, b4!];
    for (const group of [A, B]) for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) await connect(group[i]!, group[j]!);
    // Three would-be bridges, two ties into each clique: X (shown), Zed (whom the operator blocks), Sue (suspended).
    for (const bridge of [x!, zed!, sue!]) for (const other of [a1!, a2!, b1!, b2!]) await connect(bridge, other);
    expect((await operator.call('PUT', `/api/v1/members/${zed!.handle}/block`)).statusCode).toBe(200);
    await database.db.execute(sql`UPDATE members SET status = 'suspended' WHERE handle = ${sue!.handle}`);

    // A member may not look.
    const denied = await a1!.call('GET', '/api/v1/admin/community/structure');
    expect(denied.statusCode).toBe(403);
    expect(denied.headers['content-type']).toMatch(/application\/problem\+json/);

    // Empty before the job's first run: computed on the first visit.
    const res = await operator.call('GET', '/api/v1/admin/community/structure');
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<View>();
    expect(view.computedAt).not.toBeNull();
    expect(view.days).toHaveLength(1);
    // Active members: the operator, the eight, X and Zed (Sue is suspended). Connections among them: two cliques
    // of four (6 each) and X's and Zed's four each.
    expect(view.days[0]).toMatchObject({ members: 11, connections: 20, clusters: 2 });
    expect(view.days[0]!.density).toBeCloseTo((2 * 20) / (11 * 10), 9);
    expect(view.days[0]!.modularity).toBeGreaterThan(0.2);
    expect(view.clusters.map((c) => c.size).reduce((s, n) => s + n, 0)).toBe(10);
    expect(view.clusters.map((c) => c.label)).toEqual(expect.arrayContaining([{ kind: 'industry', value: 'Design' }, { kind: 'industry', value: 'Finance' }]));
    expect(view.bridges).toEqual([{ handle: x!.handle, name: 'Xan Bridge', clusters: [0, 1], score: 0.5 }]);
    expect(res.body).not.toContain(sue!.handle);
    expect(res.body).not.toContain(zed!.handle);
    // Zed bridges too: only the block keeps them off this operator's page.
    const [held] = await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM community_bridges`);
    expect(Number(held!.n)).toBe(2);

    // The daily job writes a day of its own; the chart reads the days oldest first.
    await enqueueJob(database.db, 'community.structure', { day: '2026-01-02' });
    await app.ctx.jobs.kick();
    const after = (await operator.call('GET', '/api/v1/admin/community/structure')).json<View>();
    expect(after.days.map((d) => d.day)[0]).toBe('2026-01-02');
    expect(after.days).toHaveLength(2);
    expect(after.days[0]).toMatchObject({ members: 11, connections: 20, clusters: 2 });

    // A member suspended after the run drops off the page at once.
    await database.db.execute(sql`UPDATE members SET status = 'suspended' WHERE handle = ${x!.handle}`);
    expect((await operator.call('GET', '/api/v1/admin/community/structure')).json<View>().bridges).toEqual([]);
  });
});
