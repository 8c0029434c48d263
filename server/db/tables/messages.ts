import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { MESSAGE_GATES, REQUEST_WARNINGS, type RequestWarning } from '../../../common/schemas/messages.ts';
import { members } from './members.ts';

/** Where a conversation sits for one member; 'dropped': never delivered, so it does not exist for them. */
export const MEMBER_FOLDERS = ['inbox', 'requests', 'dropped'] as const;
export type MemberFolder = (typeof MEMBER_FOLDERS)[number];

export { REQUEST_WARNINGS };

/** A conversation, shared by its members (migration 20261222-0020-messages). */
export const conversations = pgTable('conversations', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  kind: text('kind', { enum: ['direct', 'group'] }).notNull(),
  createdBy: integer('created_by').references(() => members.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});

export const messages = pgTable(
  'messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    conversationId: bigint('conversation_id', { mode: 'number' }).notNull().references(() => conversations.id, { onDelete: 'cascade' }),
    senderId: integer('sender_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    linkUrl: text('link_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    /** An operator removed it: its text and link are wiped, and it shows as removed (migration 20261224-0023). */
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [index('messages_conversation_idx').on(t.conversationId, t.id.desc()), index('messages_sender_idx').on(t.senderId, t.createdAt.desc())],
);

/** One member's own view of a conversation: folder, archived, muted, read and cleared marks, a request's warnings. */
export const conversationMembers = pgTable(
  'conversation_members',
  {
    conversationId: bigint('conversation_id', { mode: 'number' }).notNull().references(() => conversations.id, { onDelete: 'cascade' }),
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    /** The other member of a one-to-one; null in a group. */
    peerId: integer('peer_id').references(() => members.id, { onDelete: 'cascade' }),
    folder: text('folder', { enum: MEMBER_FOLDERS }).notNull(),
    archived: boolean('archived').notNull().default(false),
    muted: boolean('muted').notNull().default(false),
    warnings: text('warnings').array().$type<RequestWarning[]>().notNull().default(sql`'{}'`),
    /** The last message delivered to this member: orders their list, and is unread while above last_read_message_id. */
    lastMessageId: bigint('last_message_id', { mode: 'number' }),
    lastReadMessageId: bigint('last_read_message_id', { mode: 'number' }),
    /** Deleted for me (or never delivered): no message up to this one is shown to this member. */
    clearedBeforeMessageId: bigint('cleared_before_message_id', { mode: 'number' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.memberId] }),
    index('conversation_members_list_idx').on(t.memberId, t.folder, t.archived, t.lastMessageId.desc()).where(sql`folder <> 'dropped'`),
    uniqueIndex('conversation_members_direct_idx').on(t.memberId, t.peerId).where(sql`peer_id IS NOT NULL`),
    index('conversation_members_peer_idx').on(t.peerId).where(sql`peer_id IS NOT NULL`),
  ],
);

/** A member's message settings, when they changed the defaults (DEFAULT_MESSAGE_SETTINGS otherwise). */
export const messageSettings = pgTable('message_settings', {
  memberId: integer('member_id').primaryKey().references(() => members.id, { onDelete: 'cascade' }),
  connection: text('connection', { enum: MESSAGE_GATES }).notNull().default('accept'),
  second: text('second', { enum: MESSAGE_GATES }).notNull().default('filter'),
  thirdPlus: text('third_plus', { enum: MESSAGE_GATES }).notNull().default('filter'),
  newAccount: text('new_account', { enum: MESSAGE_GATES }).notNull().default('filter'),
  flagged: text('flagged', { enum: MESSAGE_GATES }).notNull().default('filter'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});
