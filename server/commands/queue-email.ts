import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { emailOutbox } from '../db/schema.ts';
import { enqueueJob } from '../jobs/enqueue.ts';
import { EMAIL_ATTEMPTS } from '../jobs/kinds.ts';

export interface OutgoingEmail {
  memberId: number | null;
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

/**
 * Writes an email to the outbox in the caller's transaction, with the job that delivers it after commit
 * (jobs/email-delivery.ts). `uniqueKey` makes the delivery job, and so the email, once only (the digest's
 * member and week); returns false when an email with that key exists already, writing nothing.
 */
export async function queueEmail(tx: DbOrTx, email: OutgoingEmail, options: { uniqueKey?: string } = {}): Promise<boolean> {
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      memberId: email.memberId,
      toAddress: email.to,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html ?? null,
      headers: email.headers ?? null,
    })
    .returning({ id: emailOutbox.id });
  const job = await enqueueJob(tx, 'email.send', { emailId: row!.id }, { maxAttempts: EMAIL_ATTEMPTS, ...(options.uniqueKey ? { uniqueKey: options.uniqueKey } : {}) });
  if (job !== null) return true;
  // Already queued under this key: this message is not needed.
  await tx.delete(emailOutbox).where(eq(emailOutbox.id, row!.id));
  return false;
}
