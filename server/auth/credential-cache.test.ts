import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { openDatabase } from '../db/connection.ts';
import { type Member, STRONG_PASSWORD, sessionCookie, signUp } from '../test/client.ts';
import { describeEachEngine } from '../test/engines.ts';
import type { Actor } from './actor.ts';
import { CREDENTIAL_TTL_MS, CredentialCache } from './credential-cache.ts';

const actor = (id: number): Actor => ({ id, handle: `m${id}`, role: 'member', status: 'active', via: 'session', sessionHash: `h${id}`, csrfToken: 'c' });

describe('the credential cache', () => {
  it('answers a repeated look-up from memory, and only credentials that matched', async () => {
    const cache = new CredentialCache();
    let loads = 0;
    const load = async () => (++loads, actor(1));
    expect((await cache.lookup('a', load)).cached).toBe(false);
    expect(await cache.lookup('a', load)).toEqual({ actor: actor(1), cached: true });
    expect(loads).toBe(1);
    await cache.lookup('unknown', async () => null);
    expect((await cache.lookup('unknown', async () => null)).cached).toBe(false);
    expect(cache.size).toBe(1);
  });

  it('asks the database again once an entry is older than its time to live', async () => {
    const cache = new CredentialCache(20);
    await cache.lookup('a', async () => actor(1));
    await sleep(40);
    expect(await cache.lookup('a', async () => null)).toEqual({ actor: null, cached: false });
  });

  it('stays within its size, dropping the least recently used', async () => {
    const cache = new CredentialCache(60_000, 2);
    await cache.lookup('a', async () => actor(1));
    await cache.lookup('b', async () => actor(2));
    await cache.lookup('a', async () => null); // a is now the most recent
    await cache.lookup('c', async () => actor(3));
    expect(cache.size).toBe(2);
    expect((await cache.lookup('a', async () => null)).cached).toBe(true);
    expect((await cache.lookup('b', async () => null)).cached).toBe(false);
  });

  it('forgets a member at once, and never stores a look-up that a revocation overtook', async () => {
    const cache = new CredentialCache();
    await cache.lookup('a', async () => actor(1));
    await cache.lookup('b', async () => actor(2));
    cache.forgetMember(1);
    expect((await cache.lookup('b', async () => null)).cached).toBe(true);
    expect((await cache.lookup('a', async () => null)).cached).toBe(false);
    // A look-up reads the row, the member is revoked, then the look-up finishes: what it read is stale.
    await cache.lookup('c', async () => {
      cache.forgetMember(3);
      return actor(3);
    });
    expect((await cache.lookup('c', async () => null)).cached).toBe(false);
  });
});

/** A personal access token made with the member's password, as a script would. */
async function tokenOf(app: FastifyInstance, m: { email: string }): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/tokens', payload: { email: m.email, password: STRONG_PASSWORD, name: 'script' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ token: string }>().token;
}

describeEachEngine('revocation with the credential cache on', (get) => {
  const me = async (app: FastifyInstance, headers: Record<string, string>) => (await app.inject({ method: 'GET', url: '/api/v1/me', headers })).statusCode;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  let operator: Member;
  beforeAll(async () => {
    operator = await signUp(get().app, 'Cache Operator');
  });

  // Each test first uses the credential, so it is cached, then revokes it and uses it again at once.
  describe('is effective for the very next request in this process', () => {
    it('signing out', async () => {
      const m = await signUp(get().app, 'Cache Sign Out');
      expect(await me(get().app, { cookie: m.cookie })).toBe(200);
      expect((await m.call('POST', '/api/v1/auth/logout')).statusCode).toBe(200);
      expect(await me(get().app, { cookie: m.cookie })).toBe(401);
    });

    it('revoking an access token', async () => {
      const { app } = get();
      const m = await signUp(app, 'Cache Token');
      const token = await tokenOf(app, m);
      expect(await me(app, bearer(token))).toBe(200);
      const [listed] = (await m.call('GET', '/api/v1/me/tokens')).json<{ items: { id: number }[] }>().items;
      expect((await m.call('DELETE', `/api/v1/me/tokens/${listed!.id}`)).statusCode).toBe(204);
      expect(await me(app, bearer(token))).toBe(401);
    });

    it('changing the password ends the other sessions and the tokens', async () => {
      const { app } = get();
      const m = await signUp(app, 'Cache Password');
      const token = await tokenOf(app, m);
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: m.email, password: STRONG_PASSWORD } });
      const laptop = sessionCookie(login);
      expect(await me(app, bearer(token))).toBe(200);
      expect(await me(app, { cookie: laptop })).toBe(200);
      const res = await m.call('PUT', '/api/v1/me/password', { currentPassword: STRONG_PASSWORD, newPassword: 'another long passphrase' });
      expect(res.statusCode, res.body).toBe(200);
      expect(await me(app, bearer(token))).toBe(401);
      expect(await me(app, { cookie: laptop })).toBe(401);
    });

    it('suspending a member', async () => {
      const { app } = get();
      const m = await signUp(app, 'Cache Suspended');
      const token = await tokenOf(app, m);
      expect(await me(app, { cookie: m.cookie })).toBe(200);
      expect(await me(app, bearer(token))).toBe(200);
      expect((await operator.call('POST', `/api/v1/admin/members/${m.handle}/suspend`, { reason: 'spam' })).statusCode).toBe(200);
      expect(await me(app, { cookie: m.cookie })).toBe(401);
      expect(await me(app, bearer(token))).toBe(401);
    });

    it('changing a role, either way', async () => {
      const { app } = get();
      const m = await signUp(app, 'Cache Promoted');
      const adminList = async () => (await m.call('GET', '/api/v1/admin/members')).statusCode;
      expect(await adminList()).toBe(403);
      expect((await operator.call('POST', `/api/v1/admin/members/${m.handle}/promote`, { reason: 'helps out' })).statusCode).toBe(200);
      expect(await adminList()).toBe(200);
      expect((await operator.call('POST', `/api/v1/admin/members/${m.handle}/demote`, { reason: 'stepped back' })).statusCode).toBe(200);
      expect(await adminList()).toBe(403);
    });
  });

  it('is effective in another process within the time to live', async () => {
    const { app, database, config, engine } = get();
    const m = await signUp(app, 'Cache Elsewhere');
    // Another process over the same database: on PostgreSQL a second app with its own connection pool. An
    // in-memory PGlite takes no second connection, so there the revocation is written behind this app's
    // back, as another process's write looks from here.
    const other = engine === 'postgres' ? await openDatabase(config) : null;
    const second = other ? await buildApp(config, { database: other, background: false }) : null;
    const reader = second ?? app;
    try {
      expect(await me(reader, { cookie: m.cookie })).toBe(200);
      if (second) expect((await m.call('POST', '/api/v1/auth/logout')).statusCode).toBe(200);
      else await database.db.execute(sql`DELETE FROM sessions WHERE member_id = ${m.id}`);
      await sleep(CREDENTIAL_TTL_MS + 100);
      expect(await me(reader, { cookie: m.cookie })).toBe(401);
    } finally {
      await second?.close();
      await other?.close();
    }
  });
});
