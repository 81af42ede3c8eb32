#!/usr/bin/env bash
# Runs the whole test suite (unit, Arquillian, browser) against PostgreSQL instead of Derby:
# installs PostgreSQL from Debian packages when it is missing (needs root), starts a private
# cluster on port 25432 under ear/target/pgdata, runs `mvn verify` with the test server pointed at
# it, and stops the cluster again whatever the outcome.
#
#   bash config/postgresql-test.sh
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
if [ ! -f "$DATA/PG_VERSION" ]; then
  rm -rf "$DATA" && mkdir -p "$DATA"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA"
  as_owner "'$PGBIN/initdb' -D '$DATA' -U wushe --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
fi
as_owner "'$PGBIN/pg_ctl' -D '$DATA' -o '-p $PGPORT -k /tmp -c listen_addresses=localhost' -l '$DATA/server.log' -w start" >/dev/null
stop() { as_owner "'$PGBIN/pg_ctl' -D '$DATA' -m fast -w stop" >/dev/null || true; log "PostgreSQL stopped"; }
trap stop EXIT
log "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $PGPORT"

# A fresh database for every run, so the demo city loads and the migrations run from version 1.
"$PGBIN/dropdb" -h localhost -p "$PGPORT" -U wushe --if-exists wushe
"$PGBIN/createdb" -h localhost -p "$PGPORT" -U wushe -E UTF8 wushe

# `server.sh prepare-test` keeps WUSHE_PG_PASSWORD (default wushe; this cluster trusts local
# connections) as the test domain's password alias wushe-pg-password, never as a JVM option, and
# sets -Dwushe.demo.allowPostgresql=true there: the suite runs the demo city on PostgreSQL, which the
# application refuses on any other server.
export WUSHE_PG_URL="jdbc:postgresql://localhost:$PGPORT/wushe"
cd "$REPO"
mvn -B verify -Dwushe.test.db=postgresql "$@"
