import { sql } from 'drizzle-orm';
import { boolean, customType, date, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { members } from './members.ts';
import { organisations, skills } from './organisations.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const profiles = pgTable('profiles', {
  memberId: integer('member_id').primaryKey().references(() => members.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  headline: text('headline').notNull().default(''),
  about: text('about').notNull().default(''),
  location: text('location').notNull().default(''),
  industry: text('industry').notNull().default(''),
  function: text('function').notNull().default(''),
  careerStage: text('career_stage', { enum: ['student', 'early', 'mid', 'senior', 'executive', 'retired'] }),
  /** Private: only ever used for an age band in the member's own analytics. */
  birthYear: smallint('birth_year'),
  /** Whether the age band of `birthYear` may count in connections' gardens (migration 0033); off by default. */
  ageBandShared: boolean('age_band_shared').notNull().default(false),
  visibility: text('visibility', { enum: ['signed_in', 'network'] }).notNull().default('signed_in'),
  whoCanFollow: text('who_can_follow', { enum: ['everyone', 'connections'] }).notNull().default('everyone'),
  connectionsVisibility: text('connections_visibility', { enum: ['connections', 'only_me'] }).notNull().default('connections'),
  links: jsonb('links').$type<{ label: string; url: string }[]>().notNull().default([]),
  offers: text('offers').array().notNull().default(sql`'{}'`),
  asks: text('asks').array().notNull().default(sql`'{}'`),
  photoEtag: text('photo_etag'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});

export const memberPhotos = pgTable('member_photos', {
  memberId: integer('member_id').primaryKey().references(() => members.id, { onDelete: 'cascade' }),
  content: bytea('content').notNull(),
  mimeType: text('mime_type').notNull(),
  etag: text('etag').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});

export const experiences = pgTable('experiences', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  organisationId: integer('organisation_id').notNull().references(() => organisations.id),
  /** The organisation as the member typed it; the organisation row groups every spelling with its key. */
  organisationName: text('organisation_name').notNull(),
  title: text('title').notNull(),
  startDate: date('start_date').notNull(),
  endDate: date('end_date'),
  description: text('description').notNull().default(''),
  position: smallint('position').notNull(),
});

export const educations = pgTable('educations', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  organisationId: integer('organisation_id').notNull().references(() => organisations.id),
  /** The school as the member typed it. */
  organisationName: text('organisation_name').notNull(),
  degree: text('degree').notNull().default(''),
  startYear: smallint('start_year'),
  endYear: smallint('end_year'),
  position: smallint('position').notNull(),
});

export const memberSkills = pgTable(
  'member_skills',
  {
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    skillId: integer('skill_id').notNull().references(() => skills.id),
    position: smallint('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.skillId] })],
);
