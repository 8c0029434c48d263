import { sql } from 'drizzle-orm';
import { bigint, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { members } from './members.ts';

/** An email inviting someone who is not a member to join (migration 20261227-0032-email-invitations). */
export const emailInvitations = pgTable('email_invitations', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  email: text('email').notNull(),
  /** SHA-256 of the lower-cased address: how opt-outs and "invited lately" are looked up. */
  emailHash: text('email_hash').notNull(),
  note: text('note').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  status: text('status', { enum: ['sent', 'joined', 'opted_out'] }).notNull().default('sent'),
  joinedMemberId: integer('joined_member_id').references(() => members.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
});

/** Addresses that asked never to be invited again, as hashes only. */
export const emailOptOuts = pgTable('email_opt_outs', {
  emailHash: text('email_hash').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});
