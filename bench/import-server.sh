#!/usr/bin/env bash
# Residents import through the running server: a generated residents file of N new residents copied
# into the server's import inbox, imported by the residents-import job started through the operator
# REST API as an operator would, followed to its end; then the same file again (nothing changes).
#
#   bash bench/import-server.sh postgresql     (needs root for apt-get the first time)
#   bash bench/import-server.sh derby
#   N=100000 bash bench/import-server.sh derby (a smaller file)
#
# Environment: N (lines, default 1000000), CHUNK (the job's chunkSize; empty: the job's default), PARTS
# (the job's partitions; empty: the job's default, 2 on PostgreSQL and 1 on Derby),
# LIMIT (seconds before a running job is stopped; default 1800), DUMP_EVERY (seconds between thread
# dumps of the server, default 5, into BENCH_HOME/import-<db>-dumps/), AGAIN=0 (skip the re-import),
# FRESH=1, KEEP=1, REUSE=1 and BENCH_HOME as for bench/settle.sh; BENCH_PGPORT, BENCH_PG_OPTIONS and
# WUSHE_PORT_BASE move the private cluster and the server (bench/lib.sh). With
# BENCH_PG_OPTIONS='-c shared_preload_libraries=pg_stat_statements' the statements that took the
# database's time are printed after each import.
#
# The file: ImportBench's generated residents file (bench/import/ImportBench.java generate; valid
# lines over the communities C0001..C3000 with 7 grid cells each, a third without phone, a tag or two
# on some), made once per N under BENCH_HOME/import-files/. The geography and the account
# bench.operator are made once (bench/import/ServerImportCity.java city); the residents of an earlier
# run are removed before the first import, so it stores N new residents.
#
# Prints for each import: lines/s (the job's import step), the heap used (jstat every second: peak,
# old generation), the server's and the database's CPU seconds, the step's counts, and the rows in
# SQL (residents, tags, change rows of the bench communities).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB="${1:-${DB:-postgresql}}"
N="${N:-1000000}"
CHUNK="${CHUNK:-}"
DUMP_EVERY="${DUMP_EVERY:-5}"
LIMIT="${LIMIT:-1800}"
NAME=import
# its own database on the benchmarks' cluster (FRESH=1 drops it; the city of bench/load.sh, database wushe, stays)
PGDB="${PGDB:-wushe_import}"
BENCH_HOME="${BENCH_HOME:-$REPO/.wushe-bench}"
case "$DB" in
  postgresql) export WUSHE_HOME="$BENCH_HOME" ;;
  derby) export WUSHE_HOME="$BENCH_HOME/import-derby" ;;
  *) printf '[bench] ERROR: usage: bash bench/import-server.sh postgresql|derby\n' >&2; exit 1 ;;
esac
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"
start_database_and_server

