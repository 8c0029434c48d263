/**
 * What the reader of an invitation to join can do with its link: say "no more invitations to this address"
 * (without an account, and as a mail client's one-click unsubscribe), or join and be pointed back to who
 * invited them. Both are keyed by the link's secret, kept only as a hash.
 */
import { sql } from 'drizzle-orm';
import { hashSecret } from '../../auth/secrets.ts';
import { type Db, rows } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordEvent } from '../../events/record.ts';
import { badRequest } from '../../errors.ts';

const invalidLink = () => badRequest('invalid_link', { key: 'email_invitation' });

/** Every invitation to the link's address stops here, and none goes to it again, from anyone. */
export async function optOutByLink(db: Db, token: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [found] = await rows<{ hash: string }>(tx, sql`SELECT email_hash AS hash FROM email_invitations WHERE token_hash = ${hashSecret(token)}`);
    if (!found) throw invalidLink();
    await tx.execute(sql`INSERT INTO email_opt_outs (email_hash) VALUES (${found.hash}) ON CONFLICT DO NOTHING`);
    await tx.execute(sql`UPDATE email_invitations SET status = 'opted_out', answered_at = now() WHERE email_hash = ${found.hash} AND status = 'sent'`);
  });
}

/**
 * The newcomer (signed in, having just signed up) came by this link: the invitation is answered, and they
 * learn whose it was so the page can lead them to connect. A link answered already still names its sender.
 */
export async function joinByLink(db: Db, newcomerId: number, token: string): Promise<{ inviter: string }> {
  return inTransaction(db, async (tx) => {
    const [found] = await rows<{ id: number; memberId: number; status: string; handle: string }>(
      tx,
      sql`SELECT i.id::int AS id, i.member_id AS "memberId", i.status, m.handle
            FROM email_invitations i JOIN members m ON m.id = i.member_id
           WHERE i.token_hash = ${hashSecret(token)} AND m.status = 'active'`,
    );
    if (!found || found.memberId === newcomerId) throw invalidLink();
    if (found.status === 'sent') {
      await tx.execute(sql`UPDATE email_invitations SET status = 'joined', joined_member_id = ${newcomerId}, answered_at = now() WHERE id = ${found.id}`);
      await recordEvent(tx, { kind: 'email_invitation.joined', actorId: newcomerId, subjectId: found.memberId, data: { invitationId: found.id } });
    }
    return { inviter: found.handle };
  });
}
