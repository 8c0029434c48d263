import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { collectDefaultMetrics, Histogram } from 'prom-client';
import { z } from 'zod';

/** Liveness, readiness and Prometheus metrics: what an operator's orchestrator and monitoring scrape. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const registry = app.ctx.metrics;
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'rapport_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  const ok = z.object({ status: z.string() });
  app.get('/healthz', { config: { auth: 'public' }, schema: { tags: ['ops'], response: { 200: ok } } }, async () => ({ status: 'ok' }));
  app.get(
    '/readyz',
    { config: { auth: 'public' }, schema: { tags: ['ops'], response: { 200: ok, 503: ok } } },
    async (_request, reply) => {
      try {
        await app.ctx.db.execute(sql`SELECT 1`);
        return { status: 'ready' };
      } catch {
        return reply.status(503).send({ status: 'database unavailable' });
      }
    },
  );
  app.get('/metrics', { config: { auth: 'public' }, schema: { tags: ['ops'] } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
};
