import type { Migration } from './types.ts';

/**
 * connections.invitation_id references invitations, and PostgreSQL checks that foreign key on every
 * invitation deleted (a member's deletion cascades to their invitations) by looking for connections that
 * still point at it. Without an index that check is a scan of the whole connection table per invitation:
 * at 50 k members and 4.4 M connection rows, deleting a few thousand invitations took about 7 minutes.
 * Most connections carry no invitation (imports, open policies), so the index holds only those that do.
 */
export const connectionInvitationIndex: Migration = {
  name: '20261218-0016-connection-invitation-index',
  up: [`CREATE INDEX connections_invitation_idx ON connections (invitation_id) WHERE invitation_id IS NOT NULL`],
  down: [`DROP INDEX connections_invitation_idx`],
};
