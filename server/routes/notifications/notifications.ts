import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LIMITS } from '../../../common/limits.ts';
import {
  markNotificationsRead,
  notificationPage,
  notificationSettings,
  notificationSettingsUpdate,
  notificationsQuery,
  subscriptionView,
  unreadNotifications,
  unsubscribeQuery,
} from '../../../common/schemas/notifications.ts';
import { saveEmailChoices, unsubscribeByToken } from '../../commands/notification-preferences.ts';
import { badRequest } from '../../errors.ts';
import { loadNotificationSettings, subscriptionByToken } from '../../queries/notification-preferences.ts';
import { markNotificationsRead as markRead } from '../../commands/notifications.ts';
import { acceptOneClickForm } from '../../http/one-click-form.ts';
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
      // The people a suggestion names, with the viewer's relations (Connect, Pending, Connected): only when a page has one.
      const named = page.rows.flatMap((g) => g.subject.people ?? []);
      const suggested = named.length > 0 ? await hydratePeople(lens, named, { relations: true }) : [];
      const suggestedById = new Map(suggested.map((p) => [p.record.id, p]));
      const items = page.rows.flatMap((g) => presentNotification(lens.actor, g, byId, suggestedById) ?? []);
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

/**
 * Email choices and the emails' one-click unsubscribe. `POST /unsubscribe` is what mail clients call
 * (RFC 8058: `List-Unsubscribe=One-Click` as a form body, no cookies); the web's /unsubscribe page shows the
 * choice and posts to the same route, since a GET must change nothing (link scanners open every link).
 */
export const notificationSettingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  acceptOneClickForm(app);

  app.get(
    '/me/notification-settings',
    { schema: { tags, summary: 'Which notifications also come to you by email', response: { 200: notificationSettings } } },
    async (request) => loadNotificationSettings(ctx.db, viewerOf(request).actor.id),
  );

  app.put(
    '/me/notification-settings',
    {
      config: writeRateLimit(ctx.config),
      schema: { tags, summary: 'Choose which notifications also come by email', body: notificationSettingsUpdate, response: { 200: notificationSettings } },
    },
    async (request) => {
      const memberId = viewerOf(request).actor.id;
      await saveEmailChoices(ctx.db, memberId, request.body.email);
      return loadNotificationSettings(ctx.db, memberId);
    },
  );

  app.get(
    '/unsubscribe',
    {
      config: { auth: 'public' },
      schema: { tags, summary: 'What an emailed unsubscribe link would stop (changes nothing)', querystring: unsubscribeQuery, response: { 200: subscriptionView } },
    },
    async (request) => {
      const found = await subscriptionByToken(ctx.db, request.query.token, request.query.kind);
      if (!found) throw badRequest('invalid_link', { key: 'unsubscribe' });
      return { kind: request.query.kind, ...found };
    },
  );

  app.post(
    '/unsubscribe',
    {
      config: { auth: 'public', ...writeRateLimit(ctx.config) },
      schema: { tags, summary: 'One-click unsubscribe from one kind of notification email (RFC 8058), without signing in', querystring: unsubscribeQuery, response: { 200: subscriptionView } },
    },
    async (request) => {
      if (!(await unsubscribeByToken(ctx.db, request.query.token, request.query.kind))) throw badRequest('invalid_link', { key: 'unsubscribe' });
      return { kind: request.query.kind, subscribed: false };
    },
  );
};
