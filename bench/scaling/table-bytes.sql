-- Bytes per row of the two graph tables, with their indexes, as migrations 0002 and 0016 create them
-- (server/db/migrations), filled with 2 M rows shaped like the generated graph's: both directions of each
-- connection, and a follow each way per connection (connecting makes both follow each other).
--   psql -d <scratch database> -f bench/scaling/table-bytes.sql
SET client_min_messages = warning;
DROP TABLE IF EXISTS connections, follows;
CREATE TABLE connections (
  member_id integer NOT NULL, other_id integer NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
  origin_context text NOT NULL, invitation_id bigint, PRIMARY KEY (member_id, other_id), CHECK (member_id <> other_id));
CREATE INDEX connections_recent_idx ON connections (member_id, created_at DESC, other_id);
CREATE INDEX connections_invitation_idx ON connections (invitation_id) WHERE invitation_id IS NOT NULL;
CREATE TABLE follows (
  follower_id integer NOT NULL, followee_id integer NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (follower_id, followee_id), CHECK (follower_id <> followee_id));
CREATE INDEX follows_followee_idx ON follows (followee_id, created_at DESC, follower_id);
-- 1 M connections among 20,000 members (degree 100), each stored both ways; most made by an invitation.
CREATE TEMP TABLE pairs AS
  SELECT a, b, now() - random() * interval '3 years' AS at, (random() < 0.8) AS invited
    FROM (SELECT DISTINCT least(x, y) AS a, greatest(x, y) AS b
            FROM (SELECT (random() * 19999)::int + 1 AS x, (random() * 19999)::int + 1 AS y FROM generate_series(1, 1000000)) r
           WHERE x <> y) p;
INSERT INTO connections (member_id, other_id, created_at, origin_context, invitation_id)
  SELECT a, b, at, 'invitation', CASE WHEN invited THEN (random() * 1e7)::bigint END FROM pairs
  UNION ALL SELECT b, a, at, 'invitation', CASE WHEN invited THEN (random() * 1e7)::bigint END FROM pairs;
INSERT INTO follows (follower_id, followee_id, created_at) SELECT member_id, other_id, created_at FROM connections;
VACUUM ANALYZE connections;
VACUUM ANALYZE follows;
SELECT c.relname AS table_name, c.reltuples::bigint AS rows,
       pg_relation_size(c.oid) AS heap_bytes, pg_indexes_size(c.oid) AS index_bytes,
       round(pg_total_relation_size(c.oid)::numeric / c.reltuples) AS bytes_per_row
  FROM pg_class c WHERE c.relname IN ('connections', 'follows') ORDER BY 1;
