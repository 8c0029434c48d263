/**
 * Runs `imports.run` jobs in this process (imports/run.ts). An import resumes where the last attempt
 * stopped, so a retry costs little; the lease is long, since a 200 MB archive takes a while, and renewing
 * is not needed: a second worker taking over an expired lease finds the checkpoint and goes on from it.
 */
import { giveUp, type ImportJobDeps, runImport } from '../imports/run.ts';
import type { JobQueue } from './queue.ts';

export const IMPORT_LEASE_MS = 30 * 60_000;

export function registerImports(jobs: JobQueue, deps: ImportJobDeps): void {
  jobs.register(
    'imports.run',
    async ({ importId }, job) => {
      try {
        await runImport(deps, importId);
      } catch (err) {
        if (job.lastAttempt) await giveUp(deps.db, importId);
        throw err;
      }
    },
    { leaseMs: IMPORT_LEASE_MS, backoff: { baseMs: 5_000, maxMs: 5 * 60_000 } },
  );
}
