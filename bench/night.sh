#!/usr/bin/env bash
# The whole night for a city (issue 22): the city-scale database on PostgreSQL, the night's inputs
# waiting (a residents file and a volunteers file in the import inbox, verified service hours not yet
# settled), and the nightly run as scheduled (inbox-purge, grids-import, residents-import,
# volunteers-import, points-settle with its steps settle, expire and statements, assessment-run,
# reports-monthly); then a second night with nothing new. Not part of the CI suite.
#
#   bash bench/night.sh                                    (full size; needs root for apt-get the first time)
#   COMMUNITIES=300 RESIDENTS_EACH=500 RESIDENTS_LINES=100000 VOLUNTEERS=5000 HOURS=100000 FRESH=1 bash bench/night.sh
#
# Environment: COMMUNITIES (3000) and RESIDENTS_EACH (2000): the city, 6,000,000 residents; a city of
# another size needs FRESH=1. RESIDENTS_LINES (1,000,000; at most the residents stored): the residents
# file, spread over every community, 1 line in 100 bad (an ID number's check character), 1 in 10
# changed (another address), the rest as stored. VOLUNTEERS (50,000): the volunteers file, one
# certification each. HOURS (1,000,000): verified service hours waiting for the settlement.
# NIGHT_MARGIN_MIN (5): minutes between the restart of the server and the night (a restart that ends
# later than that is done again with a new time). LIMIT (seconds a
# night may take before the script gives up, 3600). SECOND=0 skips the second night. FRESH=1, KEEP=1,
# REUSE=1, BENCH_HOME, BENCH_PGPORT, BENCH_PG_OPTIONS and WUSHE_PORT_BASE as for bench/settle.sh
# (bench/lib.sh); the database is wushe_night on the private cluster.
#
# What it does: starts the private cluster and the demo on it (config/server.sh run); makes the city
# once with bench/NightBench.java (geography B0001..B3000 with grid cells -G01..-G07, one sub-district
# per 20 communities, one volunteer position each, the residents written with COPY and sealed the
# product's way with the domain's own personal-data keys, so the import finds them by the ID number's
# hash); undoes what an earlier night changed and makes the HOURS verified service hours; writes the
# two files and drops them into the inbox (copied under a temporary name, then renamed); sets
# wushe.nightly.at NIGHT_MARGIN_MIN minutes ahead as a system property, frees the night's lease
# (node_lease, as a new day would) and restarts the server; samples the server's heap every second
# (jstat) and the CPU of the server and the database from the claim of the night to the end of its
# last job; then the same again with nothing new. The monthly reports have their input too: the
# assessment snapshots of every community of the city for the twelve months up to the month the night
# reports (bench/ReportsBench.java with -Dbench.code=B, once), and the files they write are checked.
#
# Prints per night: the timeline of every job and step (start, end, seconds, read, written, rows/s,
# status) from the operator REST API, the whole night's wall time, the server's heap (peak used, old
# generation at most, collections), the CPU seconds of the server and of the database, the load
# average, the import runs' counts and the ledger's (SQL). Exits non-zero when a job does not end
# COMPLETED or the counts are not what the inputs make.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB=postgresql
NAME=night
PGDB=wushe_night
COMMUNITIES="${COMMUNITIES:-3000}"
RESIDENTS_EACH="${RESIDENTS_EACH:-2000}"
RESIDENTS_LINES="${RESIDENTS_LINES:-1000000}"
VOLUNTEERS="${VOLUNTEERS:-50000}"
HOURS="${HOURS:-1000000}"
NIGHT_MARGIN_MIN="${NIGHT_MARGIN_MIN:-5}"
LIMIT="${LIMIT:-3600}"
DUMP_EVERY="${DUMP_EVERY:-60}"
BENCH_HOME="${BENCH_HOME:-$REPO/.wushe-bench}"
export WUSHE_HOME="$BENCH_HOME/night"
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"
start_database_and_server

