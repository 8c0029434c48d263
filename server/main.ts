import type { Server } from 'node:http';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { startMetricsListener } from './http/metrics-access.ts';
import { NewerDatabaseError } from './db/migrate.ts';

/** Listens and shuts down gracefully; everything else lives in buildApp. */
async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const app = await buildApp(config);
  let closing = false;
  let metricsListener: Server | undefined;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      metricsListener?.close();
      await app.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  if (config.metrics.port !== null) {
    metricsListener = await startMetricsListener(app.ctx.metrics, config.metrics.port, config.metrics.host);
    console.log(`Metrics for scrapers at http://${config.metrics.host}:${config.metrics.port}/metrics`);
  }
  const where = config.database.kind === 'pglite' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL server';
  const ms = Math.round(performance.now() - started);
  // PORT=0 (tests, benchmarks) lets the OS pick a port: print the one it picked.
  const address = app.server.address();
  const url = config.port === 0 && address && typeof address === 'object' ? `http://localhost:${address.port}` : config.publicUrl;
  console.log(`\nRapport is running at ${url} (${where}; ready in ${ms} ms)\n`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof NewerDatabaseError) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
