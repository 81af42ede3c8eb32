#!/usr/bin/env bash
# Wushe backup and restore, while the application runs (docs/operations.md, "Backup and restore").
#
#   bash config/backup.sh backup <target dir>
#       A backup of the installation in WUSHE_HOME (its database, its report files and import inbox)
#       into a new directory <target dir>/wushe-<db>-<UTC time>, with manifest.txt (time, sizes,
#       sha256 of every part) and figures.txt (the source's figures at the backup's moment: rows per
#       table, ledger balances per account, the fund's invariant, the audit chain's head, the report
#       files). PostgreSQL: pg_dump -Fc in an exported snapshot, the figures taken in the same
#       snapshot (nobody waits). Derby: SYSCS_UTIL.SYSCS_BACKUP_DATABASE through the network server,
#       the figures taken in the same transaction, which holds a share lock on every table while
#       the copy runs (readers go on; writers wait for it).
#       The personal-data key file is NOT in the backup: WUSHE_BACKUP_KEY_TO=<file> copies it into a
#       separate owner-only file (keep it apart from the backups, docs/security.md), else the
#       backup names the file that must be kept.
#   bash config/backup.sh restore <backup dir>
#       Into a FRESH database: Derby, $WUSHE_HOME/derby/wushe (must not exist; createFrom= of the
#       backup copy); PostgreSQL, the empty database of WUSHE_PG_URL (create it first: createdb).
#       Checks every part's sha256 first, then compares the restored database's figures with
#       figures.txt (a table; exit 1 on any difference). The key file from WUSHE_RESTORE_KEY_FROM
#       goes to WUSHE_DATA_KEY_FILE, else the domain's config/wushe-data.keys, else (no domain yet)
#       $WUSHE_HOME/wushe-data.keys.kept, which config/server.sh run takes into the domain it makes.
#       Report rows are pointed at the reports directory of the new place; the files are put back
#       when that directory's installation exists, else by restore-files after the server started.
#   bash config/backup.sh restore-files <backup dir>
#       Puts the report files and the inbox back (WUSHE_REPORTS_DIR, WUSHE_INBOX_DIR, else the
#       running server's settings) and checks each file's sha256.
#   bash config/backup.sh figures
#       The figures of the installation's database now (e.g. of a restored copy after its start).
#
# Environment as config/server.sh: WUSHE_HOME, WUSHE_PORT_BASE; WUSHE_DB (derby or postgresql;
# by default what the domain's pool uses); PostgreSQL: WUSHE_PG_URL, WUSHE_PG_USER and
# WUSHE_PG_PASSWORD or WUSHE_PG_PASSWORD_FILE (the role that dumps or restores: the owner role in
# production). WUSHE_REPORTS_DIR, WUSHE_INBOX_DIR, WUSHE_DATA_KEY_FILE override what the running
# server says. WUSHE_RESTORE_NO_OWNER=yes restores PostgreSQL objects owned by the restoring role.
set -euo pipefail

# config/server.sh's functions and settings (ports, asadmin, the Derby password); it does nothing
# when sourced.
# shellcheck source=config/server.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/server.sh"
log() { printf '[backup] %s\n' "$*" >&2; }
die() { printf '[backup] ERROR: %s\n' "$*" >&2; exit 1; }

GF="$WUSHE_HOME/glassfish7"
DOMAIN_DIR="$WUSHE_HOME/domains/$DOMAIN"
FIGURES_JAVA="$REPO/config/BackupFigures.java"
# The demo's and production's domains want the admin password that config/server.sh generated.
[ -f "$ADMIN_PASSWORD_FILE" ] && use_admin_password

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

# The JDBC drivers: Derby's from the GlassFish of WUSHE_HOME (javadb; WUSHE_DERBY_LIB names another
# directory holding derby*.jar, e.g. for a restore before the new installation has its server),
# PostgreSQL's from the build.
classpath() {
  local cp="" j
  local lib="${WUSHE_DERBY_LIB:-$GF/javadb/lib}"
  for j in "$lib"/derby.jar "$lib"/derbyshared.jar "$lib"/derbyclient.jar "$lib"/derbytools.jar \
           "$REPO/ear/target/jdbc/postgresql.jar" "$DOMAIN_DIR/lib/postgresql.jar"; do
    [ -f "$j" ] && cp="$cp:$j"
  done
  [ -n "$cp" ] || die "no JDBC driver found: build first (mvn -B package) and install the server (config/server.sh run or install)"
  printf '%s' "${cp#:}"
}
figures_tool() { java -cp "$(classpath)" "$FIGURES_JAVA" "$@"; }

