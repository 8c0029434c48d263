import { sql } from 'drizzle-orm';
import { date, integer, pgTable, primaryKey, smallint, timestamp } from 'drizzle-orm/pg-core';

/** Operator analytics, one row per UTC day (migration 0039; kept by the community.rollup job). Aggregate: names nobody. */
export const communityDaily = pgTable('community_daily', {
  day: date('day').primaryKey(),
  members: integer('members').notNull(),
  newMembers: integer('new_members').notNull(),
  activeMembers: integer('active_members').notNull(),
  monthlyActive: integer('monthly_active').notNull(),
  posts: integer('posts').notNull(),
  messages: integer('messages').notNull(),
  invitationsSent: integer('invitations_sent').notNull(),
  invitationsAccepted: integer('invitations_accepted').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/** New-member retention: a signup week's members and how many were active `week_offset` weeks later (migration 0039). */
export const communityCohorts = pgTable(
  'community_cohorts',
  {
    cohortWeek: date('cohort_week').notNull(),
    weekOffset: smallint('week_offset').notNull(),
    members: integer('members').notNull(),
    active: integer('active').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.cohortWeek, t.weekOffset] })],
);
