import { sql } from 'drizzle-orm';
import { type Db, rows } from './connection.ts';
import { migrations as registry } from './migrations/index.ts';
import type { Migration } from './migrations/types.ts';

/** An arbitrary constant: the advisory lock that lets one of several starting processes migrate at a time. */
const MIGRATION_LOCK = 72_617_001;

/** A database migrated by a newer Rapport than this one: running on it could misread what it holds. */
export class NewerDatabaseError extends Error {}

/**
 * Applies pending migrations from code at start-up, together in one transaction: an upgrade applies all
 * of them or none. (drizzle-kit migrate exits silently on PGlite when a migration creates an extension.)
 * A database that has migrations this code does not know was upgraded by a newer version: refused, since
 * there are no down-migrations (docs/operations.md, "Production checklist": restore the backup instead).
 */
export async function migrate(db: Db, migrations: Migration[] = registry): Promise<string[]> {
  await db.execute(sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    const done = new Set((await rows<{ name: string }>(tx, sql`SELECT name FROM schema_migrations`)).map((r) => r.name));
    const known = new Set(migrations.map((m) => m.name));
    const unknown = [...done].filter((name) => !known.has(name)).sort();
    if (unknown.length > 0) {
      throw new NewerDatabaseError(
        `This database was migrated by a newer version of Rapport (${unknown.join(', ')}), which this version does not know. ` +
          'Run that version, or restore the backup taken before the upgrade (docs/operations.md, "Backups").',
      );
    }
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      for (const statement of m.up) await tx.execute(sql.raw(statement));
      await m.data?.(tx);
      await tx.execute(sql`INSERT INTO schema_migrations (name) VALUES (${m.name})`);
      applied.push(m.name);
    }
  });
  return applied;
}
