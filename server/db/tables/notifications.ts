import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { NotificationKind, NotificationSubject } from '../../../common/schemas/notifications.ts';
import { members } from './members.ts';

/**
 * What a member is told about (docs/notifications.md): one row per thing that happened to them, written in the
 * transaction of the change (server/notifications/record.ts). Rows with the same `group_key` show as one
 * ("Ana and 12 others reacted to your post").
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The member told; the distribution key, like every member-owned table. */
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<NotificationKind>().notNull(),
    actorId: integer('actor_id').references(() => members.id, { onDelete: 'cascade' }),
    groupKey: text('group_key').notNull(),
    data: jsonb('data').$type<NotificationSubject>().notNull().default({}),
    /** The event that caused it: a replayed event never notifies twice. */
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_member_group').on(t.memberId, t.groupKey, t.id)],
);

/**
 * A member's email choices for notifications, only where they differ from the defaults, and the token that
 * their emails' one-click unsubscribe links carry. The token is stored as is, unlike passwords and access
 * tokens: every email must carry it, and all it can do is turn emails off.
 */
export const notificationPreferences = pgTable('notification_preferences', {
  memberId: integer('member_id')
    .primaryKey()
    .references(() => members.id, { onDelete: 'cascade' }),
  email: jsonb('email').$type<Partial<Record<NotificationKind, boolean>>>().notNull().default({}),
  unsubscribeToken: text('unsubscribe_token').unique(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});
