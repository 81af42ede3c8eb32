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
# again without building and deploying), BENCH_HOME (default .wushe-bench, as in bench/settle.sh).
#
# Derby: the demo as config/server.sh runs it (Derby network server on 127.0.0.1:1527 with
# authentication, the generated password read from derby.properties) in a home of its own,
# BENCH_HOME/reports-derby. PostgreSQL: the private cluster of the other benchmarks (port 25433 under
# BENCH_HOME), database wushe_reports, the demo on it with WUSHE_DEMO_ON_POSTGRESQL=yes (benchmarks
# only) and WUSHE_HOME=BENCH_HOME. Both: admin port 4848 (secure admin), HTTPS 8181 (the API with
# Basic on every request).
#
# Steps: the bench city of bench/SettleBench.java (communities ST0001.., one sub-district per 30, one
# grid cell and volunteer position each, no residents: the report does not read them; the account
# bench.operator), made once; the assessment snapshots of the twelve months up to MONTH for every bench
# community (bench/ReportsBench.java, one INSERT ... SELECT, 15 figures a month, made once); statistics;
# the report files of MONTH removed from the reports directory and from report_file, so every run
# writes them all anew (a run replaces them anyway); reports-monthly started through REST and followed
# to its end while the server's heap is sampled every second (jstat) and thread dumps are taken into
# .wushe-bench/reports-<db>-dumps/, and the live heap every LIVE_EVERY seconds (default 30, by the GC
# log of a forced full collection: bench/live-heap.sh); then the files checked (2 per community with a snapshot + 2 city
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
NAME=reports
PGDB=wushe_reports
BENCH_HOME="${BENCH_HOME:-$REPO/.wushe-bench}"
case "$DB" in
  postgresql) export WUSHE_HOME="$BENCH_HOME" ;;
  derby) export WUSHE_HOME="$BENCH_HOME/reports-derby" ;;
  *) printf '[bench] ERROR: usage: bash bench/reports.sh derby|postgresql\n' >&2; exit 1 ;;
esac
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"
start_database_and_server
# PDFBox for the check of a sample PDF: the version the application uses, from the local Maven repository.
M2="${MAVEN_REPO:-$HOME/.m2/repository}"
PDFBOX_VERSION="$(sed -n 's:.*<pdfbox.version>\(.*\)</pdfbox.version>.*:\1:p' "$REPO/pom.xml" | head -n 1)"
PDFBOX_VERSION="${PDFBOX_VERSION:-$(ls "$M2/org/apache/pdfbox/pdfbox" | sort -V | tail -n 1)}"
LOGGING="$(ls "$M2"/commons-logging/commons-logging/*/commons-logging-*.jar | grep -v sources | sort -V | tail -n 1)"
PDFCP="$M2/org/apache/pdfbox/pdfbox/$PDFBOX_VERSION/pdfbox-$PDFBOX_VERSION.jar:$M2/org/apache/pdfbox/fontbox/$PDFBOX_VERSION/fontbox-$PDFBOX_VERSION.jar:$M2/org/apache/pdfbox/pdfbox-io/$PDFBOX_VERSION/pdfbox-io-$PDFBOX_VERSION.jar:$LOGGING"
# The password "-": the programs read it from BENCH_DB_PASSWORD (bench/lib.sh).
city() { java -cp "$CP" "$REPO/bench/SettleBench.java" "$URL" "$DBUSER" - "$@"; }
bench() { java -cp "$CP:$PDFCP" "$REPO/bench/ReportsBench.java" "$URL" "$DBUSER" - "$@"; }

city city "$COMMUNITIES" 0 || die "the bench city could not be made (one of another size? FRESH=1)"
bench snapshots "$MONTH" | tee "$WORK/snapshots"
[ "$(value month_communities_all "$WORK/snapshots")" = "$COMMUNITIES" ] \
  || log "note: $(value month_communities_all "$WORK/snapshots") communities have a snapshot for $MONTH (the job reports them all)"

