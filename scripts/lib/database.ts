import { type Config, ConfigError, loadConfig } from '../../server/config.ts';
import { type Database, openDatabase } from '../../server/db/connection.ts';
import { DataDirLockedError } from '../../server/db/data-dir-lock.ts';
import { migrate } from '../../server/db/migrate.ts';

/** A problem the operator can fix: printed as a plain message, without a stack trace. */
export class UsageError extends Error {}

/** Where the configured database lives, for messages. */
export function describeDatabase(config: Config): string {
  return config.database.kind === 'pglite' ? `embedded PGlite in ${config.database.dataDir}` : 'the PostgreSQL server at DATABASE_URL';
}

/** The server's configuration from the environment; a setting it refuses is the operator's to fix, so a plain message. */
export function loadOperatorConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
}

/**
 * Opens the same database the server uses (RAPPORT_DATA_DIR or DATABASE_URL) and brings its schema up to
 * date. An embedded data directory can only be open in one process: while the server runs, stop it first.
 */
export async function openConfiguredDatabase(): Promise<{ config: Config; database: Database; applied: string[] }> {
  const config = loadOperatorConfig();
  let database: Database;
  try {
    database = await openDatabase(config);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      throw new UsageError(`${err.message}\n(Embedded PGlite allows one process per data directory: stop the server, run this command, then start the server again.)`);
    }
    throw err;
  }
  try {
    const applied = await migrate(database.db);
    return { config, database, applied };
  } catch (err) {
    await database.close();
    throw err;
  }
}
