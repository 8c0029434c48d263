import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { RelationshipState } from '../../../common/schemas/network.ts';
import { blockBetween } from './blocks.ts';
import { pairOf } from './invitation-pair.ts';
import type { DbOrTx } from '../../db/connection.ts';
import { connections, follows, invitations, profiles } from '../../db/schema.ts';

/**
 * The viewer's relationship to another member, for the profile's buttons. An invitation the other member
 * ignored or answered "I don't know this person" still shows as pending to the viewer until it expires,
 * because both answers are silent.
 */
export async function loadRelationship(db: DbOrTx, viewerId: number, otherId: number): Promise<RelationshipState> {
  const block = await blockBetween(db, viewerId, otherId);
  const [connected] = await db
    .select({ invitationId: connections.invitationId })
    .from(connections)
    .where(and(eq(connections.memberId, viewerId), eq(connections.otherId, otherId)));
  const [found] = await db
    .select({ id: invitations.id, senderId: invitations.senderId, status: invitations.status, folder: invitations.folder })
    .from(invitations)
    .where(
      and(
        pairOf(viewerId, otherId),
        or(inArray(invitations.status, ['pending', 'ignored']), and(eq(invitations.status, 'dont_know'), eq(invitations.senderId, viewerId))),
        sql`${invitations.expiresAt} > now()`,
      ),
    )
    // An invitation the other member sent since comes first: that one the viewer can answer.
    .orderBy(sql`${invitations.status} = 'dont_know'`)
    .limit(1);
  // An invitation the platform holds does not exist for its recipient (inviting back still connects them).
  const open = found && !(found.folder === 'held' && found.senderId !== viewerId) ? found : undefined;
  const [following] = await db
    .select({ one: sql`1` })
    .from(follows)
    .where(and(eq(follows.followerId, viewerId), eq(follows.followeeId, otherId)));
  const [setting] = await db.select({ who: profiles.whoCanFollow }).from(profiles).where(eq(profiles.memberId, otherId));

  const connection = connected
    ? 'connected'
    : open?.senderId === viewerId
      ? 'pending_sent'
      : open
        ? 'pending_received'
        : 'none';
  return {
    connection,
    invitationId: open ? Number(open.id) : null,
    originInvitationId: connected?.invitationId ? Number(connected.invitationId) : null,
    following: following !== undefined,
    canFollow: block === null && following === undefined && (setting?.who !== 'connections' || connected !== undefined),
    canInvite: block === null && connection === 'none',
    blocked: block === 'i_blocked',
  };
}
