import { eq, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/connection.ts';
import { emailOutbox } from '../db/schema.ts';
import type { JobInfo, JobQueue } from './queue.ts';

/**
 * Delivers the email outbox as jobs of the queue (`email.send`, enqueued with each message by queueEmail in
 * the transaction that writes it). With SMTP_URL set, over SMTP; without it, messages stay in the dev outbox
 * (readable on the admin page) and are printed to the console, so a fresh install can still sign people up.
 * The queue retries a failed send with backoff; the outbox row keeps the message and its status.
 */
export class EmailDelivery {
  private readonly transport: Transporter | null;

  constructor(
    private readonly db: Db,
    private readonly queue: JobQueue,
    smtpUrl: string | null,
    private readonly from: string,
    private readonly log: FastifyBaseLogger,
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
    queue.register('email.send', ({ emailId }, job) => this.deliver(emailId, job));
  }

  /** Runs the queue now (email among the rest); resolves when nothing is due. Tests and after-commit hooks call it. */
  kick(): Promise<void> {
    return this.queue.kick();
  }

  stop(): void {
    this.transport?.close();
  }

  private async deliver(emailId: number, job: JobInfo): Promise<void> {
    const [message] = await this.db.select().from(emailOutbox).where(eq(emailOutbox.id, emailId));
    // Sent already (a job that ran twice), or gone: nothing to do. A failed one is sent again when an operator retries its job.
    if (!message || (message.status !== 'pending' && message.status !== 'failed')) return;
    if (!this.transport) {
      this.log.info({ to: message.toAddress, subject: message.subject }, `dev outbox email:\n${message.textBody}`);
      await this.db.update(emailOutbox).set({ status: 'dev_outbox' }).where(eq(emailOutbox.id, message.id));
      return;
    }
    try {
      await this.transport.sendMail({
        from: this.from,
        to: message.toAddress,
        subject: message.subject,
        text: message.textBody,
        ...(message.htmlBody ? { html: message.htmlBody } : {}),
        ...(message.headers ? { headers: message.headers } : {}),
      });
    } catch (err) {
      await this.db
        .update(emailOutbox)
        .set({ attempts: job.attempt, lastError: String(err).slice(0, 500), status: job.lastAttempt ? 'failed' : 'pending' })
        .where(eq(emailOutbox.id, message.id));
      throw err;
    }
    await this.db
      .update(emailOutbox)
      .set({ status: 'sent', sentAt: sql`now()`, attempts: job.attempt, lastError: null })
      .where(eq(emailOutbox.id, message.id));
  }
}
