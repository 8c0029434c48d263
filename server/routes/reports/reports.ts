import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reportCreate, reportCreated } from '../../../common/schemas/screening.ts';
import { fileReport } from '../../commands/reports.ts';
import { inTransaction } from '../../db/transaction.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['screening'];

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.post(
    '/reports',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Report a member to the operators, or an invitation, post, comment or message of theirs (kept as evidence)',
        body: reportCreate,
        response: { 201: reportCreated },
      },
    },
    async (request, reply) => {
      const actor = viewerOf(request).actor;
      const created = await inTransaction(ctx.db, (tx) => fileReport(tx, actor, request.body, ctx.config.screening, request.ip));
      return reply.status(201).send({ id: created.id, status: 'open' as const });
    },
  );
};
