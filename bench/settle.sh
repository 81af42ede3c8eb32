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
# FRESH=1 (start from an empty database: the PostgreSQL database or the Derby files are removed),
# KEEP=1 (leave the server and the database running at the end; a next run with REUSE=1 then uses
# them as they are, without building and deploying again; stop them with bash config/server.sh stop
# and, for PostgreSQL, pg_ctl stop, both with the WUSHE_HOME above).
#
# PostgreSQL: the private cluster of bench/city-scale.sh (port 25433 under .wushe-bench/, database
# wushe) with the application run on it by config/server.sh (WUSHE_HOME=.wushe-bench). Derby: the
# application as config/server.sh runs it by default (Derby network server on port 1527), in a
# home of its own, .wushe-bench/settle-derby. Both: admin port 4848, HTTP 8080.
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
PGPORT=25433
log() { printf '[bench] %s\n' "$*"; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

case "$DB" in
  postgresql) export WUSHE_HOME="$REPO/.wushe-bench" ;;
  derby) export WUSHE_HOME="$REPO/.wushe-bench/settle-derby" ;;
  *) die "usage: bash bench/settle.sh postgresql|derby" ;;
esac
mkdir -p "$WUSHE_HOME"
WORK="$(mktemp -d)"
DUMPS="$REPO/.wushe-bench/settle-$DB-dumps"
SERVER_OUT="$REPO/.wushe-bench/settle-$DB-server.out"
SAMPLER=""
PGBIN=""
DATA="$WUSHE_HOME/pgdata"
as_owner() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
cleanup() {
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null || true
  if [ "${KEEP:-0}" = 1 ]; then log "KEEP=1: the server and the database keep running"; rm -rf "$WORK"; return; fi
  bash "$REPO/config/server.sh" stop >/dev/null 2>&1 || true
  if [ -n "$PGBIN" ]; then as_owner "'$PGBIN/pg_ctl' -D '$DATA' -m fast -w stop" >/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
command -v jq >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null;
                               DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null; }

running() {   # REUSE=1 and the server of an earlier KEEP=1 run answers
  [ "${REUSE:-0}" = 1 ] && curl -s -o /dev/null "http://localhost:8080/wushe/login.xhtml" \
    && log "REUSE=1: using the running server as it is"
}
start_server() {   # a busy machine can take longer than asadmin waits for the domain to start: once more then
  local try
  for try in 1 2; do
    if bash "$REPO/config/server.sh" run > "$SERVER_OUT" 2>&1; then
      grep -E "Wushe is running" "$SERVER_OUT"; return 0
    fi
    log "config/server.sh run failed (try $try): $(grep -v '^\s*$' "$SERVER_OUT" | tail -n 3 | tr '\n' ' ')"
  done
  die "the server did not start; see $SERVER_OUT and $WUSHE_HOME/domains/wushe/logs/server.log"
}
if [ "$DB" = postgresql ]; then
  if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  if [ ! -f "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA"
    as_owner "'$PGBIN/initdb' -D '$DATA' -U wushe --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  fi
  as_owner "'$PGBIN/pg_ctl' -D '$DATA' status" >/dev/null 2>&1 || \
  as_owner "'$PGBIN/pg_ctl' -D '$DATA' -o '-p $PGPORT -k /tmp -c listen_addresses=localhost -c shared_buffers=1GB' -l '$DATA/server.log' -w start" >/dev/null
  PSQL=("$PGBIN/psql" -h localhost -p "$PGPORT" -U wushe -v ON_ERROR_STOP=1 -q)
  if [ "${FRESH:-0}" = 1 ]; then "$PGBIN/dropdb" -h localhost -p "$PGPORT" -U wushe --if-exists wushe; fi
  if ! "${PSQL[@]}" -d postgres -lqt | cut -d'|' -f1 | grep -qw wushe; then
    "$PGBIN/createdb" -h localhost -p "$PGPORT" -U wushe -E UTF8 wushe
  fi
  export WUSHE_DB=postgresql WUSHE_PG_URL="jdbc:postgresql://localhost:$PGPORT/wushe" WUSHE_PG_USER=wushe \
    WUSHE_PG_PASSWORD=wushe
  running || start_server
  URL="jdbc:postgresql://localhost:$PGPORT/wushe?reWriteBatchedInserts=true"
  CP="$REPO/ear/target/jdbc/postgresql.jar"
  DBVERSION="PostgreSQL $("${PSQL[@]}" -d wushe -tAc 'SHOW server_version')"
else
  if [ "${FRESH:-0}" = 1 ] && [ -d "$WUSHE_HOME/derby" ]; then
    bash "$REPO/config/server.sh" stop >/dev/null 2>&1 || true
    rm -rf "$WUSHE_HOME/derby"
  fi
  running || start_server
  URL="jdbc:derby://localhost:1527/wushe"
  CP="$(ls "$WUSHE_HOME"/glassfish7/javadb/lib/{derbyclient,derbyshared,derbytools}.jar 2>/dev/null | paste -sd:)"
  DBVERSION="Derby $(unzip -p "$WUSHE_HOME/glassfish7/javadb/lib/derbyclient.jar" META-INF/MANIFEST.MF 2>/dev/null \
    | sed -n 's/^Bundle-Version: *//p' | tr -d '\r' | sed 's/^\([0-9]*\.[0-9]*\)\.\([0-9]*\)000000\..*/\1.\2/')"
fi
API="http://localhost:8080/wushe/api"
bench() { java -cp "$CP" "$REPO/bench/SettleBench.java" "$URL" wushe wushe "$@"; }
value() { grep "^$1=" "$2" | tail -n 1 | cut -d= -f2; }

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
# How busy the cores were over an interval: cpu_mark before, cpu_busy after.
cpu_mark() { head -n 1 /proc/stat > "$WORK/cpu.$1"; }
cpu_busy() {
  local a b ta=0 tb=0 i
  read -ra a < "$WORK/cpu.$1"; read -ra b < /proc/stat
  for i in 1 2 3 4 5 6 7 8; do ta=$((ta + a[i])); tb=$((tb + b[i])); done
  echo $(( 100 - 100 * (b[4] + b[5] - a[4] - a[5]) / (tb - ta) ))
}
# CPU seconds used so far by a process and its children's threads (the server, the database).
cpu_seconds() {
  local total=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] || continue
    total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat")))
  done
  echo "$total"
}
db_pids() {
  if [ "$DB" = postgresql ]; then
    local master; master="$(head -n 1 "$DATA/postmaster.pid")"
    echo "$master" $(ps -o pid= --ppid "$master")
  else
    ss -ltnpH "sport = :1527" | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u
  fi
}

