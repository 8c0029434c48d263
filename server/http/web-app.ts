import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { registerPublic } from './public-scope.ts';

/**
 * Serves the built single-page app: files from dist/web, and index.html for any other non-API path so
 * deep links like /in/ana-ruiz work. Without a build (API-only tests) nothing is registered.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  if (!existsSync(join(distDir, 'index.html'))) return;
  await registerPublic(app, (scope) => scope.register(fastifyStatic, { root: distDir, wildcard: false, index: false }));
  // Read index.html directly: reply.sendFile is not reliably decorated here, because swagger-ui registers
  // its own copy of @fastify/static first and the root registration does not re-decorate the reply.
  const indexFile = join(distDir, 'index.html');
  const serveIndex = async (_req: unknown, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(await readFile(indexFile));
  app.get('/', { schema: { hide: true }, config: { auth: 'public' } }, serveIndex);
  app.get('/*', { schema: { hide: true }, config: { auth: 'public' } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/')) {
      return reply.callNotFound();
    }
    if (path.startsWith('/assets/')) return reply.callNotFound();
    return serveIndex(request, reply);
  });
}
