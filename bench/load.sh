#!/usr/bin/env bash
# Many signed-in staff at once: the Gatling working day of bench/load (see bench/load/README.md)
# against a running server, one command per database.
#
#   bash bench/load.sh derby        the demo (Derby network server, GlassFish) in its own home
#                                   BENCH_HOME/load-derby on port base 34000 (HTTPS 34181, admin 34048,
#                                   Derby 34027), C001 grown to RESIDENTS (25,000) residents through
#                                   the server's residents import; USERS=50 sessions
#   bash bench/load.sh postgresql   the city-scale data of bench/city-scale.sh and bench/docking.sh
#                                   (3,004 communities, 6,000,000 residents, 500,000 needs) on the
#                                   benchmarks' private PostgreSQL cluster (bench/lib.sh, port PGPORT,
#                                   default 25433); USERS=200 sessions
#
# Environment: USERS, DURATION (each session's working time: 300, 300s or 5m; default 5m), RAMP
# (sessions arrive over it, default 30s), THINK (mean seconds between pages, default 2; each pause
# uniform from half to one and a half of it), LOGINS (which accounts play each role, see the README),
# BENCH_PG_OPTIONS='-c shared_preload_libraries=pg_stat_statements' (postgresql: the run's statements
# by database time at the end, PGSS_TOP of them, default 25),
# KEEP_NEEDS=1 (postgresql: keep the needs earlier runs registered in C001; by default removed),
# BENCH_HOME (default .wushe-bench), KEEP=1 (leave the server and the database running),
# REUSE=1 (use a server that already answers at the address as it is: no build, no deployment),
# HOURS (derby: service hours recorded for the supervisor to verify; default from USERS and DURATION).
#
# While the load runs, the server's heap is sampled every 5 s (jstat -gc); the CPU of the server, the
# database and the load generator comes from /proc/<pid>/stat before and after. At the end: one
# markdown row per request name from Gatling's results (js/stats.js) (p50, p95, max, errors, requests/s),
# the heap (peak, old generation at the start and the end), the live heap with every session signed in
# and after they signed out (memory per signed-in user), the CPU shares, and the HTML report.
# Whatever happens, what the script started is stopped at the end (its own stop commands) unless KEEP=1.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE="${1:-}"
case "$MODE" in derby|postgresql) ;; *) echo "usage: bash bench/load.sh derby|postgresql" >&2; exit 2 ;; esac
BENCH_HOME="${BENCH_HOME:-$REPO/.wushe-bench}"
mkdir -p "$BENCH_HOME"
BENCH_HOME="$(cd "$BENCH_HOME" && pwd)"
LOAD="$REPO/bench/load"
DURATION="${DURATION:-5m}"
RAMP="${RAMP:-30s}"
THINK="${THINK:-2}"
DEMO_PASSWORD='Wushe@2026'
to_seconds() { case "$1" in *h) echo $(( ${1%h} * 3600 )) ;; *m) echo $(( ${1%m} * 60 )) ;; *s) echo "${1%s}" ;; *) echo "$1" ;; esac; }
DURATION_S="$(to_seconds "$DURATION")"
RAMP_S="$(to_seconds "$RAMP")"

command -v jq >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null;
                               DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null; }

