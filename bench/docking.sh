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

# shellcheck source=bench/city.sh
. "$REPO/bench/city.sh"

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
