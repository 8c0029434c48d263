import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { deadJobPage, deadJobsQuery, digestRunResult, jobActionResult, jobCounts, jobIdParams } from '../../../common/schemas/jobs.ts';
import { discardJob, retryJob, runDigestNow } from '../../commands/jobs.ts';
import { inTransaction } from '../../db/transaction.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { authorize } from '../../policies/index.ts';
import { countJobs, deadJobs } from '../../queries/jobs.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['admin'];

/**
 * The job queue for operators (docs/operations.md, "Job queue"): counts per status, the dead jobs (out of
 * attempts) with their last error, and retrying or discarding each, audited; and the weekly digest run now.
 */
export const adminJobRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  app.addHook('preHandler', async (request) => authorize(request.actor, 'jobs.manage', { kind: 'site' }));

  app.get(
    '/admin/jobs',
    { schema: { tags, summary: 'How many background jobs are queued, running, done (kept 14 days) and dead, in all and per kind', response: { 200: jobCounts } } },
    async () => countJobs(ctx.db),
  );

  app.get(
    '/admin/jobs/dead',
    {
      schema: {
        tags,
        summary: 'Jobs that failed every attempt, the most recent first, with their last error',
        querystring: deadJobsQuery,
        response: { 200: deadJobPage },
      },
    },
    async (request) => {
      const found = await deadJobs(ctx.db, request.query);
      return { items: found.rows, nextCursor: found.nextCursor };
    },
  );

  app.post(
    '/admin/jobs/:id/retry',
    {
      config: writeRateLimit(ctx.config),
      schema: { tags, summary: 'Put a dead job back in the queue with a new set of attempts (audited)', params: jobIdParams, response: { 200: jobActionResult } },
    },
    async (request) => {
      const actor = viewerOf(request).actor;
      await inTransaction(ctx.db, (tx) => retryJob(tx, { id: actor.id, ip: request.ip }, request.params.id));
      return { id: request.params.id, status: 'queued' as const };
    },
  );

  app.post(
    '/admin/jobs/:id/discard',
    {
      config: writeRateLimit(ctx.config),
      schema: { tags, summary: 'Delete a dead job for good (audited)', params: jobIdParams, response: { 200: jobActionResult } },
    },
    async (request) => {
      const actor = viewerOf(request).actor;
      await inTransaction(ctx.db, (tx) => discardJob(tx, { id: actor.id, ip: request.ip }, request.params.id));
      return { id: request.params.id, status: 'discarded' as const };
    },
  );

  app.post(
    '/admin/jobs/digest',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Run the weekly digest now: members away for a week who have no digest this week get one (audited)',
        response: { 202: digestRunResult },
      },
    },
    async (request, reply) => {
      const actor = viewerOf(request).actor;
      const run = await inTransaction(ctx.db, (tx) => runDigestNow(tx, { id: actor.id, ip: request.ip }));
      return reply.status(202).send(run);
    },
  );
};
