/**
 * Two app instances in this test process on one PostgreSQL database, each with its own pool (as two
 * processes would have), for tests of what crosses processes through the events outbox: live streams,
 * their resumption. Registers its own beforeAll/afterAll; call inside a `describe.runIf(serverUrl)`.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../app.ts';
import { openDatabase } from '../db/connection.ts';
import { openTestDatabase } from './engines.ts';

export function twoAppsOnServer(options: { migrated?: boolean } = {}): () => { first: FastifyInstance; second: FastifyInstance } {
  let first: FastifyInstance | undefined;
  let second: FastifyInstance | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const opened = await openTestDatabase('postgres', options);
    drop = opened.drop;
    first = await buildApp(opened.config, { database: opened.database, background: false });
    second = await buildApp(opened.config, { database: await openDatabase(opened.config), background: false });
  }, 180_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await drop?.();
  });
  return () => {
    if (!first || !second) throw new Error('twoAppsOnServer: the apps are not built yet (use it inside a test)');
    return { first, second };
  };
}

/** Listens on a free loopback port and answers the app's base URL. */
export async function listening(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}
