import { sql } from 'drizzle-orm';
import { doublePrecision, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** The community's distribution of members' Blau per garden dimension (migration 0033; kept by the garden.baseline job). */
export const gardenBaselines = pgTable('garden_baselines', {
  dimension: text('dimension').primaryKey(),
  bins: integer('bins').array().notNull(),
  members: integer('members').notNull(),
  median: doublePrecision('median'),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().default(sql`now()`),
});
