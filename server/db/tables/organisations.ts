import { sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Organisations are entities matched by name_key (organisationKey: case, accents and spacing ignored,
 * symbols kept), so "Acme  Corp", "acme corp" and "Ácme Corp" are one organisation and "C++ Users" and
 * "C# Users" are two. An operator's merge keeps the merged row with merged_into set, so its slug and
 * its key still lead to the organisation it became.
 */
export const organisations = pgTable('organisations', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  nameKey: text('name_key').notNull().unique(),
  slug: text('slug').notNull().unique(),
  kind: text('kind', { enum: ['company', 'school', 'other'] }).notNull().default('other'),
  externalRef: text('external_ref'),
  mergedInto: integer('merged_into'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});

export const skills = pgTable('skills', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  nameKey: text('name_key').notNull().unique(),
});