KEYS="$WUSHE_HOME/domains/wushe/config/wushe-data.keys"
INBOX="$WUSHE_HOME/domains/wushe/wushe-inbox"
M2="${M2_REPO:-$HOME/.m2/repository}"
LIBS="$REPO/ejb/target/classes:$M2/jakarta/platform/jakarta.jakartaee-api/10.0.0/jakarta.jakartaee-api-10.0.0.jar"
mkdir -p "$WORK/classes"
javac -nowarn -d "$WORK/classes" -cp "$LIBS:$CP" "$REPO/bench/NightBench.java"
bench() { java -Xmx1g -Dwushe.data.keyFile="$KEYS" -cp "$WORK/classes:$LIBS:$CP" NightBench "$URL" "$DBUSER" - "$@"; }
# The monthly reports' input (bench/ReportsBench.java, as bench/reports.sh makes it for its city): the
# assessment snapshots of the city's communities for the twelve months up to the month the night
# reports (the month before today's); PDFBox for its check of the written files.
PDFBOX_VERSION="$(sed -n 's:.*<pdfbox.version>\(.*\)</pdfbox.version>.*:\1:p' "$REPO/pom.xml" | head -n 1)"
PDFBOX_VERSION="${PDFBOX_VERSION:-$(ls "$M2/org/apache/pdfbox/pdfbox" | sort -V | tail -n 1)}"
LOGGING="$(ls "$M2"/commons-logging/commons-logging/*/commons-logging-*.jar | grep -v sources | sort -V | tail -n 1)"
PDFCP="$M2/org/apache/pdfbox/pdfbox/$PDFBOX_VERSION/pdfbox-$PDFBOX_VERSION.jar:$M2/org/apache/pdfbox/fontbox/$PDFBOX_VERSION/fontbox-$PDFBOX_VERSION.jar:$M2/org/apache/pdfbox/pdfbox-io/$PDFBOX_VERSION/pdfbox-io-$PDFBOX_VERSION.jar:$LOGGING"
REPORT_MONTH="$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)"
reports() { java -Dbench.code=B -cp "$CP:$PDFCP" "$REPO/bench/ReportsBench.java" "$URL" "$DBUSER" - "$@"; }
sql() { "${PSQL[@]}" -d "$PGDB" -tAc "$1"; }

log "the city: $COMMUNITIES communities of $RESIDENTS_EACH residents"
bench city "$COMMUNITIES" "$RESIDENTS_EACH"
bench reset "$HOURS"
reports snapshots "$REPORT_MONTH" | grep -v '^[a-z_]*='
FILES="$BENCH_HOME/night-files/$COMMUNITIES-$RESIDENTS_EACH-$RESIDENTS_LINES-$VOLUNTEERS"
[ -s "$FILES/residents-night.csv" ] && [ -s "$FILES/volunteers-night.csv" ] || bench files "$FILES" "$RESIDENTS_LINES" "$VOLUNTEERS"
# The file's own counts (NightBench files): line i bad when i % 100 == 99, changed when i % 10 == 3.
BAD=$(( RESIDENTS_LINES / 100 ))
CHANGED=$(( (RESIDENTS_LINES + 6) / 10 ))

drop() {   # file into the inbox, as docs/imports.md asks
  mkdir -p "$INBOX"
  cp "$1" "$INBOX/.$(basename "$1").part"
  mv "$INBOX/.$(basename "$1").part" "$INBOX/$(basename "$1")"
}

# The server with the nightly run NIGHT_MARGIN_MIN minutes ahead; the night's lease freed.
schedule_night() {
  local try
  for try in 1 2 3; do
    schedule_once && return 0
    log "the server answered too close to the night ($NIGHT_AT, try $try): once more, $NIGHT_MARGIN_MIN minutes ahead"
  done
  die "the server never answered before its night: run again with a larger NIGHT_MARGIN_MIN"
}
schedule_once() {
  NIGHT_AT="$(date -d "+$NIGHT_MARGIN_MIN min" +%H:%M)"
  sql "UPDATE node_lease SET night = NULL, holder = NULL, acquired_at = NULL WHERE name = 'nightly'" >/dev/null
  log "nightly run at $NIGHT_AT (server time); restarting the server"
  ( . "$REPO/config/server.sh"; use_port_base; use_admin_password
    gf="$WUSHE_HOME/glassfish7"
    asadmin_in "$gf" --port "$ADMIN_PORT" create-system-properties "wushe.nightly.at=${NIGHT_AT/:/\\:}" >/dev/null
    restart_and_wait "$gf" "$WUSHE_HOME/domains" wushe "$ADMIN_PORT" )
  for _ in $(seq 1 300); do
    https -sf -o /dev/null "https://localhost:$BENCH_HTTPS_PORT/wushe/login.xhtml" && break
    sleep 1
  done
  [ "$(date +%s)" -lt "$(( $(date -d "$NIGHT_AT" +%s) - 10 ))" ] || return 1
  grep -q "nightly run at $NIGHT_AT" "$WUSHE_HOME/domains/wushe/logs/server.log" \
    || die "the server did not plan the night at $NIGHT_AT; see $WUSHE_HOME/domains/wushe/logs/server.log"
  LAST_BEFORE="$(https -sf "${AUTH[@]}" "$API/jobs/executions?max=1" | jq -r '[.[].id] | max // 0')"
}

