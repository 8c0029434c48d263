#!/bin/sh
# Outbox insert rate on a PostgreSQL server: events written one per transaction (with its NOTIFY), as
# recordEvent does, by 1, 8 and 32 clients. docs/scaling.md uses the result.
#   PGHOST=127.0.0.1 PGUSER=postgres sh bench/scaling/outbox.sh        (SECONDS_EACH=15 by default)
# Creates and drops the scratch database rapport_scaling_bench.
set -eu
here=$(dirname "$0")
secs=${SECONDS_EACH:-15}
db=rapport_scaling_bench
psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
trap 'psql -q -d postgres -c "DROP DATABASE IF EXISTS $db"' EXIT
psql -q -d "$db" -c "SET client_min_messages = warning" -f "$here/outbox-setup.sql"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for clients in 1 8 32; do
  threads=$([ "$clients" -gt 1 ] && echo 2 || echo 1)
  printf 'clients=%s ' "$clients"
  pgbench -n -c "$clients" -j "$threads" -T "$secs" -f "$here/record-event.sql" "$db" 2>&1 |
    grep -E '^(tps|latency average)' | tr '\n' ' '
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "rows: $(psql -Atq -d "$db" -c 'SELECT count(*) FROM events')"
