import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../server/db/connection.ts';

/**
 * A member with `connections` connections, `interactions` interactions spread over them and the last two
 * years, and a card with a cadence on each (a tenth of them due); plus `idleMembers` others with one card each,
 * none due. Written in SQL in a few statements: the benchmark measures the reads and the job, not the writes.
 */
export async function seedRelationships(db: Db, viewerId: number, n: { connections: number; interactions: number; idleMembers: number }): Promise<{ cards: number; due: number }> {
  const total = n.connections + n.idleMembers;
  await db.execute(sql`
    INSERT INTO members (handle, email) SELECT 'bp-' || i, 'bp-' || i || '@example.org' FROM generate_series(1, ${total}) i`);
  await db.execute(sql`INSERT INTO profiles (member_id, name) SELECT id, 'Bench Person ' || id FROM members WHERE handle LIKE 'bp-%'`);
  const others = sql`(SELECT id, row_number() OVER (ORDER BY id) AS k FROM members WHERE handle LIKE 'bp-%')`;
  await db.execute(sql`
    INSERT INTO connections (member_id, other_id, origin_context, created_at)
    SELECT ${viewerId}, o.id, 'import', now() - interval '700 days' FROM ${others} o WHERE o.k <= ${n.connections}
    UNION ALL
    SELECT o.id, ${viewerId}, 'import', now() - interval '700 days' FROM ${others} o WHERE o.k <= ${n.connections}`);
  await db.execute(sql`
    INSERT INTO interactions (member_id, other_id, kind, at)
    SELECT ${viewerId}, o.id, (ARRAY['message_sent','message_received','comment_sent','reaction_given','meeting'])[1 + (i % 5)],
           now() - make_interval(secs => (i * 7919 % 63072000))
      FROM generate_series(1, ${n.interactions}) i
      JOIN ${others} o ON o.k = 1 + (i % ${n.connections})`);
  // Every connection has a card every two months; a tenth of them last heard from long ago, so due.
  await db.execute(sql`
    INSERT INTO relationship_cards (member_id, other_id, cadence, cadence_days, last_interaction_at, due_at)
    SELECT ${viewerId}, o.id, 'two_months', 61, x.last, x.last + interval '61 days'
      FROM ${others} o
      CROSS JOIN LATERAL (SELECT CASE WHEN o.k % 10 = 0 THEN now() - interval '90 days' ELSE now() - make_interval(days => (o.k % 50)::int) END AS last) x
     WHERE o.k <= ${n.connections}`);
  // Idle members, each with a card on the viewer that is not due.
  await db.execute(sql`
    INSERT INTO relationship_cards (member_id, other_id, cadence, cadence_days, last_interaction_at, due_at)
    SELECT o.id, ${viewerId}, 'year', 365, now(), now() + interval '365 days' FROM ${others} o WHERE o.k > ${n.connections}`);
  await db.execute(sql`ANALYZE`);
  const [counted] = await rows<{ cards: number; due: number }>(db, sql`SELECT count(*)::int AS cards, count(*) FILTER (WHERE due_at <= now())::int AS due FROM relationship_cards`);
  return counted!;
}
