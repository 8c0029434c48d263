import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/engines.ts';
import { connect, members } from '../network/network-test-helpers.ts';

describeEachEngine('garden: the ego map', (get) => {
  it('clusters my connections, finds the bridge, labels the clusters and leaves out blocked, suspended and 2nd-degree members', async () => {
    const { app, database } = get();
    const [me, a1, a2, a3, b1, b2, b3, x, blocker, gone, stranger] = await members(app, [
      'Mia Ego', 'Ann Alpha', 'Abe Alpha', 'Ada Alpha', 'Bea Beta', 'Bob Beta', 'Bo Beta', 'Xan Bridge', 'Zed Blocker', 'Sue Gone', 'Wes Stranger',
    ]);
    for (const [who, industry] of [[a1, 'Design'], [a2, 'Design'], [a3, 'Design'], [b1, 'Finance'], [b2, 'Finance'], [b3, 'Finance']] as const) {
      expect((await who!.call('PATCH', '/api/v1/me/profile', { industry })).statusCode).toBe(200);
    }
    for (const other of [a1, a2, a3, b1, b2, b3, x, blocker, gone]) await connect(me!, other!);
    for (const [p, q] of [[a1, a2], [a1, a3], [a2, a3], [b1, b2], [b1, b3], [b2, b3], [x, a1], [x, a2], [x, b1], [x, b2], [blocker, a1], [gone, b1], [stranger, a1]] as const) {
      await connect(p!, q!);
    }
    expect((await blocker!.call('PUT', `/api/v1/members/${me!.handle}/block`)).statusCode).toBe(200);
    await database.db.execute(sql`UPDATE members SET status = 'suspended' WHERE handle = ${gone!.handle}`);

    const res = await me!.call('GET', '/api/v1/me/garden/map');
    expect(res.statusCode, res.body).toBe(200);
    const map = res.json();
    const handles = map.nodes.map((n: { handle: string }) => n.handle).sort();
    expect(handles).toEqual([a1, a2, a3, b1, b2, b3, x].map((m) => m!.handle).sort());
    expect(map.total).toBe(7);
    expect(map.truncated).toBe(false);
    expect(map.clusters.map((c: { size: number }) => c.size).sort()).toEqual([3, 4]);
    expect(map.bridges).toEqual([x!.handle]);
    const node = (h: string): { cluster: number; bridge: boolean } => map.nodes.find((n: { handle: string }) => n.handle === h);
    expect(node(x!.handle).bridge).toBe(true);
    expect(node(a1!.handle).bridge).toBe(false);
    expect(node(a1!.handle).cluster).toBe(node(a3!.handle).cluster);
    expect(node(b1!.handle).cluster).toBe(node(b3!.handle).cluster);
    expect(node(a1!.handle).cluster).not.toBe(node(b1!.handle).cluster);
    const labelOf = (h: string): unknown => map.clusters[node(h).cluster].label;
    expect(labelOf(a1!.handle)).toEqual({ kind: 'industry', value: 'Design' });
    expect(labelOf(b1!.handle)).toEqual({ kind: 'industry', value: 'Finance' });
    // 7 connections, 10 ties among them (two triangles and the bridge's four): effective size 7 − 20/7.
    expect(map.edges).toHaveLength(10);
    expect(map.effectiveSize).toBeCloseTo(7 - 20 / 7, 3);
    expect(map.constraint).toBeGreaterThan(0);
    expect(map.constraint).toBeLessThan(1);
    // The garden names the same structure: its clusters and the bridge, with the clusters the bridge reaches.
    const garden = (await me!.call('GET', '/api/v1/me/garden')).json();
    expect(garden.clusters).toEqual(map.clusters);
    expect(garden.bridges).toEqual([{ handle: x!.handle, name: 'Xan Bridge', cluster: node(x!.handle).cluster, reaches: [1 - node(x!.handle).cluster] }]);
    expect(garden.effectiveSize).toBeCloseTo(map.effectiveSize, 3);
    expect(JSON.stringify(garden)).not.toContain(blocker!.handle);
    expect(JSON.stringify(map)).not.toContain(blocker!.handle);
    expect(JSON.stringify(map)).not.toContain(gone!.handle);
    expect(JSON.stringify(map)).not.toContain(stranger!.handle);
  });

  it('answers an empty map to a member with no connections, and 401 to nobody', async () => {
    const { app } = get();
    const [loner] = await members(app, ['Lone Ego']);
    const res = await loner!.call('GET', '/api/v1/me/garden/map');
    expect(res.json()).toEqual({ nodes: [], edges: [], clusters: [], bridges: [], effectiveSize: 0, constraint: 0, total: 0, truncated: false });
    expect((await app.inject({ method: 'GET', url: '/api/v1/me/garden/map' })).statusCode).toBe(401);
  });
});
