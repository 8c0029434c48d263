/** Start-up refuses a database that a newer Rapport has migrated, rather than running on a schema it does not know. */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../config.ts';
import { migratedPglite } from '../test/engines.ts';
import { openDatabase, rows } from './connection.ts';
import { migrate, NewerDatabaseError } from './migrate.ts';

describe('migrate [pglite]', () => {
  it('applies nothing on an up-to-date database, and refuses one migrated by a newer version, naming its migrations and changing nothing', async () => {
    const database = await openDatabase(testConfig({ database: migratedPglite() }));
    try {
      expect(await migrate(database.db)).toEqual([]);
      await database.db.execute(sql`INSERT INTO schema_migrations (name) VALUES ('20991231-9999-from-the-future')`);
      const before = await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM schema_migrations`);
      await expect(migrate(database.db)).rejects.toThrow(NewerDatabaseError);
      await expect(migrate(database.db)).rejects.toThrow(/newer version of Rapport \(20991231-9999-from-the-future\)/);
      expect(await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM schema_migrations`)).toEqual(before);
    } finally {
      await database.close();
    }
  });
});
