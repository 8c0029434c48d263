import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { deletionCountsView } from '../../../common/schemas/deletion.ts';
import { auditPage, auditQuery } from '../../../common/schemas/screening.ts';
import { authorize } from '../../policies/index.ts';
import { loadAuditPage } from '../../queries/audit.ts';
import { deletionCounts } from '../../queries/deletion.ts';

/** The audit log for operators: who did what to whom, newest first. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  app.addHook('preHandler', async (request) => authorize(request.actor, 'admin.access', { kind: 'site' }));

  app.get(
    '/admin/audit',
    {
      schema: {
        tags: ['admin'],
        summary: 'Audit events, newest first, naming the members involved; filter by one action ("moderation.restrict") or an area ("moderation.")',
        querystring: auditQuery,
        response: { 200: auditPage },
      },
    },
    async (request) => loadAuditPage(ctx.db, request.query),
  );

  app.get(
    '/admin/deletions',
    {
      schema: {
        tags: ['admin'],
        summary: 'Account deletions: how many are pending, and completed and cancelled per month (never who; each is also an audit entry without the person’s data)',
        response: { 200: deletionCountsView },
      },
    },
    async () => deletionCounts(ctx.db),
  );
};
