import type { Migration } from './types.ts';

const CADENCES = `('two_weeks', 'month', 'two_months', 'quarter', 'six_months', 'year')`;

/**
 * The private relationship memory (docs/relationships.md): a card per person a member set something on, its
 * notes and the member's tags. Every row here belongs to `member_id` (the distribution key) and is read by
 * them alone; no route shows it to anyone else, operators included.
 *
 * - **`relationship_cards`**: one per (member, other) pair the member set something on: a "how we met" text
 *   written over the captured one, an own cadence, a snooze. `cadence_days` is the effective cadence (the
 *   card's own, else the shortest of its tags'), kept so that recording an interaction moves `due_at` in one
 *   UPDATE without reading tags. `reminded_at` is cleared whenever `due_at` moves, so "due and not yet
 *   reminded" is the partial index the cadence job walks: O(due cards), not O(members).
 * - **`relationship_notes`**: a timeline of private notes, each with the date of the meeting it records.
 * - **`relationship_tags`** and **`relationship_card_tags`**: tags a member defines (a colour from a fixed
 *   palette, an optional cadence), and which of their cards carry them.
 * - The interactions ledger gets the index "my most recent interactions" needs for the list of my people.
 */
export const relationshipMemory: Migration = {
  name: '20261225-0026-relationship-memory',
  up: [
    `CREATE TABLE relationship_cards (
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      other_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      met_text text,
      met_on date,
      met_edited_at timestamptz,
      cadence text CHECK (cadence IN ${CADENCES}),
      cadence_days integer CHECK (cadence_days > 0),
      last_interaction_at timestamptz,
      due_at timestamptz,
      snoozed_until timestamptz,
      reminded_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (member_id, other_id),
      CHECK (member_id <> other_id)
    )`,
    `CREATE INDEX relationship_cards_due_idx ON relationship_cards (member_id, due_at)`,
    `CREATE INDEX relationship_cards_unreminded_idx ON relationship_cards (due_at) WHERE due_at IS NOT NULL AND reminded_at IS NULL`,
    `CREATE INDEX relationship_cards_other_idx ON relationship_cards (other_id)`,
    `CREATE TABLE relationship_notes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      member_id integer NOT NULL,
      other_id integer NOT NULL,
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
      met_on date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (member_id, other_id) REFERENCES relationship_cards (member_id, other_id) ON DELETE CASCADE
    )`,
    `CREATE INDEX relationship_notes_card_idx ON relationship_notes (member_id, other_id, created_at DESC, id DESC)`,
    `CREATE TABLE relationship_tags (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
      colour text NOT NULL,
      cadence text CHECK (cadence IN ${CADENCES}),
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE UNIQUE INDEX relationship_tags_name_idx ON relationship_tags (member_id, lower(name))`,
    `CREATE TABLE relationship_card_tags (
      member_id integer NOT NULL,
      other_id integer NOT NULL,
      tag_id integer NOT NULL REFERENCES relationship_tags(id) ON DELETE CASCADE,
      PRIMARY KEY (member_id, other_id, tag_id),
      FOREIGN KEY (member_id, other_id) REFERENCES relationship_cards (member_id, other_id) ON DELETE CASCADE
    )`,
    `CREATE INDEX relationship_card_tags_tag_idx ON relationship_card_tags (tag_id)`,
  ],
  down: [`DROP TABLE relationship_card_tags`, `DROP TABLE relationship_tags`, `DROP TABLE relationship_notes`, `DROP TABLE relationship_cards`],
};
