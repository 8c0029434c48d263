/**
 * The embedded database's backups (db/backup.ts, jobs/backup.ts): the running server writes one through its
 * job queue, and restoring it into the data directory brings back exactly what was there when it was taken.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { type Config, testConfig } from '../config.ts';
import { enqueueJob } from '../jobs/enqueue.ts';
import { signUp } from '../test/client.ts';
import { BackupError, listBackups, restoreBackup } from './backup.ts';
import { rows } from './connection.ts';

const dir = mkdtempSync(join(tmpdir(), 'rapport-backup-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const dataDir = join(dir, 'data');
const backups = join(dir, 'backups');
const config: Config = testConfig({
  database: { kind: 'pglite', dataDir },
  graphSnapshot: { path: join(dataDir, 'graph.snapshot'), intervalMs: 0, everyChanges: 100_000 },
  backups: { dir: backups, keep: 2 },
});

async function memberNames(app: FastifyInstance): Promise<string[]> {
  return (await rows<{ name: string }>(app.ctx.db, sql`SELECT name FROM profiles ORDER BY name`)).map((r) => r.name);
}

/** Runs the daily backup job for a given day, as the scheduler would enqueue it. */
async function backUpThrough(app: FastifyInstance, day: string): Promise<void> {
  await enqueueJob(app.ctx.db, 'backup.embedded', { day }, { uniqueKey: day });
  await app.ctx.jobs.kick();
}

describe('backups of the embedded database [pglite]', () => {
  it('are written by the daily job, keep the newest two, and restore what was there when taken, dropping the stale graph index snapshot', async () => {
    let app = await buildApp(config, { background: false });
    try {
      await signUp(app, 'Ada Before');
      await backUpThrough(app, '2026-12-01');
      await backUpThrough(app, '2026-12-02');
      await signUp(app, 'Bruno After');
      await backUpThrough(app, '2026-12-03');
      expect(await memberNames(app)).toEqual(['Ada Before', 'Bruno After']);
    } finally {
      await app.close();
    }
    const kept = listBackups(backups);
    expect(kept).toHaveLength(2);
    expect(readdirSync(backups).filter((name) => name.endsWith('.partial'))).toEqual([]);
    // The older of the two kept was taken before Bruno signed up.
    writeFileSync(join(dataDir, 'graph.snapshot'), 'a stale index of the database being replaced');
    const { keptAside } = await restoreBackup(kept[0]!, dataDir);
    expect(keptAside && existsSync(keptAside)).toBe(true);
    expect(existsSync(join(dataDir, 'graph.snapshot'))).toBe(false);

    app = await buildApp(config, { background: false });
    try {
      expect(await memberNames(app)).toEqual(['Ada Before']);
      // The restored database takes writes as before.
      await signUp(app, 'Carla Later');
      expect(await memberNames(app)).toEqual(['Ada Before', 'Carla Later']);
    } finally {
      await app.close();
    }
  }, 240_000);

  it('refuses a file that is not a backup, naming it, and changes nothing', async () => {
    const bogus = join(dir, 'not-a-backup.tar.gz');
    writeFileSync(bogus, 'this is not a tarball of a data directory');
    await expect(restoreBackup(bogus, dataDir)).rejects.toThrow(BackupError);
    await expect(restoreBackup(bogus, dataDir)).rejects.toThrow(/not-a-backup\.tar\.gz is not a Rapport backup/);
    await expect(restoreBackup(join(dir, 'missing.tar.gz'), dataDir)).rejects.toThrow(/No backup file at/);
    const app = await buildApp(config, { background: false });
    try {
      expect(await memberNames(app)).toEqual(['Ada Before', 'Carla Later']);
    } finally {
      await app.close();
    }
  }, 240_000);

  it('refuses to restore while the server has the data directory open', async () => {
    const app = await buildApp(config, { background: false });
    try {
      await expect(restoreBackup(listBackups(backups)[0]!, dataDir)).rejects.toThrow(/in use by another Rapport process/);
    } finally {
      await app.close();
    }
  }, 240_000);
});
