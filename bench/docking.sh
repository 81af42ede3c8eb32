#!/usr/bin/env bash
# Resource docking at city scale: 500,000 needs, 200,000 ledger resources and ~300,000 docking actions
# over the 3,000 communities of the city-scale city, on PostgreSQL, measured through the REST API of a
# running server (the same services the screens use).
#
#   bash bench/docking.sh            (needs root for apt-get the first time; ~10 minutes on a new machine)
#
# Like bench/city-scale.sh it starts the private PostgreSQL cluster (port 25433, under BENCH_HOME)
# and runs the application on it with config/server.sh (WUSHE_HOME=BENCH_HOME). The docking data
# sit on the city-scale city: when the database has no city-scale data yet, bench/city-scale.sql is
# loaded first (then bench/city-scale.sh reuses them, and the other way round); bench/docking.sql is
# loaded once. After a load it lets autovacuum and a checkpoint finish. Each request is timed N times
# and p50/p95 printed (bench/api.sh: HTTPS, HTTP Basic on every request, so each one includes the
# server's PBKDF2 verification of the password; the API takes no session cookie). The server is the
# demo on PostgreSQL (config/server.sh run with WUSHE_DEMO_ON_POSTGRESQL=yes, benchmarks only).
# BENCH_HOME (default .wushe-bench) is where the cluster and the server live. It stops the server and
# the cluster at the end.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_HOME="${BENCH_HOME:-$REPO/.wushe-bench}"
export WUSHE_HOME="$BENCH_HOME"
NAME=docking
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
value() { "${PSQL[@]}" -d wushe -tAc "$1"; }

if ! "${PSQL[@]}" -lqt | cut -d'|' -f1 | grep -qw wushe; then
  "$PGBIN/createdb" -h localhost -p "$PGPORT" -U wushe -E UTF8 wushe
fi
# The demo on PostgreSQL, which config/server.sh runs only when told it is for benchmarks.
if ! WUSHE_DB=postgresql WUSHE_DEMO_ON_POSTGRESQL=yes WUSHE_PG_URL="jdbc:postgresql://localhost:$PGPORT/wushe" \
     WUSHE_PG_USER=wushe WUSHE_PG_PASSWORD=wushe bash "$REPO/config/server.sh" run > "$BENCH_HOME/$NAME-server.out" 2>&1; then
  tail -n 5 "$BENCH_HOME/$NAME-server.out" >&2
  log "config/server.sh run failed; see $BENCH_HOME/$NAME-server.out"; exit 1
fi
grep -E "Wushe DEMO .* is running" "$BENCH_HOME/$NAME-server.out" || true
loaded=0
if [ "$(value "SELECT count(*) FROM community WHERE id = 103000")" = 0 ]; then
  log "no city-scale city yet: loading bench/city-scale.sql (6,000,000 residents)"
  started=$SECONDS
  "${PSQL[@]}" -d wushe -f "$REPO/bench/city-scale.sql"
  log "city loaded in $((SECONDS - started)) s"
  loaded=1
fi
if [ "$(value "SELECT count(*) FROM need WHERE id = 10500000")" = 0 ]; then
  log "loading 500,000 needs, 200,000 resources, ~300,000 docking actions"
  started=$SECONDS
  "${PSQL[@]}" -d wushe -f "$REPO/bench/docking.sql"
  log "docking data loaded in $((SECONDS - started)) s"
  loaded=1
fi
if [ "$loaded" = 1 ]; then
  # Right after a load, autovacuum and the checkpoint writing the loaded pages out (hundreds of MB)
  # compete with the server for the cores; let both finish so they are not in the figures.
  started=$SECONDS
  for _ in $(seq 1 120); do
    [ "$(value "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")" = 0 ] && break
    sleep 5
  done
  "${PSQL[@]}" -d wushe -c "CHECKPOINT"
  log "autovacuum and checkpoint done in $((SECONDS - started)) s"
fi

# The needs the suggestions are asked for: assessed needs of the social worker's community B0001, one
# of the most frequent category (elderly care, the largest candidate pool) and one of a rare one.
need_of() { value "SELECT id FROM need WHERE community_id = 100001 AND category_code = '$1' AND status = 'ASSESSED'
                   ORDER BY registered_at DESC, id DESC LIMIT 1"; }
NEED_BIG="$(need_of ELDERLY_CARE)"
NEED_SMALL="$(need_of EMPLOYMENT)"
candidates() { value "SELECT count(*) FROM resource r JOIN community c ON c.id = r.community_id
  WHERE c.sub_district_id = 100001 AND r.status = 'AVAILABLE' AND (r.category_code = '$1' OR r.category_code IS NULL)
  AND r.available_from <= current_date AND (r.available_until IS NULL OR r.available_until >= current_date)
  AND r.reserved < r.capacity"; }
log "B0001: $(value "SELECT count(*) FROM need WHERE community_id = 100001") needs," \
    "$(value "SELECT count(*) FROM resource WHERE community_id = 100001") resources;" \
    "need $NEED_BIG (ELDERLY_CARE) has $(candidates ELDERLY_CARE) candidates in its sub-district," \
    "need $NEED_SMALL (EMPLOYMENT) $(candidates EMPLOYMENT)"

# measure: label, user, path (HTTPS, Basic on every request).
# shellcheck source=bench/api.sh
. "$REPO/bench/api.sh"
# Other work on the machine (a build, tests) shows up in the tails: say how busy the cores were over
# the 5 s before timing (the server and the database are idle then).
cpu_busy() {
  local a b ta=0 tb=0 i
  read -ra a < /proc/stat; sleep 5; read -ra b < /proc/stat   # cpu user nice system idle iowait ...
  for i in 1 2 3 4 5 6 7 8; do ta=$((ta + a[i])); tb=$((tb + b[i])); done
  echo $(( 100 - 100 * (b[4] + b[5] - a[4] - a[5]) / (tb - ta) ))
}
log "cores busy before timing: $(cpu_busy)% of $(nproc)"
log "each request $N times (HTTP status, then times)"
measure "social worker, needs board of B0001, first page of 50"         bench.social "communities/B0001/needs?size=50"
measure "social worker, needs board, status REGISTERED"                  bench.social "communities/B0001/needs?size=50&status=REGISTERED"
measure "social worker, needs board, overdue actions only"               bench.social "communities/B0001/needs?size=50&overdue=true"
measure "social worker, board counts (per status, overdue actions)"      bench.social "communities/B0001/needs/counts"
measure "social worker, suggestions for an ELDERLY_CARE need (10)"        bench.social "needs/$NEED_BIG/suggestions?limit=10"
measure "social worker, suggestions for an EMPLOYMENT need (10)"          bench.social "needs/$NEED_SMALL/suggestions?limit=10"
measure "social worker, ledger available now, first page of 50"          bench.social "communities/B0001/resources?size=50&available=true"
measure "sub-district officer, needs board of B0005, first page of 50"   bench.street "communities/B0005/needs?size=50"
