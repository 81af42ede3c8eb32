#!/usr/bin/env bash
# Benchmark: the nightly reports-monthly job at city scale: 3,000 communities with twelve months of
# assessment snapshots each, their monthly PDF and CSV and the city's, written by the job started
# through the operator REST API, on Derby or on PostgreSQL.
#
#   bash bench/reports.sh derby
#   bash bench/reports.sh postgresql      (needs root for apt-get the first time)
#   COMMUNITIES=300 FRESH=1 bash bench/reports.sh derby   (a small city)
#
# Environment: COMMUNITIES (default 3000), MONTH (yyyy-MM, default the month before the current
# one: the demo city snapshots only the current month, so the bench communities are the only ones
# with a snapshot), CHUNK (the job's chunkSize, default: the job's own, 10), LIMIT (seconds, default
# 3600: a job still running then is stopped through REST), DUMP_EVERY (seconds between thread dumps
# of the server, default 30), FRESH=1 (start from an empty database: a city of another size needs
# it), KEEP=1 / REUSE=1 (as in bench/settle.sh: leave the server and the database running, use them
# again without building and deploying).
#
# Derby: the application as config/server.sh runs it (Derby network server on port 1527) in a home of
# its own, .wushe-bench/reports-derby. PostgreSQL: the private cluster of the other benchmarks (port
# 25433 under .wushe-bench/), database wushe_reports, the application with WUSHE_HOME=.wushe-bench.
# Both: admin port 4848, HTTP 8080.
#
# Steps: the bench city of bench/SettleBench.java (communities ST0001.., one sub-district per 30, one
# grid cell and volunteer position each, no residents: the report does not read them; the account
# bench.operator), made once; the assessment snapshots of the twelve months up to MONTH for every bench
# community (bench/ReportsBench.java, one INSERT ... SELECT, 15 figures a month, made once); statistics;
# the report files of MONTH removed from the reports directory and from report_file, so every run
# writes them all anew (a run replaces them anyway); reports-monthly started through REST and followed
# to its end while the server's heap is sampled every second (jstat) and thread dumps are taken into
# .wushe-bench/reports-<db>-dumps/; then the files checked (2 per community with a snapshot + 2 city
# files in report_file, all written by this execution, each present with its recorded size, every PDF
# starting with %PDF, the text of one community PDF holding the community's name and code, read
# with PDFBox). It stops the server and the database at the end.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB="${1:-${DB:-derby}}"
COMMUNITIES="${COMMUNITIES:-3000}"
MONTH="${MONTH:-$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)}"
CHUNK="${CHUNK:-}"
LIMIT="${LIMIT:-3600}"
DUMP_EVERY="${DUMP_EVERY:-30}"
PGPORT=25433
log() { printf '[bench] %s\n' "$*"; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

case "$DB" in
  postgresql) export WUSHE_HOME="$REPO/.wushe-bench" ;;
  derby) export WUSHE_HOME="$REPO/.wushe-bench/reports-derby" ;;
  *) die "usage: bash bench/reports.sh derby|postgresql" ;;
esac
mkdir -p "$WUSHE_HOME"
WORK="$(mktemp -d)"
DUMPS="$REPO/.wushe-bench/reports-$DB-dumps"
SERVER_OUT="$REPO/.wushe-bench/reports-$DB-server.out"
SAMPLER=""
PGBIN=""
DATA="$REPO/.wushe-bench/pgdata"
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

