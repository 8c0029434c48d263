import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rows } from '../db/connection.ts';
import { signUp } from '../test/client.ts';
import { describeEachEngine } from '../test/engines.ts';
import { LastSeen } from './last-seen.ts';

describeEachEngine('when members were last seen', (get) => {
  let clock = 0;
  let lastSeen: LastSeen;
  const errors: unknown[] = [];
  beforeAll(() => {
    lastSeen = new LastSeen(get().database.db, (err) => errors.push(err), () => clock);
  });
  afterAll(() => expect(errors).toEqual([]));

  const daysAgo = async (id: number) =>
    (await rows<{ days: number }>(get().database.db, sql`SELECT round(extract(epoch FROM now() - last_seen_at) / 86400)::int AS days FROM members WHERE id = ${id}`))[0]!.days;
  const setAway = (id: number, days: number) => get().database.db.execute(sql`UPDATE members SET last_seen_at = now() - make_interval(days => ${days}) WHERE id = ${id}`);

  it('records a request at most once an hour per member, and a signed-in request counts', async () => {
    const m = await signUp(get().app, 'Seen Member');
    expect(await daysAgo(m.id)).toBe(0);
    await setAway(m.id, 9);
    lastSeen.touch(m.id);
    await expect.poll(() => daysAgo(m.id)).toBe(0);
    // Within the hour this process writes nothing, even if the row says otherwise.
    await setAway(m.id, 9);
    clock += 59 * 60_000;
    lastSeen.touch(m.id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await daysAgo(m.id)).toBe(9);
    clock += 60_000;
    lastSeen.touch(m.id);
    await expect.poll(() => daysAgo(m.id)).toBe(0);
  });

  it('is touched by the app on a member’s request', async () => {
    const m = await signUp(get().app, 'Returning Member');
    await setAway(m.id, 9);
    // A fresh app process has not seen this member within the hour: build one over the same database.
    const { buildApp } = await import('../app.ts');
    const other = await buildApp(get().config, { database: get().database, background: false });
    try {
      const res = await other.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: m.cookie } });
      expect(res.statusCode).toBe(200);
      await expect.poll(() => daysAgo(m.id)).toBe(0);
    } finally {
      await other.close();
    }
  });
});
