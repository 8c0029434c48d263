import type { Migration } from './types.ts';

/**
 * Accounts, profiles, organisations, search and system tables.
 * Connections, invitations, follows, blocks, relationship origins and interactions arrive with the graph
 * issue; member ids are dense integers and every member-owned table is keyed by member_id so they fit.
 */
export const initial: Migration = {
  name: '20261123-0001-initial',
  up: [
    `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
    `CREATE TABLE members (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      handle text NOT NULL UNIQUE CHECK (handle ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$'),
      email text NOT NULL UNIQUE CHECK (email = lower(email)),
      email_verified_at timestamptz,
      role text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'admin')),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
      status_reason text,
      trust_level smallint NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE credentials (
      member_id integer PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
      password_hash text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE sessions (
      id_hash text PRIMARY KEY,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      user_agent text,
      ip text
    )`,
    `CREATE INDEX sessions_member_idx ON sessions (member_id)`,
    `CREATE TABLE access_tokens (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      name text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      prefix text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`,
    `CREATE INDEX access_tokens_member_idx ON access_tokens (member_id)`,
    `CREATE TABLE email_tokens (
      token_hash text PRIMARY KEY,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      purpose text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE organisations (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      name text NOT NULL,
      name_key text NOT NULL UNIQUE,
      slug text NOT NULL UNIQUE,
      kind text NOT NULL DEFAULT 'other' CHECK (kind IN ('company', 'school', 'other')),
      external_ref text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX organisations_name_trgm ON organisations USING gin (name_key gin_trgm_ops)`,
    `CREATE TABLE skills (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      name text NOT NULL,
      name_key text NOT NULL UNIQUE
    )`,
    `CREATE TABLE profiles (
      member_id integer PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
      name text NOT NULL,
      headline text NOT NULL DEFAULT '',
      about text NOT NULL DEFAULT '',
      location text NOT NULL DEFAULT '',
      industry text NOT NULL DEFAULT '',
      function text NOT NULL DEFAULT '',
      career_stage text CHECK (career_stage IN ('student', 'early', 'mid', 'senior', 'executive', 'retired')),
      birth_year smallint,
      visibility text NOT NULL DEFAULT 'signed_in' CHECK (visibility IN ('signed_in', 'network')),
      links jsonb NOT NULL DEFAULT '[]',
      offers text[] NOT NULL DEFAULT '{}',
      asks text[] NOT NULL DEFAULT '{}',
      photo_etag text,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE member_photos (
      member_id integer PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
      content bytea NOT NULL,
      mime_type text NOT NULL,
      etag text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE experiences (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      organisation_id integer NOT NULL REFERENCES organisations(id),
      title text NOT NULL,
      start_date date NOT NULL,
      end_date date,
      description text NOT NULL DEFAULT '',
      position smallint NOT NULL
    )`,
    `CREATE INDEX experiences_member_idx ON experiences (member_id, position)`,
    `CREATE INDEX experiences_org_idx ON experiences (organisation_id, member_id)`,
    `CREATE TABLE educations (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      organisation_id integer NOT NULL REFERENCES organisations(id),
      degree text NOT NULL DEFAULT '',
      start_year smallint,
      end_year smallint,
      position smallint NOT NULL
    )`,
    `CREATE INDEX educations_member_idx ON educations (member_id, position)`,
    `CREATE INDEX educations_org_idx ON educations (organisation_id, member_id)`,
    `CREATE TABLE member_skills (
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      skill_id integer NOT NULL REFERENCES skills(id),
      position smallint NOT NULL,
      PRIMARY KEY (member_id, skill_id)
    )`,
    `CREATE INDEX member_skills_skill_idx ON member_skills (skill_id, member_id)`,
    `CREATE TABLE search_documents (
      member_id integer PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
      name_key text NOT NULL,
      public_doc tsvector NOT NULL,
      full_doc tsvector NOT NULL,
      industry text NOT NULL DEFAULT '',
      function text NOT NULL DEFAULT '',
      career_stage text,
      organisation_ids integer[] NOT NULL DEFAULT '{}',
      visibility text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX search_name_trgm ON search_documents USING gin (name_key gin_trgm_ops)`,
    `CREATE INDEX search_public_doc ON search_documents USING gin (public_doc)`,
    `CREATE INDEX search_full_doc ON search_documents USING gin (full_doc)`,
    `CREATE INDEX search_orgs ON search_documents USING gin (organisation_ids)`,
    `CREATE TABLE audit_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      actor_id integer,
      action text NOT NULL,
      subject_type text NOT NULL,
      subject_id text,
      data jsonb NOT NULL DEFAULT '{}',
      ip text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX audit_events_created_idx ON audit_events (created_at DESC, id DESC)`,
    `CREATE TABLE email_outbox (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      member_id integer,
      to_address text NOT NULL,
      subject text NOT NULL,
      text_body text NOT NULL,
      html_body text,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dev_outbox', 'failed')),
      attempts smallint NOT NULL DEFAULT 0,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    )`,
    `CREATE INDEX email_outbox_pending_idx ON email_outbox (id) WHERE status = 'pending'`,
  ],
  down: [
    `DROP TABLE IF EXISTS email_outbox, audit_events, search_documents, member_skills, educations, experiences,
      member_photos, profiles, skills, organisations, email_tokens, access_tokens, sessions, credentials, members`,
  ],
};
