/**
 * Reading the events outbox: in id order, after a position, optionally up to another and of some kinds.
 * Every replay (a processor catching up, the graph index after a snapshot) reads through here.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../db/connection.ts';
import type { EventKind, StoredEvent } from './types.ts';

export interface ReadOptions {
  /** Events with a larger id than this… */
  after: number;
  /** …and no larger than this (default: to the end). */
  upTo?: number;
  /** Only these kinds (default: every kind). */
  kinds?: readonly EventKind[];
  limit: number;
}

interface Row {
  id: string | number;
  kind: EventKind;
  actor_id: number | null;
  subject_id: number | null;
  data: Record<string, unknown>;
  created_at: string | Date;
}

/** Events in id order. Rows are trusted as typed: only recordEvent and the bulk paths that mirror it write them. */
export async function readEvents(db: DbOrTx, options: ReadOptions): Promise<StoredEvent[]> {
  const upTo = options.upTo === undefined ? sql`` : sql` AND id <= ${options.upTo}`;
  const kinds = options.kinds === undefined ? sql`` : sql` AND kind = ANY(${`{${options.kinds.join(',')}}`}::text[])`;
  const found = await rows<Row>(
    db,
    sql`SELECT id, kind, actor_id, subject_id, data, created_at FROM events
         WHERE id > ${options.after}${upTo}${kinds} ORDER BY id LIMIT ${options.limit}`,
  );
  return found.map(toStored);
}

function toStored(r: Row): StoredEvent {
  return {
    id: Number(r.id),
    kind: r.kind,
    actorId: r.actor_id,
    subjectId: r.subject_id,
    data: r.data,
    createdAt: new Date(r.created_at),
  } as StoredEvent;
}

/** How many events of these kinds have a larger id than `after` (what a processor has still to see). */
export async function countEventsAfter(db: DbOrTx, after: number, kinds: readonly EventKind[]): Promise<number> {
  const [r] = await rows<{ n: string | number }>(
    db,
    sql`SELECT count(*) AS n FROM events WHERE id > ${after} AND kind = ANY(${`{${kinds.join(',')}}`}::text[])`,
  );
  return Number(r?.n ?? 0);
}
