import { eq, sql } from 'drizzle-orm';
import { slugify } from '../../../common/text.ts';
import type { Tx } from '../../db/connection.ts';
import { credentials, members, profiles } from '../../db/schema.ts';
import { conflict } from '../../errors.ts';
import { recordEvent } from '../../events/record.ts';
import { recordAudit } from '../audit.ts';
import { issueEmailToken } from '../auth/email-tokens.ts';
import { queueEmail } from '../queue-email.ts';
import { refreshSearchDocument } from '../search-document.ts';
import { verifyEmailMessage } from '../../email/templates.ts';
import type { Locale } from '../../../common/locales.ts';

/** Serialises "is this the first account?" so two simultaneous first sign-ups cannot both become operator. */
export const FIRST_MEMBER_LOCK = 72_617_002;

export interface NewMember {
  email: string;
  name: string;
  passwordHash: string;
  /** Imports and demo data arrive with addresses the operator vouches for. */
  emailVerified?: boolean;
  createdAt?: Date;
  ip?: string | null;
  /**
   * Sign-up passes true: the first person to sign up while the instance has no operator becomes it.
   * Imports and demo data pass false, so loading a community never hands out the operator role.
   */
  mayBecomeOperator: boolean;
  /**
   * The language of the verification email: sign-up passes what the browser asks for, else the
   * community's default (server/http/locale.ts). Imports arrive verified and send none.
   */
  emailLocale?: Locale;
  /**
   * The language the person signed up in (the web sends the one it was showing): stored as their
   * setting, so emails sent later without a request to go by (reminders, notices) are in it too.
   */
  locale?: Locale;
}

/**
 * Creates a member with credentials, an empty profile and a search row; the first member to sign up
 * while there is no operator becomes the operator. Queues the verification email (sent after commit) unless the address is already verified.
 */
export async function createMember(
  tx: Tx,
  input: NewMember,
  publicUrl: string,
): Promise<{ id: number; handle: string; role: 'member' | 'admin' }> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${FIRST_MEMBER_LOCK})`);
  const [operator] = input.mayBecomeOperator
    ? await tx.select({ id: members.id }).from(members).where(eq(members.role, 'admin')).limit(1)
    : [];
  const role = input.mayBecomeOperator && !operator ? 'admin' : 'member';
  const base = slugify(input.name);
  let created: { id: number; handle: string } | undefined;
  for (let n = 1; !created; n++) {
    const handle = n === 1 ? base : `${base}-${n <= 20 ? n : Math.random().toString(36).slice(2, 8)}`;
    [created] = await tx
      .insert(members)
      .values({
        handle,
        email: input.email,
        role,
        ...(input.locale ? { locale: input.locale } : {}),
        emailVerifiedAt: input.emailVerified ? new Date() : null,
        ...(input.createdAt ? { createdAt: input.createdAt } : {}),
      })
      .onConflictDoNothing()
      .returning({ id: members.id, handle: members.handle });
    if (!created) {
      const [taken] = await tx.select({ id: members.id }).from(members).where(eq(members.email, input.email));
      if (taken) throw conflict('email_taken');
    }
  }
  await tx.insert(credentials).values({ memberId: created.id, passwordHash: input.passwordHash });
  await tx.insert(profiles).values({ memberId: created.id, name: input.name });
  await refreshSearchDocument(tx, created.id);
  await recordEvent(tx, { kind: 'member.joined', actorId: created.id, subjectId: created.id, data: { role } });
  await recordAudit(tx, {
    actorId: created.id,
    action: 'member.signup',
    subjectType: 'member',
    subjectId: created.id,
    data: { role },
    ip: input.ip ?? null,
  });
  if (!input.emailVerified) {
    const token = await issueEmailToken(tx, created.id, 'verify_email');
    const message = verifyEmailMessage(input.locale ?? input.emailLocale ?? 'en', input.name, `${publicUrl}/verify-email?token=${encodeURIComponent(token)}`);
    await queueEmail(tx, { memberId: created.id, to: input.email, ...message });
  }
  return { ...created, role };
}
