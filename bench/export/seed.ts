import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/connection.ts';

/**
 * A member with `connections` connections (each with its invitation note, a follow both ways and a
 * `connected` interaction), a card, tag and note on a tenth of them, `posts` posts and `messages` messages over
 * 100 conversations with their connections. Written in SQL: the benchmark measures the export, not the writes.
 */
export async function seedExport(db: Db, viewerId: number, n: { connections: number; posts: number; messages: number }): Promise<void> {
  await db.execute(sql`INSERT INTO members (handle, email) SELECT 'xp-' || i, 'xp-' || i || '@example.org' FROM generate_series(1, ${n.connections}) i`);
  await db.execute(sql`INSERT INTO profiles (member_id, name, headline) SELECT id, 'Export Person ' || id, 'Headline of ' || id FROM members WHERE handle LIKE 'xp-%'`);
  const others = sql`(SELECT id, row_number() OVER (ORDER BY id) AS k FROM members WHERE handle LIKE 'xp-%')`;
  await db.execute(sql`
    INSERT INTO invitations (sender_id, recipient_id, note, context, status, expires_at, responded_at)
    SELECT ${viewerId}, o.id, 'Good to meet you at event ' || o.k, 'profile', 'accepted', now() + interval '180 days', now() FROM ${others} o`);
  await db.execute(sql`
    INSERT INTO connections (member_id, other_id, origin_context, invitation_id, created_at)
    SELECT ${viewerId}, i.recipient_id, 'profile', i.id, now() - interval '300 days' FROM invitations i WHERE i.sender_id = ${viewerId}
    UNION ALL
    SELECT i.recipient_id, ${viewerId}, 'profile', i.id, now() - interval '300 days' FROM invitations i WHERE i.sender_id = ${viewerId}`);
  await db.execute(sql`
    INSERT INTO follows (follower_id, followee_id) SELECT ${viewerId}, o.id FROM ${others} o
    UNION ALL SELECT o.id, ${viewerId} FROM ${others} o`);
  await db.execute(sql`INSERT INTO interactions (member_id, other_id, kind, at) SELECT ${viewerId}, o.id, 'connected', now() - interval '300 days' FROM ${others} o`);
  await db.execute(sql`INSERT INTO relationship_tags (member_id, name, colour, cadence) VALUES (${viewerId}, 'Bench', 'blue', 'quarter')`);
  await db.execute(sql`
    INSERT INTO relationship_cards (member_id, other_id, met_text, cadence, cadence_days)
    SELECT ${viewerId}, o.id, 'Met at bench event ' || o.k, 'quarter', 91 FROM ${others} o WHERE o.k % 10 = 0`);
  await db.execute(sql`
    INSERT INTO relationship_card_tags (member_id, other_id, tag_id)
    SELECT c.member_id, c.other_id, t.id FROM relationship_cards c JOIN relationship_tags t ON t.member_id = c.member_id WHERE c.member_id = ${viewerId}`);
  await db.execute(sql`
    INSERT INTO relationship_notes (member_id, other_id, text, met_on)
    SELECT member_id, other_id, 'A note about ' || other_id, current_date - 30 FROM relationship_cards WHERE member_id = ${viewerId}`);
  await db.execute(sql`
    INSERT INTO posts (author_id, text, visibility, created_at)
    SELECT ${viewerId}, 'Bench post number ' || i || ' with some words to make it a realistic length for a short update.', 'members', now() - make_interval(mins => i)
      FROM generate_series(1, ${n.posts}) i`);
  // 100 direct conversations with the first 100 connections, the messages spread over them, both ways.
  await db.execute(sql`INSERT INTO conversations (kind, created_by) SELECT 'direct', ${viewerId} FROM generate_series(1, 100)`);
  const convs = sql`(SELECT c.id, row_number() OVER (ORDER BY c.id) AS k FROM conversations c WHERE c.created_by = ${viewerId})`;
  await db.execute(sql`
    INSERT INTO conversation_members (conversation_id, member_id, peer_id, folder)
    SELECT c.id, ${viewerId}, o.id, 'inbox' FROM ${convs} c JOIN ${others} o ON o.k = c.k
    UNION ALL
    SELECT c.id, o.id, ${viewerId}, 'inbox' FROM ${convs} c JOIN ${others} o ON o.k = c.k`);
  await db.execute(sql`
    INSERT INTO messages (conversation_id, sender_id, text, created_at)
    SELECT c.id, CASE WHEN i % 2 = 0 THEN ${viewerId} ELSE o.id END, 'Message ' || i || ': shall we meet next week to talk about the project?', now() - make_interval(mins => i)
      FROM generate_series(1, ${n.messages}) i
      JOIN ${convs} c ON c.k = 1 + (i % 100)
      JOIN ${others} o ON o.k = c.k`);
  await db.execute(sql`ANALYZE`);
}
