import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/connection.ts';
import { migrate } from '../../server/db/migrate.ts';
import { connections, events, follows, invitations, members } from '../../server/db/schema.ts';
import { GraphService } from '../../server/graph/service.ts';
import { engines, openTestDatabase } from '../../server/test/engines.ts';
import { generateCommunity } from './generate.ts';
import { generateGraph } from './graph.ts';
import { loadDemo } from './load.ts';
import { loadDemoGraph } from './load-graph.ts';

const community = generateCommunity(150, 3);
const graph = generateGraph(community);
const options = { invitationExpiryMs: 182 * 86_400_000, nowMs: Date.now() };

for (const engine of engines()) {
  describe(`demo graph load [${engine}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    const total = async (table: typeof connections | typeof follows | typeof invitations | typeof events) =>
      (await database.db.select({ n: count() }).from(table))[0]!.n;

    beforeAll(async () => {
      ({ database, drop } = await openTestDatabase(engine));
      await migrate(database.db);
      await loadDemo(database, community, { publicUrl: 'http://localhost', scryptLogN: 10 });
    }, 120_000);
    afterAll(() => drop?.());

    it('writes every generated connection, pending invitation and follow', { timeout: 180_000 }, async () => {
      const result = await loadDemoGraph(database, community, graph, options);
      expect(result).toEqual({ connections: graph.connections.length, invitations: graph.invitations.length, follows: graph.follows.length });
      expect(await total(connections)).toBe(2 * graph.connections.length);
      // Two follows per connection, plus the follows without one.
      expect(await total(follows)).toBe(2 * graph.connections.length + graph.follows.length);
      const pending = await database.db.select({ n: count() }).from(invitations).where(eq(invitations.status, 'pending'));
      expect(pending[0]!.n).toBe(graph.invitations.length);
      // Each was screened on arrival, so "Placed here by" says what placed it; demo members screen manually.
      const placed = await database.db.select({ folder: invitations.folder, placement: invitations.placement, template: invitations.template }).from(invitations).where(eq(invitations.status, 'pending'));
      expect(placed).toHaveLength(graph.invitations.length);
      for (const v of placed) {
        const expected = v.folder === 'inbox' ? ['placement.manual'] : v.folder === 'other' ? ['placement.other_risk', 'placement.other_flagged'] : ['placement.held'];
        expect(expected).toContain(v.placement?.code);
      }
      expect(placed.some((v) => v.folder === 'inbox')).toBe(true);
      // Origins are only ones a real feature records.
      const origins = await database.db.selectDistinct({ context: connections.originContext }).from(connections);
      expect(origins.map((o) => o.context).sort()).toEqual(['import', 'profile', 'search', 'suggestion']);

      // The first example member has invitations waiting in both boxes, with notes, open for months.
      const [me] = await database.db.select({ id: members.id }).from(members).where(eq(members.email, community.people[0]!.email));
      const received = await database.db.select().from(invitations).where(and(eq(invitations.recipientId, me!.id), eq(invitations.status, 'pending')));
      const sent = await database.db.select().from(invitations).where(and(eq(invitations.senderId, me!.id), eq(invitations.status, 'pending')));
      expect(received.length).toBeGreaterThanOrEqual(2);
      expect(sent.length).toBeGreaterThanOrEqual(1);
      expect([...received, ...sent].every((v) => v.expiresAt.getTime() > Date.now() + 100 * 86_400_000)).toBe(true);
      expect(received.some((v) => v.note.length > 0)).toBe(true);

      const stats = await (await GraphService.load(database.db)).index.stats();
      expect(stats).toMatchObject({ edges: graph.connections.length, follows: 2 * graph.connections.length + graph.follows.length });
    });

    it('adds nothing when loaded again', { timeout: 180_000 }, async () => {
      const before = [await total(connections), await total(follows), await total(invitations), await total(events)];
      expect(await loadDemoGraph(database, community, graph, options)).toEqual({ connections: 0, invitations: 0, follows: 0 });
      expect([await total(connections), await total(follows), await total(invitations), await total(events)]).toEqual(before);
      const [dated] = await database.db.select({ n: count() }).from(connections).where(sql`${connections.createdAt} > now()`);
      expect(dated!.n).toBe(0);
    });
  });
}
