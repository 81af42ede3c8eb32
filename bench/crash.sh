#!/usr/bin/env bash
# Crashes during the nightly settlement: the server (and, every third round, the database too) is
# killed with kill -9 at a random moment of a points-settle run, ROUNDS times; after each crash both
# are started again with their own start commands and the script checks that the application
# answers and that the very next job start is accepted. At the end one more run settles what is
# left and the ledger is verified exactly (bench/SettleBench.java verify: N transactions, 2N entries,
# no source twice, none unbooked, every transaction balanced).
#
#   bash bench/crash.sh derby            (the demo's Derby network server)
#   bash bench/crash.sh postgresql       (the private cluster of the other benchmarks)
#   ROUNDS=3 N=20000 bash bench/crash.sh derby    (a short run)
#
# A settlement that finishes between two crashes is verified exactly, its hours made again and the
# job started again, so that later kills still fall inside a running settlement.
#
# Environment: N (verified service hours to settle, default 300000), ROUNDS (crashes, default 20),
# COMMUNITIES (default 300), RESIDENTS (per community, default 100), KILL_AFTER_MIN/KILL_AFTER_MAX
# (seconds after a job start at which the kill falls, default 2 and 40), DB_EVERY (the database is
# killed too every DB_EVERY-th round, default 3), BENCH_HOME (default .wushe-bench), FRESH=1 (an
# empty database first). Derby: its own home, BENCH_HOME/crash-derby; PostgreSQL: BENCH_HOME.
# Ports as the other benchmarks (admin 4848, HTTPS 8181, Derby 1527, PostgreSQL 25433): run it with
# nothing else on the machine.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB="${1:-${DB:-derby}}"
N="${N:-300000}"
ROUNDS="${ROUNDS:-20}"
COMMUNITIES="${COMMUNITIES:-300}"
RESIDENTS="${RESIDENTS:-100}"
KILL_AFTER_MIN="${KILL_AFTER_MIN:-2}"
KILL_AFTER_MAX="${KILL_AFTER_MAX:-40}"
DB_EVERY="${DB_EVERY:-3}"
NAME=crash
PGDB=wushe
LIMIT=3600
DUMP_EVERY=100000
BENCH_HOME="${BENCH_HOME:-$REPO/.wushe-bench}"
case "$DB" in
  postgresql) export WUSHE_HOME="$BENCH_HOME" ;;
  derby) export WUSHE_HOME="$BENCH_HOME/crash-derby" ;;
  *) printf '[bench] ERROR: usage: bash bench/crash.sh derby|postgresql\n' >&2; exit 1 ;;
esac
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"
start_database_and_server
bench() { java -cp "$CP" "$REPO/bench/SettleBench.java" "$URL" "$DBUSER" - "$@"; }   # password: BENCH_DB_PASSWORD

GF="$WUSHE_HOME/glassfish7"
LOGIN="https://localhost:8181/wushe/login.xhtml"

bench city "$COMMUNITIES" "$RESIDENTS" >/dev/null
bench hours "$N" > "$WORK/hours"
[ "$(value hours "$WORK/hours")" = "$N" ] || die "expected $N bench service hours"

gf_pid() { cat "$WUSHE_HOME/domains/wushe/config/pid" 2>/dev/null || true; }
kill_database() {
  if [ "$DB" = postgresql ]; then
    kill -9 "$(head -n 1 "$DATA/postmaster.pid")"
  else
    kill -9 $(db_pids)
  fi
}
start_database() {
  if [ "$DB" = postgresql ]; then
    # The orphaned backends notice their postmaster's death and end; then PostgreSQL recovers from its WAL.
    for _ in $(seq 1 30); do pgrep -f "postgres: .*wushe" >/dev/null 2>&1 || break; sleep 1; done
    rm -f "$DATA/postmaster.pid"
    as_owner "'$PGBIN/pg_ctl' -D '$DATA' -o '-p $PGPORT -k /tmp -c listen_addresses=localhost -c shared_buffers=1GB' -l '$DATA/server.log' -w start" >/dev/null
  else
    "$GF/bin/asadmin" --interactive=false start-database --dbhost 127.0.0.1 --dbport 1527 --dbhome "$WUSHE_HOME/derby" >/dev/null
  fi
}
# Starts the domain with its own command and prints the seconds until the application answers.
start_server_after_crash() {
  local t0=$SECONDS
  "$GF/bin/asadmin" --interactive=false start-domain --domaindir "$WUSHE_HOME/domains" wushe >/dev/null 2>&1 || true
  for _ in $(seq 1 600); do
    [ "$(curl -s --cacert "$CACERT" -o /dev/null -w '%{http_code}' "$LOGIN" || true)" = 200 ] && { echo $((SECONDS - t0)); return 0; }
    sleep 1
  done
  die "the application did not answer within 600 s of its start; see $WUSHE_HOME/domains/wushe/logs/server.log"
}
# POST a job start once; prints the HTTP status.
try_start() {
  https -s -o "$WORK/start" -w '%{http_code}' "${AUTH[@]}" "${CHANGE[@]}" -H 'Content-Type: application/json' \
    -X POST -d '{}' "$API/jobs/points-settle/executions" || true
}

