import { sql } from 'drizzle-orm';
import { bigint, date, doublePrecision, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { members } from './members.ts';

/** The community's structure per day (migration 0040; kept by the community.structure job). */
export const communityStructureDays = pgTable('community_structure_days', {
  day: date('day').primaryKey(),
  members: integer('members').notNull(),
  connections: bigint('connections', { mode: 'number' }).notNull(),
  density: doublePrecision('density').notNull(),
  clusters: integer('clusters').notNull(),
  modularity: doublePrecision('modularity').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/** The latest run's named clusters, largest first. */
export const communityClusters = pgTable('community_clusters', {
  id: integer('id').primaryKey(),
  size: integer('size').notNull(),
  labelKind: text('label_kind', { enum: ['organisation', 'industry', 'place'] }),
  label: text('label'),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/** The latest run's bridges between clusters, strongest first (rank 0). */
export const communityBridges = pgTable('community_bridges', {
  memberId: integer('member_id').primaryKey().references(() => members.id, { onDelete: 'cascade' }),
  rank: integer('rank').notNull(),
  clusters: integer('clusters').array().notNull(),
  score: doublePrecision('score').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().default(sql`now()`),
});