server_running() { [ -x "$GF/bin/asadmin" ] && domain_running "$GF" "$WUSHE_HOME/domains"; }

# A setting as the application reads it (org.wushe.shared.Installation): the server's system
# property or -D option, else the file named by wushe.config; empty when none.
# Read once by each command (in the main shell, so the callers' $(...) see it): each asadmin call
# takes seconds on a busy machine.
load_settings() {
  SERVER_SETTINGS=""
  if server_running; then
    SERVER_SETTINGS=$(asadmin_in "$GF" --port "$ADMIN_PORT" list-system-properties 2>/dev/null || true)
    SERVER_SETTINGS+=$'\n'$(asadmin_in "$GF" --port "$ADMIN_PORT" list-jvm-options 2>/dev/null | sed -n 's/^-D//p' || true)
  fi
}
server_setting() {   # key
  local key="$1" v="" cfg=""
  [ -n "${SERVER_SETTINGS+x}" ] || load_settings
  v=$(printf '%s\n' "$SERVER_SETTINGS" | sed -n "s/^${key//./\\.}=//p" | head -n 1)
  if [ -z "$v" ]; then
    cfg=$(printf '%s\n' "$SERVER_SETTINGS" | sed -n 's/^wushe\.config=//p' | head -n 1)
    [ -n "$cfg" ] && [ -f "$cfg" ] && v=$(sed -n "s/^${key//./\\.}=[[:space:]]*//p" "$cfg" | tail -n 1)
  fi
  printf '%s' "$v"
}

# The reports directory, the inbox and the key file of the installation (the environment first).
data_dir() {
  local d; d=$(server_setting wushe.data.dir)
  printf '%s' "${d:-$DOMAIN_DIR}"
}
reports_dir() { local d="${WUSHE_REPORTS_DIR:-$(server_setting wushe.reports.dir)}"; printf '%s' "${d:-$(data_dir)/wushe-reports}"; }
inbox_dir() { local d="${WUSHE_INBOX_DIR:-$(server_setting wushe.import.inbox)}"; printf '%s' "${d:-$(data_dir)/wushe-inbox}"; }
key_file() { local k="${WUSHE_DATA_KEY_FILE:-$(server_setting wushe.data.keyFile)}"; printf '%s' "${k:-$DOMAIN_DIR/config/wushe-data.keys}"; }

# Which database: WUSHE_DB, else the domain's pool.
database_kind() {
  if [ -n "${WUSHE_DB:-}" ]; then printf '%s' "$WUSHE_DB"; return; fi
  server_running || die "the server of $WUSHE_HOME is not running: start it, or say WUSHE_DB=derby|postgresql"
  case "$(pool_class "$GF")" in
    org.postgresql.*) printf postgresql ;;
    org.apache.derby.*) printf derby ;;
    *) die "cannot tell the database of $WUSHE_HOME's pool; say WUSHE_DB=derby|postgresql" ;;
  esac
}

# The connection: URL, user, and the password exported to the Java tool (never an argument).
connect() {   # kind
  if [ "$1" = derby ]; then
    [ -f "$DERBY_PROPERTIES" ] || die "no $DERBY_PROPERTIES: is $WUSHE_HOME a demo installation on Derby?"
    DB_URL="jdbc:derby://127.0.0.1:$DERBY_PORT/wushe"
    DB_USER=wushe
    WUSHE_BACKUP_DB_PASSWORD=$(derby_password)
  else
    DB_URL="${WUSHE_PG_URL:?WUSHE_PG_URL (jdbc:postgresql://host:5432/db) is needed}"
    DB_USER="${WUSHE_PG_USER:?WUSHE_PG_USER is needed}"
    if [ -n "${WUSHE_PG_PASSWORD_FILE:-}" ]; then
      WUSHE_BACKUP_DB_PASSWORD=$(head -n 1 "$WUSHE_PG_PASSWORD_FILE")
    else
      WUSHE_BACKUP_DB_PASSWORD="${WUSHE_PG_PASSWORD:-}"
    fi
    local rest="${DB_URL#jdbc:postgresql://}"
    PG_DB="${rest#*/}"; PG_DB="${PG_DB%%\?*}"
    PG_HOST="${rest%%/*}"; PG_PORT=5432
    case "$PG_HOST" in *:*) PG_PORT="${PG_HOST##*:}"; PG_HOST="${PG_HOST%:*}" ;; esac
    export PGPASSWORD="$WUSHE_BACKUP_DB_PASSWORD"
  fi
  export WUSHE_BACKUP_DB_PASSWORD
}

