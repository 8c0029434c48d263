/** Invitations to join that a member sent, and what a link's reader may see of one. */
import { sql } from 'drizzle-orm';
import type { EmailInvitationView } from '../../../common/schemas/email-invitations.ts';
import { hashSecret } from '../../auth/secrets.ts';
import { type DbOrTx, rows } from '../../db/connection.ts';

/** The member's own, newest first (the latest 100: a week's allowance is far fewer). */
export async function listEmailInvitations(db: DbOrTx, memberId: number): Promise<EmailInvitationView[]> {
  const found = await rows<Omit<EmailInvitationView, 'createdAt'> & { createdAt: Date | string }>(
    db,
    sql`SELECT id::int, email, note, status, created_at AS "createdAt" FROM email_invitations
         WHERE member_id = ${memberId} ORDER BY created_at DESC, id DESC LIMIT 100`,
  );
  return found.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
}

/** Who sent the link and whether its address has said "no more"; null for a link that is not one. */
export async function emailInvitationByLink(db: DbOrTx, token: string): Promise<{ inviter: string; optedOut: boolean } | null> {
  const [found] = await rows<{ inviter: string; optedOut: boolean }>(
    db,
    sql`SELECT p.name AS inviter, EXISTS (SELECT 1 FROM email_opt_outs o WHERE o.email_hash = i.email_hash) AS "optedOut"
          FROM email_invitations i JOIN profiles p ON p.member_id = i.member_id
         WHERE i.token_hash = ${hashSecret(token)}`,
  );
  return found ?? null;
}
