#!/usr/bin/env bash
# One EAR on three servers, proven: builds ear/target/wushe.ear once (or takes the one there),
# prints its sha256, fetches each server through Maven, configures it with what lives in config/,
# deploys the SAME file, runs the smoke suite (config/smoke.sh) against it, stops the server and the
# database, and prints a summary line per server and database.
#
#   bash config/portability.sh <glassfish|payara|wildfly|all> [derby|postgresql|both]
#
# Each run starts from a fresh domain or server configuration and a fresh database (the demo city,
# -Dwushe.demo=true, published passwords: never for real data). Exits non-zero on any failure.
#
# Environment:
#   WUSHE_PORTABILITY_HOME   where the servers and their data go (default <repo>/.wushe-portability)
#   WUSHE_PORTABILITY_PORTS  port base (default 30800): GlassFish/Payara admin base+48, HTTP base+80,
#                            HTTPS base+181, other listeners from create-domain's port base; Derby
#                            network server base+27; WildFly port offset base-8000 (HTTP base+80)
#   WUSHE_PORTABILITY_PGPORT the private PostgreSQL cluster's port (default 25445)
#   WUSHE_PORTABILITY_BUILD  yes: build the EAR even when ear/target/wushe.ear exists
# See docs/operations.md, "One EAR on three servers".
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PHOME="${WUSHE_PORTABILITY_HOME:-$REPO/.wushe-portability}"
PORTS="${WUSHE_PORTABILITY_PORTS:-30800}"
PGPORT="${WUSHE_PORTABILITY_PGPORT:-25445}"
EAR="$REPO/ear/target/wushe.ear"
GLASSFISH_VERSION=7.0.21
PAYARA_VERSION=6.2025.9
WILDFLY_VERSION=37.0.1.Final
# The EclipseLink GlassFish 7.0.21 ships (modules/org.eclipse.persistence.*.jar, Bundle-Version 4.0.3).
ECLIPSELINK_VERSION=4.0.3
DERBY_VERSION=10.15.2.0
export WUSHE_PORT_BASE="$PORTS"
# The functions of config/server.sh (asadmin, domains, certificates, Derby, keys).
# shellcheck source=config/server.sh
source "$REPO/config/server.sh"
PDFBOX_OPTIONS=(--add-opens=java.base/java.nio=ALL-UNNAMED --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED)


say() { printf '[portability] %s\n' "$*"; }
RESULTS=()
FAILURES=0

mvn_fetch() {   # groupId:artifactId:version:zip, destination directory
  local artifact="$1" dest="$2"
  mkdir -p "$dest"
  (cd "$REPO" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
    -Dartifact="$artifact" -DoutputDirectory="$dest" -Dmdep.overWriteReleases=true) \
    || die "Maven could not fetch $artifact"
}
mvn_copy() {   # groupId:artifactId:version[:jar], destination directory
  mkdir -p "$2"
  (cd "$REPO" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="$1" -DoutputDirectory="$2") || die "Maven could not fetch $1"
}

build_once() {
  if [ "${WUSHE_PORTABILITY_BUILD:-no}" = yes ] || [ ! -f "$EAR" ]; then
    say "building the EAR"
    (cd "$REPO" && mvn -B -q -DskipTests package) || die "the build failed"
  fi
  [ -f "$EAR" ] || die "no EAR at $EAR"
  [ -f "$REPO/ear/target/jdbc/postgresql.jar" ] || die "no PostgreSQL driver at ear/target/jdbc (build the ear module)"
  EAR_SHA=$(sha256sum "$EAR" | cut -d' ' -f1)
  say "EAR: $EAR"
  say "EAR sha256: $EAR_SHA"
}

