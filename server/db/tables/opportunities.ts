import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { OPPORTUNITY_KINDS } from '../../../common/opportunities.ts';
import { members } from './members.ts';

/** Migration 20261228-0037-opportunities explains each table. Private to `member_id`. */
export const opportunities = pgTable(
  'opportunities',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: OPPORTUNITY_KINDS }).notNull(),
    title: text('title').notNull(),
    value: bigint('value', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('opportunities_member_idx').on(t.memberId, t.id)],
);

export const opportunityPeople = pgTable(
  'opportunity_people',
  {
    opportunityId: bigint('opportunity_id', { mode: 'number' })
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    personId: integer('person_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.opportunityId, t.personId] })],
);
