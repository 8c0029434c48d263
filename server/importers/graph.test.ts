import { fileURLToPath } from 'node:url';
import { count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { connections, members, profiles } from '../db/schema.ts';
import { GraphService } from '../graph/service.ts';
import { engines, openTestDatabase, serverUrl } from '../test/engines.ts';
import { parseEdgeListText } from './edge-list.ts';
import { importGraph, nodeEmail } from './graph.ts';
import { readTextFile } from './read-text.ts';

const options = { publicUrl: 'http://localhost', scryptLogN: 10 };
// The repository's copy of SNAP ego-Facebook, gzip-compressed as SNAP ships it (datasets/ego-facebook/README.md).
const FACEBOOK = fileURLToPath(new URL('../../datasets/ego-facebook/facebook_combined.txt.gz', import.meta.url));

for (const engine of engines()) {
  describe(`edge list import [${engine}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    const total = async (table: typeof members | typeof connections, where?: ReturnType<typeof like>) =>
      (await database.db.select({ n: count() }).from(table).where(where))[0]!.n;

    beforeAll(async () => {
      ({ database, drop } = await openTestDatabase(engine));
      await migrate(database.db);
    }, 180_000);
    afterAll(() => drop?.());

    it('makes one member per node and one connection per distinct edge, named from the names file', async () => {
      const read = parseEdgeListText('10 20\n20 30\n30 10\n20 10\n40 40\n50 10\n', 'tiny.txt');
      const result = await importGraph(database, read, { ...options, source: 'tiny', names: new Map([['10', 'Ada Lovelace']]) });
      expect(result.people).toMatchObject({ created: 5, connectionsCreated: 4 });
      expect(result.nodes.map((n) => n.fileId)).toEqual(['10', '20', '30', '40', '50']);
      const ada = result.nodes[0]!;
      expect(ada.handle).toBe('ada-lovelace');
      const [profile] = await database.db.select({ name: profiles.name }).from(profiles).where(eq(profiles.memberId, result.nodes[1]!.memberId));
      expect(profile!.name).toBe('Node 20');
      const [m] = await database.db.select({ email: members.email }).from(members).where(eq(members.id, ada.memberId));
      expect(m!.email).toBe(nodeEmail('tiny', '10'));
      // Node 10 knows 20, 30 and 50 in the file; so does its member, in the index rebuilt from the tables.
      const graph = await GraphService.load(database.db);
      const others = result.nodes.slice(1).map((n) => n.memberId);
      expect(await graph.index.degrees(ada.memberId, others)).toEqual([1, 1, null, 1]);
    });

    it('adds nothing when the same file is imported again, and keeps files with the same ids apart', async () => {
      const read = parseEdgeListText('10 20\n20 30\n30 10\n50 10\n40 10\n', 'tiny.txt');
      const again = await importGraph(database, read, { ...options, source: 'tiny' });
      // 40–10 is the one new edge (40 was already there, as a self-loop only).
      expect(again.people).toMatchObject({ created: 0, connectionsCreated: 1 });
      expect(await total(members)).toBe(5);
      const other = await importGraph(database, parseEdgeListText('10 20\n', 'other.txt'), { ...options, source: 'other' });
      expect(other.people).toMatchObject({ created: 2, connectionsCreated: 1 });
      expect(await total(members, like(members.email, '%@other.graph.invalid'))).toBe(2);
    });
  });
}

// ego-Facebook through the real commands: a few minutes on PGlite, so only on a PostgreSQL server.
describe.runIf(serverUrl)('ego-Facebook import [postgres]', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase('postgres'));
    await migrate(database.db);
  }, 180_000);
  afterAll(() => drop?.());

  it('imports 4,039 people and 88,234 connections, with the file’s degrees', { timeout: 600_000 }, async () => {
    const read = parseEdgeListText(await readTextFile(FACEBOOK), 'facebook_combined.txt.gz');
    const result = await importGraph(database, read, { ...options, source: 'facebook' });
    expect(result.people).toMatchObject({ created: 4039, connectionsCreated: 88_234 });
    const stats = await (await GraphService.load(database.db)).index.stats();
    expect(stats.edges).toBe(88_234);
    // Node 107 is the largest hub (degree 1,045).
    const hub = result.nodes.find((n) => n.fileId === '107')!;
    expect((await database.db.select({ n: count() }).from(connections).where(eq(connections.memberId, hub.memberId)))[0]!.n).toBe(1045);
  });
});
