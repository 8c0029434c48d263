import { sql } from 'drizzle-orm';
import type { StoredReason } from '../../../common/reasons.ts';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { members } from './members.ts';

/** Where an invitation was sent from; it becomes the connection's origin ("how we met"). */
export const INVITATION_CONTEXTS = ['profile', 'search', 'suggestion', 'import', 'comment', 'introduction', 'network', 'directory'] as const;
export type InvitationContext = (typeof INVITATION_CONTEXTS)[number];

export const INVITATION_STATUSES = ['pending', 'accepted', 'ignored', 'withdrawn', 'dont_know', 'expired', 'blocked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const INVITATION_FOLDERS = ['inbox', 'other', 'held', 'auto'] as const;
export type InvitationFolder = (typeof INVITATION_FOLDERS)[number];

export const invitations = pgTable('invitations', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  senderId: integer('sender_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  recipientId: integer('recipient_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  note: text('note').notNull().default(''),
  context: text('context', { enum: INVITATION_CONTEXTS }).notNull(),
  status: text('status', { enum: INVITATION_STATUSES }).notNull().default('pending'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  respondedAt: timestamp('responded_at', { withTimezone: true }),
  /** Where screening placed it on arrival: the inbox, "Other", held by the platform, or accepted automatically. */
  folder: text('folder', { enum: INVITATION_FOLDERS }).notNull().default('inbox'),
  /** The rule or judgement that placed it, as a reason code with parameters (null when never screened). */
  placement: jsonb('placement').$type<StoredReason>(),
  riskScore: smallint('risk_score').notNull().default(0),
  riskReasons: jsonb('risk_reasons').$type<string[]>().notNull().default([]),
  template: boolean('template').notNull().default(false),
  /** MinHash signature of the note's shingles, compared with the sender's later notes to spot templates. */
  noteMinhash: integer('note_minhash').array(),
  /** The comment it was sent from (context 'comment'); null once that comment is deleted. */
  commentId: bigint('comment_id', { mode: 'number' }),
  /**
   * The accepted introduction between its sender and recipient it follows (migration 0027), set by the
   * server: the connection's origin is then 'introduction', introduced by that introduction's path.
   */
  introductionId: bigint('introduction_id', { mode: 'number' }),
  /**
   * The sender's degree from the recipient when it was sent (migration 0037), as screening computed it: 2 or 3,
   * 0 for no path within three hops, null where never recorded (older rows, imports).
   */
  degreeAtSend: smallint('degree_at_send'),
});

/** Each connection is stored twice, once per member, so a member's connections are one index range. */
export const connections = pgTable(
  'connections',
  {
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    otherId: integer('other_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    originContext: text('origin_context').notNull(),
    invitationId: bigint('invitation_id', { mode: 'number' }).references(() => invitations.id),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.otherId] }),
    // Migration 0016: the foreign key's check when an invitation is deleted.
    index('connections_invitation_idx').on(t.invitationId).where(sql`invitation_id IS NOT NULL`),
  ],
);

export const follows = pgTable(
  'follows',
  {
    followerId: integer('follower_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    followeeId: integer('followee_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.followerId, t.followeeId] })],
);

export const blocks = pgTable(
  'blocks',
  {
    blockerId: integer('blocker_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    blockedId: integer('blocked_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.blockerId, t.blockedId] })],
);

export const suggestionDismissals = pgTable(
  'suggestion_dismissals',
  {
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    otherId: integer('other_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.otherId] })],
);

export const interactions = pgTable('interactions', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  otherId: integer('other_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  refId: bigint('ref_id', { mode: 'number' }),
  at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
});

/**
 * How many comments each member of a pair wrote to the other (on the other's posts, or replies to their
 * comments), one row per side (migration 20261224-0025-feed-ranking): "you and Ana have replied to each other
 * 4 times" without counting the ledger. Moved by +1 with each comment, under the row's lock.
 */
export const engagementPairs = pgTable(
  'engagement_pairs',
  {
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    otherId: integer('other_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    /** Comments member_id wrote to other_id. */
    given: integer('given').notNull().default(0),
    /** Comments other_id wrote to member_id. */
    received: integer('received').notNull().default(0),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.otherId] })],
);
