# What the benchmarks that run the application share (bench/settle.sh, bench/reports.sh): the
# database (the private PostgreSQL cluster or the application's Derby), the server, the sampling of
# the server's heap and CPU and the database's CPU, following a job through the operator REST API.
#
# Sourced after these are set: REPO, BENCH_HOME (default .wushe-bench), DB (postgresql|derby),
# WUSHE_HOME (exported), NAME (the benchmark's name for its files under BENCH_HOME), PGDB (its
# PostgreSQL database), LIMIT (seconds before a running job is stopped), DUMP_EVERY (seconds between
# thread dumps of the server), BENCH_PGPORT (the private cluster's port, default 25433), BENCH_PG_OPTIONS
# (more server options for it, e.g. -c shared_preload_libraries=pg_stat_statements).
#
# The server is the secured demo: PostgreSQL through WUSHE_DEMO_ON_POSTGRESQL=yes (benchmarks only),
# HTTPS on 8181 with the domain's self-signed certificate (curl --cacert, never -k), HTTP Basic on
# every API request (the API takes no session cookie), X-Requested-With on state-changing calls.
# The Derby network server needs its user and generated password (derby.properties in the Derby
# home); they go to the bench programs as BENCH_DB_PASSWORD in their environment, never as an
# argument, and are never printed.
# The caller may define on_limit (run once before the job is stopped at LIMIT) and on_minute (run
# every minute while the job runs).

