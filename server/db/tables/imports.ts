import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, primaryKey, real, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { members } from './members.ts';
import { relationshipTags } from './relationships.ts';

/** Migration 20261227-0031-imports-contacts explains each table. */
export const IMPORT_STATUSES = ['queued', 'parsing', 'needs_mapping', 'applying', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const MATCH_KINDS = ['url', 'email', 'name_org'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

export const imports = pgTable(
  'imports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    status: text('status', { enum: IMPORT_STATUSES }).notNull().default('queued'),
    fileName: text('file_name').notNull(),
    storedPath: text('stored_path'),
    bytesTotal: bigint('bytes_total', { mode: 'number' }).notNull().default(0),
    bytesDone: bigint('bytes_done', { mode: 'number' }).notNull().default(0),
    recordsTotal: integer('records_total').notNull().default(0),
    recordsApplied: integer('records_applied').notNull().default(0),
    counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
    checkpointRank: smallint('checkpoint_rank').notNull().default(0),
    checkpointSeq: integer('checkpoint_seq').notNull().default(0),
    mapping: jsonb('mapping'),
    inspection: jsonb('inspection'),
    report: jsonb('report').notNull().default({ files: [] }),
    error: jsonb('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('imports_member_idx').on(t.memberId, t.id)],
);

export const importRecords = pgTable(
  'import_records',
  {
    importId: integer('import_id').notNull().references(() => imports.id, { onDelete: 'cascade' }),
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    rank: smallint('rank').notNull(),
    seq: integer('seq').notNull(),
    record: jsonb('record').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rank, t.seq] })],
);

export const contacts = pgTable(
  'contacts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    emails: text('emails').array().notNull().default(sql`'{}'`),
    phones: text('phones').array().notNull().default(sql`'{}'`),
    urls: text('urls').array().notNull().default(sql`'{}'`),
    organisation: text('organisation'),
    title: text('title'),
    birthday: text('birthday'),
    note: text('note'),
    source: text('source').$type<'linkedin' | 'vcard' | 'csv' | 'rapport'>().notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    connectedOn: date('connected_on', { mode: 'string' }),
    lastInteractionAt: timestamp('last_interaction_at', { withTimezone: true }),
    messageCount: integer('message_count').notNull().default(0),
    invitationCount: integer('invitation_count').notNull().default(0),
    matchedMemberId: integer('matched_member_id').references(() => members.id, { onDelete: 'set null' }),
    matchKind: text('match_kind', { enum: MATCH_KINDS }),
    matchConfidence: real('match_confidence'),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex('contacts_dedupe_idx').on(t.memberId, t.dedupeKey)],
);

export const contactNotes = pgTable('contact_notes', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  contactId: integer('contact_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  notedOn: date('noted_on', { mode: 'string' }),
  dedupeKey: text('dedupe_key'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});

export const contactTags = pgTable(
  'contact_tags',
  {
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id').notNull().references(() => relationshipTags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.tagId] })],
);

export const importProfileDrafts = pgTable('import_profile_drafts', {
  memberId: integer('member_id').primaryKey().references(() => members.id, { onDelete: 'cascade' }),
  importId: integer('import_id').references(() => imports.id, { onDelete: 'set null' }),
  draft: jsonb('draft').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  appliedAt: timestamp('applied_at', { withTimezone: true }),
});

export const importedHistory = pgTable(
  'imported_history',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['endorsement', 'recommendation'] }).notNull(),
    personName: text('person_name').notNull(),
    personUrl: text('person_url'),
    personOrganisation: text('person_organisation'),
    personTitle: text('person_title'),
    skill: text('skill'),
    text: text('text'),
    dated: text('dated'),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex('imported_history_dedupe_idx').on(t.memberId, t.dedupeKey)],
);
