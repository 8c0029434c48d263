import { sql } from 'drizzle-orm';
import { bigint, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The events outbox: one row per committed change others must learn about, written in the transaction
 * that makes the change (server/events/). Kinds and their data are typed in server/events/types.ts.
 */
export const events = pgTable('events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  kind: text('kind').notNull(),
  /** The member who did it, when a member did. */
  actorId: integer('actor_id'),
  /** The member it is about, when it is about one. */
  subjectId: integer('subject_id'),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  /** The inserting transaction (xid8, as text): what tells a reader that every id below a mark is settled. */
  xid: text('xid').notNull().default(sql`pg_current_xact_id()`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/** How far each durable processor of the outbox has got: every event up to last_id is handled. */
export const eventConsumers = pgTable('event_consumers', {
  name: text('name').primaryKey(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});
