#!/usr/bin/env bash
# Wushe server control: runs the demo on a local GlassFish with a Derby network server, stops it,
# and prepares the domain the integration tests run on.
#
#   bash config/server.sh run            build, start Derby and GlassFish, deploy, load the demo city
#   bash config/server.sh stop           stop GlassFish and Derby (their own stop commands)
#   bash config/server.sh admin <user>   create the first bureau administrator (asks for the password)
#   bash config/server.sh prepare-test <glassfish7-dir> [derby|postgresql] [port base, default 28000]
#                                        (called by the Maven build before the ITs)
#
# Environment: WUSHE_HOME (default <repo>/.wushe) holds the server, the domain and the database;
# WUSHE_DB=postgresql with WUSHE_PG_URL, WUSHE_PG_USER, WUSHE_PG_PASSWORD runs on PostgreSQL.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WUSHE_HOME="${WUSHE_HOME:-$REPO/.wushe}"
DOMAIN=wushe
ADMIN_PORT=4848
HTTP_PORT=8080
DERBY_PORT=1527
DEMO_PASSWORD='Wushe@2026'

log() { printf '[wushe] %s\n' "$*"; }
die() { printf '[wushe] ERROR: %s\n' "$*" >&2; exit 1; }

asadmin_in() { "$1/bin/asadmin" --interactive=false "${@:2}"; }

# Create a domain once; a second call finds it and does nothing.
ensure_domain() {    # gf home, domains dir, domain, portbase
  local gf="$1" dir="$2" name="$3" base="${4:-}"
  if [ -d "$dir/$name" ]; then
    log "domain $name exists in $dir"
  else
    log "creating domain $name"
    mkdir -p "$dir"
    local ports=()
    [ -n "$base" ] && ports=(--portbase "$base")
    asadmin_in "$gf" create-domain --nopassword=true "${ports[@]}" --domaindir "$dir" "$name" >/dev/null
  fi
}

# Set a JVM option, replacing an older value of the same option if there is one.
set_jvm_option() {   # gf home, admin port, option (e.g. -Xmx1g or -Dkey=value)
  local gf="$1" port="$2" opt="$3" key
  key="${opt%%=*}"
  case "$opt" in -Xmx*) key=-Xmx ;; esac
  local existing
  existing=$(asadmin_in "$gf" --port "$port" list-jvm-options 2>/dev/null | grep -E "^${key}(=|[0-9])" || true)
  [ "$existing" = "$opt" ] && return 0
  for old in $existing; do
    asadmin_in "$gf" --port "$port" delete-jvm-options -- "$(printf '%s' "$old" | sed 's/:/\\:/g')" >/dev/null || true
  done
  asadmin_in "$gf" --port "$port" create-jvm-options -- "$(printf '%s' "$opt" | sed 's/:/\\:/g')" >/dev/null
}

# Create the JDBC pool and resource globally, unless the resource already exists.
ensure_resources() { # gf home, admin port, resources xml
  local gf="$1" port="$2" xml="$3"
  if asadmin_in "$gf" --port "$port" list-jdbc-resources 2>/dev/null | grep -qx 'jdbc/wushe'; then
    log "jdbc/wushe exists"
  else
    log "creating jdbc/wushe from $(basename "$xml")"
    asadmin_in "$gf" --port "$port" add-resources "$xml" >/dev/null
  fi
}

