import { sql } from 'drizzle-orm';
import { boolean, customType, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { members } from './members.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One denormalised row per member for people search, rebuilt by commands/search-document.ts in the same
 * transaction as any change to what it indexes. public_doc holds only what every signed-in member may
 * see (name, headline); full_doc adds the rest, used only where the viewer may see the full profile.
 */
export const searchDocuments = pgTable('search_documents', {
  memberId: integer('member_id').primaryKey().references(() => members.id, { onDelete: 'cascade' }),
  nameKey: text('name_key').notNull(),
  publicDoc: tsvector('public_doc').notNull(),
  fullDoc: tsvector('full_doc').notNull(),
  industry: text('industry').notNull().default(''),
  function: text('function').notNull().default(''),
  careerStage: text('career_stage'),
  organisationIds: integer('organisation_ids').array().notNull().default(sql`'{}'`),
  visibility: text('visibility').notNull(),
  active: boolean('active').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/** The distinct words of members' names, for typo-tolerant search (migration 0014); only ever added to. */
export const searchWords = pgTable('search_words', {
  word: text('word').primaryKey(),
});
