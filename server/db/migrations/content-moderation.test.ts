import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDatabase } from '../../test/engines.ts';
import { type Database, rows } from '../connection.ts';
import { migrate } from '../migrate.ts';
import { contentModeration as migration } from './20261224-0023-content-moderation.ts';
import { migrations } from './index.ts';

for (const engine of engines()) {
  describe(`content moderation migration [${engine}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let ids: Record<'ana' | 'bo', number>;
    let conversation: number;
    beforeAll(async () => {
      ({ database, drop } = await openTestDatabase(engine));
      await migrate(database.db);
      const found = await rows<{ id: number; handle: 'ana' | 'bo' }>(
        database.db,
        sql`INSERT INTO members (email, handle) VALUES ('a@example.com', 'ana'), ('b@example.com', 'bo') RETURNING id, handle`,
      );
      ids = Object.fromEntries(found.map((r) => [r.handle, r.id])) as typeof ids;
      const [created] = await rows<{ id: number }>(database.db, sql`INSERT INTO conversations (kind, created_by) VALUES ('direct', ${ids.ana}) RETURNING id`);
      conversation = Number(created!.id);
    }, 180_000);
    afterAll(() => drop?.());

    it('is registered after the notifications migration', () => {
      const names = migrations.map((m) => m.name);
      expect(names.indexOf('20261224-0023-content-moderation')).toBeGreaterThan(names.indexOf('20261223-0021-notifications'));
    });

    it('keeps a removed message without text, and refuses an empty one that was not removed', async () => {
      const refused = async (statement: ReturnType<typeof sql>) => expect(database.db.execute(statement)).rejects.toThrow();
      await refused(sql`INSERT INTO messages (conversation_id, sender_id, text) VALUES (${conversation}, ${ids.ana}, '')`);
      await refused(sql`INSERT INTO messages (conversation_id, sender_id, text) VALUES (${conversation}, ${ids.ana}, ${'x'.repeat(8001)})`);
      await database.db.execute(sql`INSERT INTO messages (conversation_id, sender_id, text, removed_at) VALUES (${conversation}, ${ids.ana}, '', now())`);
      // A report about content names it whole: kind, id and snapshot together, or none of them.
      await refused(sql`INSERT INTO reports (reporter_id, member_id, reason, content_kind, content_id) VALUES (${ids.bo}, ${ids.ana}, 'spam', 'post', 1)`);
      await refused(sql`INSERT INTO reports (reporter_id, member_id, reason, content_kind, content_id, content) VALUES (${ids.bo}, ${ids.ana}, 'spam', 'profile', 1, '{}')`);
      await refused(sql`INSERT INTO moderation_flags (kind, member_ids) VALUES ('gossip', ARRAY[${ids.ana}]::int[])`);
      await database.db.execute(sql`INSERT INTO moderation_flags (kind, member_ids) VALUES ('pitch', ARRAY[${ids.ana}]::int[])`);
      await database.db.execute(sql`INSERT INTO member_notices (member_id, kind, code, params) VALUES (${ids.ana}, 'removal', 'notice.content_removed', '{}')`);
    });

    it('keeps one open report per reporter and member, and one per reporter and item', async () => {
      const report = (content: { kind: string; id: number } | null) =>
        database.db.execute(sql`INSERT INTO reports (reporter_id, member_id, reason, content_kind, content_id, content)
          VALUES (${ids.bo}, ${ids.ana}, 'spam', ${content?.kind ?? null}, ${content?.id ?? null}, ${content ? JSON.stringify({ text: 'x' }) : null}::jsonb)`);
      await report(null);
      await report({ kind: 'post', id: 1 });
      await report({ kind: 'post', id: 2 });
      await report({ kind: 'comment', id: 1 });
      await expect(report(null)).rejects.toThrow();
      await expect(report({ kind: 'post', id: 1 })).rejects.toThrow();
    });

    it('goes down and up again', async () => {
      await database.db.transaction(async (tx) => {
        for (const statement of migration.down) await tx.execute(sql.raw(statement));
        const [left] = await rows<{ tables: number; columns: number }>(
          tx,
          sql`SELECT (SELECT count(*)::int FROM pg_tables WHERE tablename = 'message_approaches' AND schemaname = current_schema()) AS tables,
                     (SELECT count(*)::int FROM information_schema.columns WHERE table_schema = current_schema()
                        AND ((table_name = 'reports' AND column_name LIKE 'content%') OR (table_name = 'messages' AND column_name = 'removed_at'))) AS columns`,
        );
        expect(left).toEqual({ tables: 0, columns: 0 });
        for (const statement of migration.up) await tx.execute(sql.raw(statement));
      });
    });
  });
}
