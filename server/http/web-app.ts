import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LocaleView } from '../../common/schemas/locale.ts';
import { pageText } from '../i18n/i18n.ts';
import { visitorLocale } from '../queries/visitor-locale.ts';
import { registerPublic } from './public-scope.ts';

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The page in the visitor's language before a line of script runs: `<html lang>` for screen readers and
 * the browser, the meta description, and the server's decision for the app to start in (the member's
 * setting and the community's default), so a member who chose Italian never sees an English first paint.
 */
export function localisedIndex(html: string, locale: LocaleView): string {
  const description = escapeAttribute(pageText(locale.locale, 'meta.description'));
  return html
    .replace(
      /<html lang="[^"]*">/,
      `<html lang="${locale.locale}" data-member-locale="${locale.memberLocale ?? ''}" data-default-locale="${locale.defaultLocale}">`,
    )
    .replace(/<meta name="description" content="[^"]*" \/>/, `<meta name="description" content="${description}" />`);
}

/**
 * Serves the built single-page app: files from dist/web, and index.html for any other non-API path so
 * deep links like /in/ana-ruiz work. Without a build (API-only tests) nothing is registered.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  if (!existsSync(join(distDir, 'index.html'))) return;
  const { ctx } = app;
  await registerPublic(app, (scope) => scope.register(fastifyStatic, { root: distDir, wildcard: false, index: false }));
  // Read index.html directly: reply.sendFile is not reliably decorated here, because swagger-ui registers
  // its own copy of @fastify/static first and the root registration does not re-decorate the reply.
  const indexFile = join(distDir, 'index.html');
  const serveIndex = async (request: FastifyRequest, reply: FastifyReply) => {
    const locale = await visitorLocale(ctx.db, {
      memberId: request.viewer?.actor.id,
      acceptLanguage: request.headers['accept-language'],
      defaultLocale: ctx.config.defaultLocale,
    });
    return reply
      .header('cache-control', 'no-cache')
      .header('vary', 'Accept-Language, Cookie')
      .type('text/html; charset=utf-8')
      .send(localisedIndex(await readFile(indexFile, 'utf8'), locale));
  };
  app.get('/', { schema: { hide: true }, config: { auth: 'optional' } }, serveIndex);
  app.get('/*', { schema: { hide: true }, config: { auth: 'optional' } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/')) {
      return reply.callNotFound();
    }
    if (path.startsWith('/assets/')) return reply.callNotFound();
    return serveIndex(request, reply);
  });
}
