import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { localeView } from '../../../common/schemas/locale.ts';
import { visitorLocale } from '../../queries/visitor-locale.ts';

/**
 * The language to show, for the web's first paint and its language switch: signed out, it follows the
 * browser's Accept-Language, else the community's DEFAULT_LOCALE; signed in, the member's setting first.
 * Public, so the sign-in and sign-up pages get it too.
 */
export const localeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/locale',
    {
      config: { auth: 'optional' },
      schema: { tags: ['locale'], summary: 'The language to show this visitor, and the community default', response: { 200: localeView } },
    },
    async (request) =>
      visitorLocale(ctx.db, {
        memberId: request.viewer?.actor.id,
        acceptLanguage: request.headers['accept-language'],
        defaultLocale: ctx.config.defaultLocale,
      }),
  );
};
