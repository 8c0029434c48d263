import type { FastifyInstance } from 'fastify';
import { type DbPriority, withDbPriority } from '../db/priority-lane.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * 'high': this route's queries go before queued ordinary reads on embedded PGlite (health, sign-in,
     * sign-up). Only for light routes that must answer promptly under load. Default: 'normal'.
     */
    dbPriority?: DbPriority;
  }
}

/**
 * Carries each route's database priority down to the queries it makes (server/db/priority-lane.ts).
 * Identifying the caller (the session or token lookup in the onRequest phase) is high priority for every
 * route: one indexed row that every request needs before anything else. From validation on, the route's
 * own priority applies. Register before authentication, so that its lookup runs inside this context.
 */
export function registerDbPriority(app: FastifyInstance): void {
  // Callback-style hooks: the rest of the request's hooks and its handler run inside `done`, in the context.
  app.addHook('onRequest', (_request, _reply, done) => withDbPriority('high', done));
  app.addHook('preValidation', (request, _reply, done) => withDbPriority(request.routeOptions.config?.dbPriority ?? 'normal', done));
}
