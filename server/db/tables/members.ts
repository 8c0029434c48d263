import { sql } from 'drizzle-orm';
import { integer, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Members get dense integer ids: the graph index uses them directly as slots.
 * Every member-owned table carries member_id so the schema can be distributed by it later (Citus).
 */
export const members = pgTable('members', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  handle: text('handle').notNull().unique(),
  email: text('email').notNull().unique(),
  emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
  role: text('role', { enum: ['member', 'admin'] }).notNull().default('member'),
  status: text('status', { enum: ['active', 'suspended', 'deleted'] }).notNull().default('active'),
  statusReason: text('status_reason'),
  /** 'en' | 'it'; null: not chosen (server/http/locale.ts decides). */
  locale: text('locale', { enum: ['en', 'it'] }),
  trustLevel: smallint('trust_level').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  /** The last request the member made, to the hour (http/last-seen.ts): who has been away, for the weekly digest. */
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().default(sql`now()`),
});

export const credentials = pgTable('credentials', {
  memberId: integer('member_id').primaryKey().references(() => members.id, { onDelete: 'cascade' }),
  passwordHash: text('password_hash').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});