sha() { sha256sum "$1" | cut -d' ' -f1; }
bytes() { stat -c %s "$1"; }

cmd_backup() {
  local target="${1:-}"
  [ -n "$target" ] || usage
  command -v java >/dev/null || die "java (17) is needed on the PATH"
  local kind; kind=$(database_kind)
  connect "$kind"
  local stamp; stamp=$(date -u +%Y%m%dT%H%M%SZ)
  local out="$target/wushe-$kind-$stamp"
  mkdir -p "$target"
  (umask 077; mkdir "$out") || die "cannot make $out"
  local reports inbox keys
  reports=$(reports_dir); inbox=$(inbox_dir); keys=$(key_file)
  log "backing up $kind of $WUSHE_HOME into $out"
  local started=$SECONDS t_db
  if [ "$kind" = derby ]; then
    # The network server writes the copy: a directory it can write, then packed.
    figures_tool derby-backup "$DB_URL" "$DB_USER" "$out/derby" > "$out/figures.txt" \
      || die "Derby's online backup failed (see above)"
    tar -C "$out/derby" -czf "$out/database.tar.gz" wushe
    rm -rf "${out:?}/derby"
  else
    command -v pg_dump >/dev/null || die "pg_dump (PostgreSQL's client) is needed on the PATH"
    figures_tool pg-snapshot "$DB_URL" "$DB_USER" \
      pg_dump -h "$PG_HOST" -p "$PG_PORT" -U "$DB_USER" -d "$PG_DB" -Fc --snapshot={snapshot} -f "$out/database.dump" \
      > "$out/figures.txt" || die "pg_dump failed (see above)"
  fi
  t_db=$((SECONDS - started))
  # The files after the database: a report whose row is in the copy was put in place when its
  # transaction committed, so it is on disk by now.
  local staged="$out/files"
  mkdir -p "$staged"
  [ -d "$reports" ] && cp -a "$reports" "$staged/reports" || mkdir -p "$staged/reports"
  [ -d "$inbox" ] && cp -a "$inbox" "$staged/inbox" || mkdir -p "$staged/inbox"
  (cd "$staged" && find . -type f ! -name '.*.tmp' -print0 | sort -z | xargs -0 -r sha256sum) > "$out/files.sha256"
  tar -C "$staged" -czf "$out/files.tar.gz" reports inbox
  rm -rf "${staged:?}"
  local db_file=database.dump
  [ "$kind" = derby ] && db_file=database.tar.gz
  local key_note
  if [ -n "${WUSHE_BACKUP_KEY_TO:-}" ]; then
    [ -f "$keys" ] || die "no key file at $keys (set WUSHE_DATA_KEY_FILE)"
    case "$(realpath -m "$WUSHE_BACKUP_KEY_TO")" in "$(realpath -m "$target")"/*)
      die "WUSHE_BACKUP_KEY_TO must lie outside the backups' directory $target: the keys are kept apart from the data" ;; esac
    (umask 077; cp "$keys" "$WUSHE_BACKUP_KEY_TO"); chmod 600 "$WUSHE_BACKUP_KEY_TO"
    key_note="copied to $WUSHE_BACKUP_KEY_TO (owner-only)"
  elif [ -f "$keys" ]; then
    key_note="NOT copied: keep $keys apart from this backup"
  else
    key_note="NOT copied, and not found at $keys: keep the file wushe.data.keyFile names apart from this backup"
  fi
  {
    printf 'kind %s\nmade %s\nsource.home %s\nsource.url %s\n' "$kind" "$stamp" "$WUSHE_HOME" "$DB_URL"
    printf 'source.reportsDir %s\nsource.inboxDir %s\n' "$reports" "$inbox"
    printf 'took.databaseSeconds %s\ntook.totalSeconds %s\n' "$t_db" "$((SECONDS - started))"
    local f
    for f in "$db_file" files.tar.gz figures.txt files.sha256; do
      printf 'part.%s.bytes %s\npart.%s.sha256 %s\n' "$f" "$(bytes "$out/$f")" "$f" "$(sha "$out/$f")"
    done
    [ -f "$keys" ] && printf 'keys.sha256 %s\nkeys.ids %s\n' "$(sha "$keys")" "$(sed -n 's/^aes\.\([^=]*\)=.*/\1/p' "$keys" | tr '\n' ' ')"
    printf 'keys.file %s\nkeys.backup %s\n' "$keys" "$key_note"
  } > "$out/manifest.txt"
  chmod -R go-rwx "$out"
  log "done in $((SECONDS - started)) s (database $t_db s): $out"
  log "$(grep -c '' "$out/files.sha256") files; database $(bytes "$out/$db_file") bytes; $(grep -c '^rows\.' "$out/figures.txt") tables"
  log "the personal-data key file is $key_note; without it a restored copy cannot read ID numbers and phones"
  printf '%s\n' "$out"
}

