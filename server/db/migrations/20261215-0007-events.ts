import type { Migration } from './types.ts';

/**
 * One typed events outbox for every committed change others must learn about (server/events/), and where
 * each processor of it has got to. The graph's own change log, graph_changes, becomes events: its rows keep
 * their ids (so a snapshot's mark still names the same place in the log) and its kinds take the events'
 * names. New ids continue after the largest one.
 */
export const events: Migration = {
  name: '20261215-0007-events',
  up: [
    `CREATE TABLE events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kind text NOT NULL,
      actor_id integer,
      subject_id integer,
      data jsonb NOT NULL DEFAULT '{}',
      xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `COMMENT ON COLUMN events.xid IS 'The inserting transaction: ids come from a sequence at insert time but transactions commit in any order, so a reader needs it to know when every id below a mark is settled.'`,
    // No FOREIGN KEY to members: an outbox row must never hold up or cascade with a member's deletion.
    `INSERT INTO events (id, kind, actor_id, subject_id, data, created_at) OVERRIDING SYSTEM VALUE
       SELECT id,
              CASE kind WHEN 'connect' THEN 'connection.made' WHEN 'disconnect' THEN 'connection.removed'
                        WHEN 'follow' THEN 'follow.added' ELSE 'follow.removed' END,
              a, b,
              CASE kind WHEN 'connect' THEN jsonb_build_object('at', at) ELSE '{}'::jsonb END,
              at
         FROM graph_changes ORDER BY id`,
    `SELECT setval(pg_get_serial_sequence('events', 'id'), coalesce((SELECT max(id) FROM events), 0) + 1, false)`,
    `DROP TABLE graph_changes`,
    `CREATE TABLE event_consumers (
      name text PRIMARY KEY,
      last_id bigint NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
  ],
  down: [
    `CREATE TABLE graph_changes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('connect', 'disconnect', 'follow', 'unfollow')),
      a integer NOT NULL,
      b integer NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`,
    `INSERT INTO graph_changes (id, kind, a, b, at) OVERRIDING SYSTEM VALUE
       SELECT id,
              CASE kind WHEN 'connection.made' THEN 'connect' WHEN 'connection.removed' THEN 'disconnect'
                        WHEN 'follow.added' THEN 'follow' ELSE 'unfollow' END,
              actor_id, subject_id, coalesce((data->>'at')::timestamptz, created_at)
         FROM events WHERE kind IN ('connection.made', 'connection.removed', 'follow.added', 'follow.removed') ORDER BY id`,
    `SELECT setval(pg_get_serial_sequence('graph_changes', 'id'), coalesce((SELECT max(id) FROM events), 0) + 1, false)`,
    `DROP TABLE event_consumers`,
    `DROP TABLE events`,
  ],
};
