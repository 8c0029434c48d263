import { sql } from 'drizzle-orm';
import { type Db, rows } from './connection.ts';
import { migrations as registry } from './migrations/index.ts';
import type { Migration } from './migrations/types.ts';

/** An arbitrary constant: the advisory lock that lets one of several starting processes migrate at a time. */
const MIGRATION_LOCK = 72_617_001;

/**
 * Applies pending migrations from code at start-up, each in its own transaction.
 * (drizzle-kit migrate exits silently on PGlite when a migration creates an extension.)
 */
export async function migrate(db: Db, migrations: Migration[] = registry): Promise<string[]> {
  await db.execute(sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    const done = new Set((await rows<{ name: string }>(tx, sql`SELECT name FROM schema_migrations`)).map((r) => r.name));
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
