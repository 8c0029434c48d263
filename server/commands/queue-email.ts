import type { DbOrTx } from '../db/connection.ts';
import { emailOutbox } from '../db/schema.ts';

export interface OutgoingEmail {
  memberId: number | null;
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

/** Writes an email to the outbox in the caller's transaction; the delivery job sends it after commit. */
export async function queueEmail(tx: DbOrTx, email: OutgoingEmail): Promise<void> {
  await tx.insert(emailOutbox).values({
    memberId: email.memberId,
    toAddress: email.to,
    subject: email.subject,
    textBody: email.text,
    htmlBody: email.html ?? null,
    headers: email.headers ?? null,
  });
}
