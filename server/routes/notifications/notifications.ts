import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LIMITS } from '../../../common/limits.ts';
import { markNotificationsRead, notificationPage, notificationsQuery, unreadNotifications } from '../../../common/schemas/notifications.ts';
import { markNotificationsRead as markRead } from '../../commands/notifications.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { hydratePeople } from '../../hydration/people.ts';
import { countUnreadGroups, listNotificationGroups } from '../../queries/notifications.ts';
import { viewerOf } from '../../viewer/request.ts';
import { presentNotification } from '../../views/notification.ts';

const tags = ['notifications'];

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/notifications',
    { schema: { tags, summary: 'Your notifications, grouped ("Ana and 12 others…"), newest first', querystring: notificationsQuery, response: { 200: notificationPage } } },
    async (request) => {
      const lens = await viewerOf(request).load();
      const page = await listNotificationGroups(lens, request.query.cursor, LIMITS.pageSizeDefault);
      // Every person of the page in one batch: one statement for the records, one graph call per question.
      const people = await hydratePeople(lens, page.rows.flatMap((g) => g.actorIds));
      const byId = new Map(people.map((p) => [p.record.id, p]));
      const items = page.rows.flatMap((g) => presentNotification(lens.actor, g, byId) ?? []);
      return { items, nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/notifications/unread',
    { schema: { tags, summary: 'How many notification groups are unread (the bell’s number)', response: { 200: unreadNotifications } } },
    async (request) => ({ count: await countUnreadGroups(await viewerOf(request).load()) }),
  );

  app.post(
    '/notifications/read',
    {
      config: writeRateLimit(ctx.config),
      schema: { tags, summary: 'Mark your notifications read, up to one id or all', body: markNotificationsRead, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await markRead(ctx.db, viewerOf(request).actor.id, request.body.upTo);
      return reply.status(204).send(null);
    },
  );
};
