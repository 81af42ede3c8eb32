#!/usr/bin/env bash
# What the database alone needs to store new residents as the residents import does, with no
# server: N residents (default 1,000,000) in chunks of 10,000 (bench/import-ceiling.sql), into copies
# of resident, resident_tag and resident_change with all their indexes and foreign keys, first by one
# backend, then by two at once (as two partitions of the import do), then by one without the foreign
# keys (what they cost). Prints seconds, residents/s and WAL written for each.
#
#   bash bench/import-ceiling.sh        (after bench/import-server.sh postgresql made the database)
#
# Uses the private cluster of the benchmarks (BENCH_PGPORT, default 25433; started by the import
# bench with KEEP=1, or by hand) and its database wushe_import (the geography of the import bench).
# The copies live in the schema import_ceiling, dropped at the end. Run it with nothing else on the
# machine.
set -euo pipefail
N="${N:-1000000}"
CHUNK=10000
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
PSQL=("$PGBIN/psql" -h localhost -p "${BENCH_PGPORT:-25433}" -U wushe -d "${PGDB:-wushe_import}" -v ON_ERROR_STOP=1 -q)
SQL="$(cd "$(dirname "$0")" && pwd)/import-ceiling.sql"

tables() {   # with or without the foreign keys
  "${PSQL[@]}" -c "DROP SCHEMA IF EXISTS import_ceiling CASCADE" 2>/dev/null
  "${PSQL[@]}" -c "CREATE SCHEMA import_ceiling;
    CREATE TABLE import_ceiling.resident (LIKE public.resident INCLUDING ALL);
    CREATE TABLE import_ceiling.resident_tag (LIKE public.resident_tag INCLUDING ALL);
    CREATE TABLE import_ceiling.resident_change (LIKE public.resident_change INCLUDING ALL)"
  if [ "$1" = with ]; then
    "${PSQL[@]}" -c "ALTER TABLE import_ceiling.resident ADD FOREIGN KEY (community_id) REFERENCES public.community (id);
      ALTER TABLE import_ceiling.resident ADD FOREIGN KEY (grid_cell_id) REFERENCES public.grid_cell (id);
      ALTER TABLE import_ceiling.resident_tag ADD FOREIGN KEY (resident_id) REFERENCES import_ceiling.resident (id);
      ALTER TABLE import_ceiling.resident_change ADD FOREIGN KEY (resident_id) REFERENCES import_ceiling.resident (id)"
  fi
  "${PSQL[@]}" -c "CHECKPOINT"
}
chunks() {   # from to (ids)
  for ((b = $1; b < $2; b += CHUNK)); do "${PSQL[@]}" -v base="$b" -v n="$CHUNK" -f "$SQL"; done
}
measure() {   # label backends
  local w0 w1 t0 secs
  w0="$("${PSQL[@]}" -tAc "SELECT pg_current_wal_lsn()")"
  t0="$(date +%s.%N)"
  if [ "$2" = 1 ]; then chunks 0 "$N"; else
    local half=$(( N / 2 / CHUNK * CHUNK ))
    chunks 0 "$half" & local a=$!
    chunks "$half" "$N" & local b=$!
    wait "$a"; wait "$b"
  fi
  secs="$(echo "$(date +%s.%N) - $t0" | bc -l)"
  w1="$("${PSQL[@]}" -tAc "SELECT pg_current_wal_lsn()")"
  printf '%-52s %6.1f s  %7.0f residents/s  WAL %s\n' "$1" "$secs" "$(echo "$N / $secs" | bc -l)" \
    "$("${PSQL[@]}" -tAc "SELECT pg_size_pretty(pg_wal_lsn_diff('$w1', '$w0'))")"
}
echo "[ceiling] $N new residents, chunks of $CHUNK, $(nproc) cores, $("${PSQL[@]}" -tAc 'SHOW server_version'), $(date -u '+%Y-%m-%d %H:%M UTC')"
tables with;    measure "one backend, indexes and foreign keys" 1
tables with;    measure "two backends at once, indexes and foreign keys" 2
tables without; measure "one backend, indexes, no foreign keys" 1
"${PSQL[@]}" -c "DROP SCHEMA import_ceiling CASCADE" 2>/dev/null
