-- One event as recordEvent writes it (server/events/record.ts, announce.ts): the row, read back, and its
-- NOTIFY, in a transaction of its own, so each event pays one commit (WAL flush) as a command's would.
\set actor random(1, 10000000)
\set subject random(1, 10000000)
BEGIN;
INSERT INTO events (kind, actor_id, subject_id, data)
  VALUES ('reaction.set', :actor, :subject, '{"postId": 123456789, "kind": "like"}')
  RETURNING id, xid, created_at;
SELECT pg_notify('rapport_events_bench', 'c0ffee00-0000-4000-8000-000000000000:' || :actor);
COMMIT;
