import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect } from '../routes/network/network-test-helpers.ts';
import { type Member, signUp } from './client.ts';
import { describeEachEngine, type TestApp } from './engines.ts';
import { identifiesCaller, recordStatements } from './statement-counter.ts';
import { READ_CACHE_TTL_MS, readCachesOf } from '../viewer/read-caches.ts';

/**
 * SQL statements per request on the read spine: a profile in at most three round trips (none once the
 * read caches hold it), and lists whose cost does not grow with the page (hydration loads a page in one
 * statement per kind of record). Counts are taken with the read caches emptied first (recordStatements
 * does it), so they do not depend on what an earlier request left there.
 *
 * Identifying the caller is left out of the counts: it is the session cache's business, not the route's.
 */
async function statementsOf(t: TestApp, member: Member, url: string, options: { warm?: boolean } = {}): Promise<string[]> {
  const { result, statements } = await recordStatements(t.database, () => member.call('GET', url), options);
  expect(result.statusCode, result.body).toBe(200);
  return statements.filter((s) => !identifiesCaller(s));
}

/** A request with the read caches empty: every route reads something, so an empty recording means the counter missed the engine. */
async function coldStatementsOf(t: TestApp, member: Member, url: string): Promise<string[]> {
  const statements = await statementsOf(t, member, url);
  expect(statements.length).toBeGreaterThan(0);
  return statements;
}

const caches = (t: TestApp) => readCachesOf(t.database.db)!;

describeEachEngine('SQL statements per request', (get) => {
  let viewer: Member;
  const people: Member[] = [];

  beforeAll(async () => {
    const { app } = get();
    viewer = await signUp(app, 'Vera Viewer');
    for (let i = 0; i < 20; i++) people.push(await signUp(app, `Person ${String(i).padStart(2, '0')}`));
    for (const p of people) await connect(p, viewer);
    // Mutual connections and a second degree, so hydration has something to count.
    await connect(people[0]!, people[1]!);
    await connect(people[1]!, people[2]!);
    await warmUp(app);
    // However slow the machine, a second request finds what the first cached, and no entry gets old
    // enough to be refreshed in the background (a refresh's statement would land in another count).
    caches(get()).setTtl(600_000);
  }, 300_000);
  afterAll(() => caches(get()).setTtl(READ_CACHE_TTL_MS));

  // The first request of a process prepares things (plans, caches) that later ones reuse.
  async function warmUp(_app: FastifyInstance) {
    await viewer.call('GET', `/api/v1/members/${people[1]!.handle}`);
  }

  it('serves a profile with badge, mutuals and abilities in at most 3 statements cold, and none warm', async () => {
    const t = get();
    // A second-degree profile (people[2], through people[1]) and a connection's (people[1], with their origin invitation).
    for (const other of [people[2]!, people[1]!]) {
      const url = `/api/v1/members/${other.handle}`;
      const cold = await coldStatementsOf(t, viewer, url);
      expect(cold.length, cold.join('\n---\n')).toBeLessThanOrEqual(3);
      const warm = await statementsOf(t, viewer, url, { warm: true });
      expect(warm, warm.join('\n---\n')).toEqual([]);
    }
  });

  for (const [name, url] of [
    ['the member directory', '/api/v1/members?'],
    ['your connections', '/api/v1/me/connections?'],
    ['your followers', '/api/v1/me/followers?'],
  ] as const) {
    it(`lists ${name} in as many statements for 20 people as for 2`, async () => {
      const two = await coldStatementsOf(get(), viewer, `${url}limit=2`);
      const twenty = await coldStatementsOf(get(), viewer, `${url}limit=20`);
      expect(twenty.length, twenty.join('\n---\n')).toBe(two.length);
    });
  }
});
