#!/usr/bin/env bash
# Proof of backup and restore (not part of the CI suite; docs/operations.md, "Backup and restore").
#
#   bash bench/backup-restore.sh [derby|postgresql|both]     (default both, one after the other)
#
# For each database: starts the demo (config/server.sh run; PostgreSQL in a private cluster), makes
# report files (assessment-run, reports-monthly) and an inbox file, then keeps the application busy
# (points-settle started through the API and a stream of donations through REST) while
# config/backup.sh backup runs. The backup takes the source's figures at its own moment (Derby: in
# the transaction that runs the online backup; PostgreSQL: in the snapshot pg_dump uses), so the
# comparison is exact although the source keeps changing. Then the source stops, the backup is
# restored into a fresh database and a fresh WUSHE_HOME with the key file kept apart, and:
#   - config/backup.sh restore compares the restored database with those figures before anything
#     opens it: rows per table, both ledgers' balances per account, unbalanced transactions, the
#     fund's invariant per community, the audit chain's head, the report files' names and sha256;
#   - the application starts on it; the files are put back (restore-files, sha256 of each);
#   - through the restored application: /api/me, the audit chain verified by the auditor
#     (GET /api/audit/verification), every report file's sha256 on disk equal to its row's, one
#     report downloaded through the API with the same sha256.
# Prints a summary table; exits 1 on any difference. Leaves nothing running.
#
# Environment: BACKUP_BENCH_HOME (default /tmp/wushe-backup-bench: the installations, the backups,
# the kept key files, the PostgreSQL cluster), WUSHE_PORT_BASE (default 30400; the source and the
# restored installation run one after the other on it), PGPORT (default 25440),
# WUSHE_SOURCE_HOME_DERBY / WUSHE_SOURCE_HOME_POSTGRESQL (the source installations; default
# $BACKUP_BENCH_HOME/<db>-source), REUSE=1 (a source whose application answers is used as it is).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
H="${BACKUP_BENCH_HOME:-/tmp/wushe-backup-bench}"
export WUSHE_PORT_BASE="${WUSHE_PORT_BASE:-30400}"
PGPORT="${PGPORT:-25440}"
HTTPS_PORT=$((WUSHE_PORT_BASE + 181))
API="https://localhost:$HTTPS_PORT/wushe/api"
DEMO_PASSWORD='Wushe@2026'
DEMO_TOTP_SECRET='WUSHEDEMOADMINSECONDFACTORXYZABC'
which="${1:-both}"
case "$which" in derby|postgresql|both) ;; *) echo "usage: bash bench/backup-restore.sh [derby|postgresql|both]" >&2; exit 2 ;; esac

log() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }
command -v jq >/dev/null || die "jq is needed (apt-get install jq)"
mkdir -p "$H/backups" "$H/keys" "$H/logs"
chmod 700 "$H/keys"

SUMMARY="$H/summary.txt"
: > "$SUMMARY"
FAILED=0
result() {   # database, check, value, ok|FAIL
  printf '%-11s %-52s %-28s %s\n' "$1" "$2" "$3" "$4" >> "$SUMMARY"
  [ "$4" = ok ] || FAILED=1
}

