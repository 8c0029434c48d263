import { sql } from 'drizzle-orm';
import { bigint, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { ADMIRE_STAGES, type AdmireHistoryItem } from '../../../common/admire.ts';
import { members } from './members.ts';
import { organisations } from './organisations.ts';

/** An entry of a member's admire list: a person or an organisation they want to reach (migration 20261228-0035-admire). */
export const admireEntries = pgTable('admire_entries', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  targetId: integer('target_id').references(() => members.id, { onDelete: 'cascade' }),
  organisationId: integer('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
  note: text('note').notNull().default(''),
  stage: text('stage', { enum: ADMIRE_STAGES }).notNull().default('identified'),
  history: jsonb('history').$type<AdmireHistoryItem[]>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});
