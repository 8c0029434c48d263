/**
 * The export's network sections: connections (with where each began), follows, invitations and blocks. Other
 * members appear by handle, name, headline and current position, as a connection sees them; never their email,
 * their private notes or anything they keep to themselves.
 */
import { sql } from 'drizzle-orm';
import { concat, type ExportSection, PAGE, paged, withProfileUrls } from './section.ts';

const ts = (column: string) => sql.raw(`to_json(${column})#>>'{}'`);

export const connectionsSection: ExportSection = {
  kind: 'table',
  name: 'connections',
  about: 'Your connections, each with where the relationship began (its origin) and when.',
  fields: {
    handle: 'Their handle on this instance.',
    name: 'Their name.',
    headline: 'Their headline.',
    organisation: 'Their current organisation, from their profile.',
    title: 'Their current title, from their profile.',
    connectedAt: 'When you connected (ISO 8601, UTC).',
    origin: 'Where the invitation was sent from: profile, search, suggestion, import, comment, introduction, network or directory.',
    invitedBy: '"me" if you sent the invitation, "them" if they did; empty when no invitation is kept.',
    invitationNote: 'The note that came with the invitation.',
    introducedBy: 'For a connection made after an introduction: the handles of the members who introduced you, in order.',
    profileUrl: 'Their profile on this instance.',
  },
  rows: (ctx) =>
    withProfileUrls(
      ctx,
      paged(
        ctx,
        (after) => sql`SELECT c.other_id AS k, m.handle, p.name, p.headline, cur.organisation, cur.title,
                              ${ts('c.created_at')} AS "connectedAt", c.origin_context AS origin,
                              CASE WHEN i.id IS NULL THEN NULL WHEN i.sender_id = ${ctx.memberId} THEN 'me' ELSE 'them' END AS "invitedBy",
                              i.note AS "invitationNote",
                              (SELECT array_agg(im.handle ORDER BY u.ord) FROM introductions intro
                                 CROSS JOIN LATERAL unnest(intro.path) WITH ORDINALITY AS u(mid, ord)
                                 JOIN members im ON im.id = u.mid
                                WHERE intro.id = i.introduction_id) AS "introducedBy"
                         FROM connections c
                         JOIN members m ON m.id = c.other_id
                         JOIN profiles p ON p.member_id = c.other_id
                         LEFT JOIN invitations i ON i.id = c.invitation_id
                         LEFT JOIN LATERAL (SELECT e.organisation_name AS organisation, e.title FROM experiences e
                                             WHERE e.member_id = c.other_id AND e.end_date IS NULL ORDER BY e.position LIMIT 1) cur ON true
                        WHERE c.member_id = ${ctx.memberId} AND c.other_id > ${after}
                        ORDER BY c.other_id LIMIT ${PAGE}`,
      ),
    ),
};

export const followsSection: ExportSection = {
  kind: 'table',
  name: 'follows',
  about: 'Whom you follow, and who follows you.',
  fields: {
    direction: '"following": you follow them; "follower": they follow you.',
    handle: 'Their handle.',
    name: 'Their name.',
    since: 'Since when (ISO 8601, UTC).',
    profileUrl: 'Their profile on this instance.',
  },
  rows: (ctx) =>
    withProfileUrls(
      ctx,
      concat(
        paged(
          ctx,
          (after) => sql`SELECT f.followee_id AS k, 'following' AS direction, m.handle, p.name, ${ts('f.created_at')} AS since
                           FROM follows f JOIN members m ON m.id = f.followee_id JOIN profiles p ON p.member_id = m.id
                          WHERE f.follower_id = ${ctx.memberId} AND f.followee_id > ${after} ORDER BY f.followee_id LIMIT ${PAGE}`,
        ),
        paged(
          ctx,
          (after) => sql`SELECT f.follower_id AS k, 'follower' AS direction, m.handle, p.name, ${ts('f.created_at')} AS since
                           FROM follows f JOIN members m ON m.id = f.follower_id JOIN profiles p ON p.member_id = m.id
                          WHERE f.followee_id = ${ctx.memberId} AND f.follower_id > ${after} ORDER BY f.follower_id LIMIT ${PAGE}`,
        ),
      ),
    ),
};

export const invitationsSection: ExportSection = {
  kind: 'table',
  name: 'invitations',
  about: 'The invitations to connect you sent and received, with their notes. Invitations the platform held back from you are not included: you never saw them.',
  fields: {
    id: 'The invitation\'s id.',
    direction: '"sent" or "received".',
    handle: 'The other member\'s handle.',
    name: 'The other member\'s name.',
    note: 'The note that came with it.',
    context: 'Where it was sent from (profile, search, suggestion, import, comment, introduction, network, directory).',
    status: 'pending, accepted, ignored, withdrawn, dont_know, expired or blocked.',
    sentAt: 'When it was sent.',
    respondedAt: 'When it was answered or withdrawn.',
  },
  // Sent and received apart: each is one index range of its own, joined to the other member by key.
  rows: (ctx) =>
    concat(
      paged(
        ctx,
        // "Ignored" and "I don't know this person" are silent to the sender: shown to them as pending.
        (after) => sql`SELECT i.id::float8 AS k, i.id::float8 AS id, 'sent' AS direction, m.handle, p.name, i.note, i.context,
                              CASE WHEN i.status IN ('ignored', 'dont_know', 'blocked') THEN 'pending' ELSE i.status END AS status,
                              ${ts('i.created_at')} AS "sentAt",
                              CASE WHEN i.status IN ('ignored', 'dont_know', 'blocked') THEN NULL ELSE ${ts('i.responded_at')} END AS "respondedAt"
                         FROM invitations i JOIN members m ON m.id = i.recipient_id JOIN profiles p ON p.member_id = m.id
                        WHERE i.sender_id = ${ctx.memberId} AND i.id > ${after}
                        ORDER BY i.id LIMIT ${PAGE}`,
      ),
      paged(
        ctx,
        (after) => sql`SELECT i.id::float8 AS k, i.id::float8 AS id, 'received' AS direction, m.handle, p.name, i.note, i.context, i.status,
                              ${ts('i.created_at')} AS "sentAt", ${ts('i.responded_at')} AS "respondedAt"
                         FROM invitations i JOIN members m ON m.id = i.sender_id JOIN profiles p ON p.member_id = m.id
                        WHERE i.recipient_id = ${ctx.memberId} AND i.folder <> 'held' AND i.id > ${after}
                        ORDER BY i.id LIMIT ${PAGE}`,
      ),
    ),
};

export const blocksSection: ExportSection = {
  kind: 'table',
  name: 'blocks',
  about: 'The members you blocked.',
  fields: { handle: 'Their handle.', name: 'Their name.', since: 'When you blocked them.' },
  rows: (ctx) =>
    paged(
      ctx,
      (after) => sql`SELECT b.blocked_id AS k, m.handle, p.name, ${ts('b.created_at')} AS since
                       FROM blocks b JOIN members m ON m.id = b.blocked_id JOIN profiles p ON p.member_id = m.id
                      WHERE b.blocker_id = ${ctx.memberId} AND b.blocked_id > ${after} ORDER BY b.blocked_id LIMIT ${PAGE}`,
    ),
};
