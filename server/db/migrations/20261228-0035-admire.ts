import type { Migration } from './types.ts';

/**
 * The admire list (issue 15, "map it out"): people and organisations a member wants to reach, each with
 * where the member stands with them.
 *
 * - **`admire_entries`**: one row per entry, owned by `member_id` (private to them). It names exactly one
 *   member (`target_id`) or one organisation (`organisation_id`), each at most once per owner. `stage` is the
 *   pipeline (identified → reached_out → replied → met → connected); `history` keeps each stage change with
 *   its optional note, oldest first, as `[{stage, note, at}]` (short by construction: a stage only moves
 *   forward, so at most five changes plus notes; the command caps it).
 */
export const admire: Migration = {
  name: '20261228-0035-admire',
  up: [
    `CREATE TABLE admire_entries (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      target_id integer REFERENCES members(id) ON DELETE CASCADE,
      organisation_id integer REFERENCES organisations(id) ON DELETE CASCADE,
      note text NOT NULL DEFAULT '',
      stage text NOT NULL DEFAULT 'identified' CHECK (stage IN ('identified', 'reached_out', 'replied', 'met', 'connected')),
      history jsonb NOT NULL DEFAULT '[]'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((target_id IS NULL) <> (organisation_id IS NULL))
    )`,
    // One entry per person and per organisation for each owner (NULLs are distinct, so each index only binds its kind).
    `CREATE UNIQUE INDEX admire_entries_member_target_idx ON admire_entries (member_id, target_id)`,
    `CREATE UNIQUE INDEX admire_entries_member_organisation_idx ON admire_entries (member_id, organisation_id)`,
    // "Who admires this member?": the connection event moves entries to connected; deletion cascades.
    `CREATE INDEX admire_entries_target_idx ON admire_entries (target_id) WHERE target_id IS NOT NULL`,
    `CREATE INDEX admire_entries_organisation_idx ON admire_entries (organisation_id) WHERE organisation_id IS NOT NULL`,
  ],
  down: ['DROP TABLE admire_entries'],
};
