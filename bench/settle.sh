#!/usr/bin/env bash
# Point settlement at city scale: 1,000,000 verified, unbooked service hours over 3,000 communities,
# settled by the points-settle job through the operator REST API, against a hand-written set-based
# SQL baseline (bench/settle-baseline.sql) on the same database, on PostgreSQL or on Derby.
#
#   bash bench/settle.sh postgresql      (needs root for apt-get the first time)
#   bash bench/settle.sh derby
#   N=20000 bash bench/settle.sh derby   (a small run)
#
# Environment: N (sources, default 1000000), COMMUNITIES (3000), RESIDENTS (per community, 100),
# SLICES, THREADS, CHUNK (the job's parameters slices, threads, chunkSize; default 2, 2, 500),
# LIMIT (seconds; default 1800: a job still running then is stopped through REST, and the script
# reports how many sources it booked by then instead of the figures of a finished run),
# KEEP_BASELINE=<file> (keep the baseline's figures and fingerprint in that file), BASELINE_FROM=<file>
# (skip the baseline and take those of an earlier run on the same data and N from that file),
# FRESH=1 (start from an empty database: the PostgreSQL database or the Derby files are removed),
# KEEP=1 (leave the server and the database running at the end; a next run with REUSE=1 then uses
# them as they are, without building and deploying again; stop them with bash config/server.sh stop
# and, for PostgreSQL, pg_ctl stop, both with the WUSHE_HOME above), BENCH_HOME (where the
# benchmarks keep their homes, the cluster and their output; default .wushe-bench).
#
# PostgreSQL: the private cluster of bench/city-scale.sh (port 25433 under BENCH_HOME, database
# wushe) with the demo run on it by config/server.sh with WUSHE_DEMO_ON_POSTGRESQL=yes (benchmarks
# only; WUSHE_HOME=BENCH_HOME). Derby: the demo as config/server.sh runs it by default (Derby network
# server on 127.0.0.1:1527 with authentication; the bench programs sign in with the generated
# password of derby.properties), in a home of its own, BENCH_HOME/settle-derby. Both: admin port
# 4848 (secure admin, generated password), HTTPS 8181 (the API with Basic on every request).
#
# Steps: the bench city (bench/SettleBench.java: communities ST0001.., one sub-district per 30, one
# grid cell and one volunteer position each, RESIDENTS residents each, the account bench.operator),
# made once; the bench city's ledger of an earlier run removed and N verified service hours made
# (kept for the next run when N is the same); statistics; the SQL baseline timed in one transaction
# and rolled back (its entries fingerprinted first), the ledger tables tidied after it; the job
# started through REST and followed to its end while the server's heap is sampled every second
# (jstat) and a thread dump is taken every DUMP_EVERY seconds (default 60) into
# .wushe-bench/settle-<db>-dumps/; the ledger verified (N transactions, 2N entries, no source twice,
# none missing, every transaction balanced, the same entries as the baseline's). It stops the server
# and the database at the end.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB="${1:-${DB:-postgresql}}"
N="${N:-1000000}"
COMMUNITIES="${COMMUNITIES:-3000}"
RESIDENTS="${RESIDENTS:-100}"
SLICES="${SLICES:-2}"
THREADS="${THREADS:-2}"
CHUNK="${CHUNK:-500}"
DUMP_EVERY="${DUMP_EVERY:-60}"
LIMIT="${LIMIT:-1800}"
NAME=settle
# its own database on the benchmarks' cluster: FRESH=1 drops it, and the city of bench/load.sh (database wushe) stays
PGDB="${PGDB:-wushe_settle}"
BENCH_HOME="${BENCH_HOME:-$REPO/.wushe-bench}"
case "$DB" in
  postgresql) export WUSHE_HOME="$BENCH_HOME" ;;
  derby) export WUSHE_HOME="$BENCH_HOME/settle-derby" ;;
  *) printf '[bench] ERROR: usage: bash bench/settle.sh postgresql|derby\n' >&2; exit 1 ;;
esac
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"
start_database_and_server
bench() { java -cp "$CP" "$REPO/bench/SettleBench.java" "$URL" "$DBUSER" - "$@"; }   # password: BENCH_DB_PASSWORD

bench city "$COMMUNITIES" "$RESIDENTS"
bench hours "$N" | tee "$WORK/hours"
[ "$(value hours "$WORK/hours")" = "$N" ] || die "expected $N bench service hours"
[ "$(value unbooked_hours_all "$WORK/hours")" = "$N" ] \
  || log "note: $(value unbooked_hours_all "$WORK/hours") verified service hours wait in the whole database (the baseline and the job book them all)"

