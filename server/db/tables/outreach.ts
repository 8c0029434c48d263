import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import type { OutreachKind, SuggestionReason } from '../../../common/outreach.ts';
import { members } from './members.ts';

/** A member's weekly outreach goal (migration 20261228-0036-outreach); no row: the default. */
export const outreachGoals = pgTable('outreach_goals', {
  memberId: integer('member_id').primaryKey().references(() => members.id, { onDelete: 'cascade' }),
  weeklyGoal: smallint('weekly_goal').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/** One person a member reached out to, written with the event that reached them (outreach/record.ts). */
export const outreachActs = pgTable(
  'outreach_acts',
  {
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    otherId: integer('other_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<OutreachKind>().notNull(),
    /** The message, invitation or introduction it came from. */
    refId: bigint('ref_id', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.kind, t.refId, t.otherId] }), index('outreach_acts_member_at_idx').on(t.memberId, t.at)],
);

/** The week's suggestions, chosen once a week and kept (stable within the week). */
export const outreachSuggestions = pgTable(
  'outreach_suggestions',
  {
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    week: date('week', { mode: 'string' }).notNull(),
    reason: text('reason').$type<SuggestionReason>().notNull(),
    otherId: integer('other_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.week, t.reason] })],
);
