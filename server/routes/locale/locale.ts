import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LOCALES } from '../../../common/locales.ts';
import { localeView } from '../../../common/schemas/locale.ts';
import { members } from '../../db/schema.ts';
import { resolveLocale } from '../../http/locale.ts';

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
    async (request) => {
      const actor = request.viewer?.actor;
      const [member] = actor ? await ctx.db.select({ locale: members.locale }).from(members).where(eq(members.id, actor.id)) : [];
      const memberLocale = member?.locale ?? null;
      const defaultLocale = ctx.config.defaultLocale;
      return {
        locale: resolveLocale({ memberLocale, acceptLanguage: request.headers['accept-language'], defaultLocale }),
        defaultLocale,
        memberLocale,
        supported: [...LOCALES],
      };
    },
  );
};
