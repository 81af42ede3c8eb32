# What bench/docking.sh and bench/home.sh share: the private PostgreSQL cluster (port 25433, under
# BENCH_HOME), the demo on it run by config/server.sh (WUSHE_DEMO_ON_POSTGRESQL=yes, benchmarks only),
# the city-scale city (bench/city-scale.sql) and its docking data (bench/docking.sql), each loaded once,
# then autovacuum and a checkpoint let finish. Sourced after REPO, BENCH_HOME, WUSHE_HOME (exported),
# NAME, PGPORT, DATA and log are set; defines PSQL, value and cpu_busy, and stops the server and the
# cluster at exit.
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


# Other work on the machine (a build, tests) shows up in the tails: say how busy the cores were over
# the 5 s before timing (the server and the database are idle then).
cpu_busy() {
  local a b ta=0 tb=0 i
  read -ra a < /proc/stat; sleep 5; read -ra b < /proc/stat   # cpu user nice system idle iowait ...
  for i in 1 2 3 4 5 6 7 8; do ta=$((ta + a[i])); tb=$((tb + b[i])); done
  echo $(( 100 - 100 * (b[4] + b[5] - a[4] - a[5]) / (tb - ta) ))
}
