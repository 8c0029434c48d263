import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { testConfig } from '../server/config.ts';
import { openDatabase, rows } from '../server/db/connection.ts';
import { migrate } from '../server/db/migrate.ts';
import { runExport } from '../server/jobs/exports.ts';
import { signUp } from '../server/test/client.ts';
import { type Benchmark, time } from './lib.ts';
import { seedExport } from './export/seed.ts';

const CONNECTIONS = 30_000;
const POSTS = 10_000;
const MESSAGES = 10_000;

/** `npm run bench -- export [--pg postgres://…]`: on PGlite by default, or in a schema of its own on a PostgreSQL server. */
function pgUrl(): string | null {
  const at = process.argv.indexOf('--pg');
  return at >= 0 ? (process.argv[at + 1] ?? null) : null;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;

const bench: Benchmark = {
  name: 'export',
  description: `A member's full export (the exports.build job) with ${CONNECTIONS.toLocaleString('en')} connections, ${POSTS.toLocaleString('en')} posts and ${MESSAGES.toLocaleString('en')} messages`,
  async run(log) {
    const url = pgUrl();
    const schema = `bench_export_${randomBytes(4).toString('hex')}`;
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
    }
    const dir = join(tmpdir(), `rapport-bench-export-${randomBytes(4).toString('hex')}`);
    const config = testConfig({ exportsDir: dir, ...(url ? { database: { kind: 'postgres' as const, url, schema } } : {}) });
    const database = await openDatabase(config);
    await migrate(database.db);
    const out: Record<string, unknown> = { engine: url ? 'postgres' : 'pglite', target: '≤ 60 s', connections: CONNECTIONS, posts: POSTS, messages: MESSAGES };
    try {
      const app = await buildApp(config, { database, background: false });
      const viewer = await signUp(app, 'Bench Exporter');
      await app.close();
      const [seedMs] = await time(() => seedExport(database.db, viewer.id, { connections: CONNECTIONS, posts: POSTS, messages: MESSAGES }));
      log(`seeded in ${(seedMs / 1000).toFixed(1)} s`);
      const [row] = await rows<{ id: number }>(database.db, sql`INSERT INTO exports (member_id) VALUES (${viewer.id}) RETURNING id::float8 AS id`);

      global.gc?.();
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 25);
      const [buildMs] = await time(() => runExport({ db: database.db, dir, publicUrl: config.publicUrl }, row!.id));
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      const [done] = await rows<{ status: string; bytes: number }>(database.db, sql`SELECT status, bytes::float8 AS bytes FROM exports WHERE id = ${row!.id}`);
      out.buildS = Math.round(buildMs / 100) / 10;
      out.zipMb = mb(done?.bytes ?? 0);
      out.status = done?.status;
      out.rssBeforeMb = mb(baseline);
      out.peakRssMb = mb(peak);
      out.peakRssGrowthMb = mb(peak - baseline);
      log(`export ${done?.status}: ${out.buildS} s, ${out.zipMb} MB ZIP; RSS ${out.rssBeforeMb} MB before, peak ${out.peakRssMb} MB (+${out.peakRssGrowthMb} MB)`);
    } finally {
      await database.close();
      await rm(dir, { recursive: true, force: true });
      if (url) {
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      }
    }
    return out;
  },
};

export default bench;