# The bench programs: ImportBench (the file) and ServerImportCity (the database side), compiled as
# bench/import.sh compiles them.
M2="${M2_REPO:-$HOME/.m2/repository}"
LIBS="$REPO/ejb/target/classes:$M2/org/apache/commons/commons-csv/1.14.1/commons-csv-1.14.1.jar"
LIBS="$LIBS:$M2/commons-io/commons-io/2.20.0/commons-io-2.20.0.jar:$M2/commons-codec/commons-codec/1.19.0/commons-codec-1.19.0.jar"
LIBS="$LIBS:$M2/jakarta/platform/jakarta.jakartaee-api/10.0.0/jakarta.jakartaee-api-10.0.0.jar"
mkdir -p "$WORK/classes" "$BENCH_HOME/import-files"
javac -nowarn -d "$WORK/classes" -cp "$LIBS:$CP" "$REPO"/bench/import/*.java
FILE="$BENCH_HOME/import-files/residents-$N.csv"
[ -s "$FILE" ] || java -cp "$WORK/classes:$LIBS" ImportBench generate "$FILE" "$N"
city() { java -cp "$WORK/classes:$CP" ServerImportCity "$URL" "$DBUSER" - "$@"; }   # password: BENCH_DB_PASSWORD
city city
city clean

PGSS=no
if [ "$DB" = postgresql ] && [[ "${BENCH_PG_OPTIONS:-}" == *pg_stat_statements* ]]; then
  "${PSQL[@]}" -d "$PGDB" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" && PGSS=yes
fi
quiet_db() {   # PostgreSQL: statistics fresh, autovacuum done, a checkpoint, so they are not in the figures
  [ "$DB" = postgresql ] || return 0
  "${PSQL[@]}" -d "$PGDB" -c "ANALYZE resident; ANALYZE resident_tag; ANALYZE resident_change"
  for _ in $(seq 1 120); do
    [ "$("${PSQL[@]}" -d "$PGDB" -tAc "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")" = 0 ] && break
    sleep 5
  done
  "${PSQL[@]}" -d "$PGDB" -c "CHECKPOINT"
  [ "$PGSS" = no ] || "${PSQL[@]}" -d "$PGDB" -tAc "SELECT pg_stat_statements_reset()" >/dev/null
}
top_statements() {
  [ "$PGSS" = yes ] || return 0
  log "the database's statements by total time (pg_stat_statements):"
  "${PSQL[@]}" -d "$PGDB" -P pager=off -c "SELECT calls, rows, round(total_exec_time) AS ms,
      round((total_exec_time / greatest(calls, 1))::numeric, 3) AS ms_per_call, left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS query
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
    ORDER BY total_exec_time DESC LIMIT 12"
}

INBOX="$WUSHE_HOME/domains/wushe/wushe-inbox"
mkdir -p "$INBOX"
# One import of the file through the server: copied in under a temporary name and renamed (as
# docs/imports.md asks), the job started through REST with it, followed to its end.
import_once() {   # label
  local label="$1" params
  quiet_db
  cp "$FILE" "$INBOX/.residents-bench.csv.part"
  mv "$INBOX/.residents-bench.csv.part" "$INBOX/residents-bench.csv"
  params='{"file":"residents-bench.csv"'
  [ -z "$CHUNK" ] || params="$params,\"chunkSize\":\"$CHUNK\""
  [ -z "${PARTS:-}" ] || params="$params,\"partitions\":\"$PARTS\""
  params="$params}"
  start_sampling
  log "$label: residents-import of $(basename "$FILE") ($N lines; server heap at most $HEAP_MAX_MB MB)"
  local id; id="$(start_job residents-import "$params")"
  follow_job "$id"
  [ "$STATUS" = COMPLETED ] || die "execution $id ended $STATUS; see $WUSHE_HOME/domains/wushe/logs/server.log"
  local step read; step="$(step_secs import)"
  read="$(jq -r '.steps[] | select(.name == "import") | .read' "$WORK/execution")"
  city counts > "$WORK/counts"
  mkdir -p "$DUMPS/$label"; mv "$DUMPS"/*.txt "$DUMPS/$label/" 2>/dev/null || true
  cat <<EOT

  Residents import through the server ($label) on $DBVERSION, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')
  file:           $N lines ($(du -h "$FILE" | cut -f1)), read by the step: $read
  import step:    $(printf '%.1f' "$step") s = $(printf '%.0f' "$(echo "$N / $step" | bc -l)") lines/s   (whole job $(printf '%.1f' "$(job_secs)") s; cores ${JOB_BUSY}% busy meanwhile, all processes)
  heap:           peak $PEAK_MB MB used, old generation at most $OLD_MB MB (sampled every second; max heap $HEAP_MAX_MB MB; $GCS)
  CPU during job: server $GF_CPU s, database $DB_CPU s
  in SQL:         residents $(value residents "$WORK/counts"), tags $(value tags "$WORK/counts"), change rows $(value changes "$WORK/counts") (created $(value created "$WORK/counts"))
  thread dumps:   $DUMPS/$label
EOT
  awk '$1 ~ /^[0-9.]+$/ { if (n % 10 == 0) s = s sprintf(" %.0f", $8 / 1024); n++ } END { print "[bench]   old generation MB every 10 s:" s }' "$WORK/heap"
  top_statements
}
import_once first
[ "$(value residents "$WORK/counts")" = "$N" ] || log "WARNING: expected $N bench residents, found $(value residents "$WORK/counts")"
[ "${AGAIN:-1}" = 0 ] || import_once again
