import { and, count, desc, eq, isNull, lt } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bigIdParam } from '../../../common/schemas/primitives.ts';
import { noticesPage, noticesQuery, noticeView } from '../../../common/schemas/screening.ts';
import { memberNotices } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { decodeCursor, keysetPage, lookahead } from '../../http/cursor.ts';
import { presentNotice } from '../../views/notice.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['me'];

/** What operators (or the platform) decided about the signed-in member: warnings, restrictions, lifts. */
export const noticeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/me/notices',
    { schema: { tags, summary: 'Your notices from the operators, newest first, with the unread count', querystring: noticesQuery, response: { 200: noticesPage } } },
    async (request) => {
      const actor = viewerOf(request).actor;
      const after = decodeCursor(request.query.cursor, { i: 'bigId' });
      const { limit } = request.query;
      const found = await ctx.db
        .select()
        .from(memberNotices)
        .where(and(eq(memberNotices.memberId, actor.id), after ? lt(memberNotices.id, after.i) : undefined))
        .orderBy(desc(memberNotices.id))
        .limit(lookahead(limit));
      const [unread] = await ctx.db
        .select({ n: count() })
        .from(memberNotices)
        .where(and(eq(memberNotices.memberId, actor.id), isNull(memberNotices.readAt)));
      const { rows: notices, nextCursor } = keysetPage(found, limit, (last) => ({ i: last.id }));
      return { items: notices.map(presentNotice), nextCursor, unread: unread?.n ?? 0 };
    },
  );

  app.post(
    '/me/notices/:id/read',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Mark one of your notices as read (idempotent)',
        params: z.strictObject({ id: bigIdParam }),
        response: { 200: noticeView },
      },
    },
    async (request) => {
      const actor = viewerOf(request).actor;
      const [notice] = await ctx.db
        .select()
        .from(memberNotices)
        .where(and(eq(memberNotices.id, request.params.id), eq(memberNotices.memberId, actor.id)));
      // Someone else's notice is as absent as one that never existed.
      if (!notice) throw notFound('notice');
      const readAt = notice.readAt ?? new Date();
      if (!notice.readAt) {
        await ctx.db.update(memberNotices).set({ readAt }).where(and(eq(memberNotices.id, notice.id), isNull(memberNotices.readAt)));
      }
      return presentNotice({ ...notice, readAt });
    },
  );
};
