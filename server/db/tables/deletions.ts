import { sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { members } from './members.ts';

/** A member's request to delete their account (migration 0029): ids and times only, kept after the purge for the operators' count. */
export const accountDeletions = pgTable('account_deletions', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  status: text('status', { enum: ['pending', 'cancelled', 'completed'] }).notNull().default('pending'),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().default(sql`now()`),
  purgeAfter: timestamp('purge_after', { withTimezone: true }).notNull(),
  cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  completedAt: timestamp('completed_at', { withTimezone: true }),
});