manifest() { sed -n "s/^${1//./\\.} //p" "$BACKUP/manifest.txt"; }

check_parts() {
  [ -f "$BACKUP/manifest.txt" ] || die "no manifest.txt in $BACKUP"
  local part want
  for part in $(sed -n 's/^part\.\(.*\)\.sha256 .*/\1/p' "$BACKUP/manifest.txt"); do
    want=$(manifest "part.$part.sha256")
    [ -f "$BACKUP/$part" ] || die "the backup lacks $part"
    [ "$(sha "$BACKUP/$part")" = "$want" ] || die "$part is damaged: its sha256 differs from the manifest's"
  done
  log "every part of $BACKUP matches its sha256"
}

# Prints the comparison table of two figure files; returns 1 when any figure differs or the fund's
# invariant or a ledger's balance is broken in either.
compare_figures() {   # expected file, actual file, label of actual
  local exp="$1" act="$2" label="$3" bad=0 key e a mark
  printf '%-44s %-20s %-20s %s\n' figure "at the backup" "$label" "" >&2
  for key in $(cut -d' ' -f1 "$exp" "$act" | sort -u); do
    e=$(sed -n "s/^${key//./\\.} //p" "$exp"); a=$(sed -n "s/^${key//./\\.} //p" "$act")
    mark=ok
    [ "$e" = "$a" ] || { mark=DIFFERS; bad=1; }
    case "$key" in fund.invariantBroken|fund.unbalancedTransactions|points.unbalancedTransactions)
      [ "$e" = 0 ] && [ "$a" = 0 ] || { mark="$mark BROKEN"; bad=1; } ;; esac
    printf '%-44s %-20s %-20s %s\n' "$key" "${e:0:20}" "${a:0:20}" "$mark" >&2
  done
  return $bad
}

# The key file to its place (see the usage), checked against the manifest.
restore_keys() {
  local from="${WUSHE_RESTORE_KEY_FROM:-}" to
  if [ -z "$from" ]; then
    log "WARNING: no WUSHE_RESTORE_KEY_FROM: the restored installation needs the key file the backup names ($(manifest keys.file)), else it cannot read ID numbers and phones"
    return 0
  fi
  [ -f "$from" ] || die "no key file at $from"
  local want; want=$(manifest keys.sha256)
  [ -z "$want" ] || [ "$(sha "$from")" = "$want" ] || die "$from is not the key file of this backup (its sha256 differs)"
  if [ -n "${WUSHE_DATA_KEY_FILE:-}" ]; then to="$WUSHE_DATA_KEY_FILE"
  elif [ -d "$DOMAIN_DIR" ]; then to="$DOMAIN_DIR/config/wushe-data.keys"
  else to="$WUSHE_HOME/wushe-data.keys.kept"
  fi
  if [ -f "$to" ] && ! cmp -s "$from" "$to"; then
    die "$to exists and holds other keys; move it away first (data written under it would become unreadable)"
  fi
  mkdir -p "$(dirname "$to")"
  (umask 077; cp "$from" "$to"); chmod 600 "$to"
  log "personal-data keys restored to $to"
}

