import type { FastifyInstance } from 'fastify';

/** Runs work once the answer has gone; see afterReply. */
export type AfterReply = (what: string, work: () => Promise<void>) => void;

/**
 * Work a route does after it has answered, so that how long the work takes cannot be read from the
 * response: a password-reset request answers at once whether or not the address has an account, and
 * only then looks it up and queues the email. Failures are logged (the client was already told "ok",
 * which is all it would ever be told). Shutdown waits for the work in flight before the database closes.
 */
export function afterReplyQueue(app: FastifyInstance): AfterReply {
  const pending = new Set<Promise<void>>();
  // preClose runs before the root onClose hooks that close the database.
  app.addHook('preClose', async () => {
    await Promise.allSettled([...pending]);
  });
  return (what, work) => {
    const running: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((err: unknown) => app.log.error({ err }, `${what} failed after the reply`))
      .finally(() => pending.delete(running));
    pending.add(running);
  };
}
