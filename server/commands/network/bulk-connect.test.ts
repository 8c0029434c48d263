import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.ts';
import { migrate } from '../../db/migrate.ts';
import { blocks, connections, events, follows, interactions, invitations } from '../../db/schema.ts';
import { GraphService } from '../../graph/service.ts';
import { engines, openTestDatabase } from '../../test/engines.ts';
import { createMember } from '../members/create-member.ts';
import { arrayLiteral, type BulkEdge, bulkConnect, distinctEdges } from './bulk-connect.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2021, 5, 1, 12, 30, 15, 123);

describe('bulk connect helpers', () => {
  it('drops self-loops and repeated pairs in either direction, keeping the first', () => {
    const e = (a: number, b: number, atMs = 0): BulkEdge => ({ a, b, atMs, context: 'import' });
    expect(distinctEdges([e(1, 2, 1), e(2, 1, 2), e(3, 3), e(1, 2, 3), e(2, 3)])).toEqual([e(1, 2, 1), e(2, 3)]);
  });

  it('writes array literals that survive quotes, backslashes and commas', () => {
    expect(arrayLiteral([1, null, 'a "b", c\\d'])).toBe('{1,NULL,"a \\"b\\", c\\\\d"}');
  });
});

for (const engine of engines()) {
  describe(`bulkConnect [${engine}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    const ids: number[] = [];
    const count1 = async (table: typeof connections | typeof follows | typeof interactions | typeof events) =>
      (await database.db.select({ n: count() }).from(table))[0]!.n;
    const run = (edges: BulkEdge[], batchSize?: number) => database.db.transaction((tx) => bulkConnect(tx, edges, { batchSize }));

    beforeAll(async () => {
      ({ database, drop } = await openTestDatabase(engine));
      await migrate(database.db);
      await database.db.transaction(async (tx) => {
        for (let i = 0; i < 8; i++) {
          const m = await createMember(tx, { email: `m${i}@example.com`, name: `Member ${i}`, passwordHash: 'x', emailVerified: true, mayBecomeOperator: false }, 'http://localhost');
          ids.push(m.id);
        }
      });
    }, 180_000);
    afterAll(() => drop?.());

    it('connects pairs both ways with their date and origin, follows both ways, and records the events', async () => {
      const [a, b, c, d] = ids as [number, number, number, number];
      const result = await run(
        [
          { a, b, atMs: T0, context: 'import' },
          { a: b, b: a, atMs: T0 + DAY, context: 'profile' }, // the same pair again: ignored
          { a: c, b: c, atMs: T0, context: 'import' }, // a self-loop: ignored
          { a: c, b: d, atMs: T0 + 2 * DAY, context: 'introduction', note: 'Met at the "Oslo, 2021" meetup' },
        ],
        1,
      );
      expect(result).toEqual({ pairs: 2, connected: 2, follows: 4 });
      const rowsAB = await database.db.select().from(connections).where(sql`${connections.memberId} IN (${a}, ${b})`);
      expect(rowsAB.map((r) => [r.memberId, r.otherId, r.createdAt.getTime(), r.originContext]).sort()).toEqual(
        [[a, b, T0, 'import'], [b, a, T0, 'import']].sort(),
      );
      expect(await count1(follows)).toBe(4);
      expect(await count1(interactions)).toBe(4);
      const recorded = await database.db.select().from(events).where(sql`${events.kind} <> 'member.joined'`);
      const made = recorded.filter((e) => e.kind === 'connection.made');
      expect(made.map((e) => [e.actorId, e.subjectId]).sort()).toEqual([[a, b], [c, d]].sort());
      expect(made.map((e) => [Date.parse(String(e.data.at)), e.data.context]).sort()).toEqual([[T0, 'import'], [T0 + 2 * DAY, 'introduction']].sort());
      expect(recorded.filter((e) => e.kind === 'follow.added').map((e) => e.data)).toEqual(Array(4).fill({ cause: 'connection' }));
      expect(recorded).toHaveLength(6);

      // The note is kept on an accepted invitation that the connection names as its origin.
      const [cd] = await database.db.select().from(connections).where(and(eq(connections.memberId, d), eq(connections.otherId, c)));
      const [inv] = await database.db.select().from(invitations).where(eq(invitations.id, cd!.invitationId!));
      expect(inv).toMatchObject({ senderId: c, recipientId: d, note: 'Met at the "Oslo, 2021" meetup', status: 'accepted', context: 'introduction' });
    });

    it('adds nothing the second time and never rewrites an existing connection', async () => {
      const [a, b, c, d] = ids as [number, number, number, number];
      const before = { c: await count1(connections), f: await count1(follows), g: await count1(events), i: await count1(interactions) };
      const result = await run([
        { a: b, b: a, atMs: T0 + 9 * DAY, context: 'search' },
        { a: d, b: c, atMs: T0 + 9 * DAY, context: 'search', note: 'again' },
      ]);
      expect(result).toEqual({ pairs: 2, connected: 0, follows: 0 });
      expect({ c: await count1(connections), f: await count1(follows), g: await count1(events), i: await count1(interactions) }).toEqual(before);
      const [ab] = await database.db.select().from(connections).where(and(eq(connections.memberId, a), eq(connections.otherId, b)));
      expect(ab!.createdAt.getTime()).toBe(T0);
      expect((await database.db.select({ n: count() }).from(invitations))[0]!.n).toBe(1);
    });

    it('skips pairs with a block either way, and answers an open invitation by connecting', async () => {
      const [, , , , e, f, g, h] = ids as number[] as [number, number, number, number, number, number, number, number];
      await database.db.insert(blocks).values([{ blockerId: e, blockedId: f }, { blockerId: h, blockedId: g }]);
      const [open] = await database.db
        .insert(invitations)
        .values({ senderId: g, recipientId: e, note: 'Hello', context: 'profile', expiresAt: new Date(Date.now() + 30 * DAY) })
        .returning({ id: invitations.id });
      const result = await run([
        { a: e, b: f, atMs: T0, context: 'import' },
        { a: g, b: h, atMs: T0, context: 'import' },
        { a: e, b: g, atMs: T0, context: 'import', note: 'ignored: the open invitation is the origin' },
      ]);
      expect(result.connected).toBe(1);
      const [eg] = await database.db.select().from(connections).where(and(eq(connections.memberId, e), eq(connections.otherId, g)));
      expect(eg!.invitationId).toBe(open!.id);
      const [inv] = await database.db.select().from(invitations).where(eq(invitations.id, open!.id));
      expect(inv!.status).toBe('accepted');
      expect((await database.db.select({ n: count() }).from(invitations))[0]!.n).toBe(2);
      // The accepted invitation is recorded as answered by its recipient, as accepting it would be.
      const answered = await database.db.select().from(events).where(eq(events.kind, 'invitation.answered'));
      expect(answered).toMatchObject([{ actorId: e, subjectId: g, data: { invitationId: open!.id, answer: 'accepted' } }]);
    });

    it('is what the graph index sees when it is rebuilt from the tables', async () => {
      const graph = await GraphService.load(database.db);
      const stats = await graph.index.stats();
      expect(stats.edges).toBe((await count1(connections)) / 2);
      expect(stats.follows).toBe(await count1(follows));
      const [a, b, c, d] = ids as [number, number, number, number];
      expect(await graph.index.degrees(a, [b, c, d])).toEqual([1, null, null]);
    });
  });
}
