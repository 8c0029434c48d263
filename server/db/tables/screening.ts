import { sql } from 'drizzle-orm';
import { bigint, boolean, integer, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { RESTRICTION_KINDS } from '../../../common/moderation.ts';
import type { ReasonParam, StoredReason } from '../../../common/reasons.ts';
import type { ReportedContent, ScreeningRule } from '../../../common/schemas/screening.ts';
import { CONTENT_KINDS } from '../../../common/moderation.ts';
import { members } from './members.ts';
import { invitations } from './network.ts';

export const SCREENING_MODES = ['open', 'selective', 'manual'] as const;
export const WHO_CAN_INVITE = ['everyone', 'email', 'second_degree'] as const;

/** A member's own screening policy; a member without a row screens manually and accepts invitations from everyone. */
export const screeningPolicies = pgTable('screening_policies', {
  memberId: integer('member_id').primaryKey().references(() => members.id, { onDelete: 'cascade' }),
  mode: text('mode', { enum: SCREENING_MODES }).notNull().default('manual'),
  whoCanInvite: text('who_can_invite', { enum: WHO_CAN_INVITE }).notNull().default('everyone'),
  rules: jsonb('rules').$type<ScreeningRule[]>().notNull().default([]),
  otherwise: text('otherwise', { enum: ['inbox', 'other'] }).notNull().default('inbox'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/** "Ask for context": the short thread between recipient and sender that stays with the invitation. */
export const invitationMessages = pgTable('invitation_messages', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  invitationId: bigint('invitation_id', { mode: 'number' }).notNull().references(() => invitations.id, { onDelete: 'cascade' }),
  authorId: integer('author_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  body: text('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});

export const REPORT_REASONS = ['spam', 'fake', 'scam', 'harassment', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const reports = pgTable('reports', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  reporterId: integer('reporter_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  invitationId: bigint('invitation_id', { mode: 'number' }).references(() => invitations.id, { onDelete: 'set null' }),
  /** A report about one post, comment or message of the member: which (migration 20261224-0023). */
  contentKind: text('content_kind', { enum: CONTENT_KINDS }),
  contentId: bigint('content_id', { mode: 'number' }),
  /** The content as it was when reported: the evidence outlives an edit, a deletion or a removal. */
  content: jsonb('content').$type<ReportedContent>(),
  reason: text('reason', { enum: REPORT_REASONS }).notNull(),
  details: text('details').notNull().default(''),
  status: text('status', { enum: ['open', 'dismissed', 'actioned'] }).notNull().default('open'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  resolvedBy: integer('resolved_by').references(() => members.id, { onDelete: 'set null' }),
});

/** What a sign-up looked like, kept for burst and cluster detection and for the moderation queue. */
export const signupEvents = pgTable('signup_events', {
  memberId: integer('member_id').primaryKey().references(() => members.id, { onDelete: 'cascade' }),
  ip: text('ip'),
  subnet: text('subnet'),
  emailDomain: text('email_domain').notNull(),
  risk: smallint('risk').notNull().default(0),
  /** As codes and parameters (common/reasons.ts), rendered when read. */
  reasons: jsonb('reasons').$type<StoredReason[]>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});

export { RESTRICTION_KINDS };
export type RestrictionKind = (typeof RESTRICTION_KINDS)[number];

export const memberRestrictions = pgTable('member_restrictions', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: RESTRICTION_KINDS }).notNull(),
  reason: text('reason').notNull(),
  createdBy: integer('created_by').references(() => members.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  /** When it stops applying on its own; null: until an operator lifts it. */
  endsAt: timestamp('ends_at', { withTimezone: true }),
  liftedAt: timestamp('lifted_at', { withTimezone: true }),
  liftedBy: integer('lifted_by').references(() => members.id, { onDelete: 'set null' }),
});

export const FLAG_KINDS = ['registration', 'cluster', 'template', 'reputation', 'reports', 'pitch'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export const moderationFlags = pgTable('moderation_flags', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  kind: text('kind', { enum: FLAG_KINDS }).notNull(),
  memberIds: integer('member_ids').array().notNull(),
  score: smallint('score').notNull().default(0),
  /** As codes and parameters (common/reasons.ts), rendered when read. */
  reasons: jsonb('reasons').$type<StoredReason[]>().notNull().default([]),
  status: text('status', { enum: ['open', 'dismissed', 'actioned'] }).notNull().default('open'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  resolvedBy: integer('resolved_by').references(() => members.id, { onDelete: 'set null' }),
  resolution: text('resolution'),
});

export const memberNotices = pgTable('member_notices', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ['warning', 'restriction', 'lifted', 'role', 'removal'] }).notNull(),
  /** What the member is told: a `notice.*` code and its parameters (common/reasons.ts), rendered when read. */
  code: text('code').notNull(),
  params: jsonb('params').$type<Record<string, ReasonParam>>().notNull(),
  /** For a time-limited restriction: when it ends, shown to the member in their own time zone. */
  endsAt: timestamp('ends_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  readAt: timestamp('read_at', { withTimezone: true }),
});

/**
 * A message to a member the sender connected with in the last days who had not written to them since
 * (server/screening/pitch.ts): what connect-then-pitch detection compares and sums.
 */
export const messageApproaches = pgTable('message_approaches', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  senderId: integer('sender_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  recipientId: integer('recipient_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  messageId: bigint('message_id', { mode: 'number' }).notNull(),
  connectedAt: timestamp('connected_at', { withTimezone: true }).notNull(),
  /** The text's MinHash signature; null when it is too short to say anything (it is then never a copy). */
  signature: integer('signature').array(),
  /** New connections that had received nearly the same text when it was sent, this one included. */
  copies: smallint('copies').notNull(),
  /** It reads as a sales pitch. */
  pitch: boolean('pitch').notNull(),
  /** Sent within a day of connecting. */
  fast: boolean('fast').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});