cmd_prepare_test() {
  local gf="${1:?glassfish7 directory}" db="${2:-derby}" base="${3:-28000}"
  local dir="$gf/glassfish/domains" name=wushe-test port=$((base + 48))
  local marker="$dir/$name/.wushe-prepared"
  if [ -f "$marker" ] && [ "$(cat "$marker")" != "$db $base" ]; then
    log "test domain was prepared for $(cat "$marker"); recreating it for $db $base"
    rm -rf "${dir:?}/$name"
  fi
  ensure_domain "$gf" "$dir" "$name" "$base"
  if [ -f "$marker" ]; then log "test domain ready ($db)"; return 0; fi
  local resources="$REPO/config/derby-embedded-resources.xml"
  if [ "$db" = postgresql ]; then
    resources="$REPO/config/postgresql-resources.xml"
    cp "$REPO/ear/target/jdbc/postgresql.jar" "$dir/$name/lib/"
  fi
  asadmin_in "$gf" start-domain --domaindir "$dir" "$name" >/dev/null
  if [ "$db" = postgresql ]; then
    set_jvm_option "$gf" "$port" "-Dwushe.pg.url=${WUSHE_PG_URL:?WUSHE_PG_URL is needed for a PostgreSQL test domain}"
    set_jvm_option "$gf" "$port" "-Dwushe.pg.user=${WUSHE_PG_USER:-wushe}"
    set_jvm_option "$gf" "$port" "-Dwushe.pg.password=${WUSHE_PG_PASSWORD:-wushe}"
    asadmin_in "$gf" stop-domain --domaindir "$dir" "$name" >/dev/null
    asadmin_in "$gf" start-domain --domaindir "$dir" "$name" >/dev/null
  fi
  ensure_resources "$gf" "$port" "$resources"
  set_jvm_option "$gf" "$port" -Xmx1g
  set_jvm_option "$gf" "$port" -Dwushe.demo=true
  set_jvm_option "$gf" "$port" -Duser.timezone=Asia/Shanghai
  # create-domain leaves the HTTP listeners on 8080/8181 whatever the port base: move them.
  asadmin_in "$gf" --port "$port" set configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1.port=$((base + 80)) >/dev/null
  asadmin_in "$gf" --port "$port" set configs.config.server-config.network-config.network-listeners.network-listener.http-listener-2.port=$((base + 181)) >/dev/null
  # The test adapter reads the HTTP port from these server properties.
  asadmin_in "$gf" --port "$port" create-system-properties --target server \
    "HTTP_LISTENER_PORT=$((base + 80)):HTTP_SSL_LISTENER_PORT=$((base + 181))" >/dev/null
  # The tests start the jobs themselves: no nightly run in the middle of a test.
  asadmin_in "$gf" --port "$port" create-system-properties --target server "wushe.nightly.at=off" >/dev/null
  asadmin_in "$gf" stop-domain --domaindir "$dir" "$name" >/dev/null
  printf '%s' "$db $base" > "$marker"
  log "test domain $name prepared for $db (admin port $port, http port $((base + 80)))"
}

cmd_run() {
  command -v mvn >/dev/null || die "Maven (mvn) is needed on the PATH"
  # The reports' CJK font (wushe.reports.font; Debian's fonts-wqy-microhei by default).
  bash "$REPO/config/ensure-font.sh" || die "the reports need their CJK font; see the message above"
  local started=$SECONDS
  mkdir -p "$WUSHE_HOME"
  log "building the EAR and fetching GlassFish into $WUSHE_HOME"
  local unpack=()
  [ -d "$WUSHE_HOME/glassfish7" ] && unpack=(-Dglassfish.skipUnpack=true)
  (cd "$REPO" && mvn -B -q -DskipTests -Dglassfish.parent="$WUSHE_HOME" "${unpack[@]}" package) \
    || die "the build failed; see the Maven output above"
  local gf="$WUSHE_HOME/glassfish7" dir="$WUSHE_HOME/domains"
  local ear="$REPO/ear/target/wushe.ear"
  [ -f "$ear" ] || die "no EAR at $ear"

  local resources
  if [ "${WUSHE_DB:-derby}" = postgresql ]; then
    [ -n "${WUSHE_PG_URL:-}" ] || die "WUSHE_DB=postgresql needs WUSHE_PG_URL (jdbc:postgresql://host:5432/db)"
    resources="$REPO/config/postgresql-resources.xml"
  else
    resources="$REPO/config/derby-resources.xml"
    if "$gf/bin/asadmin" ping-database --dbport "$DERBY_PORT" >/dev/null 2>&1; then
      log "Derby already answers on port $DERBY_PORT"
    else
      log "starting Derby (data in $WUSHE_HOME/derby)"
      mkdir -p "$WUSHE_HOME/derby"
      asadmin_in "$gf" start-database --dbhost 127.0.0.1 --dbport "$DERBY_PORT" --dbhome "$WUSHE_HOME/derby" >/dev/null
    fi
  fi

  ensure_domain "$gf" "$dir" "$DOMAIN"
  if [ "${WUSHE_DB:-derby}" = postgresql ]; then
    mkdir -p "$dir/$DOMAIN/lib" && cp "$REPO/ear/target/jdbc/postgresql.jar" "$dir/$DOMAIN/lib/"
  fi
  if asadmin_in "$gf" list-domains --domaindir "$dir" 2>/dev/null | grep -q "^$DOMAIN running"; then
    log "domain $DOMAIN already running"
  else
    log "starting GlassFish"
    asadmin_in "$gf" start-domain --domaindir "$dir" "$DOMAIN" >/dev/null
  fi
  if [ "${WUSHE_DB:-derby}" = postgresql ]; then
    asadmin_in "$gf" --port "$ADMIN_PORT" create-system-properties \
      "wushe.pg.url=$(printf '%s' "$WUSHE_PG_URL" | sed 's/:/\\:/g'):wushe.pg.user=${WUSHE_PG_USER:-wushe}:wushe.pg.password=${WUSHE_PG_PASSWORD:-wushe}" >/dev/null
  fi
  ensure_resources "$gf" "$ADMIN_PORT" "$resources"
  set_jvm_option "$gf" "$ADMIN_PORT" -Dwushe.demo=true
  # The installation's settings (nightly run, import inbox): config/wushe.properties.
  asadmin_in "$gf" --port "$ADMIN_PORT" create-system-properties \
    "wushe.config=$(printf '%s' "$REPO/config/wushe.properties" | sed 's/:/\\:/g')" >/dev/null

  log "deploying $(basename "$ear")"
  asadmin_in "$gf" --port "$ADMIN_PORT" deploy --force=true --name wushe "$ear" >/dev/null \
    || die "deployment failed; see $dir/$DOMAIN/logs/server.log"

  local url="http://localhost:$HTTP_PORT/wushe/"
  for _ in $(seq 1 60); do
    case "$(curl -s -o /dev/null -w '%{http_code}' "${url}login.xhtml")" in 200|302) break ;; esac
    sleep 1
  done
  cat <<EOT

  Wushe is running: $url   (ready after $((SECONDS - started)) s)
  Server log: $dir/$DOMAIN/logs/server.log      Stop: bash config/server.sh stop

  Demo logins (password for all: $DEMO_PASSWORD)
    admin                      bureau administrator 民政局, the city
    operator                   IT operator 信息中心
    street1 / street2          sub-district officer 街道: 东湖街道 (C001, C002) / 西山街道 (C003, C004)
    secretary1 … secretary4    Party secretary 党组织书记 of C001 … C004
    social1 … social4          social worker 社工 of C001 … C004 (supervisor: supervisor1)
    cadre1 … cadre4            community cadre 社区干部 of C001 … C004
    grid1 … grid4              grid worker 网格员, grid cells G01 and G02 of C001 … C004
    resident1                  resident 居民 of C001 (self-service)
