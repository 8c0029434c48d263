/** The operators' view of the job queue: counts per status, and the dead jobs to retry or discard. */
import { z } from 'zod';
import { JOB_STATUSES } from '../jobs.ts';
import { bigIdParam, cursor } from './primitives.ts';
import { page } from './search.ts';

const perStatus = Object.fromEntries(JOB_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof JOB_STATUSES)[number], z.ZodNumber>;

/** How many jobs are in each status, in all and per kind (kinds with none left out). */
export const jobCounts = z.object({
  total: z.object(perStatus),
  kinds: z.array(z.object({ kind: z.string(), ...perStatus })),
});
export type JobCounts = z.infer<typeof jobCounts>;

/** A job out of attempts: what it was, how often it was tried, its last error and when. */
export const deadJob = z.object({
  id: z.number(),
  kind: z.string(),
  /** Ids and codes only: what the job was about. */
  payload: z.record(z.string(), z.unknown()),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  /** When it failed for the last time. */
  failedAt: z.string(),
});
export type DeadJob = z.infer<typeof deadJob>;

export const deadJobPage = page(deadJob);
export const deadJobsQuery = z.strictObject({ cursor, limit: z.coerce.number().int().min(1).max(50).default(20) });
export const jobIdParams = z.strictObject({ id: bigIdParam });

/** What an operator's action did to a job. */
export const jobActionResult = z.object({ id: z.number(), status: z.enum(['queued', 'discarded']) });
/** The digest scheduler run on demand: the job that enqueues this week's digests. */
export const digestRunResult = z.object({ jobId: z.number(), week: z.string() });
