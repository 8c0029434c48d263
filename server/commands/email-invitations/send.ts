/**
 * A member invites someone who is not a member to join, by email (issue 14): one address at a time, with
 * their note, within their weekly invitation allowance. Refused for an address that asked for no more
 * invitations, one invited by anyone in the last 7 days, or a member's address (invite them to connect).
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { EmailInvitationCreate, EmailInvitationView } from '../../../common/schemas/email-invitations.ts';
import type { Locale } from '../../../common/locales.ts';
import type { Actor } from '../../auth/actor.ts';
import { hashSecret, newSecret } from '../../auth/secrets.ts';
import type { NetworkLimits } from '../../config.ts';
import { type Db, rows } from '../../db/connection.ts';
import { emailInvitations } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { emailInvitationMessage } from '../../email/templates.ts';
import { recordEvent } from '../../events/record.ts';
import { conflict } from '../../errors.ts';
import { allowanceRefusal } from '../../policies/invitation-allowance.ts';
import { computeAllowance } from '../../queries/screening/allowance.ts';
import { hasLink } from '../../screening/risk.ts';
import { lockMembers } from '../network/locks.ts';
import { queueEmail } from '../queue-email.ts';

export interface EmailInvitationDeps {
  db: Db;
  limits: NetworkLimits;
  publicUrl: string;
}

/** How an address is looked up without keeping it: opt-outs hold only this. */
export const addressHash = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

/** How many days an address rests after an invitation to join, whoever sent it. */
const REST_DAYS = 7;

export async function sendEmailInvitation(deps: EmailInvitationDeps, sender: Actor, input: EmailInvitationCreate): Promise<EmailInvitationView> {
  const email = input.email.trim().toLowerCase();
  const hash = addressHash(email);
  const token = newSecret('ei', 24);
  return inTransaction(deps.db, async (tx) => {
    // The sender's lock, as for an invitation to a member: two sends at once cannot both take the last one.
    await lockMembers(tx, sender.id);
    const [facts] = await rows<{ member: boolean; optedOut: boolean; recent: boolean; inviter: string; locale: Locale | null }>(
      tx,
      sql`SELECT EXISTS (SELECT 1 FROM members WHERE lower(email) = ${email}) AS member,
                 EXISTS (SELECT 1 FROM email_opt_outs WHERE email_hash = ${hash}) AS "optedOut",
                 EXISTS (SELECT 1 FROM email_invitations WHERE email_hash = ${hash} AND created_at > now() - make_interval(days => ${REST_DAYS})) AS recent,
                 (SELECT name FROM profiles WHERE member_id = ${sender.id}) AS inviter,
                 (SELECT locale FROM members WHERE id = ${sender.id}) AS locale`,
    );
    if (facts!.member) throw conflict('email_is_member');
    if (facts!.optedOut) throw conflict('email_opted_out');
    if (facts!.recent) throw conflict('email_recently_invited');
    const refusal = allowanceRefusal(await computeAllowance(tx, sender.id, deps.limits), { hasLink: hasLink(input.note) });
    if (refusal) throw refusal;

    const [created] = await tx
      .insert(emailInvitations)
      .values({ memberId: sender.id, email, emailHash: hash, note: input.note, tokenHash: hashSecret(token) })
      .returning({ id: emailInvitations.id, createdAt: emailInvitations.createdAt });
    const query = `token=${encodeURIComponent(token)}`;
    const optOut = `${deps.publicUrl}/join/no-more?${query}`;
    // In the sender's language: the address's owner has none here yet.
    const message = emailInvitationMessage(facts!.locale ?? 'en', { inviter: facts!.inviter, name: input.name?.trim() || null, note: input.note }, `${deps.publicUrl}/join?${query}`, optOut);
    await queueEmail(tx, {
      memberId: null,
      to: email,
      ...message,
      headers: { 'List-Unsubscribe': `<${deps.publicUrl}/api/v1/email-invitations/no-more?${query}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
    await recordEvent(tx, { kind: 'email_invitation.sent', actorId: sender.id, subjectId: null, data: { invitationId: created!.id } });
    return { id: created!.id, email, note: input.note, status: 'sent' as const, createdAt: created!.createdAt.toISOString() };
  });
}
