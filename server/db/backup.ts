/**
 * Backups of the embedded database (docs/operations.md, "Backups"): its data directory as a gzipped tarball,
 * which PGlite can start from. A server (DATABASE_URL) is backed up with pg_dump instead.
 *
 * While the server runs, only it can open the data directory, so it writes the backups itself (the daily
 * `backup.embedded` job); `rapport backup` writes one while the server is stopped, and `rapport restore`
 * puts one back, also with the server stopped.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Database } from './connection.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';

const PREFIX = 'rapport-backup-';
const SUFFIX = '.tar.gz';

export class BackupError extends Error {}

/** The backup files in a folder, oldest first (their names sort by the moment they were taken). */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.startsWith(PREFIX) && name.endsWith(SUFFIX))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Writes a backup of the open embedded database into dir and keeps the newest `keep` there. The file appears
 * under its final name only once complete (written beside it, then renamed), so a crash or a full disk never
 * leaves a backup that looks whole and is not.
 */
export async function writeBackup(database: Database, dir: string, keep: number, now = new Date()): Promise<{ path: string; bytes: number; removed: string[] }> {
  if (!database.dumpDataDir) throw new BackupError('Backups here are for the embedded database; back up a PostgreSQL server with pg_dump (docs/operations.md, "Backups").');
  mkdirSync(dir, { recursive: true });
  const bytes = Buffer.from(await (await database.dumpDataDir()).arrayBuffer());
  const path = join(dir, `${PREFIX}${now.toISOString().replace(/[:.]/g, '-')}${SUFFIX}`);
  const partial = `${path}.partial`;
  try {
    writeFileSync(partial, bytes);
    renameSync(partial, path);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  const all = listBackups(dir);
  const removed = all.slice(0, Math.max(0, all.length - Math.max(1, keep)));
  for (const old of removed) rmSync(old, { force: true });
  return { path, bytes: bytes.length, removed };
}

/**
 * Replaces the data directory's database with a backup. The backup is opened in memory first, so an unreadable
 * file changes nothing; the database it replaces is kept beside it (pg.before-restore-<time>) until the
 * operator removes it. The graph index snapshot is removed, so the server rebuilds the index from the
 * restored tables when it starts.
 */
export async function restoreBackup(file: string, dataDir: string, now = new Date()): Promise<{ keptAside: string | null }> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupError(`No backup file at ${file}.`);
  const tarball = new Blob([readFileSync(file)]);
  await checkBackup(tarball, file);
  mkdirSync(dataDir, { recursive: true });
  const release = acquireDataDirLock(dataDir);
  try {
    const pgDir = join(dataDir, 'pg');
    let keptAside: string | null = null;
    if (existsSync(pgDir)) {
      keptAside = join(dataDir, `pg.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`);
      renameSync(pgDir, keptAside);
    }
    try {
      const restored = await PGlite.create(pgDir, { extensions: { pg_trgm }, loadDataDir: tarball });
      await restored.close();
    } catch (err) {
      // Put the previous database back: a failed restore leaves things as they were.
      rmSync(pgDir, { recursive: true, force: true });
      if (keptAside) renameSync(keptAside, pgDir);
      throw new BackupError(`Could not restore ${basename(file)}: ${(err as Error).message}`);
    }
    rmSync(join(dataDir, 'graph.snapshot'), { force: true });
    return { keptAside };
  } finally {
    release();
  }
}

/** Opens a backup in memory and asks it a question Rapport's schema can answer; refuses anything else. */
async function checkBackup(tarball: Blob, file: string): Promise<void> {
  let probe: PGlite | undefined;
  try {
    probe = await PGlite.create({ extensions: { pg_trgm }, loadDataDir: tarball });
    await probe.query('SELECT count(*) FROM members');
  } catch (err) {
    throw new BackupError(`${basename(file)} is not a Rapport backup that can be restored (${(err as Error).message.split('\n')[0]}).`);
  } finally {
    await probe?.close().catch(() => undefined);
  }
}
