import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { testConfig } from '../server/config.ts';
import { openDatabase, rows } from '../server/db/connection.ts';
import { migrate } from '../server/db/migrate.ts';
import { remindDue } from '../server/jobs/keep-in-touch.ts';
import { listDue } from '../server/queries/relationships/lists.ts';
import { signUp } from '../server/test/client.ts';
import { type Benchmark, stats, time } from './lib.ts';
import { seedRelationships } from './relationships/seed.ts';

const CONNECTIONS = 5000;
const INTERACTIONS = 200_000;
/** Members with cards but nothing due, beside the viewer: the job must not pay for them (`--idle N`; 1,000,000 for the size). */
function idleMembers(): number {
  const at = process.argv.indexOf('--idle');
  const n = at >= 0 ? Number(process.argv[at + 1]) : 2000;
  if (!Number.isInteger(n) || n < 0) throw new Error('--idle takes a whole number of members');
  return n;
}
const WARMUP = 30;
const CALLS = 300;

/** `npm run bench -- relationships [--pg postgres://…] [--idle N]`: on PGlite by default, or in a schema of its own on a PostgreSQL server. */
function pgUrl(): string | null {
  const at = process.argv.indexOf('--pg');
  return at >= 0 ? (process.argv[at + 1] ?? null) : null;
}

const bench: Benchmark = {
  name: 'relationships',
  description: `Keep in touch for a member with ${CONNECTIONS.toLocaleString('en')} connections and ${INTERACTIONS.toLocaleString('en')} interactions; the cadence job over due cards only`,
  async run(log) {
    const url = pgUrl();
    const schema = `bench_rel_${randomBytes(4).toString('hex')}`;
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
    }
    const config = testConfig(url ? { database: { kind: 'postgres', url, schema } } : {});
    const database = await openDatabase(config);
    await migrate(database.db);
    const out: Record<string, unknown> = { engine: url ? 'postgres' : 'pglite', target: 'GET /keep-in-touch p99 ≤ 50 ms; the job O(due)' };
    try {
      // The viewer signs up through the app (a real session); everyone else is written in bulk.
      let app = await buildApp(config, { database, background: false });
      const viewer = await signUp(app, 'Bench Viewer');
      await app.close();
      const [loadMs, seeded] = await time(() => seedRelationships(database.db, viewer.id, { connections: CONNECTIONS, interactions: INTERACTIONS, idleMembers: idleMembers() }));
      log(`seeded ${seeded.cards} cards (${seeded.due} due), ${INTERACTIONS} interactions in ${(loadMs / 1000).toFixed(1)} s`);
      app = await buildApp(config, { database, background: false });
      const call = async () => {
        const res = await app.inject({ method: 'GET', url: '/api/v1/keep-in-touch?limit=20', headers: { cookie: viewer.cookie } });
        if (res.statusCode !== 200) throw new Error(`keep-in-touch: ${res.statusCode} ${res.body}`);
        return res.json<{ items: unknown[] }>().items.length;
      };
      for (let i = 0; i < WARMUP; i++) await call();
      const http: number[] = [];
      for (let i = 0; i < CALLS; i++) http.push((await time(call))[0]);
      out.keepInTouchHttp = stats(http);
      const direct: number[] = [];
      for (let i = 0; i < CALLS; i++) direct.push((await time(() => listDue(database.db, viewer.id, new Set(), { limit: 20 })))[0]);
      out.keepInTouchQuery = stats(direct);
      log(`GET /keep-in-touch: p50 ${(out.keepInTouchHttp as { p50: number }).p50} ms, p99 ${(out.keepInTouchHttp as { p99: number }).p99} ms`);

      // The job: the viewer's due cards among many members' cards that are not due.
      const plan = await rows<Record<string, string>>(
        database.db,
        sql`EXPLAIN (FORMAT TEXT) SELECT DISTINCT c.member_id FROM relationship_cards c WHERE c.due_at IS NOT NULL AND c.reminded_at IS NULL AND c.due_at <= now() LIMIT 500`,
      ).then((r) => r.map((x) => Object.values(x)[0]!.trim()).join(' | '));
      const [jobMs, reminded] = await time(() => remindDue(database.db, 'bench'));
      out.job = { ms: Math.round(jobMs * 10) / 10, membersReminded: reminded, dueCards: seeded.due, cards: seeded.cards, plan };
      log(`cadence job: ${reminded} member(s) reminded of ${seeded.due} due cards among ${seeded.cards} in ${jobMs.toFixed(1)} ms (${plan})`);
      await app.close();
    } finally {
      await database.close();
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
