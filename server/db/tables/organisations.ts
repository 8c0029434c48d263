import { sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Organisations are entities matched by name_key (lower case, accents and spacing removed), so
 * "Acme  Corp", "acme corp" and "Ácme Corp" are one organisation.
 */
export const organisations = pgTable('organisations', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  nameKey: text('name_key').notNull().unique(),
  slug: text('slug').notNull().unique(),
  kind: text('kind', { enum: ['company', 'school', 'other'] }).notNull().default('other'),
  externalRef: text('external_ref'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});

export const skills = pgTable('skills', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  nameKey: text('name_key').notNull().unique(),
});
