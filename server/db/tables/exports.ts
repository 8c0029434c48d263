import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { EXPORT_STATUSES } from '../../../common/exports.ts';
import { members } from './members.ts';

/** A member's export of their data (migration 20261227-0030-exports; docs/exports.md). */
export const exports = pgTable(
  'exports',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    status: text('status', { enum: EXPORT_STATUSES }).notNull().default('queued'),
    /** The finished ZIP's name inside the exports directory; null until done and after the sweep. */
    fileName: text('file_name'),
    bytes: bigint('bytes', { mode: 'number' }),
    failure: text('failure'),
    /** SHA-256 (hex) of the download tokens minted for it, newest first: a leaked table downloads nothing. */
    tokenHashes: text('token_hashes').array().notNull().default(sql`'{}'`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (t) => [index('exports_member_idx').on(t.memberId, t.id.desc())],
);