quiet_db
log "SQL baseline (bench/settle-baseline.sql), in one transaction, rolled back"
cpu_mark baseline
bench baseline "$REPO/bench/settle-baseline.sql" | tee "$WORK/baseline"
BASE_BUSY="$(cpu_busy baseline)"
BASELINE="$(value baseline_seconds "$WORK/baseline")"
[ "$(value baseline_transactions "$WORK/baseline")" = "$N" ] || die "the baseline booked $(value baseline_transactions "$WORK/baseline") sources, not $N"
bench tidy
quiet_db

GF_PID="$(cat "$WUSHE_HOME/domains/wushe/config/pid")"
HEAP_MAX_MB=$(( $(jcmd "$GF_PID" VM.flags 2>/dev/null | grep -o 'MaxHeapSize=[0-9]*' | head -n 1 | cut -d= -f2) / 1048576 ))
jstat -gc "$GF_PID" 1000 > "$WORK/heap" 2>/dev/null &
SAMPLER=$!
mkdir -p "$DUMPS"; rm -f "$DUMPS"/*.txt
DB_PIDS="$(db_pids | tr '\n' ' ')"
GF_CPU0="$(cpu_seconds "$GF_PID")"; DB_CPU0="$(cpu_seconds $DB_PIDS)"
cpu_mark job
log "points-settle with slices=$SLICES threads=$THREADS chunkSize=$CHUNK (server heap at most $HEAP_MAX_MB MB)"
ID="$(curl -sf -u "bench.operator:Wushe@2026" -H 'Content-Type: application/json' -X POST \
  -d "{\"slices\":\"$SLICES\",\"threads\":\"$THREADS\",\"chunkSize\":\"$CHUNK\"}" \
  "$API/jobs/points-settle/executions" | jq -r .executionId)"
[ -n "$ID" ] && [ "$ID" != null ] || die "the job did not start"
started=$SECONDS; last_dump=$SECONDS; stopped=0
while :; do
  curl -sf -u "bench.operator:Wushe@2026" "$API/jobs/executions/$ID" > "$WORK/execution"
  status="$(jq -r .status "$WORK/execution")"
  case "$status" in COMPLETED|FAILED|STOPPED|ABANDONED) break ;; esac
  if [ "$stopped" = 0 ] && [ $((SECONDS - started)) -ge "$LIMIT" ]; then
    log "still running after $LIMIT s: stopping execution $ID"
    bench booked | tee "$WORK/booked"
    LIMIT_BUSY="$(cpu_busy job)"
    curl -sf -o /dev/null -u "bench.operator:Wushe@2026" -X POST "$API/jobs/executions/$ID/stop" || true
    stopped=1
  fi
  if [ $((SECONDS - last_dump)) -ge "$DUMP_EVERY" ]; then
    jcmd "$GF_PID" Thread.print > "$DUMPS/dump-$((SECONDS - started))s.txt" 2>/dev/null || true
    last_dump=$SECONDS
  fi
  sleep 1
done
JOB_BUSY="$(cpu_busy job)"
GF_CPU=$(( ($(cpu_seconds "$GF_PID") - GF_CPU0) / $(getconf CLK_TCK) ))
DB_CPU=$(( ($(cpu_seconds $(db_pids)) - DB_CPU0) / $(getconf CLK_TCK) ))
kill "$SAMPLER" 2>/dev/null || true; SAMPLER=""
jq -r '.steps[] | "[bench]   step \(.name): \(.status), \(.start) .. \(.end), read \(.read), written \(.written), skipped \(.skipped), commits \(.commits), rollbacks \(.rollbacks)"' "$WORK/execution"
if [ "$stopped" = 1 ]; then
  BOOKED="$(value booked "$WORK/booked")"
  PEAK_MB="$(awk '$1 ~ /^[0-9.]+$/ { u = $3 + $4 + $6 + $8; if (u > m) m = u } END { printf "%.0f", m / 1024 }' "$WORK/heap")"
  cat <<EOT

  Point settlement on $DBVERSION, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')
  data:           $(value communities "$WORK/hours") communities, $(value residents "$WORK/hours") residents, $N verified service hours without entries
  SQL baseline:   $(printf '%.1f' "$BASELINE") s   (cores ${BASE_BUSY}% busy meanwhile, all processes)
  job:            NOT FINISHED in $LIMIT s: $BOOKED of $N sources booked by then ($(printf '%.0f' "$(echo "$BOOKED / $LIMIT" | bc -l)") items/s on average; cores ${LIMIT_BUSY}% busy meanwhile), then stopped ($status)
  peak heap:      $PEAK_MB MB used (max heap $HEAP_MAX_MB MB)
  CPU during job: server $GF_CPU s, database $DB_CPU s (until the stop took effect)
  thread dumps:   $DUMPS
EOT
  exit 1
fi
[ "$status" = COMPLETED ] || die "execution $ID ended $status; see $WUSHE_HOME/domains/wushe/logs/server.log"
secs() { date -d "$1" +%s.%N; }
settle_start="$(jq -r '.steps[] | select(.name == "settle") | .start' "$WORK/execution")"
settle_end="$(jq -r '.steps[] | select(.name == "settle") | .end' "$WORK/execution")"
SETTLE="$(echo "$(secs "$settle_end") - $(secs "$settle_start")" | bc -l)"
JOB="$(echo "$(secs "$(jq -r .end "$WORK/execution")") - $(secs "$(jq -r .start "$WORK/execution")")" | bc -l)"
WRITTEN="$(jq -r '.steps[] | select(.name == "settle") | .written' "$WORK/execution")"
# jstat -gc: S0U S1U EU OU are the used parts of the survivor spaces, eden and the old generation (KB).
PEAK_MB="$(awk '$1 ~ /^[0-9.]+$/ { u = $3 + $4 + $6 + $8; if (u > m) m = u } END { printf "%.0f", m / 1024 }' "$WORK/heap")"
OLD_MB="$(awk '$1 ~ /^[0-9.]+$/ { if ($8 > m) m = $8 } END { printf "%.0f", m / 1024 }' "$WORK/heap")"
# YGC, FGC and GCT count from the server's start: the run's are the last sample's less the first's.
GCS="$(awk '$1 ~ /^[0-9.]+$/ { if (!n++) { y0 = $13; f0 = $15; t0 = $NF } y = $13; f = $15; t = $NF }
  END { printf "%d young and %d full collections, %.1f s in GC", y - y0, f - f0, t - t0 }' "$WORK/heap")"

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
