import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCsr } from '../../graph/csr-snapshot.ts';
import { CsrGraph } from '../../graph/csr.ts';
import { databaseFingerprint, openGraph } from '../../graph/persist.ts';
import { writeSnapshotFile } from '../../graph/snapshot.ts';
import { verifyGraph } from '../../graph/verify.ts';
import { engines, openTestDatabase } from '../../test/engines.ts';
import { type Database, rows } from '../connection.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

const before = migrations.slice(0, migrations.findIndex((m) => m.name === '20261215-0007-events'));
const dir = mkdtempSync(join(tmpdir(), 'rapport-events-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAY = Date.UTC(2024, 2, 3, 10, 0, 0);

/**
 * An instance as the code before the events outbox left it: four members, connections and follows, and
 * graph_changes holding the log with a gap (ids 1–2 pruned) so its ids are not simply 1..n.
 */
async function legacyData(db: Database['db']): Promise<void> {
  await db.execute(sql`INSERT INTO members (email, handle) VALUES ('a@example.com', 'a'), ('b@example.com', 'b'), ('c@example.com', 'c'), ('d@example.com', 'd')`);
  await db.execute(sql`INSERT INTO profiles (member_id, name) SELECT id, handle FROM members`);
  await db.execute(sql`INSERT INTO connections (member_id, other_id, created_at, origin_context)
    SELECT x.id, y.id, to_timestamp(${DAY} / 1000.0), 'profile' FROM members x, members y
     WHERE (x.handle, y.handle) IN (('a', 'b'), ('b', 'a'), ('c', 'd'), ('d', 'c'))`);
  await db.execute(sql`INSERT INTO follows (follower_id, followee_id) SELECT x.id, y.id FROM members x, members y WHERE (x.handle, y.handle) IN (('a', 'b'), ('b', 'a'), ('c', 'd'))`);
  // The log: a–b before the snapshot (ids 3–5), then c–d and its follow after it (6–7).
  await db.execute(sql`INSERT INTO graph_changes (id, kind, a, b, at) OVERRIDING SYSTEM VALUE
    SELECT v.id, v.kind, x.id, y.id, to_timestamp(${DAY} / 1000.0) FROM (VALUES
      (3, 'connect', 'a', 'b'), (4, 'follow', 'a', 'b'), (5, 'follow', 'b', 'a'), (6, 'connect', 'c', 'd'), (7, 'follow', 'c', 'd')
    ) AS v(id, kind, ah, bh) JOIN members x ON x.handle = v.ah JOIN members y ON y.handle = v.bh`);
  await db.execute(sql`SELECT setval(pg_get_serial_sequence('graph_changes', 'id'), 7)`);
}

for (const engine of engines()) {
  describe(`events migration [${engine}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    const path = join(dir, `graph-${engine}.snapshot`);
    const ids = new Map<string, number>();
    beforeAll(async () => {
      ({ database, drop } = await openTestDatabase(engine));
      await migrate(database.db, before);
      await legacyData(database.db);
      for (const m of await rows<{ id: number; handle: string }>(database.db, sql`SELECT id, handle FROM members`)) ids.set(m.handle, m.id);
      // A snapshot taken by the old server at mark 5: a–b connected and following each other.
      const graph = CsrGraph.empty();
      graph.ensureNodes(Math.max(...ids.values()) + 1);
      graph.addConnection(ids.get('a')!, ids.get('b')!, DAY);
      graph.follows.follow(ids.get('a')!, ids.get('b')!);
      graph.follows.follow(ids.get('b')!, ids.get('a')!);
      await writeSnapshotFile(path, encodeCsr(graph), { mark: 5, maxApplied: 5, database: await databaseFingerprint(database.db), takenAt: '' });
      await migrate(database.db);
    }, 180_000);
    afterAll(() => drop?.());

    it('turns each graph change into an event with the same id, kind by kind, and drops graph_changes', async () => {
      const id = (h: string) => ids.get(h)!;
      const events = await rows<{ id: number; kind: string; actor_id: number; subject_id: number; data: Record<string, unknown> }>(
        database.db,
        sql`SELECT id::int AS id, kind, actor_id, subject_id, data FROM events ORDER BY id`,
      );
      expect(events.map((e) => [e.id, e.kind, e.actor_id, e.subject_id])).toEqual([
        [3, 'connection.made', id('a'), id('b')],
        [4, 'follow.added', id('a'), id('b')],
        [5, 'follow.added', id('b'), id('a')],
        [6, 'connection.made', id('c'), id('d')],
        [7, 'follow.added', id('c'), id('d')],
      ]);
      expect(Date.parse(String(events[0]!.data.at))).toBe(DAY);
      expect(await rows(database.db, sql`SELECT 1 FROM information_schema.tables WHERE table_name = 'graph_changes' AND table_schema = current_schema()`)).toEqual([]);
      // New events continue after the largest id.
      const [next] = await rows<{ id: number }>(database.db, sql`INSERT INTO events (kind, data) VALUES ('test.next', '{}') RETURNING id::int AS id`);
      expect(next!.id).toBe(8);
      await database.db.execute(sql`DELETE FROM events WHERE id = 8`);
    });

    it("keeps an old snapshot's mark meaning the same place: catch-up replays exactly what came after it", async () => {
      const log = { lines: [] as string[], info: (_: object, msg: string) => void log.lines.push(msg), warn: (o: object, msg: string) => void log.lines.push(`${msg} ${JSON.stringify(o)}`) };
      const opened = await openGraph(database.db, path, log);
      expect(log.lines.join('\n')).toContain('graph index loaded from snapshot');
      expect(opened.service.marks.appliedCount).toBe(2);
      expect((await verifyGraph(database.db, opened.service.csrIndex.graph)).differences).toEqual([]);
    });
  });
}
