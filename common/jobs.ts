/**
 * The job queue's vocabulary for the admin page, without zod (the web imports it): the statuses a job goes
 * through (server/jobs/queue.ts; docs/operations.md, "Job queue").
 */
export const JOB_STATUSES = ['queued', 'running', 'done', 'dead'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