# Waits for the night: its claim, then every job of the schedule ended (the last one, reports-monthly,
# started after the claim and ended). Samples the heap and the CPU meanwhile.
follow_night() {   # label
  local label="$1" waited=0
  start_sampling
  while [ -z "$(sql "SELECT holder FROM node_lease WHERE name = 'nightly' AND holder IS NOT NULL")" ]; do
    sleep 1; waited=$((waited + 1))
    [ "$waited" -lt 600 ] || die "nobody claimed the night of $NIGHT_AT"
  done
  # the sampling starts anew at the claim (the wait before it is not the night's)
  kill "$SAMPLER" 2>/dev/null || true
  start_sampling
  LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
  local started=$SECONDS last_dump=$SECONDS
  NIGHT_T0="$(date -u +%FT%T.%3NZ)"
  log "$label: the night claimed at $NIGHT_T0 by $(sql "SELECT holder FROM node_lease WHERE name = 'nightly'")"
  while :; do
    https -sf "${AUTH[@]}" "$API/jobs/executions?max=50" | jq --argjson after "$LAST_BEFORE" '[.[] | select(.id > $after)] | sort_by(.id)' > "$WORK/night.json"
    if [ "$(jq '[.[] | select(.job == "reports-monthly" and (.status == "COMPLETED" or .status == "FAILED" or .status == "STOPPED" or .status == "ABANDONED"))] | length' "$WORK/night.json")" -gt 0 ]; then
      break
    fi
    if [ $((SECONDS - started)) -ge "$LIMIT" ]; then
      log "the night still runs after $LIMIT s; giving up"; break
    fi
    if [ $((SECONDS - last_dump)) -ge "$DUMP_EVERY" ]; then
      jcmd "$GF_PID" Thread.print > "$DUMPS/$label-$((SECONDS - started))s.txt" 2>/dev/null || true
      last_dump=$SECONDS
      log "  $((SECONDS - started)) s: $(jq -r '[.[] | "\(.job) \(.status)"] | join(", ")' "$WORK/night.json")"
    fi
    sleep 2
  done
  NIGHT_WALL=$((SECONDS - started))
  LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"
  run_figures
  cp "$WORK/night.json" "$BENCH_HOME/night-$label.json"
}

# The timeline of the night's executions: one line per job, one per step.
timeline() {   # label
  local first last
  first="$(jq -r 'map(.start) | min' "$WORK/night.json")"
  last="$(jq -r 'map(.end // empty) | max' "$WORK/night.json")"
  printf '\n  The night (%s) on %s, %s cores, %s; whole night (first start to last end) %.1f s\n' "$1" "$DBVERSION" "$(nproc)" \
    "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(echo "$(secs "$last") - $(secs "$first")" | bc -l)"
  printf '  %-28s %-9s %-9s %9s %10s %10s %9s  %s\n' "job / step" start end seconds read written "rows/s" status
  jq -r '.[] | "J|\(.job) #\(.id)|\(.start)|\(.end // "")|0|0|\(.status)", (.steps[] | "S|  \(.name)|\(.start)|\(.end // "")|\(.read)|\(.written)|\(.status)")' \
    "$WORK/night.json" | while IFS='|' read -r kind name start end read written status; do
      local s rows rate
      if [ -n "$end" ] && [ "$end" != null ]; then s="$(echo "$(secs "$end") - $(secs "$start")" | bc -l)"; else s=0; end="-"; fi
      rows=$(( read > written ? read : written ))
      if [ "$kind" = S ] && [ "$rows" -gt 0 ] && [ "$(echo "$s > 0" | bc)" = 1 ]; then rate="$(printf '%.0f' "$(echo "$rows / $s" | bc -l)")"; else rate=""; fi
      [ "$kind" = J ] && { read=""; written=""; }
      printf '  %-28s %-9s %-9s %9.1f %10s %10s %9s  %s\n' "$name" "$(date -u -d "$start" +%T)" \
        "$([ "$end" = - ] && echo - || date -u -d "$end" +%T)" "$s" "$read" "$written" "$rate" "$status"
    done
  cat <<EOT
  night followed:  ${NIGHT_WALL} s from the claim to the end of reports-monthly; cores ${JOB_BUSY}% busy meanwhile (all processes)
  load average:    $LOAD_START at the claim, $LOAD_END at the end (1, 5, 15 min)
  heap:            peak $PEAK_MB MB used, old generation at most $OLD_MB MB (jstat every second; max heap $HEAP_MAX_MB MB; $GCS)
  CPU:             server $GF_CPU s, database $DB_CPU s
EOT
  awk '$1 ~ /^[0-9.]+$/ { if (n % 30 == 0) s = s sprintf(" %.0f", $8 / 1024); n++ } END { print "  old generation MB every 30 s:" s }' "$WORK/heap"
  printf '  import runs:     '
  sql "SELECT COALESCE(string_agg(file_name || ' ' || status || ': read ' || lines_read || ', new ' || inserted || ', updated ' || updated
      || ', unchanged ' || unchanged || ', refused ' || rejected, '; ' ORDER BY id), 'none') FROM import_run
      WHERE started_at >= TIMESTAMP '$(date -u -d "$first" '+%F %T')' - INTERVAL '1 minute'"
  bench counts > "$WORK/counts"
  echo "  in SQL:          bench residents $(value residents "$WORK/counts") ($(value moved "$WORK/counts") at the changed address), their change rows $(value changes "$WORK/counts"), imported certifications $(value certifications "$WORK/counts"), service hours $(value hours "$WORK/counts") of which booked $(value booked "$WORK/counts")"
}

