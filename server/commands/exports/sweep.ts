/**
 * The hourly sweep of exports (jobs/maintenance.ts): expired exports lose their row and their file, and
 * temporary files a crashed build left behind (older than a day) are deleted.
 */
import { readdir, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/connection.ts';

const BATCH = 500;
const STALE_PART_MS = 86_400_000;

/** Deletes expired exports and their files; returns how many exports it deleted. */
export async function sweepExports(db: Db, dir: string, now = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    // The row goes first: a file without a row is unreachable, whereas a row without its file would answer 404 anyway.
    const gone = await rows<{ fileName: string | null }>(
      db,
      sql`DELETE FROM exports WHERE id IN (SELECT id FROM exports WHERE expires_at <= ${now.toISOString()}::timestamptz LIMIT ${BATCH})
          RETURNING file_name AS "fileName"`,
    );
    for (const { fileName } of gone) if (fileName) await unlink(join(dir, fileName)).catch(ignoreMissing);
    total += gone.length;
    if (gone.length < BATCH) break;
  }
  const names = await readdir(dir).catch((): string[] => []);
  // A build's temporary ZIP (.part) and its scratch directory of CSVs (.tmp), left by a crash mid-build.
  for (const name of names.filter((n) => n.endsWith('.part') || n.endsWith('.tmp'))) {
    const info = await stat(join(dir, name)).catch(() => null);
    if (info && now.getTime() - info.mtimeMs > STALE_PART_MS) await rm(join(dir, name), { recursive: true, force: true });
  }
  return total;
}

function ignoreMissing(err: NodeJS.ErrnoException): void {
  if (err.code !== 'ENOENT') throw err;
}
