/**
 * Backing up a PostgreSQL server's instance as docs/operations.md ("Backups") says: pg_dump -Fc, pg_restore into
 * an empty database, start the app on it. The restored instance signs its members in, and the graph index it
 * rebuilds from the restored tables knows their connections.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { connect, degreeOf } from '../routes/network/network-test-helpers.ts';
import { asMember, sessionCookie, signUp, STRONG_PASSWORD } from './client.ts';
import { testConfig } from '../config.ts';
import { onServer, serverUrl } from './engines.ts';
import { databaseUrl } from './template-database.ts';

const dir = mkdtempSync(join(tmpdir(), 'rapport-pg-restore-'));
const suffix = randomBytes(5).toString('hex');
const sourceName = `rapport_dump_${suffix}`;
const restoredName = `rapport_restore_${suffix}`;

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (serverUrl) for (const name of [sourceName, restoredName]) await onServer(`DROP DATABASE IF EXISTS ${name}`);
});

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} exited ${result.status}: ${result.stderr}`);
}

describe.runIf(serverUrl)('pg_dump and pg_restore of a server instance [postgres]', () => {
  it('restores members who sign in as before and a graph index rebuilt from the restored connections', async () => {
    // A database of its own, as an instance has: the whole of it is dumped, extensions included.
    await onServer(`CREATE DATABASE ${sourceName}`);
    const sourceUrl = databaseUrl(serverUrl!, sourceName);
    let app: FastifyInstance = await buildApp(testConfig({ database: { kind: 'postgres', url: sourceUrl } }), { background: false });
    const [ines, jonas] = [await signUp(app, 'Ines Dumped'), await signUp(app, 'Jonas Dumped')];
    await connect(ines, jonas);
    await app.close();

    const dump = join(dir, 'rapport.dump');
    run('pg_dump', ['-Fc', '--no-owner', '-f', dump, sourceUrl]);
    await onServer(`CREATE DATABASE ${restoredName}`);
    const restoredUrl = databaseUrl(serverUrl!, restoredName);
    run('pg_restore', ['--no-owner', '-d', restoredUrl, dump]);

    app = await buildApp(testConfig({ database: { kind: 'postgres', url: restoredUrl } }), { background: false });
    try {
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: ines.email, password: STRONG_PASSWORD } });
      expect(login.statusCode).toBe(200);
      const csrf = login.json<{ csrfToken: string }>().csrfToken;
      const restoredInes = asMember(app, { id: ines.id, handle: ines.handle, email: ines.email, cookie: sessionCookie(login), csrf });
      expect(await degreeOf(restoredInes, jonas)).toBe(1);
    } finally {
      await app.close();
    }
  }, 240_000);
});
