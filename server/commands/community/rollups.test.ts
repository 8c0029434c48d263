import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import type { DailyRow } from '../../queries/community/analytics.ts';
import { ensureCommunityRollups, refreshCommunityRollups } from './rollups.ts';

describeEachEngine('the community rollups', (get) => {
  it('counts members, actives (daily and over 30 days), posts, messages and invitations per day, and retention by signup week; later runs recompute only the recent days', async () => {
    const { app, database } = get();
    const db = database.db;
    const [ana, ben, cy, dee] = await Promise.all(['Ana', 'Ben', 'Cy', 'Dee'].map((n) => signUp(app, `${n} Rollup`)));
    // Every member of this database gets a signup day in January 2030 (2030-01-01 is a Tuesday).
    await db.execute(sql`UPDATE members SET created_at = '2029-12-31T08:00:00Z'`);
    const joined: [number, string][] = [
      [ana!.id, '2030-01-01T10:00:00Z'],
      [ben!.id, '2030-01-01T23:30:00Z'],
      [cy!.id, '2030-01-08T09:00:00Z'],
      [dee!.id, '2030-01-15T09:00:00Z'],
    ];
    for (const [id, at] of joined) await db.execute(sql`UPDATE members SET created_at = ${at}::timestamptz WHERE id = ${id}`);
    const [others] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM members WHERE created_at < '2030-01-01'`);
    const base = Number(others!.n);

    const post = (author: number, at: string) => db.execute(sql`INSERT INTO posts (author_id, text, visibility, created_at) VALUES (${author}, 'hello', 'members', ${at}::timestamptz)`);
    await post(ana!.id, '2030-01-02T09:00:00Z');
    await post(ana!.id, '2030-01-02T18:00:00Z');
    await post(ben!.id, '2030-01-10T12:00:00Z');
    const [conversation] = await rows<{ id: number }>(db, sql`INSERT INTO conversations (kind, created_by) VALUES ('direct', ${cy!.id}) RETURNING id`);
    await db.execute(sql`INSERT INTO messages (conversation_id, sender_id, text, created_at) VALUES (${conversation!.id}, ${cy!.id}, 'hi', '2030-01-16T10:00:00Z')`);
    await db.execute(
      sql`INSERT INTO invitations (sender_id, recipient_id, context, status, created_at, expires_at, responded_at)
          VALUES (${ben!.id}, ${dee!.id}, 'profile', 'accepted', '2030-01-16T11:00:00Z', '2030-03-01T00:00:00Z', '2030-01-17T08:00:00Z')`,
    );

    const run = await refreshCommunityRollups(db, { now: new Date('2030-01-20T12:00:00Z') });
    // From the first signup: the 31st only if this database holds members other than these four.
    expect(run).toMatchObject({ from: base > 0 ? '2029-12-31' : '2030-01-01', to: '2030-01-20', days: base > 0 ? 21 : 20 });
    const daily = async () =>
      new Map(
        (await rows<DailyRow>(db, sql`SELECT day::text AS day, members, new_members, active_members, monthly_active, posts, messages, invitations_sent, invitations_accepted FROM community_daily ORDER BY day`)).map((r) => [
          r.day,
          Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'day' ? v : Number(v)])) as unknown as DailyRow,
        ]),
      );
    let days = await daily();
    expect(days.size).toBe(base > 0 ? 21 : 20);
    expect(days.get('2030-01-01')).toMatchObject({ members: base + 2, new_members: 2, active_members: 0, monthly_active: 0 });
    expect(days.get('2030-01-02')).toMatchObject({ posts: 2, active_members: 1, monthly_active: 1 });
    expect(days.get('2030-01-10')).toMatchObject({ posts: 1, active_members: 1, monthly_active: 2 });
    // Cy messaged and Ben invited on the 16th; Dee answered on the 17th.
    expect(days.get('2030-01-16')).toMatchObject({ members: base + 4, messages: 1, invitations_sent: 1, invitations_accepted: 0, active_members: 2, monthly_active: 3 });
    expect(days.get('2030-01-17')).toMatchObject({ invitations_accepted: 1, active_members: 1, monthly_active: 4 });

    const cohorts = async () =>
      (await rows<{ cohort_week: string; week_offset: number; members: number; active: number }>(db, sql`SELECT cohort_week::text AS cohort_week, week_offset, members, active FROM community_cohorts ORDER BY 1, 2`)).map((r) => [
        r.cohort_week,
        Number(r.week_offset),
        Number(r.members),
        Number(r.active),
      ]);
    expect(await cohorts()).toEqual([
      // Everyone else, Ana and Ben joined in the week of Monday 31 December: Ana posted that week, Ben the next two.
      ['2029-12-31', 0, base + 2, 1],
      ['2029-12-31', 1, base + 2, 1],
      ['2029-12-31', 2, base + 2, 1],
      ['2030-01-07', 0, 1, 0],
      ['2030-01-07', 1, 1, 1],
      ['2030-01-14', 0, 1, 1],
    ]);

    // A late change to history (a post dated the 5th) stays out of an hourly run; the recent days move on.
    await post(ben!.id, '2030-01-05T09:00:00Z');
    await post(cy!.id, '2030-02-01T09:00:00Z');
    const next = await refreshCommunityRollups(db, { now: new Date('2030-02-02T08:00:00Z') });
    expect(next).toMatchObject({ from: '2030-01-19', to: '2030-02-02', days: 15 });
    days = await daily();
    expect(days.get('2030-01-05')).toMatchObject({ posts: 0, active_members: 0 });
    // Ana's last trace was on the 2nd: she counts as monthly active up to the 31st, not on 1 February.
    expect(days.get('2030-01-31')).toMatchObject({ monthly_active: 4, active_members: 0 });
    expect(days.get('2030-02-01')).toMatchObject({ monthly_active: 3, active_members: 1, posts: 1 });
    // Computing once when empty does nothing now; a full run (a repair) takes the late post in.
    await ensureCommunityRollups(db);
    expect((await daily()).get('2030-01-05')).toMatchObject({ posts: 0 });
    await refreshCommunityRollups(db, { now: new Date('2030-02-02T08:00:00Z'), full: true });
    days = await daily();
    expect(days.get('2030-01-05')).toMatchObject({ posts: 1, active_members: 1 });
    expect(days.get('2030-02-01')).toMatchObject({ monthly_active: 3 });
  });
});
