import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDatabase } from '../../test/engines.ts';
import { type Database, rows } from '../connection.ts';
import { migrate } from '../migrate.ts';
import { feedRanking } from './20261224-0025-feed-ranking.ts';
import { migrations } from './index.ts';

const before = migrations.slice(0, migrations.indexOf(feedRanking));

for (const engine of engines()) {
  describe(`feed ranking migration [${engine}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    const db = () => database.db;
    const pairs = () =>
      rows<{ member: string; other: string; given: number; received: number }>(
        db(),
        sql`SELECT a.handle AS member, b.handle AS other, e.given, e.received
              FROM engagement_pairs e JOIN members a ON a.id = e.member_id JOIN members b ON b.id = e.other_id
             ORDER BY 1, 2`,
      );

    beforeAll(async () => {
      ({ database, drop } = await openTestDatabase(engine));
      await migrate(db(), before);
      // Comments written before: Bo on Ana's post, Ana's reply to Bo, Cy's reply to Bo on Ana's post, and
      // Ana on her own post (which answers nobody).
      await db().execute(sql`INSERT INTO members (email, handle) VALUES ('a@example.com', 'ana'), ('b@example.com', 'bo'), ('c@example.com', 'cy')`);
      await db().execute(sql`INSERT INTO posts (author_id, text, visibility) SELECT id, 'Hello', 'members' FROM members WHERE handle = 'ana'`);
      const comment = (handle: string, text: string, parent: string | null) =>
        db().execute(sql`INSERT INTO comments (post_id, author_id, parent_id, text)
          SELECT (SELECT id FROM posts), m.id, (SELECT id FROM comments WHERE text = ${parent}), ${text} FROM members m WHERE m.handle = ${handle}`);
      await comment('bo', 'Great post', null);
      await comment('ana', 'Thanks Bo', 'Great post');
      await comment('cy', 'Agreed, Bo', 'Great post');
      await comment('ana', 'A note to myself', null);
      await migrate(db());
    }, 180_000);
    afterAll(() => drop?.());

    it('keeps every earlier comment as an interaction with the member it answered, and counts each pair both ways', async () => {
      const ledger = await rows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM interactions WHERE kind IN ('comment_sent', 'comment_received')`);
      // Three comments answered someone, two rows each; the note to herself answered nobody.
      expect(ledger[0]!.n).toBe(6);
      expect(await pairs()).toEqual([
        { member: 'ana', other: 'bo', given: 1, received: 1 },
        { member: 'bo', other: 'ana', given: 1, received: 1 },
        { member: 'bo', other: 'cy', given: 0, received: 1 },
        { member: 'cy', other: 'bo', given: 1, received: 0 },
      ]);
    });

    it('refuses a pair of one member with themself and a negative count', async () => {
      await expect(db().execute(sql`INSERT INTO engagement_pairs (member_id, other_id) SELECT id, id FROM members WHERE handle = 'ana'`)).rejects.toThrow();
      await expect(
        db().execute(sql`INSERT INTO engagement_pairs (member_id, other_id, given) SELECT a.id, c.id, -1 FROM members a, members c WHERE a.handle = 'ana' AND c.handle = 'cy'`),
      ).rejects.toThrow();
    });

    it('comes down and goes up again, to the same counts', async () => {
      const was = await pairs();
      await database.db.transaction(async (tx) => {
        for (const statement of feedRanking.down) await tx.execute(sql.raw(statement));
        await tx.execute(sql`DELETE FROM schema_migrations WHERE name = ${feedRanking.name}`);
      });
      expect(await migrate(db())).toEqual([feedRanking.name]);
      expect(await pairs()).toEqual(was);
    });
  });
}