running() {
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
  if [ "${FRESH:-0}" = 1 ]; then "$PGBIN/dropdb" -h localhost -p "$PGPORT" -U wushe --if-exists wushe_reports; fi
  if ! "${PSQL[@]}" -d postgres -lqt | cut -d'|' -f1 | grep -qw wushe_reports; then
    "$PGBIN/createdb" -h localhost -p "$PGPORT" -U wushe -E UTF8 wushe_reports
  fi
  export WUSHE_DB=postgresql WUSHE_PG_URL="jdbc:postgresql://localhost:$PGPORT/wushe_reports" WUSHE_PG_USER=wushe \
    WUSHE_PG_PASSWORD=wushe
  running || start_server
  URL="jdbc:postgresql://localhost:$PGPORT/wushe_reports?reWriteBatchedInserts=true"
  CP="$REPO/ear/target/jdbc/postgresql.jar"
  DBVERSION="PostgreSQL $("${PSQL[@]}" -d wushe_reports -tAc 'SHOW server_version')"
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
# PDFBox for the check of a sample PDF: the version the application uses, from the local Maven repository.
M2="${MAVEN_REPO:-$HOME/.m2/repository}"
PDFBOX_VERSION="$(sed -n 's:.*<pdfbox.version>\(.*\)</pdfbox.version>.*:\1:p' "$REPO/pom.xml" | head -n 1)"
PDFBOX_VERSION="${PDFBOX_VERSION:-$(ls "$M2/org/apache/pdfbox/pdfbox" | sort -V | tail -n 1)}"
LOGGING="$(ls "$M2"/commons-logging/commons-logging/*/commons-logging-*.jar | grep -v sources | sort -V | tail -n 1)"
PDFCP="$M2/org/apache/pdfbox/pdfbox/$PDFBOX_VERSION/pdfbox-$PDFBOX_VERSION.jar:$M2/org/apache/pdfbox/fontbox/$PDFBOX_VERSION/fontbox-$PDFBOX_VERSION.jar:$M2/org/apache/pdfbox/pdfbox-io/$PDFBOX_VERSION/pdfbox-io-$PDFBOX_VERSION.jar:$LOGGING"
API="http://localhost:8080/wushe/api"
AUTH=(-u "bench.operator:Wushe@2026")
city() { java -cp "$CP" "$REPO/bench/SettleBench.java" "$URL" wushe wushe "$@"; }
bench() { java -cp "$CP:$PDFCP" "$REPO/bench/ReportsBench.java" "$URL" wushe wushe "$@"; }
value() { grep "^$1=" "$2" | tail -n 1 | cut -d= -f2-; }

city city "$COMMUNITIES" 0 || die "the bench city could not be made (one of another size? FRESH=1)"
bench snapshots "$MONTH" | tee "$WORK/snapshots"
[ "$(value month_communities_all "$WORK/snapshots")" = "$COMMUNITIES" ] \
  || log "note: $(value month_communities_all "$WORK/snapshots") communities have a snapshot for $MONTH (the job reports them all)"

GF_PID="$(cat "$WUSHE_HOME/domains/wushe/config/pid")"
REPORTS_DIR="$WUSHE_HOME/domains/wushe/wushe-reports"
# Every run writes every file anew: the month's files and rows of an earlier run go first.
if [ "$DB" = postgresql ]; then
  "${PSQL[@]}" -d wushe_reports -c "DELETE FROM report_file WHERE report_period = '$MONTH'"
else
  printf "connect '%s';\nDELETE FROM report_file WHERE report_period = '%s';\nexit;\n" "$URL" "$MONTH" \
    | java -cp "$CP" org.apache.derby.tools.ij >/dev/null
fi
rm -rf "${REPORTS_DIR:?}/$MONTH"

# How busy the cores were over an interval: cpu_mark before, cpu_busy after.
cpu_mark() { head -n 1 /proc/stat > "$WORK/cpu.$1"; }
cpu_busy() {
  local a b ta=0 tb=0 i
  read -ra a < "$WORK/cpu.$1"; read -ra b < /proc/stat
  for i in 1 2 3 4 5 6 7 8; do ta=$((ta + a[i])); tb=$((tb + b[i])); done
  echo $(( 100 - 100 * (b[4] + b[5] - a[4] - a[5]) / (tb - ta) ))
}
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
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
OTHERS="$(ps -eo pid=,pcpu=,args= --sort=-pcpu | awk -v gf="$GF_PID" '$1 != gf && $2 > 5 { a = $3; sub(".*/", "", a); printf "%s %s%% ", a, $2 }' | head -c 300)"

HEAP_MAX_MB=$(( $(jcmd "$GF_PID" VM.flags 2>/dev/null | grep -o 'MaxHeapSize=[0-9]*' | head -n 1 | cut -d= -f2) / 1048576 ))
jstat -gc "$GF_PID" 1000 > "$WORK/heap" 2>/dev/null &
SAMPLER=$!
mkdir -p "$DUMPS"; rm -f "$DUMPS"/*.txt
DB_PIDS="$(db_pids | tr '\n' ' ')"
GF_CPU0="$(cpu_seconds "$GF_PID")"; DB_CPU0="$(cpu_seconds $DB_PIDS)"
cpu_mark job
BODY="{\"month\":\"$MONTH\"}"
[ -n "$CHUNK" ] && BODY="{\"month\":\"$MONTH\",\"chunkSize\":\"$CHUNK\"}"
log "reports-monthly for $MONTH (load average before: $LOAD_BEFORE; server heap at most $HEAP_MAX_MB MB)"
T0="$(date +%s.%N)"
ID="$(curl -sf "${AUTH[@]}" -H 'Content-Type: application/json' -X POST -d "$BODY" \
  "$API/jobs/reports-monthly/executions" | jq -r .executionId)"
[ -n "$ID" ] && [ "$ID" != null ] || die "the job did not start"
started=$SECONDS; last_dump=$SECONDS; stopped=0; last_note=$SECONDS
while :; do
  curl -sf "${AUTH[@]}" "$API/jobs/executions/$ID" > "$WORK/execution"
  status="$(jq -r .status "$WORK/execution")"
  case "$status" in COMPLETED|FAILED|STOPPED|ABANDONED) break ;; esac
  if [ "$stopped" = 0 ] && [ $((SECONDS - started)) -ge "$LIMIT" ]; then
    log "still running after $LIMIT s: stopping execution $ID"
    curl -sf -o /dev/null "${AUTH[@]}" -X POST "$API/jobs/executions/$ID/stop" || true
    stopped=1
  fi
  if [ $((SECONDS - last_dump)) -ge "$DUMP_EVERY" ]; then
    jcmd "$GF_PID" Thread.print > "$DUMPS/dump-$((SECONDS - started))s.txt" 2>/dev/null || true
    last_dump=$SECONDS
  fi
  if [ $((SECONDS - last_note)) -ge 60 ]; then
    log "  $((SECONDS - started)) s: $(find "$REPORTS_DIR/$MONTH" -name '*.pdf' 2>/dev/null | wc -l) PDFs so far"
    last_note=$SECONDS
  fi
  sleep 1
done
WALL="$(echo "$(date +%s.%N) - $T0" | bc -l)"
JOB_BUSY="$(cpu_busy job)"
GF_CPU=$(( ($(cpu_seconds "$GF_PID") - GF_CPU0) / $(getconf CLK_TCK) ))
DB_CPU=$(( ($(cpu_seconds $(db_pids)) - DB_CPU0) / $(getconf CLK_TCK) ))
kill "$SAMPLER" 2>/dev/null || true; SAMPLER=""
jq -r '.steps[] | "[bench]   step \(.name): \(.status), \(.start) .. \(.end), read \(.read), written \(.written), skipped \(.skipped), commits \(.commits), rollbacks \(.rollbacks)"' "$WORK/execution"
[ "$status" = COMPLETED ] || die "execution $ID ended $status; see $WUSHE_HOME/domains/wushe/logs/server.log"
secs() { date -d "$1" +%s.%N; }
step_secs() {
  echo "$(secs "$(jq -r ".steps[] | select(.name == \"$1\") | .end" "$WORK/execution")") - $(secs "$(jq -r ".steps[] | select(.name == \"$1\") | .start" "$WORK/execution")")" | bc -l
}
JOB="$(echo "$(secs "$(jq -r .end "$WORK/execution")") - $(secs "$(jq -r .start "$WORK/execution")")" | bc -l)"
STEP_C="$(step_secs communities)"
STEP_CITY="$(step_secs city)"
WRITTEN="$(jq -r '.steps[] | select(.name == "communities") | .written' "$WORK/execution")"
PEAK_MB="$(awk '$1 ~ /^[0-9.]+$/ { u = $3 + $4 + $6 + $8; if (u > m) m = u } END { printf "%.0f", m / 1024 }' "$WORK/heap")"
OLD_MB="$(awk '$1 ~ /^[0-9.]+$/ { if ($8 > m) m = $8 } END { printf "%.0f", m / 1024 }' "$WORK/heap")"
GCS="$(awk '$1 ~ /^[0-9.]+$/ { if (!n++) { y0 = $13; f0 = $15; t0 = $NF } y = $13; f = $15; t = $NF }
  END { printf "%d young and %d full collections, %.1f s in GC", y - y0, f - f0, t - t0 }' "$WORK/heap")"

log "verifying the files"
bench verify "$MONTH" "$ID" | tee "$WORK/verify" || die "the files are not what they should be"
FILES="$(value files "$WORK/verify")"
BYTES="$(value files_bytes "$WORK/verify")"
PDF_BYTES="$(value pdf_bytes "$WORK/verify")"
DISK="$(du -sk "$REPORTS_DIR/$MONTH" | cut -f1)"
mb() { echo "scale=1; $1 / 1048576" | bc -l; }
cat <<EOT

  Monthly reports on $DBVERSION, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')
  data:           $(value communities "$WORK/snapshots") bench communities x 12 months x 15 figures ($(value snapshot_rows "$WORK/snapshots") snapshot rows); $(value communities_all "$WORK/snapshots") communities in all, $(value month_communities_all "$WORK/snapshots") with a snapshot for $MONTH
  files:          $FILES in report_file ($(value bench_community_files "$WORK/verify") bench community files + $(value city_files "$WORK/verify") city files), all present, every PDF starts with %PDF; sample $(basename "$(value sample_pdf "$WORK/verify")") ($(value sample_pdf_pages "$WORK/verify") pages) holds its name: $(value sample_pdf_holds_name "$WORK/verify")
  size:           $(mb "$BYTES") MB in all (PDFs $(mb "$PDF_BYTES") MB, $(( PDF_BYTES / $(value pdf_files "$WORK/verify") / 1024 )) KB each on average; $(echo "scale=1; $DISK / 1024" | bc) MB on disk)
  wall time:      $(printf '%.1f' "$WALL") s from the POST to COMPLETED seen (job $(printf '%.1f' "$JOB") s: communities step $(printf '%.1f' "$STEP_C") s, city step $(printf '%.1f' "$STEP_CITY") s)
  communities/s:  $(printf '%.2f' "$(echo "$WRITTEN / $STEP_C" | bc -l)")   ($WRITTEN written by the communities step; $(printf '%.0f' "$(echo "1000 * $STEP_C / $WRITTEN" | bc -l)") ms per community)
  peak heap:      $PEAK_MB MB used (sampled every second; old generation at most $OLD_MB MB; max heap $HEAP_MAX_MB MB; $GCS)
  CPU during job: server $GF_CPU s, database $DB_CPU s, cores ${JOB_BUSY}% busy (all processes); load average before $LOAD_BEFORE
  also busy:      $OTHERS
  thread dumps:   $DUMPS
EOT
