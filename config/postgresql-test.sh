#!/usr/bin/env bash
# Runs the whole test suite (unit, Arquillian, browser) against PostgreSQL instead of Derby:
# installs PostgreSQL from Debian packages when it is missing (needs root), starts a private
# cluster on port 25432 under ear/target/pgdata, runs `mvn verify` with the test server pointed at
# it, and stops the cluster again whatever the outcome.
#
# The database is set up as a production one is (docs/operations.md, "The audit log on
# PostgreSQL"): it belongs to the owner role wushe_owner, the application connects as wushe (no
# superuser), the schema's audit table is taken over by the owner after the migrations, leaving
# the application INSERT and SELECT. The migrations run in a first, short pass (one test class),
# then the owner locks the audit table, then the tests run.
#
#   bash config/postgresql-test.sh [maven arguments, e.g. -Dit.test=AuditAppendOnlyIT]
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PGPORT="${WUSHE_PG_PORT:-25432}"
DATA="$REPO/ear/target/pgdata"
log() { printf '[wushe] %s\n' "$*"; }

if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || { echo "[wushe] PostgreSQL is missing: sudo apt-get install -y postgresql" >&2; exit 1; }
  log "installing PostgreSQL from Debian packages"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

# initdb refuses to run as root: the cluster belongs to the postgres user when we are root.
as_owner() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

mkdir -p "$REPO/ear/target"
# The cluster's superuser is postgres; a cluster made by an older version of this script (whose
# superuser was the application's role) is made again.
if [ ! -f "$DATA/PG_VERSION" ] || [ ! -f "$DATA/wushe-roles" ]; then
  rm -rf "$DATA" && mkdir -p "$DATA"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA"
  as_owner "'$PGBIN/initdb' -D '$DATA' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  as_owner "touch '$DATA/wushe-roles'"
fi
as_owner "'$PGBIN/pg_ctl' -D '$DATA' -o '-p $PGPORT -k /tmp -c listen_addresses=localhost' -l '$DATA/server.log' -w start" >/dev/null
stop() { as_owner "'$PGBIN/pg_ctl' -D '$DATA' -m fast -w stop" >/dev/null || true; log "PostgreSQL stopped"; }
trap stop EXIT
log "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $PGPORT"

psql_as() {   # role, database, psql arguments...
  "$PGBIN/psql" -h localhost -p "$PGPORT" -U "$1" -d "$2" -X -q -v ON_ERROR_STOP=1 "${@:3}"
}
# The owner role and the application's role (not a superuser); the owner is a member of the
# application's role so that it can take over the tables the migrations create.
psql_as postgres postgres -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'wushe_owner') THEN CREATE ROLE wushe_owner LOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'wushe') THEN CREATE ROLE wushe LOGIN PASSWORD 'wushe'; END IF;
END \$\$;" -c "GRANT wushe TO wushe_owner"

# A fresh database for every run, so the demo city loads and the migrations run from version 1.
"$PGBIN/dropdb" -h localhost -p "$PGPORT" -U postgres --if-exists wushe
"$PGBIN/createdb" -h localhost -p "$PGPORT" -U postgres -O wushe_owner -E UTF8 wushe
psql_as wushe_owner wushe -v app=wushe -f "$REPO/config/postgresql/owner-prepare.sql"

# `server.sh prepare-test` keeps WUSHE_PG_PASSWORD (default wushe; this cluster trusts local
# connections) as the test domain's password alias wushe-pg-password, never as a JVM option, and
# sets -Dwushe.demo.allowPostgresql=true there: the suite runs the demo city on PostgreSQL, which the
# application refuses on any other server.
export WUSHE_PG_URL="jdbc:postgresql://localhost:$PGPORT/wushe"
cd "$REPO"
log "first pass: the migrations, run by the application's role"
mvn -B verify -Dwushe.test.db=postgresql "$@" -Dit.test=SchemaAndDemoCityIT -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false
log "the owner takes over the audit table: INSERT and SELECT only for wushe"
psql_as wushe_owner wushe -v app=wushe -f "$REPO/config/postgresql/audit-lock.sql"
mvn -B verify -Dwushe.test.db=postgresql "$@"
