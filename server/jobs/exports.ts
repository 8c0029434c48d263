/**
 * The `exports.build` job: takes a queued export, writes its ZIP (exports/build.ts) and marks it done, which
 * tells its owner (the `export.ready` event's notification and email). A failure marks the export failed with
 * a code and leaves no file; the job then dies (one attempt) so operators see it on the admin page.
 */
import { failExport, finishExport, startExport } from '../commands/exports/exports.ts';
import type { Db } from '../db/connection.ts';
import { buildExport } from '../exports/build.ts';
import type { JobQueue } from './queue.ts';

export function registerExports(jobs: JobQueue, deps: { db: Db; dir: string; publicUrl: string }): void {
  jobs.register('exports.build', async ({ exportId }) => {
    await runExport(deps, exportId);
  });
}

/** Builds one export; returns false when there was nothing to do (gone, or already finished). */
export async function runExport(deps: { db: Db; dir: string; publicUrl: string }, exportId: number): Promise<boolean> {
  const started = await startExport(deps.db, exportId);
  if (!started) return false;
  try {
    const file = await buildExport(deps, exportId, started.memberId);
    await finishExport(deps.db, exportId, started.memberId, file);
    return true;
  } catch (err) {
    await failExport(deps.db, exportId, failureCode(err));
    throw err;
  }
}

function failureCode(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
  return 'build_failed';
}
