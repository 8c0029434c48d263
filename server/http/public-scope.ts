import type { FastifyInstance } from 'fastify';

/**
 * Registers third-party plugins (API docs, static files) whose routes cannot carry our route config,
 * marking each of their routes public explicitly. Which routes are public is decided by what registers
 * them, never by matching URL prefixes at request time.
 */
export async function registerPublic(app: FastifyInstance, register: (scope: FastifyInstance) => PromiseLike<unknown>): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), auth: 'public' };
    });
    await register(scope);
  });
}