# GlassFish is always fetched: its Derby (javadb) is the network server for every server on Derby.
fetch_glassfish() {
  [ -x "$PHOME/glassfish7/bin/asadmin" ] && return 0
  say "fetching GlassFish $GLASSFISH_VERSION through Maven"
  mvn_fetch "org.glassfish.main.distributions:glassfish:$GLASSFISH_VERSION:zip" "$PHOME"
}
fetch_payara() {
  [ -x "$PHOME/payara6/bin/asadmin" ] && return 0
  say "fetching Payara $PAYARA_VERSION through Maven"
  mvn_fetch "fish.payara.distributions:payara:$PAYARA_VERSION:zip" "$PHOME"
}
fetch_wildfly() {
  [ -x "$PHOME/wildfly-$WILDFLY_VERSION/bin/standalone.sh" ] && return 0
  say "fetching WildFly $WILDFLY_VERSION through Maven"
  mvn_fetch "org.wildfly:wildfly-dist:$WILDFLY_VERSION:zip" "$PHOME"
  chmod +x "$PHOME/wildfly-$WILDFLY_VERSION"/bin/*.sh
}

# --- the databases -------------------------------------------------------------------------------

DB_STARTED=""
PGBIN=""
PGDATA_DIR="$PHOME/pgdata"
as_pg_owner() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

# A fresh Derby database for a run: the network server of GlassFish's javadb on 127.0.0.1:base+27,
# with authentication (config/server.sh's start_derby), its files in $WUSHE_HOME/derby.
# A second user (WildFly's job repository) gets a schema of its own in the same database.
start_fresh_derby() {   # [second user]
  rm -rf "$WUSHE_HOME/derby"
  DERBY_PROPERTIES="$WUSHE_HOME/derby/derby.properties"
  if [ -n "${1:-}" ]; then
    mkdir -p "$WUSHE_HOME/derby"
    (umask 077; printf '%s\n' "# Written by config/portability.sh: the users wushe and $1, generated passwords." \
      derby.connection.requireAuthentication=true derby.authentication.provider=BUILTIN \
      "derby.user.wushe=$(gen_password)" "derby.user.$1=$(gen_password)" derby.drda.host=127.0.0.1 > "$DERBY_PROPERTIES")
  fi
  start_derby "$PHOME/glassfish7"
  DB_STARTED=derby
}
stop_derby_server() {
  asadmin_with_secrets "$PHOME/glassfish7" "AS_ADMIN_DBPASSWORD=$(derby_password)" \
    stop-database --dbhost 127.0.0.1 --dbport "$DERBY_PORT" --dbuser wushe >/dev/null 2>&1 || true
}

# The private PostgreSQL cluster on $PGPORT (Debian's PostgreSQL, trust for local connections),
# a fresh database per run.
start_fresh_postgresql() {   # database name
  if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
    mkdir -p "$PGDATA_DIR"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA_DIR"
    as_pg_owner "'$PGBIN/initdb' -D '$PGDATA_DIR' -U wushe --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  fi
  as_pg_owner "'$PGBIN/pg_ctl' -D '$PGDATA_DIR' status" >/dev/null 2>&1 || \
    as_pg_owner "'$PGBIN/pg_ctl' -D '$PGDATA_DIR' -o '-p $PGPORT -k /tmp -c listen_addresses=localhost' -l '$PGDATA_DIR/server.log' -w start" >/dev/null
  DB_STARTED=postgresql
  "$PGBIN/dropdb" -h localhost -p "$PGPORT" -U wushe --if-exists "$1"
  "$PGBIN/createdb" -h localhost -p "$PGPORT" -U wushe -E UTF8 "$1"
  PG_URL="jdbc:postgresql://localhost:$PGPORT/$1"
}
stop_postgresql() {
  [ -n "$PGBIN" ] && as_pg_owner "'$PGBIN/pg_ctl' -D '$PGDATA_DIR' -m fast -w stop" >/dev/null 2>&1 || true
}

stop_database() {
  case "$DB_STARTED" in
    derby) stop_derby_server ;;
    postgresql) stop_postgresql ;;
  esac
  DB_STARTED=""
}

# --- GlassFish and Payara: the same asadmin, config/server.sh's functions -------------------------

GF_RUNNING=""
add_jvm_option() {   # gf home, admin port, option: added unless present (set_jvm_option would
                     # replace every --add-opens the domain already has)
  asadmin_in "$1" --port "$2" list-jvm-options 2>/dev/null | grep -qxF -- "$3" && return 0
  asadmin_in "$1" --port "$2" create-jvm-options -- "$(printf '%s' "$3" | sed 's/:/\\:/g')" >/dev/null
}

# Payara 6 reads the HTTPS key from keystore.p12 and trusts cacerts.p12 (PKCS12), where GlassFish
# reads keystore.jks: the certificate install_https_certificate made goes there too.
payara_https_keystore() {   # domain dir (stopped)
  local c="$1/config" pair
  for pair in keystore.jks:keystore.p12 cacerts.jks:cacerts.p12; do
    [ -f "$c/${pair#*:}" ] || continue
    keytool -delete -alias s1as -keystore "$c/${pair#*:}" -storetype PKCS12 -storepass "$MASTER_PASSWORD" >/dev/null 2>&1 || true
    keytool -importkeystore -noprompt -srckeystore "$c/${pair%%:*}" -srcstorepass "$MASTER_PASSWORD" -srcalias s1as \
      -destkeystore "$c/${pair#*:}" -deststoretype PKCS12 -deststorepass "$MASTER_PASSWORD" -destkeypass "$MASTER_PASSWORD" \
      >/dev/null 2>&1 || die "could not put the HTTPS certificate into ${pair#*:}"
  done
}

# Payara on PostgreSQL: the batch runtime sets its schema (APP by default) on every connection it
# takes; on jdbc/wushe's own pool that connection would go back to the pool in the wrong schema and
# the application's next query on it fail. So the repository gets a pool of its own,
# jdbc/wushe-batch, on the SAME database (its tables in the schema APP), of non-transactional
# connections: still in the application's database, never in a two-phase commit with its data
# (and two local pools cannot share one transaction).
job_repository_pool() {   # gf home, admin port, derby|postgresql
  local gf="$1" port="$2" db="$3" xml
  xml=$(mktemp --suffix=.xml)
  sed -e 's/WushePool/WusheBatchPool/g' -e 's#jndi-name="jdbc/wushe"#jndi-name="jdbc/wushe-batch"#' \
    -e 's/steady-pool-size="[0-9]*"/steady-pool-size="1" non-transactional-connections="true"/' -e 's/max-pool-size="[0-9]*"/max-pool-size="8"/' \
    "$REPO/config/$db-resources.xml" > "$xml"
  asadmin_in "$gf" --port "$port" add-resources "$xml" >/dev/null
  rm -f "$xml"
  if [ "$db" = derby ]; then
    asadmin_in "$gf" --port "$port" set resources.jdbc-connection-pool.WusheBatchPool.property.portNumber=$DERBY_PORT >/dev/null
  fi
  asadmin_in "$gf" --port "$port" set-batch-runtime-configuration --datasourcelookupname jdbc/wushe-batch >/dev/null
}

# NODE_HOME (optional) is the installation's home instead of $PHOME/<server>-<database>; with
# KEEP_DATABASE=yes the PostgreSQL database PG_URL names is used as it is (a second node on the
# database of the first), and DATA_KEYS_FROM names the personal-data key file to use (the first
# node's: every node of one database needs the same keys).
run_asadmin_server() {   # glassfish|payara, derby|postgresql
  local kind="$1" db="$2" gf
  case "$kind" in glassfish) gf="$PHOME/glassfish7" ;; payara) gf="$PHOME/payara6" ;; esac
  WUSHE_HOME="${NODE_HOME:-$PHOME/$kind-$db}"
  ADMIN_PASSWORD_FILE="$WUSHE_HOME/admin-password"
  ASADMIN_AUTH=()
  local dir="$WUSHE_HOME/domains"
  # A fresh domain each run; a domain of an earlier run is stopped first.
  if [ -d "$dir/$DOMAIN" ]; then
    [ -f "$ADMIN_PASSWORD_FILE" ] && use_admin_password
    asadmin_in "$gf" stop-domain --domaindir "$dir" "$DOMAIN" >/dev/null 2>&1 || true
  fi
  rm -rf "$WUSHE_HOME"; mkdir -p "$WUSHE_HOME"
  if [ "${KEEP_DATABASE:-no}" = yes ]; then
    [ "$db" = postgresql ] && [ -n "${PG_URL:-}" ] || die "KEEP_DATABASE=yes needs PostgreSQL and PG_URL"
  elif [ "$db" = derby ]; then start_fresh_derby; else start_fresh_postgresql "wushe_${kind}"; fi
  DEMO_DB="$db"
  ensure_secured_domain "$gf" "$dir" demo
  GF_RUNNING="$gf|$dir"
  if [ "$db" = derby ]; then
    # The Derby client for the domain's pool (GlassFish has it in its own lib; Payara does not).
    cp "$PHOME"/glassfish7/javadb/lib/{derbyclient,derbyshared,derbytools}.jar "$dir/$DOMAIN/lib/"
    set_password_alias "$gf" "$ADMIN_PORT" wushe-derby-password "$(derby_password)"
    ensure_resources "$gf" "$ADMIN_PORT" "$REPO/config/derby-resources.xml"
    asadmin_in "$gf" --port "$ADMIN_PORT" set resources.jdbc-connection-pool.WushePool.property.portNumber=$DERBY_PORT >/dev/null
  else
    cp "$REPO/ear/target/jdbc/postgresql.jar" "$dir/$DOMAIN/lib/"
    asadmin_in "$gf" --port "$ADMIN_PORT" create-system-properties \
      "wushe.pg.url=$(printf '%s' "$PG_URL" | sed 's/:/\\:/g'):wushe.pg.user=wushe" >/dev/null
    set_password_alias "$gf" "$ADMIN_PORT" wushe-pg-password wushe
    add_jvm_option "$gf" "$ADMIN_PORT" -Dwushe.demo.allowPostgresql=true
    ensure_resources "$gf" "$ADMIN_PORT" "$REPO/config/postgresql-resources.xml"
  fi
  add_jvm_option "$gf" "$ADMIN_PORT" -Dwushe.demo=true
  local opt
  for opt in "${PDFBOX_OPTIONS[@]}"; do add_jvm_option "$gf" "$ADMIN_PORT" "$opt"; done
  asadmin_in "$gf" --port "$ADMIN_PORT" create-system-properties "wushe.nightly.at=off" >/dev/null
  # As config/server.sh installs GlassFish: on Derby the repository in jdbc/wushe itself, in the
  # application's schema WUSHE (one resource with the data); on PostgreSQL GlassFish 7.0.21's batch
  # runtime cannot hold it ("SET SCHEMA ?" is a syntax error there, and its Derby DDL fails too),
  # so it keeps its own (jdbc/__TimerPool). Transaction recovery on.
  shorten_resync_wait "$gf" "$ADMIN_PORT" || true
  # (Payara on Derby: recovery only; its repository stays its own, below.)
  if [ "$kind" = payara ] && [ "$db" = derby ]; then
    use_app_job_repository "$gf" "$ADMIN_PORT" none
  else
    use_app_job_repository "$gf" "$ADMIN_PORT" "$db"
  fi
  if [ "$kind" = payara ] && [ "$db" = postgresql ]; then
    job_repository_pool "$gf" "$ADMIN_PORT" "$db"
  fi
  if [ "$kind" = payara ] && [ "$db" = derby ]; then
    # Payara's batch runtime refuses a Derby job repository ("database type is not recognised as
    # supported its type is Apache Derby": every job start fails): on Derby it keeps its own
    # (jdbc/__TimerPool, embedded H2). On PostgreSQL the repository is jdbc/wushe.
    asadmin_in "$gf" --port "$ADMIN_PORT" set-batch-runtime-configuration --datasourcelookupname jdbc/__TimerPool >/dev/null
  fi
  if [ -n "${DATA_KEYS_FROM:-}" ]; then
    (umask 077; cp "$DATA_KEYS_FROM" "$dir/$DOMAIN/config/wushe-data.keys")
  else
    make_data_keys "$dir/$DOMAIN/config/wushe-data.keys"
  fi
  use_data_keys "$gf" "$ADMIN_PORT" "$dir/$DOMAIN/config/wushe-data.keys"
  say "restarting $kind with the JVM options and the drivers"
  asadmin_in "$gf" stop-domain --domaindir "$dir" "$DOMAIN" >/dev/null
  [ "$kind" = payara ] && payara_https_keystore "$dir/$DOMAIN"
  start_and_wait "$gf" "$dir" "$DOMAIN" "$ADMIN_PORT"
  deploy_and_wait "$gf" "$dir"
  SMOKE_URL="https://localhost:$HTTPS_PORT/wushe/"
  SMOKE_CERT="$dir/$DOMAIN/config/wushe-https.pem"
  SERVER_LOG="$dir/$DOMAIN/logs/server.log"
}
stop_asadmin_server() {
  [ -n "$GF_RUNNING" ] || return 0
  asadmin_in "${GF_RUNNING%%|*}" stop-domain --domaindir "${GF_RUNNING#*|}" "$DOMAIN" >/dev/null 2>&1 || true
  GF_RUNNING=""
}

# --- WildFly ---------------------------------------------------------------------------------------
# shellcheck source=config/wildfly/wildfly.sh
source "$REPO/config/wildfly/wildfly.sh"

# --- one server on one database ---------------------------------------------------------------------

cleanup() {
  stop_asadmin_server
  stop_wildfly_server
  stop_database
}
run_one() {   # server, database
  local server="$1" db="$2" started=$SECONDS out rc=0
  say "=== $server on $db ==="
  out="$PHOME/$server-$db.smoke.txt"
  SMOKE_URL=""; SERVER_LOG=""
  case "$server" in
    # In a subshell of its own (a failing step ends the install, not this command); run in the
    # background and waited for, so that errexit holds inside it.
    glassfish|payara) ( run_asadmin_server "$server" "$db"; declare -p SMOKE_URL SMOKE_CERT SERVER_LOG > "$PHOME/.last" ) & ;;
    wildfly) ( run_wildfly_server "$db"; declare -p SMOKE_URL SMOKE_CERT SERVER_LOG > "$PHOME/.last" ) & ;;
  esac
  wait $! || rc=$?
  if [ $rc = 0 ] && [ -f "$PHOME/.last" ]; then
    # shellcheck disable=SC1091
    source "$PHOME/.last"; rm -f "$PHOME/.last"
    say "smoke suite against $SMOKE_URL"
    bash "$REPO/config/smoke.sh" "$SMOKE_URL" "$SMOKE_CERT" | tee "$out" || rc=$?
  else
    echo "FAIL  $server did not install or deploy (see above)" | tee "$out"
    rc=1
  fi
  # Stop what this run started (the subshell's state is gone: stop by the known places).
  case "$server" in
    glassfish|payara)
      local gf; [ "$server" = glassfish ] && gf="$PHOME/glassfish7" || gf="$PHOME/payara6"
      WUSHE_HOME="$PHOME/$server-$db"; ADMIN_PASSWORD_FILE="$WUSHE_HOME/admin-password"
      [ -f "$ADMIN_PASSWORD_FILE" ] && use_admin_password
      asadmin_in "$gf" stop-domain --domaindir "$WUSHE_HOME/domains" "$DOMAIN" >/dev/null 2>&1 || true ;;
    wildfly) WUSHE_HOME="$PHOME/wildfly-$db"; stop_wildfly_server ;;
  esac
  if [ "$db" = derby ]; then
    WUSHE_HOME="$PHOME/$server-$db"; DERBY_PROPERTIES="$WUSHE_HOME/derby/derby.properties"; DB_STARTED=derby
  else
    PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"; DB_STARTED=postgresql
  fi
  stop_database
  if [ -n "$SERVER_LOG" ] && [ -f "$SERVER_LOG" ]; then
    local n; n=$(grep -c -E 'SEVERE|ERROR' "$SERVER_LOG" || true)
    say "server log: $SERVER_LOG ($n SEVERE/ERROR lines)"
  fi
  local line summary
  summary=$(tail -n 1 "$out")
  if [ $rc = 0 ]; then line="PASS  $server $db: $summary, $((SECONDS - started)) s, EAR sha256 $EAR_SHA"
  else line="FAIL  $server $db: $summary, $((SECONDS - started)) s, EAR sha256 $EAR_SHA"; FAILURES=$((FAILURES + 1)); fi
  RESULTS+=("$line")
  say "$line"
}

main() {
  local which="${1:-}" dbs="${2:-derby}" servers=() s d
  case "$which" in
    glassfish|payara|wildfly) servers=("$which") ;;
    all) servers=(glassfish payara wildfly) ;;
    *) echo "usage: bash config/portability.sh <glassfish|payara|wildfly|all> [derby|postgresql|both]" >&2; exit 2 ;;
  esac
  case "$dbs" in derby|postgresql) dbs=("$dbs") ;; both) dbs=(derby postgresql) ;;
    *) echo "the database is derby, postgresql or both" >&2; exit 2 ;; esac
  command -v jq >/dev/null || die "jq is needed on the PATH"
  mkdir -p "$PHOME"
  build_once
  fetch_glassfish
  for s in "${servers[@]}"; do
    case "$s" in payara) fetch_payara ;; wildfly) fetch_wildfly ;; esac
    for d in "${dbs[@]}"; do run_one "$s" "$d"; done
  done
  echo
  say "EAR sha256 $EAR_SHA ($(stat -c %s "$EAR") bytes)"
  for s in "${RESULTS[@]}"; do say "$s"; done
  [ "$FAILURES" = 0 ]
}

# Sourced (bench/two-nodes.sh uses its functions), it only defines them.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  trap cleanup EXIT
  main "$@"
fi
