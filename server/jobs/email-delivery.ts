import { and, asc, eq, lt, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/connection.ts';
import { emailOutbox } from '../db/schema.ts';

const MAX_ATTEMPTS = 5;

/**
 * Delivers the email outbox. With SMTP_URL set, over SMTP; without it, messages stay in the dev outbox
 * (readable on the admin page) and are printed to the console, so a fresh install can still sign people up.
 * It runs when kicked after a commit and on a timer, so a crash between commit and send loses nothing.
 */
export class EmailDelivery {
  private readonly transport: Transporter | null;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    smtpUrl: string | null,
    private readonly from: string,
    private readonly log: FastifyBaseLogger,
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  }

  start(intervalMs = 30_000): void {
    // Fire and forget: kick() logs a failed pass itself and never rejects, and the timer retries.
    this.timer = setInterval(() => void this.kick(), intervalMs);
    this.timer.unref();
    void this.kick();
  }

  /** Delivers whatever is pending; concurrent kicks coalesce into one more pass. Resolves when idle. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.deliverPending().catch((err: unknown) => this.log.error({ err }, 'email delivery pass failed'));
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    this.transport?.close();
  }

  private async deliverPending(): Promise<void> {
    const pending = await this.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.status, 'pending'), lt(emailOutbox.attempts, MAX_ATTEMPTS)))
      .orderBy(asc(emailOutbox.id))
      .limit(50);
    for (const message of pending) {
      if (!this.transport) {
        this.log.info({ to: message.toAddress, subject: message.subject }, `dev outbox email:\n${message.textBody}`);
        await this.db.update(emailOutbox).set({ status: 'dev_outbox' }).where(eq(emailOutbox.id, message.id));
        continue;
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
        await this.db
          .update(emailOutbox)
          .set({ status: 'sent', sentAt: sql`now()`, attempts: message.attempts + 1 })
          .where(eq(emailOutbox.id, message.id));
      } catch (err) {
        const attempts = message.attempts + 1;
        this.log.warn({ err, id: message.id, attempts }, 'email delivery failed');
        await this.db
          .update(emailOutbox)
          .set({ attempts, lastError: String(err).slice(0, 500), status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending' })
          .where(eq(emailOutbox.id, message.id));
      }
    }
  }
}
