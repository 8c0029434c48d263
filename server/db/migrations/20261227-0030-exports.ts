import type { Migration } from './types.ts';

/**
 * A member's exports of their own data (issue 14; docs/exports.md). One row per request: `queued` until the
 * `exports.build` job takes it, `running` while it writes the ZIP under RAPPORT_DATA_DIR/exports (a temporary
 * name, renamed when complete), then `done` with the file's name and size and an expiry seven days on, or
 * `failed` with a code. Download tokens are stored as SHA-256 hashes only, newest first, at most twenty.
 * At most one export per member is queued or running at a time (the partial unique index, which also settles
 * two racing requests). The hourly sweep deletes expired rows and their files.
 */
export const exportsTable: Migration = {
  name: '20261227-0030-exports',
  up: [
    `CREATE TABLE exports (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
      file_name text,
      bytes bigint,
      failure text,
      token_hashes text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz,
      expires_at timestamptz
    )`,
    `CREATE INDEX exports_member_idx ON exports (member_id, id DESC)`,
    `CREATE UNIQUE INDEX exports_one_open_idx ON exports (member_id) WHERE status IN ('queued', 'running')`,
    `CREATE INDEX exports_expiry_idx ON exports (expires_at) WHERE expires_at IS NOT NULL`,
  ],
  down: ['DROP TABLE exports'],
};
