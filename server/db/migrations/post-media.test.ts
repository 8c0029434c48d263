import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDatabase } from '../../test/engines.ts';
import { type Database, rows } from '../connection.ts';
import { migrate } from '../migrate.ts';
import { postMedia } from './20261224-0022-post-media.ts';
import { migrations } from './index.ts';

for (const engine of engines()) {
  describe(`post media migration [${engine}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let ana: number;
    let postId: number;
    const count = async (what: string) => (await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM ${sql.raw(what)}`))[0]!.n;
    beforeAll(async () => {
      ({ database, drop } = await openTestDatabase(engine));
      await migrate(database.db);
      [{ id: ana }] = (await rows<{ id: number }>(database.db, sql`INSERT INTO members (email, handle) VALUES ('a@example.com', 'ana') RETURNING id`)) as [{ id: number }];
      const [p] = await rows<{ id: string }>(database.db, sql`INSERT INTO posts (author_id, text, visibility) VALUES (${ana}, 'Hello', 'members') RETURNING id`);
      postId = Number(p!.id);
    }, 180_000);
    afterAll(() => drop?.());

    it('is registered after the notifications migration', () => {
      const names = migrations.map((m) => m.name);
      expect(names.indexOf(postMedia.name)).toBe(names.indexOf('20261223-0021-notifications') + 1);
    });

    it('refuses what the application never writes', async () => {
      const image = sql`${ana}, '\\x00'::bytea, 'image/webp', 1, 1, 'e'`;
      const refused = (statement: ReturnType<typeof sql>) => expect(database.db.execute(statement)).rejects.toThrow();
      await refused(sql`INSERT INTO media (owner_id, content, mime_type, width, height, etag) VALUES (${ana}, '\\x00'::bytea, 'image/svg+xml', 1, 1, 'e')`);
      await refused(sql`INSERT INTO media (owner_id, content, mime_type, width, height, etag, post_id, position) VALUES (${image}, ${postId}, 4)`);
      await refused(sql`INSERT INTO media (owner_id, content, mime_type, width, height, etag, post_id) VALUES (${image}, ${postId})`);
      await database.db.execute(sql`INSERT INTO media (owner_id, content, mime_type, width, height, etag, post_id, position) VALUES (${image}, ${postId}, 0)`);
      await refused(sql`INSERT INTO media (owner_id, content, mime_type, width, height, etag, post_id, position) VALUES (${image}, ${postId}, 0)`);
      await refused(sql`INSERT INTO post_link_previews (post_id, url, status) VALUES (${postId}, 'https://example.com', 'ready')`);
      await refused(sql`INSERT INTO post_link_previews (post_id, url) VALUES (${postId}, '')`);
    });

    it('takes a post’s images and preview with it, and a member’s uploads with them', async () => {
      await database.db.execute(sql`INSERT INTO post_link_previews (post_id, url) VALUES (${postId}, 'https://example.com')`);
      await database.db.execute(sql`INSERT INTO media (owner_id, content, mime_type, width, height, etag) VALUES (${ana}, '\\x00'::bytea, 'image/webp', 1, 1, 'e')`);
      await database.db.execute(sql`DELETE FROM posts WHERE id = ${postId}`);
      expect(await count(`media WHERE post_id = ${postId}`)).toBe(0);
      expect(await count('post_link_previews')).toBe(0);
      expect(await count('media')).toBe(1);
      await database.db.execute(sql`DELETE FROM members WHERE id = ${ana}`);
      expect(await count('media')).toBe(0);
    });

    it('goes down and up again', async () => {
      await database.db.transaction(async (tx) => {
        for (const statement of postMedia.down) await tx.execute(sql.raw(statement));
        await tx.execute(sql`DELETE FROM schema_migrations WHERE name = ${postMedia.name}`);
      });
      expect(await count(`pg_tables WHERE tablename IN ('media', 'post_link_previews') AND schemaname = current_schema()`)).toBe(0);
      expect(await migrate(database.db)).toEqual([postMedia.name]);
    });
  });
}