EOT
}

# Creates the first bureau administrator of a new installation (there is no default password).
cmd_admin() {
  local user="${1:?usage: bash config/server.sh admin <username> [display name]}" name="${2:-系统管理员}"
  local gf="$WUSHE_HOME/glassfish7" dir="$WUSHE_HOME/domains"
  asadmin_in "$gf" list-domains --domaindir "$dir" 2>/dev/null | grep -q "^$DOMAIN running" \
    || die "the server is not running: bash config/server.sh run first"
  local pw pw2
  read -r -s -p "Password for $user (10+ characters, letters and digits): " pw; echo
  read -r -s -p "Again: " pw2; echo
  [ "$pw" = "$pw2" ] || die "the passwords differ"
  local file="$WUSHE_HOME/bootstrap-admin"
  (umask 077; printf '%s:%s:%s\n' "$user" "$pw" "$name" > "$file")
  set_jvm_option "$gf" "$ADMIN_PORT" "-Dwushe.bootstrapAdminFile=$file"
  asadmin_in "$gf" restart-domain --domaindir "$dir" "$DOMAIN" >/dev/null
  rm -f "$file"
  asadmin_in "$gf" --port "$ADMIN_PORT" delete-jvm-options "-Dwushe.bootstrapAdminFile=$(printf '%s' "$file" | sed 's/:/\\:/g')" >/dev/null || true
  log "done; the server log says whether the administrator was created (only when none existed)"
}

cmd_stop() {
  local gf="$WUSHE_HOME/glassfish7" dir="$WUSHE_HOME/domains"
  [ -x "$gf/bin/asadmin" ] || { log "nothing to stop: no server in $WUSHE_HOME"; return 0; }
  if [ -d "$dir/$DOMAIN" ]; then
    asadmin_in "$gf" stop-domain --domaindir "$dir" "$DOMAIN" || true
  fi
  asadmin_in "$gf" stop-database --dbhost 127.0.0.1 --dbport "$DERBY_PORT" >/dev/null 2>&1 && log "Derby stopped" || true
}

case "${1:-}" in
  run) cmd_run ;;
  stop) cmd_stop ;;
  admin) shift; cmd_admin "$@" ;;
  prepare-test) shift; cmd_prepare_test "$@" ;;
  *) echo "usage: bash config/server.sh run|stop|prepare-test <glassfish7-dir> [derby|postgresql] [port base]" >&2; exit 2 ;;
esac
