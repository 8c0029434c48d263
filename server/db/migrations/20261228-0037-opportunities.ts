import type { Migration } from './types.ts';

/**
 * Where opportunities came from (issue 15, "the network garden").
 *
 * - **`invitations.degree_at_send`**: the sender's degree from the recipient when the invitation was sent, as
 *   screening computed it: 2 or 3, or 0 for no path within three hops. Null where it was never recorded
 *   (invitations older than this migration, and those an import writes): the report calls those "unknown".
 *   It is what makes "a weak tie at the time" answerable after the two have connected.
 * - **`opportunities`**: one opportunity a member logged (`member_id`, the distribution key): its kind, title
 *   and an optional value in whole units. Private to its member.
 * - **`opportunity_people`**: the members an opportunity came through, by id, in the order the member gave them. A person who deletes their
 *   account leaves the opportunity with one fewer person (cascade), never a dangling id.
 */
export const opportunities: Migration = {
  name: '20261228-0037-opportunities',
  up: [
    `ALTER TABLE invitations ADD COLUMN degree_at_send smallint CHECK (degree_at_send BETWEEN 0 AND 3)`,
    `CREATE TABLE opportunities (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('job', 'client', 'project', 'speaking', 'partnership')),
      title text NOT NULL,
      value bigint CHECK (value >= 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    // The member's log, newest first, read by keyset.
    `CREATE INDEX opportunities_member_idx ON opportunities (member_id, id DESC)`,
    `CREATE TABLE opportunity_people (
      opportunity_id bigint NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      person_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      position smallint NOT NULL,
      PRIMARY KEY (opportunity_id, person_id)
    )`,
    // The foreign keys' checks when a member is deleted, and "my opportunities with this person".
    `CREATE INDEX opportunity_people_member_idx ON opportunity_people (member_id, person_id)`,
    `CREATE INDEX opportunity_people_person_idx ON opportunity_people (person_id)`,
  ],
  down: ['DROP TABLE opportunity_people', 'DROP TABLE opportunities', 'ALTER TABLE invitations DROP COLUMN degree_at_send'],
};
