import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveOrganisation } from '../../commands/organisations.ts';
import { engines, openTestDatabase } from '../../test/engines.ts';
import { type Database, rows } from '../connection.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

const before = migrations.slice(0, migrations.findIndex((m) => m.name === '20261211-0005-organisation-spelling'));

/** An existing instance's data, written as the code before this migration wrote it (keys without symbols). */
async function legacyData(db: Database['db']): Promise<void> {
  await db.execute(sql`INSERT INTO members (email, handle) VALUES ('a@example.com', 'ana'), ('b@example.com', 'ben')`);
  await db.execute(sql`INSERT INTO profiles (member_id, name) SELECT id, handle FROM members`);
  await db.execute(sql`INSERT INTO organisations (name, name_key, slug) VALUES
    ('C# Users Italy', 'c users italy', 'c-users-italy'),
    ('AcmeCorp', 'acmecorp', 'acmecorp'),
    ('Acme\u200BCorp', 'acme corp', 'acme-corp'),
    ('Société Générale', 'societe generale', 'societe-generale')`);
  await db.execute(sql`INSERT INTO experiences (member_id, organisation_id, title, start_date, position)
    SELECT m.id, o.id, 'Engineer', '2020-01-01', 0 FROM members m, organisations o
     WHERE (m.handle, o.slug) IN (('ana', 'c-users-italy'), ('ana', 'acme-corp'), ('ben', 'acmecorp'))`);
  await db.execute(sql`INSERT INTO search_documents (member_id, name_key, public_doc, full_doc, visibility, organisation_ids)
    SELECT m.id, m.handle, ''::tsvector, ''::tsvector, 'signed_in', ARRAY(SELECT organisation_id FROM experiences e WHERE e.member_id = m.id ORDER BY 1) FROM members m`);
}

for (const engine of engines()) {
  describe(`organisation spelling migration [${engine}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ database, drop } = await openTestDatabase(engine));
      await migrate(database.db, before);
      await legacyData(database.db);
      await migrate(database.db);
    }, 180_000);
    afterAll(() => drop?.());

    const org = async (slug: string) =>
      (await rows<{ id: number; name_key: string; merged_into: number | null }>(database.db, sql`SELECT id, name_key, merged_into FROM organisations WHERE slug = ${slug}`))[0]!;

    it('re-keys every organisation the way new writes key them', async () => {
      expect((await org('c-users-italy')).name_key).toBe('c# users italy');
      expect((await org('societe-generale')).name_key).toBe('societe generale');
      // A member typing either symbol now lands where the key says: C# in the old row, C++ in a new one.
      const cs = await resolveOrganisation(database.db, 'c#  users ITALY');
      const cpp = await resolveOrganisation(database.db, 'C++ Users Italy');
      expect(cs).toBe((await org('c-users-italy')).id);
      expect(cpp).not.toBe(cs);
    });

    it('keeps the name an old position shows, since what was merged before cannot be told apart', async () => {
      const names = await rows<{ handle: string; organisation_name: string }>(
        database.db,
        sql`SELECT m.handle, e.organisation_name FROM experiences e JOIN members m ON m.id = e.member_id ORDER BY m.handle, e.organisation_name`,
      );
      expect(names).toEqual([
        { handle: 'ana', organisation_name: 'Acme\u200BCorp' },
        { handle: 'ana', organisation_name: 'C# Users Italy' },
        { handle: 'ben', organisation_name: 'AcmeCorp' },
      ]);
    });

    it('folds organisations that now share a key into the older one, positions and search included', async () => {
      // "AcmeCorp" and "Acme<zero-width space>Corp" had different keys (the old key made the space a space).
      const acme = await org('acmecorp');
      const folded = await org('acme-corp');
      expect(acme).toMatchObject({ name_key: 'acmecorp', merged_into: null });
      expect(folded.merged_into).toBe(acme.id);
      const at = await rows<{ organisation_id: number }>(database.db, sql`SELECT organisation_id FROM experiences WHERE organisation_name LIKE 'Acme%'`);
      expect(at.map((r) => r.organisation_id)).toEqual([acme.id, acme.id]);
      const docs = await rows<{ ids: number[] }>(database.db, sql`SELECT organisation_ids AS ids FROM search_documents`);
      expect(docs.flatMap((d) => d.ids)).not.toContain(folded.id);
      expect(await resolveOrganisation(database.db, 'ACME\u200BCORP')).toBe(acme.id);
    });
  });
}
