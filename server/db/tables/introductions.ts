import { sql } from 'drizzle-orm';
import { bigint, boolean, integer, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { members } from './members.ts';
import { conversations } from './messages.ts';

export const INTRODUCTION_STATUSES = ['open', 'accepted', 'declined', 'expired'] as const;
export type IntroductionStatus = (typeof INTRODUCTION_STATUSES)[number];

export const INTRODUCTION_STEP_STATUSES = ['pending', 'waiting', 'forwarded', 'accepted', 'declined', 'expired'] as const;
export type IntroductionStepStatus = (typeof INTRODUCTION_STEP_STATUSES)[number];

/** A double opt-in introduction (migration 20261225-0027-introductions): requester → path… → target. */
export const introductions = pgTable('introductions', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  requesterId: integer('requester_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  targetId: integer('target_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  /** The introducers' member ids, in order (the requester's connection first). */
  path: integer('path').array().notNull(),
  blurb: text('blurb').notNull(),
  status: text('status', { enum: INTRODUCTION_STATUSES }).notNull().default('open'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  remindedAt: timestamp('reminded_at', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  conversationId: bigint('conversation_id', { mode: 'number' }).references(() => conversations.id, { onDelete: 'set null' }),
});

/** One step per member after the requester: the introducers in order, then the target. */
export const introductionSteps = pgTable(
  'introduction_steps',
  {
    introductionId: bigint('introduction_id', { mode: 'number' }).notNull().references(() => introductions.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['introducer', 'target'] }).notNull(),
    status: text('status', { enum: INTRODUCTION_STEP_STATUSES }).notNull(),
    /** An introducer's note to the next person, written when forwarding. */
    note: text('note'),
    /** Why they declined, shown to the requester. */
    reason: text('reason'),
    /** Declined as "I don't know this person": counts against the requester's reputation. */
    dontKnow: boolean('dont_know').notNull().default(false),
    /** When it became their turn (null while pending: they see nothing before). */
    reachedAt: timestamp('reached_at', { withTimezone: true }),
    actedAt: timestamp('acted_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.introductionId, t.position] })],
);
