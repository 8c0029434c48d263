import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { refreshCommunityRollups } from '../server/commands/community/rollups.ts';
import { testConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/connection.ts';
import { migrate } from '../server/db/migrate.ts';
import { signUp } from '../server/test/client.ts';
import { benchDatabaseName, benchUrl, dropBenchDatabase } from './graph/pg-setup.ts';
import { type Benchmark, stats, time } from './lib.ts';

/**
 * `npm run bench -- community-analytics [--pg postgres://…] [--members N]`: the operator's analytics (issue 15)
 * over N members (1 M by default) on a PostgreSQL server, in a database of its own (rapport_bench_community,
 * dropped and rebuilt each run; never `test`). Members join over two years; posts, comments-free reactions,
 * messages and invitations are written in time order in bulk (INSERT … SELECT generate_series), about as many
 * per day as such a community writes. Timed: the rollup job over all history (the first run, or a repair), an
 * hourly run (recent days only), and GET /api/v1/admin/community (its default 90 days) p50/p99.
 */
const DAYS = 730;

function flag(name: string): string | null {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? null) : null;
}

const bench: Benchmark = {
  name: 'community-analytics',
  description: 'Operator analytics (Admin → Community): the rollup job and GET /api/v1/admin/community at 1 M members on a PostgreSQL server',
  async run(log) {
    const adminUrl = flag('--pg') ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const members = Number(flag('--members') ?? 1_000_000);
    const database = benchDatabaseName('rapport_bench_community');
    await dropBenchDatabase(adminUrl, database);
    const c = new pg.Client({ connectionString: benchUrl(adminUrl, 'postgres') });
    await c.connect();
    await c.query(`CREATE DATABASE ${database}`);
    await c.end();
    const url = benchUrl(adminUrl, database);
    const config = testConfig({ database: { kind: 'postgres', url } });
    const db = await openDatabase(config);
    const out: Record<string, unknown> = { members, days: DAYS };
    try {
      await migrate(db.db);
      const posts = members * 3;
      const messages = members * 2;
      const invitations = members * 2;
      const reactions = members * 3;
      const seed: [string, string][] = [
        [
          'members',
          `INSERT INTO members (handle, email, created_at, last_seen_at)
             SELECT 'm' || i, 'm' || i || '@bench.example', now() - interval '${DAYS} days' + (i::float8 / ${members}) * interval '${DAYS} days', now()
               FROM generate_series(1, ${members}) i`,
        ],
        ['profiles', `INSERT INTO profiles (member_id, name) SELECT id, 'Member ' || id FROM members`],
        [
          'posts',
          `INSERT INTO posts (author_id, text, visibility, created_at)
             SELECT 1 + (hashint4(i) & 2147483647) % ${members}, 'post', 'members', now() - interval '${DAYS} days' + (i::float8 / ${posts}) * interval '${DAYS} days'
               FROM generate_series(1, ${posts}) i`,
        ],
        [
          'reactions',
          `INSERT INTO post_reactions (post_id, member_id, kind, created_at)
             SELECT i, 1 + (hashint4(i + 7) & 2147483647) % ${members}, 'like', p.created_at + interval '1 hour'
               FROM generate_series(1, ${reactions}) i JOIN posts p ON p.id = i ON CONFLICT DO NOTHING`,
        ],
        ['conversations', `INSERT INTO conversations (kind) SELECT 'direct' FROM generate_series(1, 1000)`],
        [
          'messages',
          `INSERT INTO messages (conversation_id, sender_id, text, created_at)
             SELECT 1 + i % 1000, 1 + (hashint4(i + 13) & 2147483647) % ${members}, 'hi', now() - interval '${DAYS} days' + (i::float8 / ${messages}) * interval '${DAYS} days'
               FROM generate_series(1, ${messages}) i`,
        ],
        [
          'invitations',
          `INSERT INTO invitations (sender_id, recipient_id, context, status, created_at, expires_at, responded_at)
             SELECT s, CASE WHEN r = s THEN 1 + s % ${members} ELSE r END, 'profile', CASE WHEN i % 3 = 0 THEN 'pending' ELSE 'accepted' END, at, at + interval '30 days',
                    CASE WHEN i % 3 = 0 THEN NULL ELSE at + interval '1 day' END
               FROM (SELECT i, 1 + (hashint4(i + 17) & 2147483647) % ${members} AS s, 1 + (hashint4(i + 19) & 2147483647) % ${members} AS r,
                            now() - interval '${DAYS} days' + (i::float8 / ${invitations}) * interval '${DAYS} days' AS at
                       FROM generate_series(1, ${invitations}) i) g
             ON CONFLICT DO NOTHING`,
        ],
      ];
      const seedMs: Record<string, number> = {};
      for (const [name, statement] of seed) {
        const [ms] = await time(() => db.db.execute(sql.raw(statement)));
        seedMs[name] = Math.round(ms);
        log(`seeded ${name} in ${(ms / 1000).toFixed(1)} s`);
      }
      await db.db.execute(sql.raw('ANALYZE'));
      out.seedMs = seedMs;
      out.rows = { posts, reactions, messages, invitations };

      const [fullMs, full] = await time(() => refreshCommunityRollups(db.db));
      out.rollupFullMs = Math.round(fullMs);
      log(`rollup over all history (${full.days} days, ${full.cohortCells} cohort cells): ${(fullMs / 1000).toFixed(2)} s`);
      const hourly: number[] = [];
      for (let i = 0; i < 5; i++) hourly.push((await time(() => refreshCommunityRollups(db.db)))[0]);
      out.rollupHourly = stats(hourly);
      log(`hourly run (recent days only): p50 ${stats(hourly).p50.toFixed(0)} ms, max ${stats(hourly).max.toFixed(0)} ms`);

      const app = await buildApp(config, { database: db, background: false });
      try {
        const operator = await signUp(app, 'Bench Operator');
        await db.db.execute(sql`UPDATE members SET role = 'admin' WHERE id = ${operator.id}`);
        const samples: number[] = [];
        for (let i = 0; i < 40; i++) {
          const [ms, res] = await time(() => operator.call('GET', '/api/v1/admin/community'));
          if (res.statusCode !== 200) throw new Error(`GET /admin/community answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
          if (i >= 5) samples.push(ms);
        }
        out.route = stats(samples);
        log(`GET /api/v1/admin/community (90 days): p50 ${stats(samples).p50.toFixed(1)} ms, p99 ${stats(samples).p99.toFixed(1)} ms (target ≤ 2,000 ms)`);
      } finally {
        await app.close();
      }
    } finally {
      await db.close();
      await dropBenchDatabase(adminUrl, database);
    }
    return out;
  },
};

export default bench;
