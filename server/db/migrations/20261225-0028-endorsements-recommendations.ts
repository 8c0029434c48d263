import type { Migration } from './types.ts';

/**
 * Endorsements of skills and recommendations tied to a position (issue 13; docs/endorsements.md).
 *
 * - **`endorsements`**: one row per (member, skill, endorser), `member_id` first (the distribution key, and a
 *   profile reads its endorsements by one index range). The skill is the catalogue's (`skills`), not the
 *   member's listing: a profile edit rewrites `member_skills`, and an endorsement outlives that; a skill taken
 *   off the profile simply stops showing its endorsements (they come back with it).
 * - **`recommendation_requests`**: a member (`member_id`) asks a connection (`writer_id`) to recommend them for
 *   one of their positions. At most one open request per (member, writer, position).
 * - **`recommendations`**: written by `author_id` for `member_id`'s position. `pending` until the recipient
 *   approves (`visible`) or declines (`declined`); a visible one can be `hidden` and shown again. At most one
 *   per request, and one not declined per (position, author).
 *
 * Positions are `experiences` rows, which a profile edit now keeps by id (update-profile.ts): deleting a
 * position deletes what hangs from it. Removing a connection keeps both (as LinkedIn does); a block hides
 * them from the two members and from anyone on either side of a block with the author, at read time.
 */
export const endorsementsRecommendations: Migration = {
  name: '20261225-0028-endorsements-recommendations',
  up: [
    `CREATE TABLE endorsements (
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      skill_id integer NOT NULL REFERENCES skills(id),
      endorser_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (member_id, skill_id, endorser_id),
      CHECK (member_id <> endorser_id)
    )`,
    // "Endorsements I gave", and the foreign key's check when the endorser is deleted.
    `CREATE INDEX endorsements_endorser_idx ON endorsements (endorser_id)`,
    `CREATE TABLE recommendation_requests (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      writer_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      experience_id integer NOT NULL REFERENCES experiences(id) ON DELETE CASCADE,
      message text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'written')),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (member_id <> writer_id)
    )`,
    `CREATE INDEX recommendation_requests_member_idx ON recommendation_requests (member_id, id DESC)`,
    `CREATE INDEX recommendation_requests_writer_idx ON recommendation_requests (writer_id, id DESC)`,
    `CREATE INDEX recommendation_requests_experience_idx ON recommendation_requests (experience_id)`,
    `CREATE UNIQUE INDEX recommendation_requests_open_idx ON recommendation_requests (member_id, writer_id, experience_id) WHERE status = 'open'`,
    `CREATE TABLE recommendations (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      author_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      experience_id integer NOT NULL REFERENCES experiences(id) ON DELETE CASCADE,
      request_id integer REFERENCES recommendation_requests(id) ON DELETE SET NULL,
      text text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'visible', 'hidden', 'declined')),
      created_at timestamptz NOT NULL DEFAULT now(),
      decided_at timestamptz,
      CHECK (member_id <> author_id)
    )`,
    `CREATE INDEX recommendations_member_idx ON recommendations (member_id, id DESC)`,
    `CREATE INDEX recommendations_author_idx ON recommendations (author_id, id DESC)`,
    `CREATE INDEX recommendations_experience_idx ON recommendations (experience_id)`,
    `CREATE UNIQUE INDEX recommendations_request_idx ON recommendations (request_id) WHERE request_id IS NOT NULL`,
    `CREATE UNIQUE INDEX recommendations_once_idx ON recommendations (experience_id, author_id) WHERE status <> 'declined'`,
  ],
  down: ['DROP TABLE recommendations', 'DROP TABLE recommendation_requests', 'DROP TABLE endorsements'],
};
