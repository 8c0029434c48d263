/**
 * Two app processes on one PostgreSQL server, as behind a proxy: each keeps its own graph index, and each
 * follows what the other commits through the events outbox (events/follower.ts), announced or not.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { type Database, openDatabase, rows } from '../db/connection.ts';
import { verifyGraph } from '../graph/verify.ts';
import { connect, degreeOf } from '../routes/network/network-test-helpers.ts';
import { asMember, type Member, signUp } from './client.ts';
import { onServer, openTestDatabase, serverUrl } from './engines.ts';
import { within } from './polling.ts';

describe.runIf(serverUrl)('two app processes on one database [postgres]', () => {
  let a: FastifyInstance;
  let b: FastifyInstance;
  let secondDatabase: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const opened = await openTestDatabase('postgres', { migrated: true });
    drop = opened.drop;
    a = await buildApp(opened.config, { database: opened.database, background: false });
    secondDatabase = await openDatabase(opened.config);
    b = await buildApp(opened.config, { database: secondDatabase, background: false });
  }, 180_000);
  afterAll(async () => {
    await b?.close();
    await secondDatabase?.close();
    await a?.close();
    await drop?.();
  });

  /** The same member, signed in, with requests going to the other process. */
  const through = (app: FastifyInstance, m: Member) => asMember(app, m);

  it('shows a connection made through one process as 1st degree through the other within a second', async () => {
    const [ana, bo] = [await signUp(a, 'Ana Across'), await signUp(a, 'Bo Across')];
    expect(await degreeOf(through(b, ana), bo)).not.toBe(1);
    await connect(ana, bo);
    const took = await within(1_000, async () => expect(await degreeOf(through(b, ana), bo)).toBe(1));
    expect(took).toBeLessThan(1_000);
  });

  it('refuses through one process a session ended and a token revoked through the other', async () => {
    const ana = await signUp(a, 'Ana Revoked');
    const created = await ana.call('POST', '/api/v1/me/tokens', { name: 'script' });
    expect(created.statusCode, created.body).toBe(201);
    const { token, id } = created.json<{ token: string; id: number }>();
    const onB = async (headers: Record<string, string>) => (await b.inject({ method: 'GET', url: '/api/v1/me', headers })).statusCode;
    // B has looked both up (and may keep the answers for up to a second: auth/credential-cache.ts).
    expect(await onB({ authorization: `Bearer ${token}` })).toBe(200);
    expect(await onB({ cookie: ana.cookie })).toBe(200);
    expect((await ana.call('DELETE', `/api/v1/me/tokens/${id}`)).statusCode).toBe(204);
    expect((await ana.call('POST', '/api/v1/auth/logout')).statusCode).toBe(200);
    // Once B's cached answers expire (a second), it asks the database, where both are gone.
    await within(5_000, async () => {
      expect(await onB({ authorization: `Bearer ${token}` })).toBe(401);
      expect(await onB({ cookie: ana.cookie })).toBe(401);
    });
  });

  it('catches up from the outbox when its announcements are lost (the listening connection dropped)', async () => {
    const [cy, di] = [await signUp(a, 'Cy Dropped'), await signUp(a, 'Di Dropped')];
    // Every LISTEN connection of this database's channel goes: both processes reconnect on their own.
    const channel = a.ctx.database.events!.channel;
    const ended = await onServer(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1`, [`LISTEN ${channel}`]);
    expect(ended.rowCount).toBeGreaterThanOrEqual(2);
    await connect(cy, di);
    // The timer's sweep or the reconnection's finds it: no announcement needed.
    await within(5_000, async () => expect(await degreeOf(through(b, cy), di)).toBe(1));
  });

  it('keeps both indexes equal to the tables after a storm of changes through both processes', async () => {
    const people: Member[] = [];
    for (let n = 0; n < 12; n++) people.push(await signUp(n % 2 ? a : b, `Storm ${n}`));
    const apps = [a, b];
    // Seeded choices: a pair, a process, a change; the same pair is changed from both sides and both processes.
    let seed = 7;
    const next = (k: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % k);
    const changes: Promise<void>[] = [];
    for (let n = 0; n < 120; n++) {
      const [x, y] = [people[next(12)]!, people[next(12)]!];
      if (x.id === y.id) continue;
      const via = through(apps[next(2)]!, x);
      const kind = next(4);
      changes.push(
        (async () => {
          const res =
            kind === 0
              ? await via.call('PUT', `/api/v1/members/${y.handle}/follow`)
              : kind === 1
                ? await via.call('DELETE', `/api/v1/members/${y.handle}/follow`)
                : kind === 2
                  ? await via.call('DELETE', `/api/v1/connections/${y.handle}`)
                  : await inviteAndAccept(via, through(apps[next(2)]!, y));
          // Refusals (already connected, a limit) are fine; a server error is not.
          expect(res.statusCode, res.body).toBeLessThan(500);
        })(),
      );
    }
    await Promise.all(changes);
    const connections = await rows<{ n: string }>(a.ctx.database.db, sql`SELECT count(*) AS n FROM connections`);
    expect(Number(connections[0]!.n)).toBeGreaterThan(0);
    for (const app of apps) {
      await within(5_000, async () => expect((await verifyGraph(app.ctx.database.db, app.ctx.graph.csrIndex.graph)).differences).toEqual([]));
    }
  });

  async function inviteAndAccept(from: Member, to: Member) {
    const sent = await from.call('POST', '/api/v1/invitations', { to: to.handle, note: '' });
    if (sent.statusCode !== 201) return sent;
    return to.call('POST', `/api/v1/invitations/${sent.json<{ invitation: { id: number } }>().invitation.id}/accept`);
  }
});
