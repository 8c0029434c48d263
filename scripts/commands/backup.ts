import type { Config } from '../../server/config.ts';
import { BackupError, listBackups, restoreBackup, writeBackup } from '../../server/db/backup.ts';
import { DataDirLockedError } from '../../server/db/data-dir-lock.ts';
import { loadOperatorConfig, openConfiguredDatabase, UsageError } from '../lib/database.ts';
import type { Command } from './types.ts';

const serverAdvice =
  'DATABASE_URL is set: back up the PostgreSQL server with pg_dump -Fc, and restore with pg_restore, then start the server, which rebuilds the graph index (docs/operations.md, "Backups").';

const backupUsage = `Usage: rapport backup [--keep N]

Writes a backup of the embedded database (RAPPORT_DATA_DIR) into BACKUP_DIR (default RAPPORT_DATA_DIR/backups)
as rapport-backup-<time>.tar.gz, and keeps the newest N there (default BACKUP_KEEP, 7). Stop the server first:
only one process may open the data directory. A running server writes one a day by itself.
${serverAdvice}`;

const restoreUsage = `Usage: rapport restore <backup.tar.gz>

Replaces the embedded database in RAPPORT_DATA_DIR with a backup, with the server stopped. The backup is
checked first, so an unreadable one changes nothing; the database it replaces is kept beside it as
pg.before-restore-<time>. The server rebuilds its graph index from the restored tables when it starts.`;

function embeddedConfig(): Config & { database: { kind: 'pglite'; dataDir: string } } {
  const config = loadOperatorConfig();
  if (config.database.kind !== 'pglite' || !config.database.dataDir) throw new UsageError(serverAdvice);
  return config as Config & { database: { kind: 'pglite'; dataDir: string } };
}

/** `rapport backup`: one backup of the embedded database now, with the server stopped. */
export const backupCommand: Command = {
  name: 'backup',
  summary: 'back up the embedded database (server stopped), keeping the newest few',
  usage: backupUsage,
  async run(args) {
    if (args[0] === '--help' || args[0] === '-h') {
      console.log(backupUsage);
      return 0;
    }
    const config = embeddedConfig();
    let keep = config.backups.keep || 7;
    if (args.length > 0) {
      if (args[0] !== '--keep' || !/^[1-9][0-9]{0,3}$/.test(args[1] ?? '') || args.length > 2) {
        console.error(`Unexpected "${args.join(' ')}": --keep takes a whole number from 1 to 9999.\n\n${backupUsage}`);
        return 2;
      }
      keep = Number(args[1]);
    }
    const { database } = await openConfiguredDatabase();
    try {
      const written = await writeBackup(database, config.backups.dir, keep);
      console.log(`Wrote ${written.path} (${(written.bytes / 1_048_576).toFixed(1)} MB); ${listBackups(config.backups.dir).length} backups kept in ${config.backups.dir}.`);
      for (const old of written.removed) console.log(`Removed the older ${old}.`);
      return 0;
    } finally {
      await database.close();
    }
  },
};

/** `rapport restore <file>`: puts a backup back in place of the embedded database, with the server stopped. */
export const restoreCommand: Command = {
  name: 'restore',
  summary: 'replace the embedded database with a backup (server stopped)',
  usage: restoreUsage,
  async run(args) {
    if (args[0] === '--help' || args[0] === '-h') {
      console.log(restoreUsage);
      return 0;
    }
    if (args.length !== 1) {
      console.error(`Which backup? Give one file.\n\n${restoreUsage}`);
      return 2;
    }
    const config = embeddedConfig();
    try {
      const { keptAside } = await restoreBackup(args[0]!, config.database.dataDir);
      console.log(`Restored ${args[0]} into ${config.database.dataDir}.`);
      if (keptAside) console.log(`The database it replaced is in ${keptAside}: remove it once the restored one is right.`);
      console.log('Start the server: it rebuilds the graph index from the restored tables.');
      return 0;
    } catch (err) {
      if (err instanceof BackupError) {
        console.error(`${err.message}\nNothing was changed.`);
        return 1;
      }
      if (err instanceof DataDirLockedError) throw new UsageError(`${err.message}\n(Stop the server before restoring.)`);
      throw err;
    }
  },
};
