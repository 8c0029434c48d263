import { and, desc, eq, like, lt } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPage, auditQuery } from '../../../common/schemas/screening.ts';
import { auditEvents, members, profiles } from '../../db/schema.ts';
import { decodeCursor, encodeCursor } from '../../http/cursor.ts';
import { authorize } from '../../policies/index.ts';

/** The audit log for operators: who did what to whom, newest first. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  app.addHook('preHandler', async (request) => authorize(request.actor, 'admin.access', { kind: 'site' }));

  app.get(
    '/admin/audit',
    {
      schema: {
        tags: ['admin'],
        summary: 'Recent audit events, newest first; filter by action prefix (e.g. "moderation.")',
        querystring: auditQuery,
        response: { 200: auditPage },
      },
    },
    async (request) => {
      const { limit, action } = request.query;
      const after = decodeCursor(request.query.cursor, { i: 'bigId' });
      const found = await ctx.db
        .select({ e: auditEvents, handle: members.handle, name: profiles.name })
        .from(auditEvents)
        .leftJoin(members, eq(members.id, auditEvents.actorId))
        .leftJoin(profiles, eq(profiles.memberId, auditEvents.actorId))
        .where(and(after ? lt(auditEvents.id, after.i) : undefined, action ? like(auditEvents.action, `${action.replace(/_/g, '\\_')}%`) : undefined))
        .orderBy(desc(auditEvents.id))
        .limit(limit + 1);
      const items = found.slice(0, limit).map(({ e, handle, name }) => ({
        id: e.id,
        at: e.createdAt.toISOString(),
        actor: handle ? { handle, name: name ?? handle } : null,
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        data: e.data,
        ip: e.ip,
      }));
      const last = items[items.length - 1];
      return { items, nextCursor: found.length > limit && last ? encodeCursor({ i: last.id }) : null };
    },
  );
};