# The private cluster's port (BENCH_PGPORT, default 25433) and the server's ports: HTTPS 8181 and
# the Derby network server 1527, or WUSHE_PORT_BASE + 181 and + 27 when a port base moves the
# installation (the admin port, + 48, is config/server.sh's own), as config/server.sh does.
PGPORT="${BENCH_PGPORT:-25433}"
BENCH_HTTPS_PORT=$(( ${WUSHE_PORT_BASE:-8000} + 181 ))
if [ -n "${WUSHE_PORT_BASE:-}" ]; then BENCH_DERBY_PORT=$((WUSHE_PORT_BASE + 27)); else BENCH_DERBY_PORT=1527; fi
log() { printf '[bench] %s\n' "$*"; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

mkdir -p "$WUSHE_HOME"
WORK="$(mktemp -d)"
DUMPS="$BENCH_HOME/$NAME-$DB-dumps"
SERVER_OUT="$BENCH_HOME/$NAME-$DB-server.out"
SAMPLER=""
PGBIN=""
DATA="$BENCH_HOME/pgdata"
API="https://localhost:$BENCH_HTTPS_PORT/wushe/api"
# The domain's HTTPS certificate (self-signed, written by config/server.sh when it makes the domain).
CACERT="$WUSHE_HOME/domains/wushe/config/wushe-https.pem"
https() { curl --cacert "$CACERT" "$@"; }
# Every API request carries Basic (the API is stateless); state-changing ones also X-Requested-With.
AUTH=(-u "bench.operator:Wushe@2026")
CHANGE=(-H 'X-Requested-With: bench')

as_owner() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
# At the end, whatever happened: the sampler, the server and the database stopped (each by its own
# command), unless KEEP=1.
cleanup() {
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null || true
  if [ "${KEEP:-0}" = 1 ]; then log "KEEP=1: the server and the database keep running"; rm -rf "$WORK"; return; fi
  bash "$REPO/config/server.sh" stop >/dev/null 2>&1 || true
  if [ -n "$PGBIN" ]; then as_owner "'$PGBIN/pg_ctl' -D '$DATA' -m fast -w stop" >/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
command -v jq >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null;
                               DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null; }

running() {   # REUSE=1 and the server of an earlier KEEP=1 run answers
  [ "${REUSE:-0}" = 1 ] && [ -f "$CACERT" ] && https -sf -o /dev/null "https://localhost:$BENCH_HTTPS_PORT/wushe/login.xhtml" \
    && log "REUSE=1: using the running server as it is"
}
start_server() {   # a busy machine can take longer than asadmin waits for the domain to start: once more then
  local try
  for try in 1 2; do
    if bash "$REPO/config/server.sh" run > "$SERVER_OUT" 2>&1; then
      grep -E "Wushe DEMO .* is running" "$SERVER_OUT" || true; return 0
    fi
    log "config/server.sh run failed (try $try): $(grep -v '^\s*$' "$SERVER_OUT" | tail -n 3 | tr '\n' ' ')"
  done
  die "the server did not start; see $SERVER_OUT and $WUSHE_HOME/domains/wushe/logs/server.log"
}

# The database and the application on it (built and deployed by config/server.sh unless REUSE=1);
# sets URL (JDBC, for the bench programs), DBUSER, CP (its driver), DBVERSION and, for PostgreSQL,
# PSQL; BENCH_DB_PASSWORD (exported: the bench programs read it when given "-" as the password).
# FRESH=1 starts from an empty database.
start_database_and_server() {
  if [ "$DB" = postgresql ]; then
    if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    if [ ! -f "$DATA/PG_VERSION" ]; then
      mkdir -p "$DATA"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA"
      as_owner "'$PGBIN/initdb' -D '$DATA' -U wushe --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
    fi
    as_owner "'$PGBIN/pg_ctl' -D '$DATA' status" >/dev/null 2>&1 || \
    as_owner "'$PGBIN/pg_ctl' -D '$DATA' -o '-p $PGPORT -k /tmp -c listen_addresses=localhost -c shared_buffers=1GB ${BENCH_PG_OPTIONS:-}' -l '$DATA/server.log' -w start" >/dev/null
    PSQL=("$PGBIN/psql" -h localhost -p "$PGPORT" -U wushe -v ON_ERROR_STOP=1 -q)
    if [ "${FRESH:-0}" = 1 ]; then "$PGBIN/dropdb" -h localhost -p "$PGPORT" -U wushe --if-exists "$PGDB"; fi
    if ! "${PSQL[@]}" -d postgres -lqt | cut -d'|' -f1 | grep -qw "$PGDB"; then
      "$PGBIN/createdb" -h localhost -p "$PGPORT" -U wushe -E UTF8 "$PGDB"
    fi
    # The demo on PostgreSQL, which config/server.sh runs only when told it is for benchmarks.
    export WUSHE_DB=postgresql WUSHE_DEMO_ON_POSTGRESQL=yes WUSHE_PG_URL="jdbc:postgresql://localhost:$PGPORT/$PGDB" \
      WUSHE_PG_USER=wushe WUSHE_PG_PASSWORD=wushe
    running || start_server
    URL="jdbc:postgresql://localhost:$PGPORT/$PGDB?reWriteBatchedInserts=true"
    DBUSER=wushe; export BENCH_DB_PASSWORD=wushe   # the private cluster trusts local connections
    CP="$REPO/ear/target/jdbc/postgresql.jar"
    DBVERSION="PostgreSQL $("${PSQL[@]}" -d "$PGDB" -tAc 'SHOW server_version')"
  else
    if [ "${FRESH:-0}" = 1 ] && [ -d "$WUSHE_HOME/derby" ]; then
      bash "$REPO/config/server.sh" stop >/dev/null 2>&1 || true
      rm -rf "$WUSHE_HOME/derby"
    fi
    running || start_server
    URL="jdbc:derby://localhost:$BENCH_DERBY_PORT/wushe"
    # The Derby network server of the demo requires authentication: user wushe, the password
    # config/server.sh generated into derby.properties (derby.user.wushe=...).
    DBUSER=wushe
    BENCH_DB_PASSWORD="$(sed -n 's/^derby\.user\.wushe=//p' "$WUSHE_HOME/derby/derby.properties" 2>/dev/null)"
    [ -n "$BENCH_DB_PASSWORD" ] || die "no password for the Derby user wushe in $WUSHE_HOME/derby/derby.properties"
    export BENCH_DB_PASSWORD
    CP="$(ls "$WUSHE_HOME"/glassfish7/javadb/lib/{derbyclient,derbyshared,derbytools}.jar 2>/dev/null | paste -sd:)"
    DBVERSION="Derby $(unzip -p "$WUSHE_HOME/glassfish7/javadb/lib/derbyclient.jar" META-INF/MANIFEST.MF 2>/dev/null \
      | sed -n 's/^Bundle-Version: *//p' | tr -d '\r' | sed 's/^\([0-9]*\.[0-9]*\)\.\([0-9]*\)000000\..*/\1.\2/')"
  fi
}

value() { grep "^$1=" "$2" | tail -n 1 | cut -d= -f2-; }
secs() { date -d "$1" +%s.%N; }

# How busy the cores were over an interval: cpu_mark before, cpu_busy after.
cpu_mark() { head -n 1 /proc/stat > "$WORK/cpu.$1"; }
# At the end of a followed run: the CPU of the job's thread, the server and the database since
# GF_CPU0/DB_CPU0, the heap sampler stopped, and from its jstat -gc samples (S0U S1U EU OU are the used
# parts of the survivor spaces, eden and the old generation, KB; YGC, FGC and GCT count from the
# server's start: the run's are the last sample's less the first's) the peak heap, the old
# generation's most and the collections. Sets JOB_BUSY GF_CPU DB_CPU PEAK_MB OLD_MB GCS.
run_figures() {
  JOB_BUSY="$(cpu_busy job)"
  GF_CPU=$(( ($(cpu_seconds "$GF_PID") - GF_CPU0) / $(getconf CLK_TCK) ))
  DB_CPU=$(( ($(cpu_seconds $(db_pids)) - DB_CPU0) / $(getconf CLK_TCK) ))
  kill "$SAMPLER" 2>/dev/null || true; SAMPLER=""
  PEAK_MB="$(awk '$1 ~ /^[0-9.]+$/ { u = $3 + $4 + $6 + $8; if (u > m) m = u } END { printf "%.0f", m / 1024 }' "$WORK/heap")"
  OLD_MB="$(awk '$1 ~ /^[0-9.]+$/ { if ($8 > m) m = $8 } END { printf "%.0f", m / 1024 }' "$WORK/heap")"
  GCS="$(awk '$1 ~ /^[0-9.]+$/ { if (!n++) { y0 = $13; f0 = $15; t0 = $NF } y = $13; f = $15; t = $NF }
    END { printf "%d young and %d full collections, %.1f s in GC", y - y0, f - f0, t - t0 }' "$WORK/heap")"
}

cpu_busy() {
  local a b ta=0 tb=0 i
  read -ra a < "$WORK/cpu.$1"; read -ra b < /proc/stat
  for i in 1 2 3 4 5 6 7 8; do ta=$((ta + a[i])); tb=$((tb + b[i])); done
  echo $(( 100 - 100 * (b[4] + b[5] - a[4] - a[5]) / (tb - ta) ))
}
# CPU time used so far by processes (clock ticks, their threads included, and their children that
# have ended: PostgreSQL's parallel workers and ended connections count to the postmaster).
cpu_seconds() {
  local total=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] || continue
    total=$((total + $(sed 's/^.*) //' "/proc/$p/stat" | awk '{print $12 + $13 + $14 + $15}')))
  done
  echo "$total"
}
db_pids() {
  if [ "$DB" = postgresql ]; then
    local master; master="$(head -n 1 "$DATA/postmaster.pid")"
    echo "$master" $(ps -o pid= --ppid "$master")
  else
    ss -ltnpH "sport = :$BENCH_DERBY_PORT" | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u
  fi
}

