import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import pg from 'pg';
import { testConfig } from '../config.ts';
import { type Db, openDatabase } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { TEMPLATE_SCHEMA, databaseUrl } from './template-database.ts';

/**
 * Runs once before the test files.
 *
 * It initialises one empty PGlite cluster and leaves its tarball for every in-memory database the files
 * open (testConfig reads RAPPORT_TEST_BLANK_CLUSTER): initdb costs 2–3 s of CPU, loading the tarball under
 * one, and a run opens a few hundred. The tarball is taken before any statement runs, so those databases
 * still start empty and are migrated as before.
 *
 * It also migrates a copy once and leaves that tarball (RAPPORT_TEST_MIGRATED_CLUSTER) for the suites that
 * test the app rather than its migrations (describeEachEngine, the e2e servers): running every migration
 * costs about half a second per database on PGlite. Their start-up migrate() still runs and finds nothing
 * to do; the migrations themselves are run from empty here, by the migration tests and by the files that
 * open a blank database.
 *
 * When TEST_DATABASE_URL is set, it creates pg_trgm once before test files race to create it in their
 * schemas, and fails fast with a clear message if the server does not answer. It also migrates a template
 * database there (RAPPORT_TEST_PG_TEMPLATE), which the app suites copy instead of migrating a schema
 * each: a copy takes a fraction of a second, the migrations one to three. The copies and the template are
 * dropped at teardown.
 */
export default async function setup(): Promise<() => void | Promise<void>> {
  const folder = mkdtempSync(join(tmpdir(), 'rapport-test-'));
  const blank = await PGlite.create(undefined, { extensions: { pg_trgm } });
  const tarball = join(folder, 'blank-cluster.tar');
  writeFileSync(tarball, new Uint8Array(await (await blank.dumpDataDir('none')).arrayBuffer()));
  process.env.RAPPORT_TEST_BLANK_CLUSTER = tarball;
  await migrate(drizzle(blank) as unknown as Db);
  const migrated = join(folder, 'migrated-cluster.tar');
  writeFileSync(migrated, new Uint8Array(await (await blank.dumpDataDir('none')).arrayBuffer()));
  await blank.close();
  process.env.RAPPORT_TEST_MIGRATED_CLUSTER = migrated;
  const teardown = () => rmSync(folder, { recursive: true, force: true });

  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('TEST_DATABASE_URL is not set: database suites run on embedded PGlite only.');
    return teardown;
  }
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (err) {
    teardown();
    throw new Error(`TEST_DATABASE_URL is set but the server does not answer: ${String(err)}`);
  }
  await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  const template = `rapport_template_${randomBytes(5).toString('hex')}`;
  await client.query(`CREATE DATABASE ${template}`);
  const templateUrl = databaseUrl(url, template);
  const setupClient = new pg.Client({ connectionString: templateUrl });
  await setupClient.connect();
  await setupClient.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE SCHEMA ${TEMPLATE_SCHEMA}`);
  await setupClient.end();
  const database = await openDatabase(testConfig({ database: { kind: 'postgres', url: templateUrl, schema: TEMPLATE_SCHEMA } }));
  await migrate(database.db);
  await database.close();
  process.env.RAPPORT_TEST_PG_TEMPLATE = template;
  console.log('Database suites run on embedded PGlite and on the PostgreSQL server at TEST_DATABASE_URL.');
  return async () => {
    teardown();
    // The copies first (engines.ts names them after the template), then the template itself.
    const copies = await client.query<{ name: string }>(
      `SELECT datname AS name FROM pg_database WHERE datname LIKE $1 ORDER BY datname DESC`,
      [`${template}\\_%`],
    );
    for (const { name } of [...copies.rows, { name: template }]) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
}