quiet_db() {   # PostgreSQL: let autovacuum and a checkpoint finish, so they are not in the figures
  [ "$DB" = postgresql ] || return 0
  for _ in $(seq 1 120); do
    [ "$("${PSQL[@]}" -d wushe -tAc "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")" = 0 ] && break
    sleep 5
  done
  "${PSQL[@]}" -d wushe -c "CHECKPOINT"
}
quiet_db
if [ -n "${BASELINE_FROM:-}" ]; then
  # The baseline of an earlier run on the same data (its output, kept with KEEP_BASELINE): it takes
  # about 18 minutes on Derby with its rollback, and the job can be measured again without it.
  cp "$BASELINE_FROM" "$WORK/baseline"
  BASE_BUSY="$(value baseline_busy "$WORK/baseline")"
  log "SQL baseline of an earlier run on the same data: $BASELINE_FROM"
else
  log "SQL baseline (bench/settle-baseline.sql), in one transaction, rolled back"
  cpu_mark baseline
  bench baseline "$REPO/bench/settle-baseline.sql" | tee "$WORK/baseline"
  BASE_BUSY="$(cpu_busy baseline)"
  echo "baseline_busy=$BASE_BUSY" >> "$WORK/baseline"
  [ -z "${KEEP_BASELINE:-}" ] || cp "$WORK/baseline" "$KEEP_BASELINE"
fi
BASELINE="$(value baseline_seconds "$WORK/baseline")"
[ "$(value baseline_transactions "$WORK/baseline")" = "$N" ] || die "the baseline booked $(value baseline_transactions "$WORK/baseline") sources, not $N"
bench tidy
quiet_db

on_limit() {   # how far the job got: booked sources and how busy the cores were until now
  bench booked | tee "$WORK/booked"
  LIMIT_BUSY="$(cpu_busy job)"
}
start_sampling
log "points-settle with slices=$SLICES threads=$THREADS chunkSize=$CHUNK (server heap at most $HEAP_MAX_MB MB)"
ID="$(start_job points-settle "{\"slices\":\"$SLICES\",\"threads\":\"$THREADS\",\"chunkSize\":\"$CHUNK\"}")"
follow_job "$ID"
if [ "$STOPPED_AT_LIMIT" = 1 ]; then
  BOOKED="$(value booked "$WORK/booked")"
  cat <<EOT

  Point settlement on $DBVERSION, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')
  data:           $(value communities "$WORK/hours") communities, $(value residents "$WORK/hours") residents, $N verified service hours without entries
  SQL baseline:   $(printf '%.1f' "$BASELINE") s   (cores ${BASE_BUSY}% busy meanwhile, all processes)
  job:            NOT FINISHED in $LIMIT s: $BOOKED of $N sources booked by then ($(printf '%.0f' "$(echo "$BOOKED / $LIMIT" | bc -l)") items/s on average; cores ${LIMIT_BUSY}% busy meanwhile), then stopped ($STATUS)
  peak heap:      $PEAK_MB MB used (max heap $HEAP_MAX_MB MB)
  CPU during job: server $GF_CPU s, database $DB_CPU s (until the stop took effect)
  thread dumps:   $DUMPS
EOT
  exit 1
fi
[ "$STATUS" = COMPLETED ] || die "execution $ID ended $STATUS; see $WUSHE_HOME/domains/wushe/logs/server.log"
SETTLE="$(step_secs settle)"
JOB="$(job_secs)"
WRITTEN="$(jq -r '.steps[] | select(.name == "settle") | .written' "$WORK/execution")"

log "verifying the ledger"
bench verify "$N" | tee "$WORK/verify" || die "the ledger is not what it should be"
[ "$(value job_fingerprint "$WORK/verify")" = "$(value baseline_fingerprint "$WORK/baseline")" ] \
  || die "the job's entries differ from the baseline's (fingerprints $(value job_fingerprint "$WORK/verify") and $(value baseline_fingerprint "$WORK/baseline"))"

RATIO="$(echo "$SETTLE / $BASELINE" | bc -l)"
cat <<EOT

  Point settlement on $DBVERSION, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')
  data:           $(value communities "$WORK/hours") communities, $(value residents "$WORK/hours") residents, $N verified service hours without entries
  booked:         $(value job_transactions "$WORK/verify") transactions, $(value job_entries "$WORK/verify") entries, no source twice, none missing, same entries as the baseline
  SQL baseline:   $(printf '%.1f' "$BASELINE") s   (cores ${BASE_BUSY}% busy meanwhile, all processes)
  job settle:     $(printf '%.1f' "$SETTLE") s   (whole job $(printf '%.1f' "$JOB") s; cores ${JOB_BUSY}% busy meanwhile, all processes)
  job/baseline:   $(printf '%.2f' "$RATIO")
  items/s:        $(printf '%.0f' "$(echo "$WRITTEN / $SETTLE" | bc -l)")   ($WRITTEN written by the settle step)
  peak heap:      $PEAK_MB MB used (sampled every second; old generation at most $OLD_MB MB; max heap $HEAP_MAX_MB MB; $GCS)
  CPU during job: server $GF_CPU s, database $DB_CPU s
  parameters:     slices=$SLICES threads=$THREADS chunkSize=$CHUNK
EOT
