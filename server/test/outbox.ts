import { and, asc, eq, like } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import { emailOutbox } from '../db/schema.ts';

/** The emails written to the outbox for an address, oldest first (the dev outbox keeps them when no SMTP is set). */
export async function emailsTo(db: Db, to: string, subject = '%') {
  return db
    .select({ subject: emailOutbox.subject, text: emailOutbox.textBody })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, to), like(emailOutbox.subject, subject)))
    .orderBy(asc(emailOutbox.id));
}

/** Waits until `count` emails to an address match (work after a reply may still be writing them); returns their texts. */
export async function waitForEmails(db: Db, to: string, subject: string, count = 1, timeoutMs = 10_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await emailsTo(db, to, subject);
    if (found.length >= count) return found.map((e) => e.text);
    if (Date.now() > deadline) throw new Error(`${found.length} of ${count} emails to ${to} with subject like ${subject}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The token in a link of an email, e.g. linkToken(text, '/reset-password'). */
export function linkToken(text: string, path: string): string {
  const match = new RegExp(`${path}\\?token=([\\w-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in: ${text}`);
  return match[1];
}
