/**
 * A node-postgres client that gives up on a statement whose answer does not arrive in time, by ending its
 * connection. PostgreSQL's own statement_timeout cancels a statement that runs long on the server, but not
 * one whose answer is slow to travel (a congested network, a stalled proxy, a server too loaded to reply).
 * node-postgres' query_timeout gives up waiting but leaves the statement running on a connection that goes
 * back to the pool: a transaction whose ROLLBACK also timed out would stay open there for the next request.
 * Ending the connection instead fails every statement on it at once, and PostgreSQL rolls back whatever
 * transaction it held; the pool opens a fresh connection for the next request.
 */
import pg from 'pg';

/** The error a statement past its deadline fails with; server/http/problem.ts answers it 503 `database_timeout`. */
export const DEADLINE_MESSAGE = 'query timed out: no answer from the database within the statement deadline';

type QueryCallback = (err: Error | null, result?: unknown) => void;

/** A pg.Client class whose statements each get `deadlineMs` for their answer; 0 returns pg.Client itself. */
export function deadlineClient(deadlineMs: number): typeof pg.Client {
  if (deadlineMs <= 0) return pg.Client;
  class DeadlineClient extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super(config);
      // A checked-out client whose connection ends has no pool listener for 'error': without this one the
      // process would die of an unhandled 'error' event. Its statements receive the error anyway.
      this.on('error', () => undefined);
    }

    // node-postgres' query() has many overloads (text or config, values, callback, or a submittable); each is
    // passed through unchanged, with a timer around it.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    override query(...args: any[]): any {
      const first = args[0] as { submit?: unknown } | undefined;
      // Submittables (COPY streams, cursors) run as long as their reader wants: no deadline.
      if (first && typeof first === 'object' && typeof first.submit === 'function') return (super.query as (...a: unknown[]) => unknown)(...args);
      const connection = (this as unknown as { connection: { stream: { destroy(err?: Error): void } } }).connection;
      const timer = setTimeout(() => connection.stream.destroy(new Error(DEADLINE_MESSAGE)), deadlineMs);
      const at = args.findIndex((a) => typeof a === 'function');
      if (at >= 0) {
        const callback = args[at] as QueryCallback;
        args[at] = (err: Error | null, result?: unknown) => {
          clearTimeout(timer);
          callback(err, result);
        };
        return (super.query as (...a: unknown[]) => unknown)(...args);
      }
      const result = (super.query as (...a: unknown[]) => Promise<unknown>)(...args);
      return result.finally(() => clearTimeout(timer));
    }
  }
  return DeadlineClient as unknown as typeof pg.Client;
}
