/**
 * PostgreSQL's LISTEN/NOTIFY, for telling the other app processes on the same database that events were
 * committed (server/events/announce.ts). Only a server has it: embedded PGlite is one process, so there is
 * nobody else to tell.
 *
 * A listener holds one connection of its own (a pooled one would be handed to queries between
 * notifications) and reconnects after a failure, doubling its wait up to 30 s; notifications sent while it
 * was away are lost, which is why what they announce must also be readable from a table.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';

export interface Listener {
  close(): Promise<void>;
}

/**
 * The channel for a database and schema. Tests give each file its own schema in one database, and a
 * channel is database-wide, so the schema is part of the name (hashed to stay under 63 bytes).
 */
export function channelFor(base: string, schema: string | undefined): string {
  if (!schema) return base;
  return `${base}_${createHash('sha256').update(schema).digest('hex').slice(0, 16)}`;
}

export interface ListenOptions {
  url: string;
  schema?: string;
  channel: string;
  onPayload: (payload: string) => void;
  onError: (err: unknown) => void;
  /** Called after each (re)connection: what was announced meanwhile was missed. */
  onConnected?: () => void;
}

export function listen(options: ListenOptions): Listener {
  let client: pg.Client | null = null;
  let closed = false;
  let wait = 500;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: options.url, ...(options.schema ? { options: `-c search_path=${options.schema},public` } : {}) });
    next.on('notification', (message) => {
      if (message.channel === options.channel && message.payload) options.onPayload(message.payload);
    });
    next.on('error', (err) => {
      options.onError(err);
      void next.end().catch(() => undefined);
      if (client === next) client = null;
      schedule();
    });
    try {
      await next.connect();
      // The channel is built by channelFor from a fixed base and a hex digest: safe as an identifier.
      await next.query(`LISTEN ${options.channel}`);
    } catch (err) {
      options.onError(err);
      await next.end().catch(() => undefined);
      schedule();
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    wait = 500;
    options.onConnected?.();
  };

  const schedule = (): void => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      // Fire and forget: connect() reports its own failures and schedules the next try.
      void connect();
    }, wait);
    retry.unref();
    wait = Math.min(wait * 2, 30_000);
  };

  // Fire and forget: connect() reports its own failures and schedules the next try.
  void connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