if [ "$MODE" = derby ]; then
  USERS="${USERS:-50}"
  export WUSHE_HOME="$BENCH_HOME/load-derby" WUSHE_PORT_BASE=34000
  HTTPS_PORT=34181
  DB_PORT=34027
  LOGINS="${LOGINS:-social=social1 grid=grid1 cadre=cadre1 secretary=secretary1 street=street1}"
  COMMUNITY="${COMMUNITY:-C001}"
  RESIDENTS="${RESIDENTS:-25000}"
  log() { printf '[load] %s\n' "$*"; }
  die() { printf '[load] ERROR: %s\n' "$*" >&2; exit 1; }
  WORK="$(mktemp -d)"
  SAMPLER=""
  cleanup() {
    [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null || true
    if [ "${KEEP:-0}" = 1 ]; then log "KEEP=1: the server keeps running ($WUSHE_HOME)"
    else bash "$REPO/config/server.sh" stop >/dev/null 2>&1 || true; fi
    rm -rf "$WORK"
  }
  trap cleanup EXIT
  CACERT="$WUSHE_HOME/domains/wushe/config/wushe-https.pem"
  BASE="https://localhost:$HTTPS_PORT/wushe"
  if [ "${REUSE:-0}" = 1 ] && [ -f "$CACERT" ] && curl -sf --cacert "$CACERT" -o /dev/null "$BASE/login.xhtml"; then
    log "REUSE=1: using the running server at $BASE as it is"
  else
    log "starting the demo in $WUSHE_HOME (config/server.sh run: build, deploy; the first time also GlassFish and the demo city)"
    # once more when it fails (another build in the same tree at the same time, a slow start)
    bash "$REPO/config/server.sh" run > "$BENCH_HOME/load-derby-server.out" 2>&1 \
      || { log "config/server.sh run failed: $(grep -v '^\s*$' "$BENCH_HOME/load-derby-server.out" | tail -n 2 | tr '\n' ' '); once more"
           bash "$REPO/config/server.sh" run > "$BENCH_HOME/load-derby-server.out" 2>&1; } \
      || { tail -n 5 "$BENCH_HOME/load-derby-server.out" >&2; die "config/server.sh run failed; see $BENCH_HOME/load-derby-server.out"; }
    grep -E "Wushe DEMO .* is running" "$BENCH_HOME/load-derby-server.out" || true
  fi
else
  USERS="${USERS:-200}"
  # bench/lib.sh: the private cluster (PGPORT, default 25433) and the demo on it; WUSHE_HOME is BENCH_HOME.
  export WUSHE_HOME="$BENCH_HOME"
  DB=postgresql NAME=load PGDB=wushe LIMIT=0 DUMP_EVERY=100000
  # shellcheck source=bench/lib.sh
  . "$REPO/bench/lib.sh"
  HTTPS_PORT=$(( ${WUSHE_PORT_BASE:-8000} + 181 ))
  # One social worker of their own community per social-worker session (40% of USERS), as a city
  # has them: bench.social in B0001, bench.social2 in B0002 and so on (made below). SOCIALS=1 lets
  # every social-worker session share bench.social and its one queue, as the runs before did.
  SOCIALS="${SOCIALS:-$(( (USERS * 40 + 99) / 100 ))}"
  socials="bench.social"; for g in $(seq 2 "$SOCIALS"); do socials="$socials,bench.social$g"; done
  LOGINS="${LOGINS:-social=$socials street=bench.street grid=grid1 cadre=cadre1 secretary=secretary1}"
  COMMUNITY="${COMMUNITY:-B0001}"
  BASE="https://localhost:$HTTPS_PORT/wushe"
  start_database_and_server
  value() { "${PSQL[@]}" -d "$PGDB" -tAc "$1"; }
  # The city of bench/city-scale.sh and the docking data of bench/docking.sh, each loaded once.
  loaded=0
  if [ "$(value "SELECT count(*) FROM community WHERE id = 103000")" = 0 ]; then
    if [ "${SMALL_CITY:-0}" = 1 ]; then
      # a trial of the tool only: the same city with 60,000 residents (B0001..B0030) and no docking data
      log "SMALL_CITY=1: loading bench/city-scale.sql with 60,000 residents instead of 6,000,000"
      sed 's/generate_series(1, 6000000/generate_series(1, 60000/' "$REPO/bench/city-scale.sql" > "$WORK/city-small.sql"
      "${PSQL[@]}" -d "$PGDB" -f "$WORK/city-small.sql"
    else
      log "no city-scale city yet: loading bench/city-scale.sql (6,000,000 residents)"
      "${PSQL[@]}" -d "$PGDB" -f "$REPO/bench/city-scale.sql"
    fi
    loaded=1
  fi
  if [ "${SMALL_CITY:-0}" != 1 ] && [ "$(value "SELECT count(*) FROM need WHERE id = 10500000")" = 0 ]; then
    log "loading bench/docking.sql (500,000 needs, 200,000 resources, ~300,000 docking actions)"
    "${PSQL[@]}" -d "$PGDB" -f "$REPO/bench/docking.sql"; loaded=1
  fi
  # bench/city-scale.sql writes the residents' ID numbers and phones in clear, as rows written before
  # the product sealed them: the server seals them when it starts (IdentifierSealing), so it is
  # started again here, and how long that start took is said (the upgrade of a city in clear).
  if [ "$(value "SELECT count(*) FROM (SELECT 1 FROM resident WHERE id_number_hash IS NULL LIMIT 1) x")" != 0 ]; then
    log "residents in clear ($(value "SELECT count(*) FROM resident WHERE id_number_hash IS NULL") of them): restarting the server, which seals them as it starts"
    SEAL_T0="$(date +%s)"
    ( . "$REPO/config/server.sh"; use_port_base; use_admin_password
      restart_and_wait "$WUSHE_HOME/glassfish7" "$WUSHE_HOME/domains" wushe "$ADMIN_PORT" )
    for _ in $(seq 1 7200); do
      curl -sf -k -o /dev/null "$BASE/login.xhtml" && break
      sleep 1
    done
    log "the server started again in $(( $(date +%s) - SEAL_T0 )) s, sealing included; residents still in clear: $(value "SELECT count(*) FROM resident WHERE id_number_hash IS NULL")"
    loaded=1
  fi
  if [ "$loaded" = 1 ]; then   # autovacuum and the checkpoint after a load would compete with the run
    for _ in $(seq 1 120); do
      [ "$(value "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")" = 0 ] && break
      sleep 5
    done
    "${PSQL[@]}" -d "$PGDB" -c "CHECKPOINT"
  fi
  # Every run starts from the same C001: the needs earlier runs registered there ("负载测试需求 n",
  # 600 to 2,400 a run) are removed with their events, so that the needs board and the home page
  # of the C001 sessions count the demo's needs, not the sum of every run before (8,115 needs after
  # a day of runs had made the database's share of a request three times what it was).
  # KEEP_NEEDS=1 leaves them.
  if [ "${KEEP_NEEDS:-0}" != 1 ]; then
    gone="$(value "SELECT count(*) FROM need n JOIN community c ON c.id = n.community_id WHERE c.code = 'C001' AND n.title LIKE '负载测试需求 %'")"
    if [ "$gone" != 0 ]; then
      log "C001: removing the $gone needs earlier runs registered"
      "${PSQL[@]}" -d "$PGDB" -c "BEGIN" \
        -c "CREATE TEMP TABLE gone ON COMMIT DROP AS SELECT n.id FROM need n JOIN community c ON c.id = n.community_id
              WHERE c.code = 'C001' AND n.title LIKE '负载测试需求 %'
                AND NOT EXISTS (SELECT 1 FROM docking_action a WHERE a.need_id = n.id)
                AND NOT EXISTS (SELECT 1 FROM activity a WHERE a.need_id = n.id)
                AND NOT EXISTS (SELECT 1 FROM service_item a WHERE a.need_id = n.id)
                AND NOT EXISTS (SELECT 1 FROM delib_issue a WHERE a.need_id = n.id)
                AND NOT EXISTS (SELECT 1 FROM fund_project_need a WHERE a.need_id = n.id)
                AND NOT EXISTS (SELECT 1 FROM whistle_call a WHERE a.need_id = n.id)" \
        -c "DELETE FROM notification WHERE record_id IN (SELECT id FROM gone) AND lower(record_type) LIKE 'need%'" \
        -c "DELETE FROM need_event WHERE need_id IN (SELECT id FROM gone)" \
        -c "DELETE FROM need WHERE id IN (SELECT id FROM gone)" \
        -c "COMMIT" -c "VACUUM ANALYZE need" -c "VACUUM ANALYZE need_event"
    fi
  fi
  DB_PORT="$PGPORT"
fi

https() { curl -s --cacert "$CACERT" "$@"; }
CHANGE=(-H 'X-Requested-With: bench')

# ---- the data the working day needs -----------------------------------------------------------

# GET an API path as a user into $WORK/api.json; false (and said) unless it answers 200.
get() {
  local code
  code="$(https -o "$WORK/api.json" -w '%{http_code}' -u "$1:$DEMO_PASSWORD" "$BASE/api/$2")"
  [ "$code" = 200 ] && return 0
  log "GET /api/$2 as $1: HTTP $code $(head -c 300 "$WORK/api.json")"; return 1
}
residents_of() { https -u "cadre1:$DEMO_PASSWORD" "$BASE/api/residents?size=1&community=$1" | jq -r '.total // empty'; }

# Derby: C001 grown to RESIDENTS residents by a bureau file through the server's residents import.
grow_community() {
  local have want file inbox id status
  have="$(residents_of "$COMMUNITY")"
  [ -n "$have" ] || die "cannot count the residents of $COMMUNITY through the API"
  want=$((RESIDENTS - have))
  if [ "$want" -le 0 ]; then log "$COMMUNITY has $have residents"; return; fi
  inbox="$WUSHE_HOME/domains/wushe/wushe-inbox"
  mkdir -p "$inbox"
  file="residents-load-$COMMUNITY-$RESIDENTS.csv"
  log "$COMMUNITY has $have residents: importing $want new ones ($file, through the server's residents-import)"
  python3 - "$inbox/$file" "$want" "$COMMUNITY" <<'PY'
import datetime, os, sys
path, lines, community = sys.argv[1], int(sys.argv[2]), sys.argv[3]
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def check(s): return "10X98765432"[sum(int(c) * w for c, w in zip(s, W)) % 11]
family = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
given = ["秀英", "建国", "桂兰", "志强", "晨", "浩宇", "欣怡", "明", "丽", "军", "静", "伟", "芳", "磊", "洋"]
tags = ["", "", "", "", "独居老人", "党员", "高龄老人", "低保户", "", ""]
with open(path + ".part", "w", encoding="utf-8") as f:
    f.write("id_number,name,gender,birth_date,phone,address,community_code,grid_code,tags\r\n")
    for i in range(lines):
        birth = datetime.date(1935, 1, 1) + datetime.timedelta(days=(i * 7) % 30000)
        male = i % 2 == 1
        first17 = "469027" + birth.strftime("%Y%m%d") + "%03d" % ((i // 30000 * 500 + i % 500) % 1000 // 2 * 2 + (1 if male else 0))
        # unique: the birth date cycles every 30,000/7 lines, the sequence part separates the cycles
        f.write("%s,%s%s,%s,%s,139%08d,江城市东湖区幸福路%d号%d栋,%s,%s-G%02d,%s\r\n" % (
            first17 + check(first17), family[i % len(family)], given[i // 20 % len(given)], "男" if male else "女",
            birth.isoformat(), i, i % 300, i % 12, community, community, i % 5 + 1, tags[i % len(tags)]))
os.rename(path + ".part", path)
PY
  id="$(https -u "operator:$DEMO_PASSWORD" "${CHANGE[@]}" -H 'Content-Type: application/json' -X POST -d '{}' \
    "$BASE/api/jobs/residents-import/executions" | jq -r .executionId)"
  [ -n "$id" ] && [ "$id" != null ] || die "residents-import did not start"
  for _ in $(seq 1 600); do
    status="$(https -u "operator:$DEMO_PASSWORD" "$BASE/api/jobs/executions/$id" | jq -r .status)"
    case "$status" in COMPLETED|FAILED|STOPPED|ABANDONED) break ;; esac
    sleep 2
  done
  [ "$status" = COMPLETED ] || die "residents-import execution $id ended $status"
  have="$(residents_of "$COMMUNITY")"
  log "residents-import $id $status: $COMMUNITY has ${have:-?} residents"
}

# Service hours waiting for the verifying social worker (VERIFIER), recorded yesterday through the
# API by RECORDER (one hour each) on the active positions VERIFIER supervises; with POSITION_FOR set,
# such a position is created first when the community has none of that name.
seed_hours() {
  local n="$1" positions residents day me
  if [ -n "${POSITION_FOR:-}" ]; then
    get "$RECORDER" "communities/$COMMUNITY/positions" || return 0
    if ! jq -e '.[]? | select(.name == "负载测试岗位")' "$WORK/api.json" >/dev/null; then
      log "creating the position 负载测试岗位 in $COMMUNITY, supervised by $VERIFIER: HTTP $(https -o "$WORK/api.json" -w '%{http_code}' \
        -u "$VERIFIER:$DEMO_PASSWORD" "${CHANGE[@]}" -H 'Content-Type: application/json' -X POST \
        -d "{\"name\":\"负载测试岗位\",\"type\":\"ELDERLY_VISITING\",\"supervisorUsername\":\"$VERIFIER\",\"description\":\"load\"}" \
        "$BASE/api/communities/$COMMUNITY/positions") $(head -c 300 "$WORK/api.json")"
    fi
    get "$RECORDER" "communities/$COMMUNITY/positions" || return 0
    positions="$(jq -r '.[]? | select(.active and .name == "负载测试岗位") | .id' "$WORK/api.json" | paste -sd' ')"
  else
    get "$VERIFIER" "me" || return 0
    me="$(jq -r '.accountId // empty' "$WORK/api.json")"
    get "$RECORDER" "communities/$COMMUNITY/positions" || return 0
    positions="$(jq -r --arg me "$me" '.[]? | select(.active and ($me == "" or (.supervisorId | tostring) == $me)) | .id' "$WORK/api.json" | paste -sd' ')"
  fi
  get "$RECORDER" "residents?size=100&community=$COMMUNITY" || return 0
  residents="$(jq -r '.items[]? | .id' "$WORK/api.json" | paste -sd' ')"
  [ -n "$positions" ] && [ -n "$residents" ] || { log "no position or residents to record hours on: verify hours will find nothing"; return 0; }
  day="$(date -d yesterday +%F)"
  log "recording $n service hours ($RECORDER, positions $positions of $COMMUNITY) for their supervisor ($VERIFIER) to verify"
  local -a P=($positions) R=($residents)
  for i in $(seq 0 $((n - 1))); do
    echo "${P[i % ${#P[@]}]} ${R[i % ${#R[@]}]} $(( i / 60 % 22 )) $(( i % 60 ))"
  done | while read -r pos res h m; do
    printf '{"positionId":%s,"residentId":%s,"startedAt":"%sT%02d:%02d","endedAt":"%sT%02d:%02d","description":"load"}\n' \
      "$pos" "$res" "$day" "$h" "$m" "$day" $((h + 1)) "$m"
  done > "$WORK/hours.json"
  # four at a time: each request signs in by Basic (the password hash is checked every time)
  xargs -P 4 -d '\n' -I{} curl -s -o /dev/null -w '%{http_code}\n' --cacert "$CACERT" -u "$RECORDER:$DEMO_PASSWORD" \
    "${CHANGE[@]}" -H 'Content-Type: application/json' -X POST -d {} "$BASE/api/hours" < "$WORK/hours.json" > "$WORK/hours.codes" || true
  log "hours recorded: $(sort "$WORK/hours.codes" | uniq -c | awk '{printf "%s×HTTP %s ", $1, $2}')"
}

# PostgreSQL, SOCIALS > 1: the social workers bench.social2.. (copies of bench.social, same
# password) in B0002.., each supervising a position 负载测试岗位 in their community (ids 900101.. for
# bench.social's B0001 and the others), and HOURS spread over them as records waiting for their
# verification (one hour each, yesterday, on residents of their community), written in SQL as the
# city itself: through the API each record would cost a Basic sign-in's password hash.
seed_socials() {
  local per=$(( (HOURS + SOCIALS - 1) / SOCIALS ))
  "${PSQL[@]}" -d "$PGDB" -v ON_ERROR_STOP=1 -q <<SQL
INSERT INTO account (id, username, password_hash, display_name, account_role, community_id, supervisor_id,
                     resident_id, failed_sign_ins, locked_until, enabled, created_at, version)
SELECT 900100 + g, 'bench.social' || g, a.password_hash, '基准社工' || g, 'SOCIAL_WORKER', 100000 + g, NULL, NULL,
       0, NULL, true, now(), 0
FROM account a, generate_series(2, $SOCIALS) g
WHERE a.username = 'bench.social' AND NOT EXISTS (SELECT 1 FROM account WHERE username = 'bench.social' || g);
INSERT INTO volunteer_position (id, community_id, name, position_type, supervisor_id, description, active, version)
SELECT 900100 + g, 100000 + g, '负载测试岗位', 'ELDERLY_VISITING', CASE WHEN g = 1 THEN 900001 ELSE 900100 + g END,
       'load', true, 0
FROM generate_series(1, $SOCIALS) g WHERE NOT EXISTS (SELECT 1 FROM volunteer_position WHERE id = 900100 + g);
DELETE FROM service_hours WHERE position_id BETWEEN 900101 AND 900100 + $SOCIALS AND status = 'PENDING';
INSERT INTO service_hours (id, community_id, position_id, shift_id, resident_id, started_at, ended_at, minutes,
                           description, recorded_by, recorded_at, status, first_verifier, second_verifier,
                           verified_at, rejection_reason, reverses_id, reversal_reason, version)
SELECT nextval('service_hours_seq'), 100000 + g, 900100 + g, NULL, 1000000 + (g - 1) * 2000 + 1 + i % 2000,
       (current_date - 1) + (480 + i % 600) * interval '1 minute', (current_date - 1) + (540 + i % 600) * interval '1 minute',
       60, 'load', 'bench.recorder', now(), 'PENDING', NULL, NULL, NULL, NULL, NULL, NULL, 0
FROM generate_series(1, $SOCIALS) g, generate_series(0, $per - 1) i;
SQL
  log "$SOCIALS social workers (bench.social, bench.social2..$SOCIALS in B0001..): $per service hours waiting for each"
}
waiting_all() {
  "${PSQL[@]}" -d "$PGDB" -tAc "SELECT count(*) FROM service_hours WHERE position_id BETWEEN 900101 AND 900100 + $SOCIALS AND status = 'PENDING'"
}

# Each verifying session verifies about one record per round of its day (~30 s).
HOURS="${HOURS:-$(( USERS * DURATION_S / 30 + 50 ))}"
if [ "$MODE" = derby ]; then
  grow_community
  RECORDER=cadre1 VERIFIER=social1; seed_hours "$HOURS"
elif [ "$SOCIALS" = 1 ]; then
  # bench.social has no position of its own in the city-scale data: one is made for the run.
  RECORDER=bench.social VERIFIER=bench.social POSITION_FOR=yes; seed_hours "$HOURS"
else
  seed_socials
fi

# ---- the run ----------------------------------------------------------------------------------

GF_PID="$(cat "$WUSHE_HOME/domains/wushe/config/pid")"
if [ "$MODE" = postgresql ]; then DB_PIDS="$(db_pids | paste -sd' ')"   # the postmaster and its backends
else DB_PIDS="$(ss -ltnpH "sport = :$DB_PORT" | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u | paste -sd' ')"; fi
# The load generator trusts the domain's own certificate (a PKCS12 trust store made from its PEM).
rm -f "$WORK/trust.p12"
keytool -importcert -noprompt -alias wushe -file "$CACERT" -keystore "$WORK/trust.p12" -storetype PKCS12 \
  -storepass changeit >/dev/null
export WUSHE_LOAD_TRUSTSTORE="$WORK/trust.p12"
# Compile first, so the build is not in the CPU figures.
(cd "$LOAD" && mvn -B -q test-compile) || die "bench/load does not build"

# a process's CPU with its ended children (PostgreSQL's ended backends count to the postmaster)
ticks() { { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null || echo "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"; } | awk '{print $12 + $13 + $14 + $15}'; }
children_ticks() { awk '{print $16 + $17}' "/proc/$$/stat"; }                       # this shell's waited children
sum_ticks() { local t=0 p; for p in "$@"; do t=$((t + $(ticks "$p"))); done; echo "$t"; }
HZ="$(getconf CLK_TCK)"
jstat -gc "$GF_PID" 5000 > "$WORK/heap" 2>/dev/null &
SAMPLER=$!
# What the writes did, as the server tells it afterwards: the needs of C001 (where the grid worker
# and the cadre register) and the hours waiting for the verifier.
counts() {
  echo "$(https -u "cadre1:$DEMO_PASSWORD" "$BASE/api/communities/C001/needs?size=1" | jq -r '.total // "?"')" \
       "$(if [ "${SOCIALS:-1}" -gt 1 ]; then waiting_all; else https -u "$VERIFIER:$DEMO_PASSWORD" "$BASE/api/me/work" | jq -r '[.[] | select(.kind == "hoursToVerify") | .count] | add // 0'; fi)"
}
# A warm-up before the measured run (WARMUP seconds, default 60; 0: none): a tenth of the sessions
# (at least 5) walk the same day, so the server's compiler and pools are warm when the run starts,
# as on a server that has been up for a while. Without it the first minute of a freshly started
# server (hours seeded in SQL, no request before) was the run's slowest: sign-in pages at 3.9 s,
# every page type's maximum above 4 s.
WARMUP="${WARMUP:-60}"
if [ "$WARMUP" -gt 0 ]; then
  log "warm-up: $(( USERS / 10 > 5 ? USERS / 10 : 5 )) sessions for ${WARMUP} s (not measured)"
  (cd "$LOAD" && WUSHE_BASE="$BASE" USERS="$(( USERS / 10 > 5 ? USERS / 10 : 5 ))" RAMP=10 DURATION="$WARMUP" THINK="$THINK" \
     LOGINS="$LOGINS" COMMUNITY="$COMMUNITY" mvn -B -q gatling:test) > "$BENCH_HOME/load-$MODE-warmup.out" 2>&1 \
    || log "the warm-up ended with an error (see $BENCH_HOME/load-$MODE-warmup.out)"
fi
read -r NEEDS0 WAITING0 < <(counts)
# BENCH_PG_OPTIONS='-c shared_preload_libraries=pg_stat_statements' (postgresql): the database's
# statements of the measured run (counted from here, after the warm-up), printed at the end by
# total time with their calls and time per page request.
PGSS=no
if [ "$MODE" = postgresql ] && [[ "${BENCH_PG_OPTIONS:-}" == *pg_stat_statements* ]]; then
  "${PSQL[@]}" -d "$PGDB" -qc "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" \
    && "${PSQL[@]}" -d "$PGDB" -tAc "SELECT pg_stat_statements_reset()" >/dev/null && PGSS=yes
fi
touch "$WORK/started"
GF0="$(ticks "$GF_PID")"; DB0="$(sum_ticks $DB_PIDS)"; GEN0="$(children_ticks)"; T0=$(date +%s)
log "$USERS sessions ($LOGINS), ramp ${RAMP_S} s, each working ${DURATION_S} s, think ${THINK} s, against $BASE"
# Memory per signed-in user: the live heap (after a full collection) 20 s before the first session
# ends (after the ramp: every session signed in, none out yet), against the live heap after all of them signed out (the working day ends
# with the shell's sign-out), divided by the sessions. Both are taken after the load warmed the
# server's caches; a full collection pauses the server once, for a fraction of a second.
# The live heap in KB: the size a full collection left, from the JVM's own GC log (bench/live-heap.sh;
# the used heap read with jstat after the collection also counted what the sessions allocated since).
. "$REPO/bench/live-heap.sh"
live_heap_kb() {
  local mb
  mb="$(live_heap_mb "$GF_PID")"
  if [ -n "$mb" ]; then echo $(( mb * 1024 )); fi
}
LIVE_PROBE=""
if [ $((DURATION_S - 20)) -gt "$RAMP_S" ]; then
  ( sleep $((DURATION_S - 20)); live_heap_kb > "$WORK/live-active" ) &
  LIVE_PROBE=$!
fi
# Whether the heap stays flat: the same live heap a minute after the ramp, every session signed in,
# against the one above near the end (runs of more than three minutes).
EARLY_PROBE=""
if [ $((DURATION_S - 20)) -gt $((RAMP_S + 120)) ]; then
  ( sleep $((RAMP_S + 60)); live_heap_kb > "$WORK/live-early" ) &
  EARLY_PROBE=$!
fi
# The simulation's parameters go by environment (bench/load/README.md).
(cd "$LOAD" && WUSHE_BASE="$BASE" USERS="$USERS" RAMP="$RAMP_S" DURATION="$DURATION_S" THINK="$THINK" LOGINS="$LOGINS" \
   COMMUNITY="$COMMUNITY" mvn -B -q gatling:test) > "$BENCH_HOME/load-$MODE-gatling.out" 2>&1 \
  || log "gatling ended with an error (see $BENCH_HOME/load-$MODE-gatling.out)"
T1=$(date +%s); GEN1="$(children_ticks)"; GF1="$(ticks "$GF_PID")"; DB1="$(sum_ticks $DB_PIDS)"
kill "$SAMPLER" 2>/dev/null || true; SAMPLER=""
[ -n "$LIVE_PROBE" ] && { wait "$LIVE_PROBE" 2>/dev/null || true; }
[ -n "$EARLY_PROBE" ] && { wait "$EARLY_PROBE" 2>/dev/null || true; }
LIVE_EARLY="$(cat "$WORK/live-early" 2>/dev/null || true)"
LIVE_ACTIVE="$(cat "$WORK/live-active" 2>/dev/null || true)"
LIVE_AFTER="$(live_heap_kb)"

# ---- the figures ------------------------------------------------------------------------------

RUN_DIR="$(find "$LOAD/target/gatling" -maxdepth 1 -name 'workingday-*' -newer "$WORK/started" 2>/dev/null | sort | tail -n 1)"
STATS="$RUN_DIR/js/stats.js"
[ -f "$STATS" ] || { tail -n 20 "$BENCH_HOME/load-$MODE-gatling.out" >&2; die "no Gatling results (see $BENCH_HOME/load-$MODE-gatling.out)"; }
# js/stats.js holds one JSON "stats" object per request name (and one for all requests) inside a
# script; the simulation.log of this Gatling version is binary.
echo
python3 - "$STATS" <<'PY'
import json, sys
s = open(sys.argv[1], encoding="utf-8").read()
rows, i = [], 0
while True:
    i = s.find("\nstats: {", i)
    if i < 0:
        break
    j = s.index("{", i); depth = 0
    for k in range(j, len(s)):
        depth += {"{": 1, "}": -1}.get(s[k], 0)
        if depth == 0:
            break
    rows.append(json.loads(s[j:k + 1])); i = k
print("| request | requests | errors | p50 ms | p95 ms | max ms | req/s |")
print("|---|---|---|---|---|---|---|")
for r in rows[1:] + rows[:1]:
    name = "**all requests**" if r["name"] == "All Requests" else r["name"]
    print("| %s | %s | %s | %s | %s | %s | %s |" % (name, r["numberOfRequests"]["total"], r["numberOfRequests"]["ko"],
          r["percentiles1"]["total"], r["percentiles3"]["total"], r["maxResponseTime"]["total"],
          r["meanNumberOfRequestsPerSecond"]["total"]))
PY
echo
# jstat -gc: S0U S1U EU OU (columns 3, 4, 6, 8) are the used parts of the survivor spaces, eden and
# the old generation (KB).
awk '$1 ~ /^[0-9.]+$/ { u = $3 + $4 + $6 + $8; if (u > peak) peak = u; if (!n++) { o0 = $8; y0 = $13; g0 = $19 } o1 = $8; y = $13; f = $15; g = $19 }
     END { printf "heap: peak %.0f MB used; old generation %.0f MB at the start, %.0f MB at the end (%d samples every 5 s; %d young, %d full collections so far); from the warm-up to the end %d young collections, %.1f s of collection pauses\n",
           peak / 1024, o0 / 1024, o1 / 1024, n, y, f, y - y0, g - g0 }' "$WORK/heap"
WALL=$((T1 - T0)); CORES="$(nproc)"
GEN=$(( (GEN1 - GEN0) / HZ )); GF=$(( (GF1 - GF0) / HZ )); DBC=$(( (DB1 - DB0) / HZ ))
echo "CPU over ${WALL} s on $CORES cores: load generator ${GEN} s ($(( 100 * GEN / (WALL * CORES) ))% of the machine)," \
     "server ${GF} s ($(( 100 * GF / (WALL * CORES) ))%), database ${DBC} s ($(( 100 * DBC / (WALL * CORES) ))%)"
if [ -n "$LIVE_ACTIVE" ] && [ -n "$LIVE_AFTER" ]; then
  echo "live heap: $(( LIVE_ACTIVE / 1024 )) MB with $USERS sessions signed in, $(( LIVE_AFTER / 1024 )) MB after they signed out:" \
       "about $(( (LIVE_ACTIVE - LIVE_AFTER) / USERS )) KB per signed-in user"
else
  echo "live heap: not measured (DURATION must exceed RAMP by more than 20 s)"
fi
if [ -n "$LIVE_EARLY" ] && [ -n "$LIVE_ACTIVE" ]; then
  echo "heap over the run: live $(( LIVE_EARLY / 1024 )) MB a minute after the ramp, $(( LIVE_ACTIVE / 1024 )) MB 20 s before the end" \
       "(every session signed in both times)"
fi
read -r NEEDS1 WAITING1 < <(counts)
echo "writes seen by the server: C001 needs $NEEDS0 -> $NEEDS1, hours waiting for" \
     "$([ "${SOCIALS:-1}" -gt 1 ] && echo "the $SOCIALS social workers" || echo "$VERIFIER") $WAITING0 -> $WAITING1"
if [ "$MODE" = postgresql ] && [ "${SOCIALS:-1}" -gt 1 ]; then
  echo "the social workers' records by status: $("${PSQL[@]}" -d "$PGDB" -tAc "SELECT string_agg(status || ' ' || n, ', ') FROM (SELECT status, count(*) n FROM service_hours WHERE position_id BETWEEN 900101 AND 900100 + $SOCIALS GROUP BY status) x")"
fi
if [ "$PGSS" = yes ]; then
  REQUESTS="$(python3 -c 'import sys,re; s=open(sys.argv[1],encoding="utf-8").read(); i=s.index("\nstats: {"); print(re.search(r"\"numberOfRequests\":\s*\{\s*\"total\":\s*\"?(\d+)", s[i:]).group(1))' "$STATS")"
  echo "the database's statements of the run by total time (pg_stat_statements; $REQUESTS requests):"
  "${PSQL[@]}" -d "$PGDB" -P pager=off -c "SELECT calls, round(calls::numeric / $REQUESTS, 2) AS per_req, rows,
      round(total_exec_time) AS ms, round((total_exec_time / $REQUESTS)::numeric, 3) AS ms_per_req,
      round((total_exec_time / greatest(calls, 1))::numeric, 3) AS ms_per_call,
      left(regexp_replace(query, '\s+', ' ', 'g'), 150) AS query
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
    ORDER BY total_exec_time DESC LIMIT ${PGSS_TOP:-25}"
  "${PSQL[@]}" -d "$PGDB" -tAc "SELECT 'all statements: ' || sum(calls) || ' calls (' || round(sum(calls)::numeric / $REQUESTS, 1)
      || ' a request), ' || round(sum(total_exec_time)) || ' ms (' || round((sum(total_exec_time) / $REQUESTS)::numeric, 2) || ' ms a request)'
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
fi
echo "report: $RUN_DIR/index.html"