cmd_restore() {
  BACKUP="${1:-}"
  [ -n "$BACKUP" ] && [ -d "$BACKUP" ] || usage
  check_parts
  local kind; kind=$(manifest kind)
  [ -z "${WUSHE_DB:-}" ] || [ "$WUSHE_DB" = "$kind" ] || die "the backup is of $kind, not $WUSHE_DB"
  local started=$SECONDS work restored
  RESTORE_WORK=$(mktemp -d); work="$RESTORE_WORK"; restored="$work/figures.txt"
  trap 'rm -rf "$RESTORE_WORK"' EXIT
  local reports; reports="${WUSHE_REPORTS_DIR:-$(reports_dir)}"
  case "$reports" in *"'"*) die "a reports directory with a quote in its name is not supported" ;; esac
  # The report rows name their files by absolute path (<reports dir>/<period>/<file name>): point
  # them into the reports directory of the new place.
  local repoint="UPDATE report_file SET file_path = '${reports%/}/' || report_period || '/' || file_name"
  if [ "$kind" = derby ]; then
    local db="$WUSHE_HOME/derby/wushe"
    [ ! -e "$db" ] || die "$db exists: a restore goes into a fresh database (another WUSHE_HOME, or move it away)"
    mkdir -p "$WUSHE_HOME/derby"
    tar -C "$work" -xzf "$BACKUP/database.tar.gz"
    # Embedded, before any server opens it: the figures of exactly what was restored, then the
    # report rows pointed at their new place, then shut down.
    (cd "$work" && WUSHE_BACKUP_DB_PASSWORD='' java -Dderby.system.home="$work" -cp "$(classpath)" "$FIGURES_JAVA" \
      derby-restore "$db" wushe "$work/wushe" "$repoint") > "$restored" || die "Derby could not create $db from the backup"
    log "Derby database restored to $db"
  else
    connect postgresql
    command -v pg_restore >/dev/null || die "pg_restore (PostgreSQL's client) is needed on the PATH"
    local tables
    tables=$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$DB_USER" -d "$PG_DB" -X -qtA \
      -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()") \
      || die "cannot connect to $DB_URL as $DB_USER: create the empty database first (createdb -O <owner> $PG_DB)"
    [ "$tables" = 0 ] || die "$DB_URL holds $tables tables: a restore goes into a fresh, empty database"
    local opts=(--exit-on-error --single-transaction)
    [ "${WUSHE_RESTORE_NO_OWNER:-}" = yes ] && opts+=(--no-owner --no-privileges)
    pg_restore "${opts[@]}" -h "$PG_HOST" -p "$PG_PORT" -U "$DB_USER" -d "$PG_DB" "$BACKUP/database.dump" \
      || die "pg_restore failed (see above); drop and create the database again before another try"
    log "PostgreSQL database restored into $DB_URL"
    figures_tool figures "$DB_URL" "$DB_USER" > "$restored"
    figures_tool sql "$DB_URL" "$DB_USER" "$repoint"
  fi
  log "report rows now point into $reports"
  restore_keys
  local rc=0
  compare_figures "$BACKUP/figures.txt" "$restored" restored || rc=$?
  cp "$restored" "$BACKUP/restored-figures-$(date -u +%Y%m%dT%H%M%SZ).txt" 2>/dev/null || true
  if [ -d "$(dirname "$reports")" ] && [ -d "$DOMAIN_DIR" ]; then
    cmd_restore_files "$BACKUP"
  else
    log "the files wait: start the server on the restored database, then: bash config/backup.sh restore-files $BACKUP"
  fi
  log "restore done in $((SECONDS - started)) s"
  [ $rc = 0 ] || die "the restored database differs from the source at the backup's moment (table above)"
  log "the restored database equals the source at the backup's moment: every figure above"
}

cmd_restore_files() {
  BACKUP="${1:-}"
  [ -n "$BACKUP" ] && [ -d "$BACKUP" ] || usage
  [ -f "$BACKUP/files.tar.gz" ] || die "no files.tar.gz in $BACKUP"
  local reports inbox work
  reports=$(reports_dir); inbox=$(inbox_dir)
  work=$(mktemp -d)
  tar -C "$work" -xzf "$BACKUP/files.tar.gz"
  (cd "$work" && sha256sum --quiet -c "$BACKUP/files.sha256") || { rm -rf "$work"; die "files.tar.gz does not match files.sha256"; }
  mkdir -p "$reports" "$inbox"
  cp -a "$work/reports/." "$reports/"
  cp -a "$work/inbox/." "$inbox/"
  rm -rf "$work"
  # Every file back in its place with its sha256.
  local bad=0 n=0 sum name
  while read -r sum name; do
    n=$((n + 1))
    case "$name" in ./reports/*) name="$reports/${name#./reports/}" ;; ./inbox/*) name="$inbox/${name#./inbox/}" ;; esac
    [ "$(sha "$name")" = "$sum" ] || { log "DIFFERS: $name"; bad=1; }
  done < "$BACKUP/files.sha256"
  [ $bad = 0 ] || die "restored files differ from the backup"
  log "$n files restored into $reports and $inbox, each sha256 as in the backup"
}

cmd_figures() {
  local kind; kind=$(database_kind)
  connect "$kind"
  figures_tool figures "$DB_URL" "$DB_USER"
}

case "${1:-}" in backup|restore|restore-files) load_settings ;; esac
case "${1:-}" in
  backup) shift; cmd_backup "$@" ;;
  restore) shift; cmd_restore "$@" ;;
  restore-files) shift; cmd_restore_files "$@" ;;
  figures) cmd_figures ;;
  *) usage ;;
esac
