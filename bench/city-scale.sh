#!/usr/bin/env bash
# Residents list at city scale: 3,000 communities, 21,000 grid cells, 6,000,000 residents on
# PostgreSQL, measured through the REST API of a running server (the same service the screens use).
#
#   bash bench/city-scale.sh            (needs root for apt-get the first time; takes ~10 minutes)
#
# It starts a private PostgreSQL cluster (port 25433, under BENCH_HOME, default .wushe-bench), runs
# the demo on it with config/server.sh (WUSHE_DEMO_ON_POSTGRESQL=yes, benchmarks only;
# WUSHE_HOME=BENCH_HOME), loads bench/city-scale.sql, times each request N times and prints p50/p95
# (bench/api.sh: HTTPS, HTTP Basic on every request, so each one includes the server's PBKDF2
# verification of the password; the API takes no session cookie). It stops the server and the
# cluster at the end.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_HOME="${BENCH_HOME:-$REPO/.wushe-bench}"
export WUSHE_HOME="$BENCH_HOME"
NAME=city-scale
PGPORT=25433
DATA="$WUSHE_HOME/pgdata"
N="${N:-100}"
log() { printf '[bench] %s\n' "$*"; }

if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
as_owner() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
mkdir -p "$WUSHE_HOME"
if [ ! -f "$DATA/PG_VERSION" ]; then
  mkdir -p "$DATA"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA"
  as_owner "'$PGBIN/initdb' -D '$DATA' -U wushe --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
fi
as_owner "'$PGBIN/pg_ctl' -D '$DATA' -o '-p $PGPORT -k /tmp -c listen_addresses=localhost -c shared_buffers=1GB' -l '$DATA/server.log' -w start" >/dev/null
cleanup() {
  bash "$REPO/config/server.sh" stop >/dev/null 2>&1 || true
  as_owner "'$PGBIN/pg_ctl' -D '$DATA' -m fast -w stop" >/dev/null || true
}
trap cleanup EXIT
PSQL=("$PGBIN/psql" -h localhost -p "$PGPORT" -U wushe -v ON_ERROR_STOP=1 -q)

fresh=0
if ! "${PSQL[@]}" -lqt | cut -d'|' -f1 | grep -qw wushe; then
  "$PGBIN/createdb" -h localhost -p "$PGPORT" -U wushe -E UTF8 wushe
  fresh=1
fi
# The demo on PostgreSQL, which config/server.sh runs only when told it is for benchmarks.
if ! WUSHE_DB=postgresql WUSHE_DEMO_ON_POSTGRESQL=yes WUSHE_PG_URL="jdbc:postgresql://localhost:$PGPORT/wushe" \
     WUSHE_PG_USER=wushe WUSHE_PG_PASSWORD=wushe bash "$REPO/config/server.sh" run > "$BENCH_HOME/$NAME-server.out" 2>&1; then
  tail -n 5 "$BENCH_HOME/$NAME-server.out" >&2
  log "config/server.sh run failed; see $BENCH_HOME/$NAME-server.out"; exit 1
fi
grep -E "Wushe DEMO .* is running" "$BENCH_HOME/$NAME-server.out" || true
if [ "$fresh" = 1 ]; then
  log "loading 6,000,000 residents"
  started=$SECONDS
  "${PSQL[@]}" -d wushe -f "$REPO/bench/city-scale.sql"
  log "loaded in $((SECONDS - started)) s"
fi

# measure: label, user, path (HTTPS, Basic on every request).
# shellcheck source=bench/api.sh
. "$REPO/bench/api.sh"
log "each request $N times (HTTP status, then times)"
measure "social worker, own community (2,000), first page of 50"   bench.social "residents?size=50"
measure "social worker, own community, page 30 (rows 1,450-1,500)" bench.social "residents?size=50&first=1450"
measure "social worker, name prefix 王"                               bench.social "residents?size=50&name=%E7%8E%8B"
measure "social worker, tag ELDERLY_ALONE"                          bench.social "residents?size=50&tag=ELDERLY_ALONE"
measure "sub-district officer (20 communities, 40,000), first page" bench.street "residents?size=50"
measure "bureau admin, city without a community (refused, 400)"     admin        "residents?size=50"
measure "bureau admin, one community of 3,000 by code"              admin        "residents?size=50&community=B1500"
measure "bureau admin, communities list page"                        admin        "communities?size=50&first=1500"
