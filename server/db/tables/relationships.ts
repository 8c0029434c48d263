import { sql } from 'drizzle-orm';
import { bigint, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { Cadence, TagColour } from '../../../common/relationships.ts';
import { members } from './members.ts';

/**
 * A member's private card on another member (migration 20261225-0026-relationship-memory): only where the
 * member set something (a note, a tag, a cadence, their own "how we met"). Read by its member alone.
 */
export const relationshipCards = pgTable(
  'relationship_cards',
  {
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    otherId: integer('other_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    /** "How we met" as the member wrote it over the captured origin; null: the captured one stands. */
    metText: text('met_text'),
    metOn: date('met_on', { mode: 'string' }),
    metEditedAt: timestamp('met_edited_at', { withTimezone: true }),
    /** The card's own cadence; the effective one (with the tags') is `cadenceDays`. */
    cadence: text('cadence').$type<Cadence>(),
    cadenceDays: integer('cadence_days'),
    lastInteractionAt: timestamp('last_interaction_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    snoozedUntil: timestamp('snoozed_until', { withTimezone: true }),
    /** When the cadence job reminded the member of this due date; cleared whenever `dueAt` moves. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.otherId] }), index('relationship_cards_due_idx').on(t.memberId, t.dueAt)],
);

/** A private note on a card: a timeline, each with the date of the meeting it records. */
export const relationshipNotes = pgTable(
  'relationship_notes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id').notNull(),
    otherId: integer('other_id').notNull(),
    text: text('text').notNull(),
    metOn: date('met_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [foreignKey({ columns: [t.memberId, t.otherId], foreignColumns: [relationshipCards.memberId, relationshipCards.otherId] }).onDelete('cascade')],
);

/** A tag a member defines for their people, with a colour and, optionally, a cadence for everyone it carries. */
export const relationshipTags = pgTable('relationship_tags', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  colour: text('colour').$type<TagColour>().notNull(),
  cadence: text('cadence').$type<Cadence>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});

export const relationshipCardTags = pgTable(
  'relationship_card_tags',
  {
    memberId: integer('member_id').notNull(),
    otherId: integer('other_id').notNull(),
    tagId: integer('tag_id').notNull().references(() => relationshipTags.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.otherId, t.tagId] }),
    foreignKey({ columns: [t.memberId, t.otherId], foreignColumns: [relationshipCards.memberId, relationshipCards.otherId] }).onDelete('cascade'),
  ],
);
