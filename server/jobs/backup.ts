/**
 * The embedded database's daily backup (db/backup.ts). Only the running server can open its data directory,
 * so it writes its own backups; a PostgreSQL server is backed up with pg_dump and WAL archiving instead.
 */
import type { Config } from '../config.ts';
import { writeBackup } from '../db/backup.ts';
import type { Database } from '../db/connection.ts';
import type { JobQueue } from './queue.ts';
import { type Schedule, schedule } from './schedule.ts';

export const BACKUP_SCHEDULE: Schedule = schedule({ kind: 'backup.embedded', every: 'day', payload: (day) => ({ day }), maxAttempts: 3 });

/** Whether this instance backs itself up: embedded PGlite on disk, with backups not turned off. */
export function backsItselfUp(config: Config): boolean {
  return config.database.kind === 'pglite' && config.database.dataDir !== null && config.backups.keep > 0;
}

export function registerBackup(jobs: JobQueue, deps: { database: Database; config: Config }): void {
  jobs.register('backup.embedded', async () => {
    await writeBackup(deps.database, deps.config.backups.dir, deps.config.backups.keep);
  });
}
