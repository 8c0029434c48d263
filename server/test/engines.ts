import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp } from '../app.ts';
import { type Config, testConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/connection.ts';
import { TEMPLATE_SCHEMA, databaseUrl } from './template-database.ts';

export type Engine = 'pglite' | 'postgres';

/** The test database server, when one is configured; the database suites then run on both engines. */
export const serverUrl = process.env.TEST_DATABASE_URL || null;

/** Runs one statement on the test server as its administrator: databases a test makes and drops, backends it ends. */
export async function onServer(statement: string, params: unknown[] = []): Promise<pg.QueryResult> {
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(statement, params);
  } finally {
    await client.end();
  }
}

export function engines(): Engine[] {
  return serverUrl ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * Opens an isolated database: a fresh in-memory PGlite, or a fresh schema on the server that is dropped
 * on close. Each test file therefore starts from an empty database, which the app (or the test) migrates.
 * `migrated: true` starts from what global-setup migrated once (server/test/global-setup.ts), so that
 * migrating finds nothing left to do: PGlite from the migrated cluster, the server from a copy of the
 * migrated template database (a database of its own rather than a schema).
 */
export async function openTestDatabase(
  engine: Engine,
  options: { migrated?: boolean } = {},
): Promise<{ database: Database; config: Config; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const config = options.migrated ? testConfig({ database: migratedPglite() }) : testConfig();
    const database = await openDatabase(config);
    return { database, config, drop: () => database.close() };
  }
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const template = process.env.RAPPORT_TEST_PG_TEMPLATE;
  if (options.migrated && template) return copyOfTemplate(serverUrl, template);
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const config = testConfig({ database: { kind: 'postgres', url: serverUrl, schema } });
  const database = await openDatabase(config);
  return {
    database,
    config,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/**
 * A database of its own on the server, copied from the migrated template. Closing it only closes its pool:
 * global-setup drops every copy at teardown (their names start with the template's), because DROP DATABASE
 * waits for a checkpoint, seconds each on a server busy with the other worker's writes.
 */
async function copyOfTemplate(url: string, template: string): Promise<{ database: Database; config: Config; drop: () => Promise<void> }> {
  const name = `${template}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const config = testConfig({ database: { kind: 'postgres', url: databaseUrl(url, name), schema: TEMPLATE_SCHEMA } });
  const database = await openDatabase(config);
  return { database, config, drop: () => database.close() };
}

/** An in-memory PGlite database that starts migrated, when global-setup left the cluster for it. */
export function migratedPglite(): Config['database'] {
  return { kind: 'pglite', dataDir: null, blankCluster: process.env.RAPPORT_TEST_MIGRATED_CLUSTER || process.env.RAPPORT_TEST_BLANK_CLUSTER || undefined };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  engine: Engine;
}

/** Runs a suite once per engine, each with its own app over its own isolated database. */
export function describeEachEngine(
  name: string,
  suite: (get: () => TestApp) => void,
  overrides: (config: Config) => Partial<Config> = () => ({}),
  /** Run on one engine only (when it is available), for a suite whose subject does not depend on the engine. */
  only?: Engine,
): void {
  for (const engine of engines()) {
    if (only && engine !== only) continue;
    describe(`${name} [${engine}]`, () => {
      let current: TestApp | null = null;
      let drop: (() => Promise<void>) | null = null;
      beforeAll(async () => {
        const opened = await openTestDatabase(engine, { migrated: true });
        drop = opened.drop;
        const config = { ...opened.config, ...overrides(opened.config) };
        const app = await buildApp(config, { database: opened.database, background: false });
        current = { app, database: opened.database, config, engine };
      }, 180_000);
      afterAll(async () => {
        await current?.app.close();
        await drop?.();
      });
      suite(() => {
        if (!current) throw new Error('test app not ready');
        return current;
      });
    });
  }
}