# Waits (at most 10 minutes) for the execution the last start made to end; prints its status.
await_started() {
  local id status=""
  id="$(jq -r .executionId "$WORK/start" 2>/dev/null || true)"
  [ -n "$id" ] && [ "$id" != null ] || { echo none; return 0; }
  for _ in $(seq 1 300); do
    status="$(https -s "${AUTH[@]}" "$API/jobs/executions/$id" | jq -r .status 2>/dev/null || true)"
    case "$status" in COMPLETED|FAILED|STOPPED|ABANDONED) echo "$status"; return 0 ;; esac
    sleep 2
  done
  echo "$status"
}

printf 'round\tkilled\tafter_s\tbooked_before\tanswer_s\tnext_start\n' > "$WORK/rounds"
log "$ROUNDS crashes during points-settle on $N sources ($DB)"
code="$(try_start)"; [ "$code" = 201 ] || [ "$code" = 200 ] || die "the first job start answered HTTP $code: $(head -c 300 "$WORK/start")"
CYCLES=0
for round in $(seq 1 "$ROUNDS"); do
  # A settlement that finished between two crashes is verified exactly, then the hours are made
  # again and the job started, so that every kill can fall inside a running settlement.
  if [ "$(bench booked | sed -n 's/^booked=//p')" = "$N" ]; then
    ended="$(await_started)"
    bench verify "$N" > "$WORK/verify.$CYCLES" || die "the ledger is not exact after settlement $((CYCLES + 1)) (its run: $ended)"
    CYCLES=$((CYCLES + 1))
    log "settlement $CYCLES done between crashes (its run $ended), ledger exact; $N hours made again"
    bench hours "$N" > /dev/null
    code="$(try_start)"; [ "$code" = 201 ] || [ "$code" = 200 ] || die "the job start after refilling answered HTTP $code"
  fi
  wait_s=$((KILL_AFTER_MIN + RANDOM % (KILL_AFTER_MAX - KILL_AFTER_MIN + 1)))
  sleep "$wait_s"
  booked="$(bench booked | sed -n 's/^booked=//p')"
  killed=server
  kill -9 "$(gf_pid)"
  if [ $((round % DB_EVERY)) = 0 ]; then kill_database; killed="server+db"; fi
  sleep 2
  [ "$killed" = server+db ] && start_database
  answer="$(start_server_after_crash)"
  code="$(try_start)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$killed" "$wait_s" "$booked" "$answer" "$code" | tee -a "$WORK/rounds"
  case "$code" in 200|201) ;; *) log "round $round: the job start after the crash answered HTTP $code: $(head -c 300 "$WORK/start")" ;; esac
done

log "the last run: settles what is left"
ID="$(jq -r .executionId "$WORK/start" 2>/dev/null || true)"
if [ -z "$ID" ] || [ "$ID" = null ]; then ID="$(start_job points-settle '{}')"; fi
while :; do
  STATUS="$(https -sf "${AUTH[@]}" "$API/jobs/executions/$ID" | jq -r .status)"
  case "$STATUS" in COMPLETED|FAILED|STOPPED|ABANDONED) break ;; esac
  sleep 2
done
if [ "$STATUS" != COMPLETED ] || [ "$(bench booked | sed -n 's/^booked=//p')" != "$N" ]; then
  # A run that had started before the last crash's restart may have booked nothing new: one more.
  ID="$(start_job points-settle '{}')"
  while :; do
    STATUS="$(https -sf "${AUTH[@]}" "$API/jobs/executions/$ID" | jq -r .status)"
    case "$STATUS" in COMPLETED|FAILED|STOPPED|ABANDONED) break ;; esac
    sleep 2
  done
fi
[ "$STATUS" = COMPLETED ] || die "the last run ended $STATUS"
bench verify "$N" | tee "$WORK/verify" || die "the ledger is not exact after the crashes"
left="$(https -sf "${AUTH[@]}" "$API/jobs/executions" | jq '[.[] | select(.job == "points-settle") | .status] | group_by(.) | map({(.[0]): length}) | add')"

refused="$(awk -F'\t' 'NR > 1 && $6 != 200 && $6 != 201' "$WORK/rounds" | wc -l)"
cat <<EOT

  Crashes during points-settle on $DBVERSION, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')
  data:            $N verified service hours of $COMMUNITIES communities
  rounds:          $ROUNDS (server killed each round; the database too every $DB_EVERY rounds), kill at ${KILL_AFTER_MIN}-${KILL_AFTER_MAX} s after a start
  answered after:  $(awk -F'\t' 'NR > 1 {print $5}' "$WORK/rounds" | sort -n | awk '{a[NR]=$1} END {printf "min %s s, median %s s, max %s s", a[1], a[int((NR+1)/2)], a[NR]}') from the start command
  next job start:  $((ROUNDS - refused)) of $ROUNDS accepted at the first try
  ledger:          $(grep -E '^(job_transactions|job_entries|sources_twice|sources_unbooked|transactions_unbalanced)=' "$WORK/verify" | tr '\n' ' ')
  settlements:     $((CYCLES + 1)) of $N hours each, every one verified exactly ($CYCLES finished between two crashes and were made again)
  kills in a run:  $(awk -F'\t' -v n="$N" 'NR > 1 && $4 < n' "$WORK/rounds" | wc -l) of $ROUNDS fell while the settlement had hours left to book
  executions:      $left (runs killed stay STARTED in the repository; docs/operations.md, "After a crash")
EOT
cat "$WORK/rounds"
[ "$refused" = 0 ] || die "$refused job starts were refused after a crash"
