import { type SQL, sql } from 'drizzle-orm';
import type { ConnectionState } from '../../common/schemas/search.ts';

/** The viewer's standing with one person, as stored: connection, open invitation, follow. */
export interface Relation {
  connection: ConnectionState;
  /** The open invitation between the two, either way, while one is pending: Accept or Withdraw acts on it. */
  invitationId: number | null;
  /** Once connected: the invitation that connected them (its "ask for context" thread). */
  originInvitationId: number | null;
  following: boolean;
}

export const SELF: Relation = { connection: 'self', invitationId: null, originInvitationId: null, following: false };

/**
 * The columns of one relation between the viewer and `other` (an SQL expression for a member id), to
 * embed in a statement that already has the other member: the rule lives here once for cards and profiles.
 *
 * An invitation the other member ignored or answered "I don't know this person" still shows as pending to
 * its sender until it expires, because both answers are silent; one the platform holds does not exist for
 * its recipient (inviting back still connects them). One the other member sent since comes first.
 */
export function relationColumns(viewerId: number, other: SQL): SQL {
  return sql`(SELECT c.invitation_id FROM connections c WHERE c.member_id = ${viewerId} AND c.other_id = ${other}) AS "connectionInvitationId",
    EXISTS (SELECT 1 FROM connections c WHERE c.member_id = ${viewerId} AND c.other_id = ${other}) AS connected,
    EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = ${viewerId} AND f.followee_id = ${other}) AS following,
    (SELECT json_build_object('id', i.id, 'senderId', i.sender_id) FROM invitations i
      WHERE least(i.sender_id, i.recipient_id) = least(${viewerId}::int, ${other})
        AND greatest(i.sender_id, i.recipient_id) = greatest(${viewerId}::int, ${other})
        AND (i.status IN ('pending', 'ignored') OR (i.status = 'dont_know' AND i.sender_id = ${viewerId}))
        AND i.expires_at > now()
        AND NOT (i.folder = 'held' AND i.sender_id <> ${viewerId})
      ORDER BY i.status = 'dont_know'
      LIMIT 1) AS "openInvitation"`;
}

/** What relationColumns selects, as the drivers return it. */
export interface RelationColumns {
  connectionInvitationId: string | number | null;
  connected: boolean;
  following: boolean;
  openInvitation: { id: string | number; senderId: number } | string | null;
}

export function relationOf(viewerId: number, r: RelationColumns): Relation {
  // json comes back parsed from pg and PGlite alike, but be strict about the shape either way.
  const open = typeof r.openInvitation === 'string' ? (JSON.parse(r.openInvitation) as { id: string | number; senderId: number }) : r.openInvitation;
  const connection: ConnectionState = r.connected ? 'connected' : !open ? 'none' : open.senderId === viewerId ? 'pending_sent' : 'pending_received';
  return {
    connection,
    invitationId: open && !r.connected ? Number(open.id) : null,
    originInvitationId: r.connected && r.connectionInvitationId !== null ? Number(r.connectionInvitationId) : null,
    following: r.following,
  };
}