FAIL=0
check_night() {   # label: every job COMPLETED, the schedule's seven jobs there
  local bad n
  n="$(jq 'length' "$WORK/night.json")"
  bad="$(jq -r '[.[] | select(.status != "COMPLETED") | "\(.job) #\(.id) \(.status)"] | join(", ")' "$WORK/night.json")"
  [ "$n" -ge 7 ] || { log "FAIL ($1): $n executions in the night, the schedule has 7"; FAIL=1; }
  [ -z "$bad" ] || { log "FAIL ($1): $bad"; FAIL=1; }
}

# --- the first night -------------------------------------------------------------------------------
rm -f "$INBOX"/residents*.csv "$INBOX"/volunteers*.csv "$INBOX"/grids*.csv 2>/dev/null || true
# The month's report files of an earlier night are forgotten as current, so that the first night
# writes them all, as the first night of a month does (the second night leaves them as they are).
sql "UPDATE report_file SET source_digest = NULL WHERE report_period = '$REPORT_MONTH'" >/dev/null
"${PSQL[@]}" -d "$PGDB" -c "CHECKPOINT"
schedule_night
drop "$FILES/residents-night.csv"
drop "$FILES/volunteers-night.csv"
log "waiting in the inbox: residents-night.csv ($RESIDENTS_LINES lines: $CHANGED changed, $BAD bad), volunteers-night.csv ($VOLUNTEERS lines); $HOURS verified service hours unbooked"
follow_night first
timeline first | tee "$BENCH_HOME/night-first.txt"
check_night first
[ "$(value moved "$WORK/counts")" = "$CHANGED" ] || { log "FAIL: $(value moved "$WORK/counts") residents at the changed address, the file changed $CHANGED"; FAIL=1; }
[ "$(value booked "$WORK/counts")" = "$HOURS" ] || { log "FAIL: $(value booked "$WORK/counts") of $HOURS service hours booked"; FAIL=1; }
REPORTS_ID="$(jq -r '[.[] | select(.job == "reports-monthly") | .id] | max' "$WORK/night.json")"
reports verify "$REPORT_MONTH" "$REPORTS_ID" > "$WORK/reports" || { log "FAIL: the reports of $REPORT_MONTH: $(tr '\n' ' ' < "$WORK/reports")"; FAIL=1; }
echo "  reports ($REPORT_MONTH): $(value files "$WORK/reports") files ($(value bench_community_files "$WORK/reports") of the city's communities, $(value city_files "$WORK/reports") of the city), $(( $(value files_bytes "$WORK/reports") / 1048576 )) MB" | tee -a "$BENCH_HOME/night-first.txt"
[ "$(value certifications "$WORK/counts")" = "$VOLUNTEERS" ] || { log "FAIL: $(value certifications "$WORK/counts") imported certifications, the file has $VOLUNTEERS"; FAIL=1; }

# --- the second night: nothing new -----------------------------------------------------------------
if [ "${SECOND:-1}" = 1 ]; then
  schedule_night
  log "second night: nothing new in the inbox, every service hour booked"
  follow_night second
  timeline second | tee "$BENCH_HOME/night-second.txt"
  check_night second
  REPORTS_ID="$(jq -r '[.[] | select(.job == "reports-monthly") | .id] | max' "$WORK/night.json")"
  reports verify "$REPORT_MONTH" "$REPORTS_ID" kept > "$WORK/reports" || { log "FAIL: the reports of $REPORT_MONTH after the second night: $(tr '\n' ' ' < "$WORK/reports")"; FAIL=1; }
  echo "  reports ($REPORT_MONTH): $(value files "$WORK/reports") files, $(value files_of_this_execution "$WORK/reports") of them written again by this night (the city's two: nothing else changed)" | tee -a "$BENCH_HOME/night-second.txt"
  [ "$(value files_of_this_execution "$WORK/reports")" = 2 ] || { log "FAIL: the second night wrote $(value files_of_this_execution "$WORK/reports") report files, the city's 2 expected"; FAIL=1; }
fi
log "timelines: $BENCH_HOME/night-first.txt and night-second.txt; thread dumps: $DUMPS"
exit $FAIL
