import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { messageSettings } from '../../../common/schemas/messages.ts';
import { saveMessageSettings } from '../../commands/messages/save-settings.ts';
import { writeRateLimit } from '../../http/rate-limit.ts';
import { loadMessageSettings } from '../../queries/messages/settings.ts';
import { viewerOf } from '../../viewer/request.ts';

const tags = ['messages'];

export const messageSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/me/message-settings',
    {
      schema: {
        tags,
        summary: 'Who reaches your inbox, your Requests, or nobody: accept, filter or drop for each kind of sender',
        response: { 200: messageSettings },
      },
    },
    async (request) => loadMessageSettings(ctx.db, viewerOf(request).actor.id),
  );

  app.put(
    '/me/message-settings',
    {
      config: writeRateLimit(ctx.config),
      schema: {
        tags,
        summary: 'Replace your message settings (all five kinds). They apply to messages that arrive from now on; when several kinds apply to a sender, the strictest wins.',
        body: messageSettings,
        response: { 200: messageSettings },
      },
    },
    async (request) => {
      await saveMessageSettings(ctx.db, viewerOf(request).actor.id, request.body);
      return request.body;
    },
  );
};
