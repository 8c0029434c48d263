import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDatabase } from '../../test/engines.ts';
import { type Database, rows } from '../connection.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';
import { posts } from './20261221-0019-posts.ts';

const before = migrations.slice(0, migrations.indexOf(posts));

for (const engine of engines()) {
  describe(`posts migration [${engine}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    const db = () => database.db;
    const count = async (query: string) => Number((await rows<{ n: number }>(db(), sql.raw(`SELECT count(*)::int AS n FROM ${query}`)))[0]!.n);

    beforeAll(async () => {
      ({ database, drop } = await openTestDatabase(engine));
      await migrate(db(), before);
      // An invitation from before: it keeps its row and gains an empty comment_id.
      await db().execute(sql`INSERT INTO members (email, handle) VALUES ('a@example.com', 'ana'), ('b@example.com', 'bo'), ('c@example.com', 'cy')`);
      await db().execute(sql`INSERT INTO invitations (sender_id, recipient_id, context, expires_at)
        SELECT a.id, b.id, 'profile', now() + interval '1 day' FROM members a, members b WHERE a.handle = 'ana' AND b.handle = 'bo'`);
      await migrate(db());
    }, 180_000);
    afterAll(() => drop?.());

    it('refuses what the application never writes: an empty original post, an over-long text, an unknown kind', async () => {
      const refused = async (statement: string) => expect(db().execute(sql.raw(statement))).rejects.toThrow();
      await refused(`INSERT INTO posts (author_id, text, visibility) SELECT id, '', 'members' FROM members WHERE handle = 'ana'`);
      await refused(`INSERT INTO posts (author_id, text, visibility) SELECT id, repeat('x', 3001), 'members' FROM members WHERE handle = 'ana'`);
      await refused(`INSERT INTO posts (author_id, text, visibility) SELECT id, 'Hi', 'public' FROM members WHERE handle = 'ana'`);
      await db().execute(sql`INSERT INTO posts (author_id, text, visibility) SELECT id, 'Hello', 'members' FROM members WHERE handle = 'ana'`);
      await refused(`INSERT INTO post_reactions (post_id, member_id, kind) SELECT p.id, m.id, 'love' FROM posts p, members m WHERE m.handle = 'bo'`);
      expect(await count(`invitations WHERE comment_id IS NULL`)).toBe(1);
    });

    it("takes a deleted member's posts, comments, mentions and reactions with them, and unlinks invitations from their comments", async () => {
      await db().execute(sql`INSERT INTO posts (author_id, text, visibility) SELECT id, 'By Cy', 'members' FROM members WHERE handle = 'cy'`);
      await db().execute(sql`INSERT INTO comments (post_id, author_id, text)
        SELECT p.id, m.id, 'Cy comments' FROM posts p JOIN members a ON a.id = p.author_id, members m WHERE a.handle = 'ana' AND m.handle = 'cy'`);
      await db().execute(sql`INSERT INTO post_reactions (post_id, member_id, kind)
        SELECT p.id, m.id, 'like' FROM posts p JOIN members a ON a.id = p.author_id, members m WHERE a.handle = 'ana' AND m.handle = 'cy'`);
      await db().execute(sql`INSERT INTO post_mentions (post_id, author_id, member_id, position)
        SELECT p.id, p.author_id, m.id, 0 FROM posts p JOIN members a ON a.id = p.author_id, members m WHERE a.handle = 'ana' AND m.handle = 'cy'`);
      await db().execute(sql`UPDATE invitations SET comment_id = (SELECT id FROM comments LIMIT 1)`);
      await db().execute(sql`DELETE FROM members WHERE handle = 'cy'`);
      expect([await count(`posts`), await count(`comments`), await count(`post_reactions`), await count(`post_mentions`)]).toEqual([1, 0, 0, 0]);
      expect(await count(`invitations WHERE comment_id IS NULL`)).toBe(1);
    });

    it('comes down and goes up again', async () => {
      // The migrations after it come down first (newest first): some refer to posts.
      const comingDown = migrations.slice(migrations.indexOf(posts)).reverse();
      await database.db.transaction(async (tx) => {
        for (const migration of comingDown) {
          for (const statement of migration.down) await tx.execute(sql.raw(statement));
          await tx.execute(sql`DELETE FROM schema_migrations WHERE name = ${migration.name}`);
        }
      });
      expect(await count(`information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('posts', 'comments', 'post_reactions')`)).toBe(0);
      expect(await migrate(db())).toEqual(comingDown.map((m) => m.name).reverse());
      expect(await count(`information_schema.columns WHERE table_schema = current_schema() AND table_name = 'invitations' AND column_name = 'comment_id'`)).toBe(1);
    });
  });
}