# Before the job: the server's heap sampled every second (jstat) from now on, the CPU counters
# noted; sets GF_PID and HEAP_MAX_MB.
start_sampling() {
  GF_PID="$(cat "$WUSHE_HOME/domains/wushe/config/pid")"
  HEAP_MAX_MB=$(( $(jcmd "$GF_PID" VM.flags 2>/dev/null | grep -o 'MaxHeapSize=[0-9]*' | head -n 1 | cut -d= -f2) / 1048576 ))
  jstat -gc "$GF_PID" 1000 > "$WORK/heap" 2>/dev/null &
  SAMPLER=$!
  mkdir -p "$DUMPS"; rm -f "$DUMPS"/*.txt
  GF_CPU0="$(cpu_seconds "$GF_PID")"; DB_CPU0="$(cpu_seconds $(db_pids))"
  cpu_mark job
}

# Starts a job through REST with a JSON body of parameters; prints its execution id.
start_job() {
  local id
  id="$(https -sf "${AUTH[@]}" "${CHANGE[@]}" -H 'Content-Type: application/json' -X POST -d "$2" \
    "$API/jobs/$1/executions" | jq -r .executionId)"
  [ -n "$id" ] && [ "$id" != null ] || die "the job $1 did not start"
  echo "$id"
}

# Follows an execution to its end (its last state in $WORK/execution, its status in STATUS), taking
# a thread dump of the server (and of the Derby server) every DUMP_EVERY seconds and stopping it at LIMIT (STOPPED_AT_LIMIT=1);
# then the sampling ends: JOB_BUSY, GF_CPU, DB_CPU (seconds), PEAK_MB, OLD_MB, GCS, and the steps printed.
follow_job() {
  local id="$1" started=$SECONDS last_dump=$SECONDS last_note=$SECONDS
  STOPPED_AT_LIMIT=0
  while :; do
    https -sf "${AUTH[@]}" "$API/jobs/executions/$id" > "$WORK/execution"
    STATUS="$(jq -r .status "$WORK/execution")"
    case "$STATUS" in COMPLETED|FAILED|STOPPED|ABANDONED) break ;; esac
    if [ "$STOPPED_AT_LIMIT" = 0 ] && [ $((SECONDS - started)) -ge "$LIMIT" ]; then
      log "still running after $LIMIT s: stopping execution $id"
      if declare -F on_limit >/dev/null; then on_limit; fi
      https -sf -o /dev/null "${AUTH[@]}" "${CHANGE[@]}" -X POST "$API/jobs/executions/$id/stop" || true
      STOPPED_AT_LIMIT=1
    fi
    if [ $((SECONDS - last_dump)) -ge "$DUMP_EVERY" ]; then
      jcmd "$GF_PID" Thread.print > "$DUMPS/dump-$((SECONDS - started))s.txt" 2>/dev/null || true
      # Derby runs in a JVM of its own: where the database spends its time
      if [ "$DB" = derby ]; then
        jcmd "$(db_pids | head -n 1)" Thread.print > "$DUMPS/derby-$((SECONDS - started))s.txt" 2>/dev/null || true
      fi
      last_dump=$SECONDS
    fi
    if [ $((SECONDS - last_note)) -ge 60 ] && declare -F on_minute >/dev/null; then
      on_minute $((SECONDS - started))
      last_note=$SECONDS
    fi
    sleep 1
  done
  run_figures
  jq -r '.steps[] | "[bench]   step \(.name): \(.status), \(.start) .. \(.end), read \(.read), written \(.written), skipped \(.skipped), commits \(.commits), rollbacks \(.rollbacks)"' "$WORK/execution"
}

# Seconds of a step of the followed execution, and of the whole execution.
step_secs() {
  echo "$(secs "$(jq -r ".steps[] | select(.name == \"$1\") | .end" "$WORK/execution")") - $(secs "$(jq -r ".steps[] | select(.name == \"$1\") | .start" "$WORK/execution")")" | bc -l
}
job_secs() {
  echo "$(secs "$(jq -r .end "$WORK/execution")") - $(secs "$(jq -r .start "$WORK/execution")")" | bc -l
}
