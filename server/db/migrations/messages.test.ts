import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDatabase } from '../../test/engines.ts';
import { type Database, rows } from '../connection.ts';
import { migrate } from '../migrate.ts';
import { messages as migration } from './20261222-0020-messages.ts';
import { migrations } from './index.ts';

/** The plan of a query with sequential scans off: which indexes it can use (the tables here are tiny). */
async function planOf(database: Database, query: ReturnType<typeof sql>): Promise<string> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL enable_seqscan = off`);
    const plan = await rows<{ 'QUERY PLAN': string }>(tx, sql`EXPLAIN ${query}`);
    return plan.map((r) => r['QUERY PLAN']).join('\n');
  });
}

for (const engine of engines()) {
  describe(`messages migration [${engine}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let ids: Record<'ana' | 'bo' | 'cy', number>;
    let direct: number;
    beforeAll(async () => {
      ({ database, drop } = await openTestDatabase(engine));
      await migrate(database.db);
      const found = await rows<{ id: number; handle: 'ana' | 'bo' | 'cy' }>(
        database.db,
        sql`INSERT INTO members (email, handle) VALUES ('a@example.com', 'ana'), ('b@example.com', 'bo'), ('c@example.com', 'cy') RETURNING id, handle`,
      );
      ids = Object.fromEntries(found.map((r) => [r.handle, r.id])) as typeof ids;
      const [created] = await rows<{ id: number }>(database.db, sql`INSERT INTO conversations (kind, created_by) VALUES ('direct', ${ids.ana}) RETURNING id`);
      direct = Number(created!.id);
      await database.db.execute(sql`INSERT INTO conversation_members (conversation_id, member_id, peer_id, folder)
        VALUES (${direct}, ${ids.ana}, ${ids.bo}, 'inbox'), (${direct}, ${ids.bo}, ${ids.ana}, 'requests')`);
      await database.db.execute(sql`INSERT INTO messages (conversation_id, sender_id, text) VALUES (${direct}, ${ids.ana}, 'Hello'), (${direct}, ${ids.bo}, 'Hi')`);
      await database.db.execute(sql`INSERT INTO message_settings (member_id, second) VALUES (${ids.bo}, 'drop')`);
    }, 180_000);
    afterAll(() => drop?.());

    it('is registered after the posts migration it follows', () => {
      const names = migrations.map((m) => m.name);
      expect(names.indexOf('20261222-0020-messages')).toBe(names.indexOf('20261221-0019-posts') + 1);
    });

    it('refuses what the API would refuse', async () => {
      const refused = async (statement: ReturnType<typeof sql>) => expect(database.db.execute(statement)).rejects.toThrow();
      await refused(sql`INSERT INTO messages (conversation_id, sender_id, text) VALUES (${direct}, ${ids.ana}, '')`);
      await refused(sql`INSERT INTO messages (conversation_id, sender_id, text) VALUES (${direct}, ${ids.ana}, ${'x'.repeat(8001)})`);
      await refused(sql`INSERT INTO conversation_members (conversation_id, member_id, folder) VALUES (${direct}, ${ids.cy}, 'spam')`);
      await refused(sql`INSERT INTO conversation_members (conversation_id, member_id, folder, warnings) VALUES (${direct}, ${ids.cy}, 'inbox', '{rude}')`);
      await refused(sql`INSERT INTO conversation_members (conversation_id, member_id, peer_id, folder) VALUES (${direct}, ${ids.cy}, ${ids.cy}, 'inbox')`);
      // One one-to-one per pair, as each member sees it.
      await refused(sql`INSERT INTO conversation_members (conversation_id, member_id, peer_id, folder)
        SELECT id, ${ids.ana}, ${ids.bo}, 'inbox' FROM conversations WHERE id = ${direct}`);
      await refused(sql`INSERT INTO message_settings (member_id, flagged) VALUES (${ids.cy}, 'maybe')`);
    });

    it('can answer my conversations by latest activity, the badge and a page of messages from indexes', async () => {
      const list = await planOf(
        database,
        sql`SELECT conversation_id FROM conversation_members WHERE member_id = ${ids.ana} AND folder = 'inbox' AND NOT archived ORDER BY last_message_id DESC LIMIT 21`,
      );
      expect(list).toContain('conversation_members_list_idx');
      const badge = await planOf(
        database,
        sql`SELECT count(*) FROM conversation_members WHERE member_id = ${ids.ana} AND folder = 'inbox' AND NOT archived AND NOT muted
              AND last_message_id > coalesce(last_read_message_id, 0) AND folder <> 'dropped'`,
      );
      expect(badge).toMatch(/conversation_members_(unread|list)_idx/);
      const page = await planOf(database, sql`SELECT id FROM messages WHERE conversation_id = ${direct} AND id < 1000 ORDER BY id DESC LIMIT 21`);
      expect(page).toContain('messages_conversation_idx');
    });

    it("takes a member's rows with them: their place in conversations, their messages, their settings, and one-to-ones with them", async () => {
      await database.db.execute(sql`DELETE FROM members WHERE id = ${ids.bo}`);
      const left = await rows<{ members: number; messages: number; settings: number; conversations: number }>(
        database.db,
        sql`SELECT (SELECT count(*)::int FROM conversation_members) AS members, (SELECT count(*)::int FROM messages WHERE sender_id = ${ids.bo}) AS messages,
                   (SELECT count(*)::int FROM message_settings) AS settings, (SELECT count(*)::int FROM conversations) AS conversations`,
      );
      // Ana's row went too (its peer is gone); the conversation and her own message stay until she is deleted.
      expect(left).toEqual([{ members: 0, messages: 0, settings: 0, conversations: 1 }]);
    });

    it('goes down and up again', async () => {
      // The migrations after it come down first (newest first) and go up again after it: some refer to messages.
      const later = migrations.slice(migrations.indexOf(migration) + 1);
      await database.db.transaction(async (tx) => {
        for (const m of [...later].reverse()) for (const statement of m.down) await tx.execute(sql.raw(statement));
        for (const statement of migration.down) await tx.execute(sql.raw(statement));
        const tables = await rows<{ n: number }>(
          tx,
          sql`SELECT count(*)::int AS n FROM pg_tables WHERE tablename IN ('conversations', 'conversation_members', 'messages', 'message_settings')
                AND schemaname = current_schema()`,
        );
        expect(tables).toEqual([{ n: 0 }]);
        for (const statement of migration.up) await tx.execute(sql.raw(statement));
        for (const m of later) for (const statement of m.up) await tx.execute(sql.raw(statement));
      });
    });
  });
}