# What runs, to be stopped at the end whatever happens (each by its own command).
RUNNING_HOME=""; RUNNING_DB=""; PG_RUNNING=""; LOAD_PID=""
PGBIN=""
as_owner() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
stop_server() {
  if [ -n "$RUNNING_HOME" ]; then
    WUSHE_HOME="$RUNNING_HOME" WUSHE_DB="$RUNNING_DB" bash "$REPO/config/server.sh" stop >/dev/null 2>&1 || true
    RUNNING_HOME=""
  fi
}
cleanup() {
  [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null || true
  stop_server
  [ -n "$PG_RUNNING" ] && as_owner "'$PGBIN/pg_ctl' -D '$H/pgdata' -m fast -w stop" >/dev/null 2>&1 || true
}
trap cleanup EXIT

start_pg() {
  if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  if [ ! -f "$H/pgdata/PG_VERSION" ]; then
    mkdir -p "$H/pgdata"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$H/pgdata"
    as_owner "'$PGBIN/initdb' -D '$H/pgdata' -U wushe --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  fi
  as_owner "'$PGBIN/pg_ctl' -D '$H/pgdata' -o '-p $PGPORT -k /tmp -c listen_addresses=localhost' -l '$H/pgdata/server.log' -w start" >/dev/null
  PG_RUNNING=yes
}
psql_on() { "$PGBIN/psql" -h localhost -p "$PGPORT" -U wushe -X -q -v ON_ERROR_STOP=1 "$@"; }
fresh_pg_database() {   # name
  psql_on -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1 ENCODING 'UTF8'" >/dev/null
}

# config/server.sh run for the given home and database (the PostgreSQL demo needs its permission).
run_server() {   # home, derby|postgresql, pg database
  local home="$1" db="$2" pgdb="${3:-}" out="$H/logs/$(basename "$1")-run.log"
  local env=(WUSHE_HOME="$home")
  [ "$db" = postgresql ] && env+=(WUSHE_DB=postgresql WUSHE_DEMO_ON_POSTGRESQL=yes
    WUSHE_PG_URL="jdbc:postgresql://localhost:$PGPORT/$pgdb" WUSHE_PG_USER=wushe WUSHE_PG_PASSWORD=wushe)
  RUNNING_HOME="$home"; RUNNING_DB="$db"
  CACERT="$home/domains/wushe/config/wushe-https.pem"
  if [ "${REUSE:-0}" = 1 ] && [ -f "$CACERT" ] && https -f -o /dev/null "https://localhost:$HTTPS_PORT/wushe/login.xhtml"; then
    log "REUSE=1: the demo of $home answers; used as it is"
    return 0
  fi
  local started=$SECONDS
  env "${env[@]}" AS_START_TIMEOUT="${AS_START_TIMEOUT:-900000}" bash "$REPO/config/server.sh" run > "$out" 2>&1 \
    || { tail -n 5 "$out" >&2; die "config/server.sh run failed for $home; see $out"; }
  log "the demo of $home is up ($((SECONDS - started)) s)"
  CACERT="$home/domains/wushe/config/wushe-https.pem"
}

https() { curl -s --cacert "$CACERT" "$@"; }
as_user() { local u="$1"; shift; https -u "$u:$DEMO_PASSWORD" "$@"; }
change() { local u="$1"; shift; as_user "$u" -H 'X-Requested-With: bench' -H 'Content-Type: application/json' "$@"; }
totp() { java "$REPO/config/BackupFigures.java" totp "$DEMO_TOTP_SECRET"; }

start_job() {   # name, JSON parameters; prints the execution id
  change operator -f -X POST -d "$2" "$API/jobs/$1/executions" | jq -r .executionId
}
wait_job() {   # execution id; prints its final status
  local status=""
  for _ in $(seq 1 600); do
    status=$(as_user operator -f "$API/jobs/executions/$1" | jq -r '.batchStatus // .status')
    case "$status" in COMPLETED|FAILED|STOPPED|ABANDONED) break ;; esac
    sleep 1
  done
  printf '%s' "$status"
}

# Donations to C001 through REST, one after the other, until stopped; each answer's code is kept.
load() {   # file for the answer codes
  local n=0
  while :; do
    n=$((n + 1))
    change cadre1 -o /dev/null -w '%{http_code}\n' -X POST "$API/fund/C001/donations" \
      -d "{\"donorKind\":\"MERCHANT\",\"donorName\":\"备份演练商户\",\"amountFen\":$((100 + n)),\"receiptNo\":\"BK$$-$n\",\"restriction\":\"NONE\",\"namedPublicly\":false}" \
      >> "$1" || true
  done
}

