-- The events outbox as migration 20261215-0007-events creates it (server/db/migrations), in a scratch database.
DROP TABLE IF EXISTS events;
CREATE TABLE events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  actor_id integer,
  subject_id integer,
  data jsonb NOT NULL DEFAULT '{}',
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  created_at timestamptz NOT NULL DEFAULT now()
);
