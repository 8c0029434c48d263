import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { connect } from '../routes/network/network-test-helpers.ts';
import { type Member, signUp } from './client.ts';
import { describeEachEngine, type TestApp } from './engines.ts';
import { identifiesCaller, recordStatements } from './statement-counter.ts';

/**
 * SQL statements per request on the read spine: a profile in at most three round trips, and lists whose
 * cost does not grow with the page (hydration loads a page in one statement per kind of record).
 *
 * Identifying the caller is left out of the counts: it is the session cache's business, not the route's.
 */
async function statementsOf(t: TestApp, member: Member, url: string): Promise<string[]> {
  const { result, statements } = await recordStatements(t.database, () => member.call('GET', url));
  expect(result.statusCode, result.body).toBe(200);
  // Every request of these routes reads something: an empty recording means the counter missed the engine.
  expect(statements.length).toBeGreaterThan(0);
  return statements.filter((s) => !identifiesCaller(s));
}

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
  }, 300_000);

  // The first request of a process prepares things (plans, caches) that later ones reuse.
  async function warmUp(_app: FastifyInstance) {
    await viewer.call('GET', `/api/v1/members/${people[1]!.handle}`);
  }

  it('serves a profile with badge, mutuals and abilities in at most 3 statements', async () => {
    const statements = await statementsOf(get(), viewer, `/api/v1/members/${people[1]!.handle}`);
    expect(statements.length, statements.join('\n---\n')).toBeLessThanOrEqual(3);
  });

  for (const [name, url] of [
    ['the member directory', '/api/v1/members?'],
    ['your connections', '/api/v1/me/connections?'],
    ['your followers', '/api/v1/me/followers?'],
  ] as const) {
    it(`lists ${name} in as many statements for 20 people as for 2`, async () => {
      const two = await statementsOf(get(), viewer, `${url}limit=2`);
      const twenty = await statementsOf(get(), viewer, `${url}limit=20`);
      expect(twenty.length, twenty.join('\n---\n')).toBe(two.length);
    });
  }
});
