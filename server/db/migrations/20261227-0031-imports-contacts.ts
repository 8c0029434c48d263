import type { Migration } from './types.ts';

/**
 * Member imports and contacts (issue 14; server/imports/).
 *
 * - **`imports`**: one upload of one member, from the stored file to its report. `status` moves queued →
 *   parsing (→ needs_mapping, for a contacts CSV no preset knows) → applying → done, or failed. Parsing stages
 *   records in `import_records`; applying walks them in (rank, seq) order in batches, each batch's
 *   transaction advancing the checkpoint (`checkpoint_rank`, `checkpoint_seq`), so a retried job resumes
 *   where the last one stopped. The report (per file counts, issues by line) and the fatal error are jsonb.
 * - **`import_records`**: the staging table: the parsed records of an import, numbered in parse order;
 *   `rank` applies contacts before what refers to them (interactions, notes). Deleted once applied.
 * - **`contacts`**: people from other address books, in a member's private memory. One per (member,
 *   dedupe_key): the normalised LinkedIn URL, else the first email, else name + organisation, so importing
 *   the same archive again updates instead of duplicating. Matched to a community member by `url`, `email`
 *   or `name_org` with a confidence; the match is a suggestion the member acts on (connect or dismiss).
 * - **`contact_notes`**, **`contact_tags`** (the member's own relationship_tags).
 * - **`import_profile_drafts`**: the profile an archive offers, reviewed before it is saved.
 * - **`imported_history`**: endorsements and recommendations received elsewhere: history only, never live.
 */
export const importsContacts: Migration = {
  name: '20261227-0031-imports-contacts',
  up: [
    `CREATE TABLE imports (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'parsing', 'needs_mapping', 'applying', 'done', 'failed')),
      file_name text NOT NULL,
      stored_path text,
      bytes_total bigint NOT NULL DEFAULT 0,
      bytes_done bigint NOT NULL DEFAULT 0,
      records_total integer NOT NULL DEFAULT 0,
      records_applied integer NOT NULL DEFAULT 0,
      counts jsonb NOT NULL DEFAULT '{}',
      checkpoint_rank smallint NOT NULL DEFAULT 0,
      checkpoint_seq integer NOT NULL DEFAULT 0,
      mapping jsonb,
      inspection jsonb,
      report jsonb NOT NULL DEFAULT '{"files": []}',
      error jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`,
    `CREATE INDEX imports_member_idx ON imports (member_id, id DESC)`,
    `CREATE TABLE import_records (
      import_id integer NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      rank smallint NOT NULL,
      seq integer NOT NULL,
      record jsonb NOT NULL,
      PRIMARY KEY (import_id, rank, seq)
    )`,
    `CREATE INDEX import_records_member_idx ON import_records (member_id)`,
    `CREATE TABLE contacts (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      name text NOT NULL,
      first_name text,
      last_name text,
      emails text[] NOT NULL DEFAULT '{}',
      phones text[] NOT NULL DEFAULT '{}',
      urls text[] NOT NULL DEFAULT '{}',
      organisation text,
      title text,
      birthday text,
      note text,
      source text NOT NULL CHECK (source IN ('linkedin', 'vcard', 'csv', 'rapport')),
      dedupe_key text NOT NULL,
      connected_on date,
      last_interaction_at timestamptz,
      message_count integer NOT NULL DEFAULT 0,
      invitation_count integer NOT NULL DEFAULT 0,
      matched_member_id integer REFERENCES members(id) ON DELETE SET NULL,
      match_kind text CHECK (match_kind IN ('url', 'email', 'name_org')),
      match_confidence real,
      dismissed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((matched_member_id IS NULL) = (match_kind IS NULL)),
      CHECK (matched_member_id IS NULL OR matched_member_id <> member_id)
    )`,
    `CREATE UNIQUE INDEX contacts_dedupe_idx ON contacts (member_id, dedupe_key)`,
    // The list by name, and the name look-up of notes and interactions that carry no URL.
    `CREATE INDEX contacts_name_idx ON contacts (member_id, lower(name), id)`,
    `CREATE INDEX contacts_matched_idx ON contacts (member_id, matched_member_id) WHERE matched_member_id IS NOT NULL`,
    `CREATE INDEX contacts_matched_member_idx ON contacts (matched_member_id) WHERE matched_member_id IS NOT NULL`,
    `CREATE TABLE contact_notes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      contact_id integer NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      text text NOT NULL,
      noted_on date,
      dedupe_key text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX contact_notes_contact_idx ON contact_notes (contact_id, id DESC)`,
    `CREATE INDEX contact_notes_member_idx ON contact_notes (member_id)`,
    `CREATE UNIQUE INDEX contact_notes_dedupe_idx ON contact_notes (contact_id, dedupe_key) WHERE dedupe_key IS NOT NULL`,
    `CREATE TABLE contact_tags (
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      contact_id integer NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      tag_id integer NOT NULL REFERENCES relationship_tags(id) ON DELETE CASCADE,
      PRIMARY KEY (contact_id, tag_id)
    )`,
    `CREATE INDEX contact_tags_member_idx ON contact_tags (member_id)`,
    `CREATE INDEX contact_tags_tag_idx ON contact_tags (tag_id)`,
    `CREATE TABLE import_profile_drafts (
      member_id integer PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
      import_id integer REFERENCES imports(id) ON DELETE SET NULL,
      draft jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      applied_at timestamptz
    )`,
    `CREATE TABLE imported_history (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('endorsement', 'recommendation')),
      person_name text NOT NULL,
      person_url text,
      person_organisation text,
      person_title text,
      skill text,
      text text,
      dated text,
      dedupe_key text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE UNIQUE INDEX imported_history_dedupe_idx ON imported_history (member_id, dedupe_key)`,
  ],
  down: [
    'DROP TABLE imported_history',
    'DROP TABLE import_profile_drafts',
    'DROP TABLE contact_tags',
    'DROP TABLE contact_notes',
    'DROP TABLE contacts',
    'DROP TABLE import_records',
    'DROP TABLE imports',
  ],
};
