import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server in-process: the app speaks the full SMTP conversation to it, and tests read the
 * parsed messages that arrived.
 */
export class TestSmtpServer {
  readonly messages: ParsedMail[] = [];
  private waiters: (() => void)[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, _session, callback) => {
      simpleParser(stream)
        .then((mail) => {
          this.messages.push(mail);
          for (const w of this.waiters.splice(0)) w();
          callback();
        })
        .catch(callback);
    },
  });

  /** Listens on loopback, on `port` (to come back where a stopped server was) or any free one; returns its URL. */
  async start(at = 0): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(at, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  /** Resolves with the first message to this address that matches, waiting for it to arrive. */
  async waitFor(to: string, subject: RegExp, timeoutMs = 10_000): Promise<ParsedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find((m) => subject.test(m.subject ?? '') && JSON.stringify(m.to).includes(to));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no email to ${to} matching ${subject}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