prove() {   # derby|postgresql
  local db="$1" src dst="$H/$1-restored" srcdb=wushe dstdb=wushe_restored
  src=$(eval "printf '%s' \"\${WUSHE_SOURCE_HOME_${1^^}:-$H/$1-source}\"")
  log "===== $db ====="
  rm -rf "$dst"
  local pgenv=()
  if [ "$db" = postgresql ]; then
    start_pg
    psql_on -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$srcdb'" | grep -q 1 \
      || psql_on -d postgres -c "CREATE DATABASE $srcdb ENCODING 'UTF8'" >/dev/null
    pgenv=(WUSHE_PG_URL="jdbc:postgresql://localhost:$PGPORT/$srcdb" WUSHE_PG_USER=wushe WUSHE_PG_PASSWORD=wushe)
  fi
  run_server "$src" "$db" "$srcdb"
  # Report files and an inbox file, so the files are part of what is proven.
  local month id status
  month=$(date +%Y-%m)
  id=$(start_job assessment-run '{}'); status=$(wait_job "$id")
  log "assessment-run $id: $status"
  id=$(start_job reports-monthly "{\"month\":\"$month\"}"); status=$(wait_job "$id")
  log "reports-monthly $id ($month): $status"
  result "$db" "reports-monthly before the backup" "$status" "$([ "$status" = COMPLETED ] && echo ok || echo FAIL)"
  local inbox="$src/domains/wushe/wushe-inbox"
  mkdir -p "$inbox/uploads"
  printf 'name,note\n备份,%s\n' "$(date -u +%FT%TZ)" > "$inbox/uploads/backup-drill.csv"

  # Busy: the nightly settlement and donations through REST while the backup runs.
  local codes="$H/logs/$db-load-codes"
  : > "$codes"
  load "$codes" & LOAD_PID=$!
  sleep 3
  local settle; settle=$(start_job points-settle '{}')
  log "points-settle $settle started; donations going on; backing up"
  local started=$SECONDS out backup_s
  out=$(env WUSHE_HOME="$src" WUSHE_DB="$db" "${pgenv[@]}" WUSHE_BACKUP_KEY_TO="$H/keys/$db-$(date -u +%Y%m%dT%H%M%SZ).keys" \
        bash "$REPO/config/backup.sh" backup "$H/backups" 2> "$H/logs/$db-backup.log") \
    || { cat "$H/logs/$db-backup.log" >&2; die "the backup failed"; }
  backup_s=$((SECONDS - started))
  local backup; backup=$(printf '%s\n' "$out" | tail -n 1)
  sleep 3
  kill "$LOAD_PID"; wait "$LOAD_PID" 2>/dev/null || true; LOAD_PID=""
  status=$(wait_job "$settle")
  local during; during=$(grep -c '^201$' "$codes" || true)
  log "backup $backup in $backup_s s; $during donations booked while it ran; points-settle: $status"
  result "$db" "backup while busy: command / database part (s)" "$backup_s / $(sed -n 's/^took.databaseSeconds //p' "$backup/manifest.txt")" ok
  result "$db" "backup size: database / files (bytes)" "$(sed -n 's/^part\.database\.[a-z.]*\.bytes //p' "$backup/manifest.txt") / $(sed -n 's/^part\.files\.tar\.gz\.bytes //p' "$backup/manifest.txt")" ok
  result "$db" "donations booked during the load (HTTP 201)" "$during of $(grep -c '' "$codes")" \
    "$([ "$during" -gt 0 ] && echo ok || echo FAIL)"
  result "$db" "points-settle during the backup" "$status" "$([ "$status" = COMPLETED ] && echo ok || echo FAIL)"
  local key; key=$(sed -n 's/^keys.backup copied to \(.*\) (owner-only)$/\1/p' "$backup/manifest.txt")
  result "$db" "key file kept apart, mode" "$(stat -c %a "$key")" "$([ "$(stat -c %a "$key")" = 600 ] && echo ok || echo FAIL)"
  stop_server

  # Restore into a fresh database and home, with the key file kept apart.
  local renv=(WUSHE_HOME="$dst" WUSHE_DB="$db" WUSHE_RESTORE_KEY_FROM="$key")
  if [ "$db" = postgresql ]; then
    fresh_pg_database "$dstdb"
    renv+=(WUSHE_PG_URL="jdbc:postgresql://localhost:$PGPORT/$dstdb" WUSHE_PG_USER=wushe WUSHE_PG_PASSWORD=wushe)
  else
    renv+=(WUSHE_DERBY_LIB="$src/glassfish7/javadb/lib")
  fi
  started=$SECONDS
  local rc=0
  env "${renv[@]}" bash "$REPO/config/backup.sh" restore "$backup" > "$H/logs/$db-restore.log" 2>&1 || rc=$?
  local restore_s=$((SECONDS - started))
  cat "$H/logs/$db-restore.log" >&2
  result "$db" "restore: every figure equal to the source's (s)" "$restore_s" "$([ $rc = 0 ] && echo ok || echo FAIL)"
  for f in $(grep -E '^(fund\.invariantBroken|fund\.held|fund\.balances\.count|points\.balances\.count|points\.balances\.sum|audit\.chainHead|reports\.files\.count) ' "$backup/figures.txt" | cut -d' ' -f1); do
    local v; v=$(sed -n "s/^${f//./\\.} //p" "$backup/figures.txt")
    result "$db" "  $f" "${v:0:28}" "$(grep -q "^$f .* ok$" "$H/logs/$db-restore.log" && echo ok || echo FAIL)"
  done
  result "$db" "  tables compared, rows in all" "$(grep -c '^rows\.' "$backup/figures.txt") / $(awk '/^rows\./ {s += $2} END {print s}' "$backup/figures.txt")" \
    "$([ $rc = 0 ] && echo ok || echo FAIL)"

  # The application on the restored copy.
  started=$SECONDS
  run_server "$dst" "$db" "$dstdb"
  result "$db" "restored application started (s)" "$((SECONDS - started))" ok
  env "${renv[@]}" bash "$REPO/config/backup.sh" restore-files "$backup" > "$H/logs/$db-restore-files.log" 2>&1 \
    && result "$db" "report and inbox files back, sha256 each" "$(grep -c '' "$backup/files.sha256") files" ok \
    || result "$db" "report and inbox files back, sha256 each" "see $db-restore-files.log" FAIL
  local code; code=$(as_user operator -o /dev/null -w '%{http_code}' "$API/me")
  result "$db" "GET /api/me on the restored copy" "$code" "$([ "$code" = 200 ] && echo ok || echo FAIL)"
  local verification head intact good
  verification=$(as_user auditor -H "X-Wushe-Otp: $(totp)" "$API/audit/verification")
  head=$(sed -n 's/^audit\.chainHead \([0-9]*\):.*/\1/p' "$backup/figures.txt")
  intact=$(printf '%s' "$verification" | jq -r '.chain.intact' 2>/dev/null || echo "no answer")
  good=$(printf '%s' "$verification" | jq -r '.chain.lastGoodSeq' 2>/dev/null || echo 0)
  result "$db" "audit chain verified on the restored copy" "intact $intact, $good entries" \
    "$([ "$intact" = true ] && [ "${good:-0}" -ge "${head:-0}" ] && echo ok || echo FAIL)"
  # Each report row's file on disk, and one through the API.
  local rows bad=0 n=0 rid path sum first=""
  rows=$(report_rows "$db" "$dst" "$dstdb")
  while IFS=$'\t' read -r rid path sum; do
    [ -n "$rid" ] || continue
    n=$((n + 1)); [ -n "$first" ] || first="$rid:$sum"
    [ -f "$path" ] && [ "$(sha256sum "$path" | cut -d' ' -f1)" = "$sum" ] || { bad=$((bad + 1)); log "report $rid: $path missing or different"; }
  done <<< "$rows"
  result "$db" "report files: sha256 on disk = row's" "$((n - bad)) of $n" "$([ $bad = 0 ] && [ $n -gt 0 ] && echo ok || echo FAIL)"
  local got=""
  [ -n "$first" ] && got=$(as_user operator "$API/reports/${first%%:*}/content" | sha256sum | cut -d' ' -f1)
  result "$db" "a report downloaded through the API, sha256" "${got:0:12}…" "$([ -n "$first" ] && [ "$got" = "${first#*:}" ] && echo ok || echo FAIL)"
  stop_server
  if [ "$db" = postgresql ]; then
    as_owner "'$PGBIN/pg_ctl' -D '$H/pgdata' -m fast -w stop" >/dev/null; PG_RUNNING=""
  fi
  printf '%s\n' "$backup" > "$H/$db-last-backup"
}

# The report rows of the restored database: id, path, sha256 (through the backup tool's driver).
report_rows() {   # db, home, pg database
  local cp url user pw=""
  if [ "$1" = derby ]; then
    cp="$2/glassfish7/javadb/lib/derbyclient.jar:$2/glassfish7/javadb/lib/derbyshared.jar"
    url="jdbc:derby://127.0.0.1:$((WUSHE_PORT_BASE + 27))/wushe"; user=wushe
    pw=$(sed -n 's/^derby\.user\.wushe=//p' "$2/derby/derby.properties")
  else
    cp="$REPO/ear/target/jdbc/postgresql.jar"; url="jdbc:postgresql://localhost:$PGPORT/$3"; user=wushe; pw=wushe
  fi
  WUSHE_BACKUP_DB_PASSWORD="$pw" java -cp "$cp" "$REPO/config/BackupFigures.java" rows "$url" "$user" \
    "SELECT id, file_path, sha256 FROM report_file ORDER BY id"
}

case "$which" in
  both) prove derby; prove postgresql ;;
  *) prove "$which" ;;
esac
{
  printf '\nBackup and restore, %s (WUSHE_PORT_BASE %s)\n' "$(date -u +%FT%TZ)" "$WUSHE_PORT_BASE"
  printf '%-11s %-52s %-28s %s\n' database check value result
  cat "$SUMMARY"
} | tee "$H/summary-last.txt"
[ $FAILED = 0 ] || die "a check failed (above)"
log "every check passed"