REPORTS_DIR="$WUSHE_HOME/domains/wushe/wushe-reports"
# Every run writes every file anew: the month's files and rows of an earlier run go first.
if [ "$DB" = postgresql ]; then
  "${PSQL[@]}" -d wushe_reports -c "DELETE FROM report_file WHERE report_period = '$MONTH'"
else
  # The credentials go to ij on its standard input, not on its command line.
  printf "connect '%s' user '%s' password '%s';\nDELETE FROM report_file WHERE report_period = '%s';\nexit;\n" \
    "$URL" "$DBUSER" "$BENCH_DB_PASSWORD" "$MONTH" | java -cp "$CP" org.apache.derby.tools.ij > "$WORK/ij.out"
  if grep -q '^ERROR' "$WORK/ij.out"; then die "removing the month's report_file rows failed: $(grep '^ERROR' "$WORK/ij.out")"; fi
fi
rm -rf "${REPORTS_DIR:?}/$MONTH"

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
GF_PID="$(cat "$WUSHE_HOME/domains/wushe/config/pid")"
OTHERS="$(ps -eo pid=,pcpu=,args= --sort=-pcpu | awk -v gf="$GF_PID" '$1 != gf && $2 > 5 { a = $3; sub(".*/", "", a); printf "%s %s%% ", a, $2 }' | head -c 300)"

start_sampling
# The live heap while the job runs (LIVE_EVERY seconds, default 30; 0: none): a full collection
# asked through jcmd and the size it left, from the JVM's GC log (bench/live-heap.sh). Each probe
# pauses the server once for a fraction of a second.
. "$REPO/bench/live-heap.sh"
LIVE_EVERY="${LIVE_EVERY:-30}"
LIVE_PROBES=""
if [ "$LIVE_EVERY" -gt 0 ]; then
  ( set +e; t=0; while sleep "$LIVE_EVERY"; do t=$((t + LIVE_EVERY)); echo "$t $(live_heap_mb "$GF_PID")" >> "$WORK/live"; done ) \
    2>> "$WORK/live.err" &
  LIVE_PROBES=$!
fi
PARAMS="\"month\":\"$MONTH\""
[ -n "$CHUNK" ] && PARAMS="$PARAMS,\"chunkSize\":\"$CHUNK\""
on_minute() { log "  $1 s: $(find "$REPORTS_DIR/$MONTH" -name '*.pdf' 2>/dev/null | wc -l) PDFs so far"; }
log "reports-monthly {$PARAMS} (load average before: $LOAD_BEFORE; server heap at most $HEAP_MAX_MB MB)"
T0="$(date +%s.%N)"
ID="$(start_job reports-monthly "{$PARAMS}")"
follow_job "$ID"
WALL="$(echo "$(date +%s.%N) - $T0" | bc -l)"
[ -n "$LIVE_PROBES" ] && { kill "$LIVE_PROBES" 2>/dev/null || true; }
LIVE="$(awk '{ printf "%s%s s %s MB", (n++ ? ", " : ""), $1, (NF == 2 ? $2 : "?") }' "$WORK/live" 2>/dev/null || true)"
[ -s "$WORK/live.err" ] && log "the live-heap probes said: $(head -c 500 "$WORK/live.err")"
LIVE_AFTER="$(live_heap_mb "$GF_PID")"
[ "$STATUS" = COMPLETED ] || die "execution $ID ended $STATUS; see $WUSHE_HOME/domains/wushe/logs/server.log"
JOB="$(job_secs)"
STEP_C="$(step_secs communities)"
STEP_CITY="$(step_secs city)"
WRITTEN="$(jq -r '.steps[] | select(.name == "communities") | .written' "$WORK/execution")"

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
  live heap:      ${LIVE:-not sampled} after the POST (a full collection every $LIVE_EVERY s, size by the GC log); $LIVE_AFTER MB after the job
  peak heap:      $PEAK_MB MB used (sampled every second; old generation at most $OLD_MB MB; max heap $HEAP_MAX_MB MB; $GCS)
  CPU during job: server $GF_CPU s, database $DB_CPU s, cores ${JOB_BUSY}% busy (all processes); load average before $LOAD_BEFORE
  also busy:      $OTHERS
  thread dumps:   $DUMPS
EOT
