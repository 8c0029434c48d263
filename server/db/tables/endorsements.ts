import { sql } from 'drizzle-orm';
import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { members } from './members.ts';
import { skills } from './organisations.ts';
import { experiences } from './profiles.ts';

/** Endorsements and recommendations (migration 20261225-0028-endorsements-recommendations; docs/endorsements.md). */

export const RECOMMENDATION_STATUSES = ['pending', 'visible', 'hidden', 'declined'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export const endorsements = pgTable(
  'endorsements',
  {
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    skillId: integer('skill_id').notNull().references(() => skills.id),
    endorserId: integer('endorser_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.skillId, t.endorserId] })],
);

export const recommendationRequests = pgTable('recommendation_requests', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  /** Who asks: the recommendation would be theirs. */
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  writerId: integer('writer_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  experienceId: integer('experience_id').notNull().references(() => experiences.id, { onDelete: 'cascade' }),
  message: text('message').notNull().default(''),
  status: text('status', { enum: ['open', 'written'] }).notNull().default('open'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});

export const recommendations = pgTable('recommendations', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  /** Whom it recommends. */
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  authorId: integer('author_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  experienceId: integer('experience_id').notNull().references(() => experiences.id, { onDelete: 'cascade' }),
  requestId: integer('request_id').references(() => recommendationRequests.id, { onDelete: 'set null' }),
  text: text('text').notNull(),
  status: text('status', { enum: RECOMMENDATION_STATUSES }).notNull().default('pending'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
});
