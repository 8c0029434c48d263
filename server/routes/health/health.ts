import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { collectDefaultMetrics, Gauge, Histogram } from 'prom-client';
import { z } from 'zod';
import { notFound, unauthorized } from '../../errors.ts';
import { carriesMetricsToken } from '../../http/metrics-access.ts';

/** How long /readyz waits for the database before it answers "not ready" instead of hanging the prober. */
const READY_DEADLINE_MS = 2_000;

/** Resolves after ms (the timer does not keep the process alive); cancel() clears it. */
function deadline(ms: number): { expired: Promise<'expired'>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), ms);
    timer.unref();
  });
  return { expired, cancel: () => clearTimeout(timer) };
}

/**
 * Liveness, readiness and Prometheus metrics: what an operator's orchestrator and monitoring scrape.
 * Liveness answers from the process alone, so a busy database never gets a live server restarted;
 * readiness asks the database at high priority and gives up after a short deadline.
 */
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
  const lane = app.ctx.database.lane;
  if (lane) {
    new Gauge({
      name: 'rapport_db_queue_waiting',
      help: 'Database calls waiting for embedded PGlite (its one connection serves them in turn)',
      registers: [registry],
      collect() {
        this.set(lane.waiting);
      },
    });
  }
  const poolStats = app.ctx.database.poolStats?.bind(app.ctx.database);
  if (poolStats) {
    // Bounded by DATABASE_ACQUIRE_TIMEOUT_MS: a slow database makes requests give up, not queue here without end.
    new Gauge({
      name: 'rapport_db_pool_waiting',
      help: "Requests waiting for one of the request pool's PostgreSQL connections",
      registers: [registry],
      collect() {
        this.set(poolStats().waiting);
      },
    });
    new Gauge({
      name: 'rapport_db_pool_connections',
      help: "The request pool's PostgreSQL connections, open (in use or idle)",
      registers: [registry],
      collect() {
        this.set(poolStats().total);
      },
    });
  }
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  const ok = z.object({ status: z.string() });
  // The process is up and its event loop turns: that is all liveness means. No database, no I/O.
  app.get('/healthz', { config: { auth: 'public' }, schema: { tags: ['ops'], summary: 'Liveness: the process is up and its event loop turns', response: { 200: ok } } }, async () => ({ status: 'ok' }));
  app.get(
    '/readyz',
    { config: { auth: 'public', dbPriority: 'high' }, schema: { tags: ['ops'], summary: 'Readiness: the database answers within 2 seconds (503 otherwise)', response: { 200: ok, 503: ok } } },
    async (_request, reply) => {
      const timer = deadline(READY_DEADLINE_MS);
      try {
        const outcome = await Promise.race([app.ctx.db.execute(sql`SELECT 1`), timer.expired]);
        if (outcome === 'expired') return reply.status(503).send({ status: 'database busy' });
        return { status: 'ready' };
      } catch {
        return reply.status(503).send({ status: 'database unavailable' });
      } finally {
        timer.cancel();
      }
    },
  );
  app.get(
    '/metrics',
    { config: { auth: 'public', ownToken: 'metricsToken' }, schema: { tags: ['ops'], summary: 'Prometheus metrics, in its text format, for the bearer of METRICS_TOKEN (404 without one configured)' } },
    async (request, reply) => {
      // Not public (docs/operations.md "Metrics"): without a token configured the route does not exist here.
      const token = app.ctx.config.metrics.token;
      if (!token) throw notFound();
      if (!carriesMetricsToken(token, request.headers.authorization)) throw unauthorized();
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );
};
