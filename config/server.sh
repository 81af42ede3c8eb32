#!/usr/bin/env bash
# Wushe server control. Two install paths that are never confused:
#
#   bash config/server.sh run            THE DEMO: build, start Derby and GlassFish, deploy, load the
#                                        demo city (published demo passwords; never for real data)
#   WUSHE_DB=postgresql WUSHE_DEMO_ON_POSTGRESQL=yes bash config/server.sh run
#                                        the same demo on a PostgreSQL database, for benchmarks and
#                                        tests only, never production (needs WUSHE_PG_URL,
#                                        WUSHE_PG_USER and WUSHE_PG_PASSWORD or WUSHE_PG_PASSWORD_FILE;
#                                        sets -Dwushe.demo.allowPostgresql=true, the password becomes
#                                        the password alias wushe-pg-password)
#   bash config/server.sh install        PRODUCTION on PostgreSQL: build, create a hardened domain,
#                                        deploy without demo mode, create the first administrator
#   bash config/server.sh stop           stop GlassFish and Derby (their own stop commands)
#   bash config/server.sh admin <user>   create the first bureau administrator (password from
#                                        WUSHE_ADMIN_PASSWORD_FILE, or asked for on a terminal)
#   bash config/server.sh prepare-test <glassfish7-dir> [derby|postgresql] [port base, default 28000]
#                                        (called by the Maven build before the ITs)
#   bash config/server.sh audit-verify   verify the audit log's hash chain through the running
#                                        server (an audit administrator's credentials: WUSHE_AUDIT_USER,
#                                        WUSHE_AUDIT_PASSWORD_FILE or asked on a terminal)
#   bash config/server.sh audit-lock     PostgreSQL, as the owner role: INSERT/SELECT only on the
#                                        audit log for the application's role (install does it)
#   bash config/server.sh audit-retention  PostgreSQL, as the owner role: remove audit entries older
#                                        than wushe.audit.retentionDays (at least 183), keeping the
#                                        chain verifiable
#
# Environment: WUSHE_HOME (default <repo>/.wushe) holds the server, the domain, the generated
# passwords (owner-only files) and the demo's Derby files. A WUSHE_HOME is either a demo or a
# production installation, never both.
#   install: WUSHE_PG_URL, WUSHE_PG_USER, WUSHE_PG_PASSWORD (or WUSHE_PG_PASSWORD_FILE);
#            WUSHE_PG_OWNER (default wushe_owner; owns the database) and WUSHE_PG_OWNER_PASSWORD_FILE;
#            WUSHE_ADMIN_USER (default sysadmin), WUSHE_ADMIN_PASSWORD_FILE;
#            WUSHE_TLS_KEYSTORE (the bureau's PKCS12 file) and WUSHE_TLS_KEYSTORE_PASSWORD_FILE;
#            WUSHE_DATA_KEY_FILE (the personal-data key file; generated into the domain when not given);
#            WUSHE_HEAP (the server's maximum heap, default 2g: see docs/operations.md, "Memory").
#   run:     WUSHE_HEAP (optional; the demo keeps GlassFish's 512m unless told).
# See docs/operations.md, "Installing for production".
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WUSHE_HOME="${WUSHE_HOME:-$REPO/.wushe}"
DOMAIN=wushe
# WUSHE_PORT_BASE (optional) moves every port of a demo or production installation, so that two
# installations run side by side on one machine: admin base+48, HTTP base+80, HTTPS base+181,
# Derby base+27, the domain's other listeners from create-domain's port base.
# A script that sources this file and sets WUSHE_PORT_BASE later calls use_port_base again.
use_port_base() {
  if [ -n "${WUSHE_PORT_BASE:-}" ]; then
    case "$WUSHE_PORT_BASE" in *[!0-9]*) echo "[wushe] ERROR: WUSHE_PORT_BASE must be a number" >&2; exit 2 ;; esac
    ADMIN_PORT=$((WUSHE_PORT_BASE + 48))
    HTTP_PORT=$((WUSHE_PORT_BASE + 80))
    HTTPS_PORT=$((WUSHE_PORT_BASE + 181))
    DERBY_PORT=$((WUSHE_PORT_BASE + 27))
  else
    ADMIN_PORT=4848
    HTTP_PORT=8080
    HTTPS_PORT=8181
    DERBY_PORT=1527
  fi
}
use_port_base
DEMO_PASSWORD='Wushe@2026'
# The demo administrators' second factor (TOTP, RFC 6238): config/demo/demo-city.json, adminTotpSecret.
DEMO_TOTP_SECRET='WUSHEDEMOADMINSECONDFACTORXYZABC'
# The demo and production domains' admin password (asadmin --passwordfile format, mode 600).
ADMIN_PASSWORD_FILE="$WUSHE_HOME/admin-password"
# GlassFish's master password, which also protects the domain's keystore.jks and cacerts.jks.
MASTER_PASSWORD=changeit

log() { printf '[wushe] %s\n' "$*"; }
die() { printf '[wushe] ERROR: %s\n' "$*" >&2; exit 1; }

# asadmin options every call adds: empty for the test domain (no admin password), the admin user
# and the password file for the demo and production domains (set by use_admin_password).
ASADMIN_AUTH=()
asadmin_in() { "$1/bin/asadmin" --interactive=false "${ASADMIN_AUTH[@]}" "${@:2}"; }

gen_password() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }

# The demo and production domains have a generated admin password, kept in $ADMIN_PASSWORD_FILE.
use_admin_password() {
  mkdir -p "$WUSHE_HOME"
  if [ ! -f "$ADMIN_PASSWORD_FILE" ]; then
    (umask 077; printf 'AS_ADMIN_PASSWORD=%s\n' "$(gen_password)" > "$ADMIN_PASSWORD_FILE")
    log "generated the GlassFish admin password into $ADMIN_PASSWORD_FILE (user admin)"
  fi
  chmod 600 "$ADMIN_PASSWORD_FILE"
  ASADMIN_AUTH=(--user admin --passwordfile "$ADMIN_PASSWORD_FILE")
}

# Runs asadmin with a temporary password file holding the admin password plus the given lines
# (e.g. AS_ADMIN_ALIASPASSWORD=...), so no secret appears on a command line.
asadmin_with_secrets() {  # gf home, secret lines (one string), asadmin arguments...
  local gf="$1" lines="$2" tmp
  shift 2
  tmp=$(umask 077; mktemp "${TMPDIR:-/tmp}/wushe-pw.XXXXXX")
  { [ -f "$ADMIN_PASSWORD_FILE" ] && [ ${#ASADMIN_AUTH[@]} -gt 0 ] && cat "$ADMIN_PASSWORD_FILE"; printf '%s\n' "$lines"; } > "$tmp"
  local rc=0
  if [ ${#ASADMIN_AUTH[@]} -gt 0 ]; then
    "$gf/bin/asadmin" --interactive=false --user admin --passwordfile "$tmp" "$@" || rc=$?
  else
    "$gf/bin/asadmin" --interactive=false --passwordfile "$tmp" "$@" || rc=$?
  fi
  rm -f "$tmp"
  return $rc
}

# A GlassFish password alias (the pools read it as ${ALIAS=name}); replaced when it exists.
set_password_alias() {   # gf home, admin port, alias name, secret
  local gf="$1" port="$2" name="$3" secret="$4" verb=create-password-alias
  if asadmin_in "$gf" --port "$port" list-password-aliases 2>/dev/null | grep -qx "$name"; then
    verb=update-password-alias
  fi
  asadmin_with_secrets "$gf" "AS_ADMIN_ALIASPASSWORD=$secret" --port "$port" "$verb" "$name" >/dev/null
}

# The HTTPS listener's certificate: replaces the key pair GlassFish uses (alias s1as in the
# domain's keystore.jks, master password) and writes its public certificate as PEM to
# <domain>/config/wushe-https.pem. Without a keystore: self-signed for localhost, 127.0.0.1 and this
# host. The domain must be stopped (the listener reads the keystore when it starts).
install_https_certificate() {   # domain dir, [PKCS12 file, file holding its password]
  local domain="$1" p12="${2:-}" p12pwfile="${3:-}"
  local ks="$domain/config/keystore.jks" ca="$domain/config/cacerts.jks" pem="$domain/config/wushe-https.pem"
  local kt=(-storepass "$MASTER_PASSWORD")
  keytool -delete -alias s1as -keystore "$ks" "${kt[@]}" >/dev/null 2>&1 || true
  if [ -n "$p12" ]; then
    [ -f "$p12" ] || die "no keystore at $p12"
    [ -f "$p12pwfile" ] || die "WUSHE_TLS_KEYSTORE_PASSWORD_FILE must name a file holding the keystore's password"
    local src
    src=$(keytool -list -keystore "$p12" -storetype PKCS12 -storepass:file "$p12pwfile" 2>/dev/null \
      | awk -F', ' '/PrivateKeyEntry/ {print $1; exit}')
    [ -n "$src" ] || die "no private key entry in $p12"
    keytool -importkeystore -noprompt -srckeystore "$p12" -srcstoretype PKCS12 -srcstorepass:file "$p12pwfile" \
      -srcalias "$src" -destkeystore "$ks" -deststoretype JKS -destalias s1as \
      -deststorepass "$MASTER_PASSWORD" -destkeypass "$MASTER_PASSWORD" >/dev/null 2>&1 \
      || die "could not import $p12 into the domain's keystore"
    log "HTTPS certificate: entry '$src' of $p12"
  else
    keytool -genkeypair -alias s1as -keyalg RSA -keysize 3072 -validity 825 -sigalg SHA256withRSA \
      -dname "CN=localhost, OU=Wushe, O=Wushe" \
      -ext "SAN=dns:localhost,ip:127.0.0.1,dns:$(hostname)" \
      -keystore "$ks" "${kt[@]}" -keypass "$MASTER_PASSWORD" >/dev/null 2>&1 \
      || die "keytool could not create the HTTPS certificate"
    log "HTTPS certificate: self-signed for localhost, 127.0.0.1 and $(hostname)"
  fi
  keytool -exportcert -rfc -alias s1as -keystore "$ks" "${kt[@]}" -file "$pem" >/dev/null 2>&1
  chmod 644 "$pem"
  # GlassFish's own clients (admin console, secure admin) trust the domain's cacerts.jks.
  keytool -delete -alias s1as -keystore "$ca" "${kt[@]}" >/dev/null 2>&1 || true
  keytool -importcert -noprompt -alias s1as -file "$pem" -keystore "$ca" "${kt[@]}" >/dev/null 2>&1
}

# No product and version in the Server header, no X-Powered-By, on every listener; HTTP requests
# that a CONFIDENTIAL constraint redirects go to the HTTPS port. Takes effect after a restart.
harden_http() {   # gf home, admin port, https port
  local gf="$1" port="$2" https="$3" p
  for p in http-listener-1 http-listener-2 admin-listener; do
    asadmin_in "$gf" --port "$port" set \
      "configs.config.server-config.network-config.protocols.protocol.$p.http.xpowered-by=false" >/dev/null
  done
  asadmin_in "$gf" --port "$port" set \
    "configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.redirect-port=$https" >/dev/null
  # The Server header carries product.name: the product's own name, no server and no version (an
  # empty name also drops the header, but then the server wrote nothing to server.log).
  set_jvm_option "$gf" "$port" "-Dproduct.name=Wushe"
}

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

# The server's maximum heap (-Xmx); a changed value takes effect at the next start, so the callers
# restart when this says it changed (exit status 0), and go on as they are when it did not (1).
set_heap() {   # gf home, admin port, size (e.g. 2g)
  local gf="$1" port="$2" size="$3"
  [[ "$size" =~ ^[0-9]+[mMgG]$ ]] || die "WUSHE_HEAP is a size such as 2g or 1536m, not '$size'"
  asadmin_in "$gf" --port "$port" list-jvm-options 2>/dev/null | grep -qx -- "-Xmx$size" && return 1
  set_jvm_option "$gf" "$port" "-Xmx$size"
  log "server heap: -Xmx$size (at the next start)"
}

# The keys of residents' identifiers (AES-256 for the values, HMAC-SHA256 for the look-up hashes),
# outside the database: a key file of mode 600 (format: org.wushe.shared.protect.DataKeys). Made
# once, never replaced (losing it loses the ID numbers and phones); docs/security.md, "Keys of
# personal data", tells how to back it up and rotate it.
make_data_keys() {   # file
  local file="$1"
  [ -f "$file" ] && return 0
  mkdir -p "$(dirname "$file")"
  (umask 077; {
    printf '# Wushe personal-data keys, made %s. Back this file up apart from the database.\n' "$(date -u +%FT%TZ)"
    printf 'active=k1\naes.k1=%s\nhmac=%s\n' "$(head -c 32 /dev/urandom | base64 -w0)" "$(head -c 32 /dev/urandom | base64 -w0)"
  } > "$file")
  log "generated the personal-data keys into $file (back it up apart from the database)"
}

# Points the running server at a key file (a system property: the application reads it at deployment).
use_data_keys() {   # gf home, admin port, key file
  chmod 600 "$3"
  asadmin_in "$1" --port "$2" create-system-properties \
    "wushe.data.keyFile=$(printf '%s' "$3" | sed 's/:/\\:/g')" >/dev/null
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

# The Jakarta Batch job repository and transaction recovery. On Derby the repository lives in the
# application's own database (jdbc/wushe, the application's schema WUSHE: the batch runtime sets
# its schema on the pooled connections, so it must be the application's own): one resource, no
# two-phase commit between the repository and the data, and a crash leaves nothing locked in a
# second database. GlassFish 7's batch runtime cannot keep it on PostgreSQL (it prepares "SET
# SCHEMA ?", which PostgreSQL refuses), so there it stays in the domain's own database; Payara keeps
# it on PostgreSQL (docs/operations.md). There each chunk commits in two phases (the data on
# PostgreSQL, the checkpoint in the domain's Derby: several syncs per chunk); it stays, as no standard
# way keeps a chunk's checkpoint and data consistent otherwise, and the residents import takes
# 10,000 lines a chunk to pay it rarely (docs/operations.md). Transaction recovery is on for every installation: after a
# crash the server finishes or rolls back what was in doubt when it starts. Restarts the domain when
# something changed and it runs (the settings are read at start-up).
# With transaction recovery on, every start of GlassFish 7 (and Payara 6) waited two minutes: the
# EJB timer service begins a transaction while the recovery helper is itself waiting for the
# start-up, and the transaction service holds a first transaction for the resync up to
# org.glassfish.jts.CosTransactions.resyncTimeoutInSeconds (default 120). 15 s; the recovery of
# in-doubt transactions goes on once the start-up has passed. (bench/crash.sh: the application
# answered about 155 s after each start.)
RESYNC_WAIT_OPTION=-Dorg.glassfish.jts.CosTransactions.resyncTimeoutInSeconds=15
shorten_resync_wait() {   # gf home, admin port: succeeds when it changed the domain
  asadmin_in "$1" --port "$2" list-jvm-options 2>/dev/null | grep -qxF -- "$RESYNC_WAIT_OPTION" && return 1
  asadmin_in "$1" --port "$2" create-jvm-options -- "$RESYNC_WAIT_OPTION" >/dev/null
  log "transaction resync wait at start-up: 15 s"
}

# derby: the repository in jdbc/wushe (schema WUSHE) and recovery on; postgresql or none: recovery
# only (GlassFish 7 cannot keep its repository on PostgreSQL; Payara on Derby keeps its own).
use_app_job_repository() {   # gf home, admin port, derby|postgresql|none, [domains dir, domain]
  local gf="$1" port="$2" db="$3" dir="${4:-}" name="${5:-}" changed=no current
  current=$( (asadmin_in "$gf" --port "$port" get "configs.config.server-config.batch-runtime-configuration.*"
    asadmin_in "$gf" --port "$port" get "configs.config.server-config.transaction-service.automatic-recovery") 2>/dev/null || true)
  if [ "$db" = derby ]; then
    if ! printf '%s\n' "$current" | grep -qx 'configs.config.server-config.batch-runtime-configuration.data-source-lookup-name=jdbc/wushe'; then
      asadmin_in "$gf" --port "$port" set-batch-runtime-configuration --datasourcelookupname jdbc/wushe >/dev/null
      changed=yes
    fi
    if ! printf '%s\n' "$current" | grep -qx 'configs.config.server-config.batch-runtime-configuration.job-repository-database-schema-name=WUSHE'; then
      asadmin_in "$gf" --port "$port" set configs.config.server-config.batch-runtime-configuration.job-repository-database-schema-name=WUSHE >/dev/null
      changed=yes
    fi
    [ "$changed" = yes ] && log "batch job repository: the application's database (jdbc/wushe)"
  fi
  if ! printf '%s\n' "$current" | grep -qx 'configs.config.server-config.transaction-service.automatic-recovery=true'; then
    asadmin_in "$gf" --port "$port" set configs.config.server-config.transaction-service.automatic-recovery=true >/dev/null
    log "transaction recovery on"
    changed=yes
  fi
  # The installs that restart here (run, install) also get the shorter resync wait.
  if [ -n "$dir" ] && shorten_resync_wait "$gf" "$port"; then
    changed=yes
  fi
  if [ "$changed" = yes ] && [ -n "$dir" ]; then
    log "restarting GlassFish with the new batch and transaction settings"
    restart_and_wait "$gf" "$dir" "$name" "$port"
  fi
}

cmd_prepare_test() {
  local gf="${1:?glassfish7 directory}" db="${2:-derby}" base="${3:-28000}"
  local dir="$gf/glassfish/domains" name=wushe-test port=$((base + 48))
  # WUSHE_TEST_WEAVING=off runs the persistence unit without EclipseLink's dynamic weaving (the
  # servers that do not weave, e.g. WildFly), to prove the product does not depend on it.
  local weaving="${WUSHE_TEST_WEAVING:-on}"
  case "$weaving" in on|off) ;; *) die "WUSHE_TEST_WEAVING must be on or off, not $weaving" ;; esac
  local marker="$dir/$name/.wushe-prepared" prepared="$db $base https-v1 keys-v1 cost-v1 jobrepo-v1 weaving-$weaving"
  if [ -f "$marker" ] && [ "$(cat "$marker")" != "$prepared" ]; then
    log "test domain was prepared for $(cat "$marker"); recreating it for $db $base"
    rm -rf "${dir:?}/$name"
  fi
  ensure_domain "$gf" "$dir" "$name" "$base"
  if [ -f "$marker" ]; then
    # A run stopped halfway leaves the suite's deployment behind, and the next run could not deploy.
    if grep -q '<application [^>]*name="wushe"' "$dir/$name/config/domain.xml" 2>/dev/null; then
      log "removing the deployment a stopped test run left in $name"
      start_and_wait "$gf" "$dir" "$name" "$port"
      asadmin_in "$gf" --port "$port" undeploy wushe >/dev/null || true
      asadmin_in "$gf" stop-domain --domaindir "$dir" "$name" >/dev/null
    fi
    log "test domain ready ($db)"
    return 0
  fi
  # The test clients trust <domain>/config/wushe-https.pem (self-signed, made here).
  install_https_certificate "$dir/$name"
  local resources="$REPO/config/derby-embedded-resources.xml"
  if [ "$db" = postgresql ]; then
    resources="$REPO/config/postgresql-resources.xml"
    cp "$REPO/ear/target/jdbc/postgresql.jar" "$dir/$name/lib/"
  fi
  start_and_wait "$gf" "$dir" "$name" "$port"
  if [ "$db" = postgresql ]; then
    set_jvm_option "$gf" "$port" "-Dwushe.pg.url=${WUSHE_PG_URL:?WUSHE_PG_URL is needed for a PostgreSQL test domain}"
    set_jvm_option "$gf" "$port" "-Dwushe.pg.user=${WUSHE_PG_USER:-wushe}"
    # The password is a password alias, never a JVM option.
    set_password_alias "$gf" "$port" wushe-pg-password "${WUSHE_PG_PASSWORD:-wushe}"
    # The suite runs the demo city on PostgreSQL, which the application refuses unless told so.
    set_jvm_option "$gf" "$port" -Dwushe.demo.allowPostgresql=true
    restart_and_wait "$gf" "$dir" "$name" "$port"
  fi
  ensure_resources "$gf" "$port" "$resources"
  use_app_job_repository "$gf" "$port" "$db"
  set_jvm_option "$gf" "$port" -Xmx1g
  set_jvm_option "$gf" "$port" -Dwushe.demo=true
  harden_http "$gf" "$port" $((base + 181))
  set_jvm_option "$gf" "$port" -Duser.timezone=Asia/Shanghai
  if [ "$weaving" = off ]; then
    set_jvm_option "$gf" "$port" -Declipselink.weaving=false
  fi
  # create-domain leaves the HTTP listeners on 8080/8181 whatever the port base: move them.
  asadmin_in "$gf" --port "$port" set configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1.port=$((base + 80)) >/dev/null
  asadmin_in "$gf" --port "$port" set configs.config.server-config.network-config.network-listeners.network-listener.http-listener-2.port=$((base + 181)) >/dev/null
  # The test adapter reads the HTTP port from these server properties.
  asadmin_in "$gf" --port "$port" create-system-properties --target server \
    "HTTP_LISTENER_PORT=$((base + 80)):HTTP_SSL_LISTENER_PORT=$((base + 181))" >/dev/null
  # The test domain's own personal-data keys, in its config directory.
  make_data_keys "$dir/$name/config/wushe-data.keys"
  use_data_keys "$gf" "$port" "$dir/$name/config/wushe-data.keys"
  # The tests start the jobs themselves: no nightly run in the middle of a test.
  asadmin_in "$gf" --port "$port" create-system-properties --target server "wushe.nightly.at=off" >/dev/null
  # New password hashes at the least cost an installation may set (100,000 PBKDF2 iterations,
  # 600,000 by default): the suite makes and checks hundreds of passwords.
  asadmin_in "$gf" --port "$port" create-system-properties --target server "wushe.password.iterations=100000" >/dev/null
  asadmin_in "$gf" stop-domain --domaindir "$dir" "$name" >/dev/null
  printf '%s' "$prepared" > "$marker"
  log "test domain $name prepared for $db (admin port $port, http port $((base + 80)))"
}

domain_running() {   # gf home, domains dir
  asadmin_in "$1" list-domains --domaindir "$2" 2>/dev/null | grep -q "^$DOMAIN running"
}

# start-domain gives up after 60 s on a busy machine while the server goes on starting: wait
# until the admin port answers a remote command.
start_and_wait() {   # gf home, domains dir, domain, admin port
  local gf="$1" dir="$2" name="$3" port="$4" attempt
  for attempt in 1 2 3; do
    asadmin_in "$gf" start-domain --domaindir "$dir" "$name" >/dev/null 2>&1 \
      || log "start-domain did not confirm in time; waiting for the server"
    server_answers "$gf" "$port" || die "GlassFish did not start; see $dir/$name/logs/server.log"
    server_logs "$dir/$name/logs/server.log" && return 0
    # Now and then GlassFish 7 starts without its own log handler: server.log holds the launcher's
    # lines and nothing the server writes, for the whole life of that process (incidents, audit
    # failures, the batch runtime's errors: none of it would reach the log). A new start mends it.
    log "GlassFish started without writing its log (server.log); starting it again ($attempt of 3)"
    asadmin_in "$gf" stop-domain --domaindir "$dir" "$name" >/dev/null 2>&1 || true
  done
  die "GlassFish writes nothing to $dir/$name/logs/server.log after three starts"
}

server_answers() {   # gf home, admin port: within 300 s
  for _ in $(seq 1 300); do
    asadmin_in "$1" --port "$2" uptime >/dev/null 2>&1 && return 0
    sleep 1
  done
  return 1
}

# Whether the server itself wrote to its log since the launcher's last lines: its records carry the
# product's name ("[GF 7..."), the launcher's carry none. A few seconds' grace for the writer.
server_logs() {   # server.log
  local _
  for _ in $(seq 1 15); do
    awk '/NCLS-GFLAUNCHER-00005/ { since = 0; next } /^\[[^]]*\] \[[^]]+\] / { since++ } END { exit since > 0 ? 0 : 1 }' "$1" \
      2>/dev/null && return 0
    sleep 1
  done
  return 1
}

restart_and_wait() {   # gf home, domains dir, domain, admin port
  asadmin_in "$1" stop-domain --domaindir "$2" "$3" >/dev/null
  start_and_wait "$@"
}

# The demo's or the production's domain, made once: the generated admin password, the HTTPS
# certificate (self-signed, or the bureau's PKCS12 keystore), secure admin, no version headers.
# A WUSHE_HOME is one kind for good (<domain>/.wushe-kind). A demo domain of an older run (made
# without an admin password) is made again: the demo's data lives in Derby, not in the domain.
ensure_secured_domain() {   # gf home, domains dir, demo|production, [PKCS12 file, its password file]
  local gf="$1" dir="$2" kind="$3" p12="${4:-}" p12pw="${5:-}"
  local domain="$dir/$DOMAIN" marker="$dir/$DOMAIN/.wushe-kind"
  use_admin_password
  if [ -d "$domain" ] && [ ! -f "$marker" ]; then
    [ "$kind" = demo ] || die "$domain was not made by 'install'; give the production installation a WUSHE_HOME of its own"
    log "making the demo domain again, with an admin password and secure admin (the data stays in Derby)"
    "$gf/bin/asadmin" --interactive=false stop-domain --domaindir "$dir" "$DOMAIN" >/dev/null 2>&1 || true
    # The data stays, so its keys must too.
    [ -f "$domain/config/wushe-data.keys" ] && (umask 077; cp -p "$domain/config/wushe-data.keys" "$WUSHE_HOME/wushe-data.keys.kept")
    rm -rf "${domain:?}"
  fi
  if [ -f "$marker" ] && [ "$(cat "$marker")" != "$kind" ]; then
    die "$WUSHE_HOME holds a $(cat "$marker") installation; the $kind needs a WUSHE_HOME of its own"
  fi
  if [ -d "$domain" ]; then
    log "domain $DOMAIN ($kind) exists in $dir"
    if [ -n "$p12" ]; then
      domain_running "$gf" "$dir" && asadmin_in "$gf" stop-domain --domaindir "$dir" "$DOMAIN" >/dev/null
      install_https_certificate "$domain" "$p12" "$p12pw"
    fi
    return 0
  fi
  log "creating domain $DOMAIN ($kind)"
  mkdir -p "$dir"
  local ports=()
  [ -n "${WUSHE_PORT_BASE:-}" ] && ports=(--portbase "$WUSHE_PORT_BASE")
  asadmin_in "$gf" create-domain "${ports[@]}" --domaindir "$dir" "$DOMAIN" >/dev/null
  if [ -f "$WUSHE_HOME/wushe-data.keys.kept" ]; then
    mv "$WUSHE_HOME/wushe-data.keys.kept" "$domain/config/wushe-data.keys"
  fi
  install_https_certificate "$domain" "$p12" "$p12pw"
  if [ "$kind" = production ] || [ "${DEMO_DB:-derby}" = postgresql ]; then
    cp "$REPO/ear/target/jdbc/postgresql.jar" "$domain/lib/"
  fi
  start_and_wait "$gf" "$dir" "$DOMAIN" "$ADMIN_PORT"
  if [ -n "${WUSHE_PORT_BASE:-}" ]; then
    # create-domain leaves the HTTP listeners on 8080/8181 whatever the port base: move them.
    asadmin_in "$gf" --port "$ADMIN_PORT" set configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1.port=$HTTP_PORT >/dev/null
    asadmin_in "$gf" --port "$ADMIN_PORT" set configs.config.server-config.network-config.network-listeners.network-listener.http-listener-2.port=$HTTPS_PORT >/dev/null
  fi
  harden_http "$gf" "$ADMIN_PORT" "$HTTPS_PORT"
  asadmin_in "$gf" --port "$ADMIN_PORT" enable-secure-admin >/dev/null
  log "restarting GlassFish with secure admin"
  restart_and_wait "$gf" "$dir" "$DOMAIN" "$ADMIN_PORT"
  printf '%s' "$kind" > "$marker"
}

start_domain() {   # gf home, domains dir
  if domain_running "$1" "$2"; then
    log "domain $DOMAIN already running"
  else
    log "starting GlassFish"
    start_and_wait "$1" "$2" "$DOMAIN" "$ADMIN_PORT"
  fi
}

DERBY_PROPERTIES="$WUSHE_HOME/derby/derby.properties"
derby_password() { sed -n 's/^derby\.user\.wushe=//p' "$DERBY_PROPERTIES"; }

# The demo's Derby network server: bound to 127.0.0.1, and only the user wushe with a generated
# password gets in (derby.properties in the Derby home, mode 600).
start_derby() {   # gf home
  local gf="$1" fresh=no
  mkdir -p "$WUSHE_HOME/derby"
  if [ ! -f "$DERBY_PROPERTIES" ] || ! grep -q '^derby.connection.requireAuthentication=true' "$DERBY_PROPERTIES"; then
    (umask 077; cat > "$DERBY_PROPERTIES" <<EOP
# Written by config/server.sh run: only the user wushe, with this generated password, gets in.
derby.connection.requireAuthentication=true
derby.authentication.provider=BUILTIN
derby.user.wushe=$(gen_password)
derby.drda.host=127.0.0.1
EOP
    )
    fresh=yes
  fi
  # A residents import commits 10,000 lines a chunk; above 5,000 row locks on a table (Derby's
  # default) a transaction takes a lock on the whole table and every page that reads residents
  # waits for the chunk. Read when Derby starts.
  grep -q '^derby.locks.escalationThreshold=' "$DERBY_PROPERTIES" \
    || echo 'derby.locks.escalationThreshold=25000' >> "$DERBY_PROPERTIES"
  chmod 600 "$DERBY_PROPERTIES"
  if "$gf/bin/asadmin" ping-database --dbhost 127.0.0.1 --dbport "$DERBY_PORT" >/dev/null 2>&1; then
    if [ "$fresh" = no ]; then log "Derby already answers on port $DERBY_PORT"; return 0; fi
    log "restarting Derby with authentication"
    "$gf/bin/asadmin" --interactive=false stop-database --dbhost 127.0.0.1 --dbport "$DERBY_PORT" >/dev/null 2>&1 || true
  fi
  log "starting Derby on 127.0.0.1:$DERBY_PORT (data in $WUSHE_HOME/derby)"
  "$gf/bin/asadmin" --interactive=false start-database --dbhost 127.0.0.1 --dbport "$DERBY_PORT" \
    --dbhome "$WUSHE_HOME/derby" >/dev/null
}

build_ear() {
  command -v mvn >/dev/null || die "Maven (mvn) is needed on the PATH"
  # The reports' CJK font (wushe.reports.font; Debian's fonts-wqy-microhei by default).
  bash "$REPO/config/ensure-font.sh" || die "the reports need their CJK font; see the message above"
  mkdir -p "$WUSHE_HOME"
  log "building the EAR and fetching GlassFish into $WUSHE_HOME"
  local unpack=()
  [ -d "$WUSHE_HOME/glassfish7" ] && unpack=(-Dglassfish.skipUnpack=true)
  (cd "$REPO" && mvn -B -q -DskipTests -Dglassfish.parent="$WUSHE_HOME" "${unpack[@]}" package) \
    || die "the build failed; see the Maven output above"
  [ -f "$REPO/ear/target/wushe.ear" ] || die "no EAR at $REPO/ear/target/wushe.ear"
}

deploy_and_wait() {   # gf home, domains dir
  local gf="$1" dir="$2" ear="$REPO/ear/target/wushe.ear"
  # The installation's settings (nightly run, import inbox): config/wushe.properties.
  asadmin_in "$gf" --port "$ADMIN_PORT" create-system-properties \
    "wushe.config=$(printf '%s' "$REPO/config/wushe.properties" | sed 's/:/\\:/g')" >/dev/null
  local again=no
  asadmin_in "$gf" --port "$ADMIN_PORT" list-applications 2>/dev/null | grep -q '^wushe ' && again=yes
  log "deploying $(basename "$ear")"
  # WUSHE_DEPLOY_PROPERTIES (optional): deployment properties, name=value separated by colons
  # (bench/two-nodes.sh gives a second standalone node the first one's application id).
  local props=()
  [ -n "${WUSHE_DEPLOY_PROPERTIES:-}" ] && props=(--properties "$WUSHE_DEPLOY_PROPERTIES")
  asadmin_in "$gf" --port "$ADMIN_PORT" deploy --force=true "${props[@]}" --name wushe "$ear" >/dev/null \
    || die "deployment failed; see $dir/$DOMAIN/logs/server.log"
  if [ "$again" = yes ]; then
    # Deployed over the copy the server loaded at its start, the sign-in (the identity store's
    # session beans) kept references into the replaced application: every sign-in answered 500
    # ("container is null") until a restart. Restart once after such a redeployment.
    log "restarting GlassFish after deploying over the running application"
    restart_and_wait "$gf" "$dir" "$DOMAIN" "$ADMIN_PORT"
  fi
  local url="https://localhost:$HTTPS_PORT/wushe/"
  for _ in $(seq 1 300); do
    case "$(curl -sk -o /dev/null -w '%{http_code}' "${url}login.xhtml")" in 200|302) break ;; esac
    sleep 1
  done
}

# The pool's data source class tells which database a domain's jdbc/wushe uses (empty: none yet).
pool_class() {   # gf home
  asadmin_in "$1" --port "$ADMIN_PORT" get resources.jdbc-connection-pool.WushePool.datasource-classname 2>/dev/null \
    | sed -n 's/^resources\.jdbc-connection-pool\.WushePool\.datasource-classname=//p' || true
}

# The demo on PostgreSQL, for benchmarks and tests only (WUSHE_DEMO_ON_POSTGRESQL=yes): the
# connection as system properties, the password as the alias wushe-pg-password (never a JVM option
# or a process argument), and the explicit permission -Dwushe.demo.allowPostgresql=true, without
# which the application refuses demo mode on PostgreSQL.
demo_postgresql_settings() {   # gf home, domains dir, password
  local gf="$1" dir="$2" pg_password="$3" restart=no opt
  local current; current=$(pool_class "$gf")
  case "$current" in
    ''|org.postgresql.*) ;;
    *) die "the demo domain in $WUSHE_HOME uses $current (Derby); give the demo on PostgreSQL a WUSHE_HOME of its own" ;;
  esac
  if [ ! -f "$dir/$DOMAIN/lib/postgresql.jar" ]; then
    cp "$REPO/ear/target/jdbc/postgresql.jar" "$dir/$DOMAIN/lib/"
    restart=yes
  fi
  asadmin_in "$gf" --port "$ADMIN_PORT" create-system-properties \
    "wushe.pg.url=$(printf '%s' "$WUSHE_PG_URL" | sed 's/:/\\:/g'):wushe.pg.user=$WUSHE_PG_USER" >/dev/null
  set_password_alias "$gf" "$ADMIN_PORT" wushe-pg-password "$pg_password"
  # JVM options are read when the server starts: restart once when one of them is new.
  for opt in -Dwushe.demo.allowPostgresql=true -Dwushe.demo=true; do
    asadmin_in "$gf" --port "$ADMIN_PORT" list-jvm-options 2>/dev/null | grep -qx -- "$opt" && continue
    set_jvm_option "$gf" "$ADMIN_PORT" "$opt"
    restart=yes
  done
  if [ "$restart" = yes ]; then
    log "restarting GlassFish with the PostgreSQL driver and the demo's permission for PostgreSQL"
    restart_and_wait "$gf" "$dir" "$DOMAIN" "$ADMIN_PORT"
  fi
}

cmd_run() {
  DEMO_DB="${WUSHE_DB:-derby}"
  local pg_password=""
  case "$DEMO_DB" in
    derby) ;;
    postgresql)
      [ "${WUSHE_DEMO_ON_POSTGRESQL:-}" = yes ] \
        || die "the demo runs on Derby only; a PostgreSQL installation is: bash config/server.sh install (docs/operations.md). The demo on PostgreSQL is for benchmarks and tests only, never production: WUSHE_DEMO_ON_POSTGRESQL=yes"
      [ -n "${WUSHE_PG_URL:-}" ] && [ -n "${WUSHE_PG_USER:-}" ] \
        || die "the demo on PostgreSQL needs WUSHE_PG_URL (jdbc:postgresql://host:5432/db), WUSHE_PG_USER and WUSHE_PG_PASSWORD or WUSHE_PG_PASSWORD_FILE"
      if [ -n "${WUSHE_PG_PASSWORD_FILE:-}" ]; then
        pg_password=$(head -n 1 "$WUSHE_PG_PASSWORD_FILE")
      else
        pg_password="${WUSHE_PG_PASSWORD:-}"
      fi
      [ -n "$pg_password" ] || die "the demo on PostgreSQL needs WUSHE_PG_PASSWORD or WUSHE_PG_PASSWORD_FILE"
      log "WUSHE_DEMO_ON_POSTGRESQL=yes: the DEMO on PostgreSQL, for benchmarks and tests only, never production"
      ;;
    *) die "WUSHE_DB is derby (the demo) or postgresql (with WUSHE_DEMO_ON_POSTGRESQL=yes, benchmarks and tests only)" ;;
  esac
  local started=$SECONDS
  build_ear
  local gf="$WUSHE_HOME/glassfish7" dir="$WUSHE_HOME/domains"
  if [ "$DEMO_DB" = derby ]; then
    start_derby "$gf"
    ensure_secured_domain "$gf" "$dir" demo
    start_domain "$gf" "$dir"
    case "$(pool_class "$gf")" in
      org.postgresql.*) die "the demo domain in $WUSHE_HOME runs on PostgreSQL; give the demo on Derby a WUSHE_HOME of its own" ;;
    esac
    set_password_alias "$gf" "$ADMIN_PORT" wushe-derby-password "$(derby_password)"
    ensure_resources "$gf" "$ADMIN_PORT" "$REPO/config/derby-resources.xml"
    asadmin_in "$gf" --port "$ADMIN_PORT" set resources.jdbc-connection-pool.WushePool.property.portNumber=$DERBY_PORT >/dev/null
    set_jvm_option "$gf" "$ADMIN_PORT" -Dwushe.demo=true
    use_app_job_repository "$gf" "$ADMIN_PORT" derby "$dir" "$DOMAIN"
  else
    ensure_secured_domain "$gf" "$dir" demo
    start_domain "$gf" "$dir"
    demo_postgresql_settings "$gf" "$dir" "$pg_password"
    ensure_resources "$gf" "$ADMIN_PORT" "$REPO/config/postgresql-resources.xml"
    use_app_job_repository "$gf" "$ADMIN_PORT" postgresql "$dir" "$DOMAIN"
  fi
  # The demo's personal-data keys: generated once into the domain's config directory.
  make_data_keys "$dir/$DOMAIN/config/wushe-data.keys"
  use_data_keys "$gf" "$ADMIN_PORT" "$dir/$DOMAIN/config/wushe-data.keys"
  if [ -n "${WUSHE_HEAP:-}" ] && set_heap "$gf" "$ADMIN_PORT" "$WUSHE_HEAP"; then
    restart_and_wait "$gf" "$dir" "$DOMAIN" "$ADMIN_PORT"
  fi
  deploy_and_wait "$gf" "$dir"
  local on="Derby"
  [ "$DEMO_DB" = postgresql ] && on="PostgreSQL, for benchmarks and tests only"
  cat <<EOT

  Wushe DEMO ($on) is running: https://localhost:$HTTPS_PORT/wushe/   (ready after $((SECONDS - started)) s)
  The certificate is self-signed: $dir/$DOMAIN/config/wushe-https.pem
  Server log: $dir/$DOMAIN/logs/server.log      Stop: bash config/server.sh stop
  GlassFish admin (https://localhost:$ADMIN_PORT): user admin, password in $ADMIN_PASSWORD_FILE

  Demo logins (password for all: $DEMO_PASSWORD; demo data only, never a production install)
    admin                      system administrator 系统管理员: geography, settings, rules
    security                   security administrator 安全管理员: accounts, roles, scopes
    security2                  second security administrator: confirms administrator changes (four-eyes)
    auditor                    audit administrator 审计管理员: the audit log
      The three administrators sign in with a second factor: add the TOTP secret
      $DEMO_TOTP_SECRET to an authenticator app (demo only, published); the API
      wants its current code in the header X-Wushe-Otp.
    operator                   IT operator 信息中心
    street1 / street2          sub-district officer 街道: 东湖街道 (C001, C002) / 西山街道 (C003, C004)
    secretary1 … secretary4    Party secretary 党组织书记 of C001 … C004
    social1 … social4          social worker 社工 of C001 … C004 (supervisor: supervisor1)
    cadre1 … cadre4            community cadre 社区干部 of C001 … C004
    grid1 … grid4              grid worker 网格员, grid cells G01 and G02 of C001 … C004
    resident1                  resident 居民 of C001 (self-service)
EOT
}

# The production installation on PostgreSQL: no demo mode ever, the database password as a
# password alias, the bureau's certificate (or a self-signed one until it comes), then the first
# administrator through the bootstrap.
cmd_install() {
  local started=$SECONDS
  [ -n "${WUSHE_PG_URL:-}" ] || die "install needs WUSHE_PG_URL (jdbc:postgresql://host:5432/db), WUSHE_PG_USER and WUSHE_PG_PASSWORD or WUSHE_PG_PASSWORD_FILE"
  local pg_user="${WUSHE_PG_USER:-}" pg_password admin_user="${WUSHE_ADMIN_USER:-sysadmin}"
  [ -n "$pg_user" ] || die "install needs WUSHE_PG_USER"
  if [ -n "${WUSHE_PG_PASSWORD_FILE:-}" ]; then
    pg_password=$(head -n 1 "$WUSHE_PG_PASSWORD_FILE")
  else
    pg_password="${WUSHE_PG_PASSWORD:-}"
  fi
  [ -n "$pg_password" ] || die "install needs WUSHE_PG_PASSWORD or WUSHE_PG_PASSWORD_FILE"
  if [ -n "${WUSHE_TLS_KEYSTORE:-}" ]; then
    [ -f "${WUSHE_TLS_KEYSTORE_PASSWORD_FILE:-}" ] || die "WUSHE_TLS_KEYSTORE needs WUSHE_TLS_KEYSTORE_PASSWORD_FILE"
  fi
  local gf="$WUSHE_HOME/glassfish7" dir="$WUSHE_HOME/domains"
  local admin_marker="$dir/$DOMAIN/.wushe-first-admin"
  if [ ! -f "$admin_marker" ] && [ -z "${WUSHE_ADMIN_PASSWORD_FILE:-}" ] && [ ! -t 0 ]; then
    die "not on a terminal: give the first administrator's password in a file, WUSHE_ADMIN_PASSWORD_FILE=<file>"
  fi
  build_ear
  ensure_secured_domain "$gf" "$dir" production "${WUSHE_TLS_KEYSTORE:-}" "${WUSHE_TLS_KEYSTORE_PASSWORD_FILE:-}"
  if keytool -printcert -file "$dir/$DOMAIN/config/wushe-https.pem" 2>/dev/null | grep -q 'OU=Wushe, O=Wushe'; then
    log "WARNING: self-signed HTTPS certificate; install the bureau's with WUSHE_TLS_KEYSTORE (docs/operations.md)"
  fi
  cp "$REPO/ear/target/jdbc/postgresql.jar" "$dir/$DOMAIN/lib/"
  start_domain "$gf" "$dir"
  # Never demo mode: remove what an older script or a hand may have set.
  local restart=no old
  for old in $(asadmin_in "$gf" --port "$ADMIN_PORT" list-jvm-options 2>/dev/null | grep -E '^-Dwushe\.demo(\.allowPostgresql)?=' || true); do
    asadmin_in "$gf" --port "$ADMIN_PORT" delete-jvm-options -- "$old" >/dev/null
    log "removed $old"
    restart=yes
  done
  asadmin_in "$gf" --port "$ADMIN_PORT" delete-system-property wushe.pg.password >/dev/null 2>&1 || true
  asadmin_in "$gf" --port "$ADMIN_PORT" create-system-properties \
    "wushe.pg.url=$(printf '%s' "$WUSHE_PG_URL" | sed 's/:/\\:/g'):wushe.pg.user=$pg_user" >/dev/null
  set_password_alias "$gf" "$ADMIN_PORT" wushe-pg-password "$pg_password"
  if set_heap "$gf" "$ADMIN_PORT" "${WUSHE_HEAP:-2g}"; then restart=yes; fi
  if [ "$restart" = yes ]; then
    log "restarting GlassFish without demo mode and with its heap"
    restart_and_wait "$gf" "$dir" "$DOMAIN" "$ADMIN_PORT"
  fi
  ensure_resources "$gf" "$ADMIN_PORT" "$REPO/config/postgresql-resources.xml"
  use_app_job_repository "$gf" "$ADMIN_PORT" postgresql "$dir" "$DOMAIN"
  # Personal-data keys: the bureau's key file (WUSHE_DATA_KEY_FILE, e.g. on a separate protected
  # volume), else one generated once into the domain's config directory.
  local keys="${WUSHE_DATA_KEY_FILE:-$dir/$DOMAIN/config/wushe-data.keys}"
  if [ -n "${WUSHE_DATA_KEY_FILE:-}" ]; then
    [ -f "$keys" ] || die "WUSHE_DATA_KEY_FILE names no file: $keys"
  else
    make_data_keys "$keys"
    log "WARNING: back up $keys apart from the database backups; without it the ID numbers and phones cannot be read"
  fi
  use_data_keys "$gf" "$ADMIN_PORT" "$keys"
  # The schema belongs to the owner role; the migrations (run by the application's role at the
  # deployment) create the tables; then the owner takes the audit log over.
  owner_psql -f "$REPO/config/postgresql/owner-prepare.sql" || die "the owner role ${WUSHE_PG_OWNER:-wushe_owner} must own the database (docs/operations.md)"
  deploy_and_wait "$gf" "$dir"
  cmd_audit_lock
  if [ -f "$admin_marker" ]; then
    log "the first administrator was created by an earlier install"
  else
    cmd_admin "$admin_user"
    printf '%s\n' "$admin_user" > "$admin_marker"
  fi
  cat <<EOT

  Wushe (production) is running: https://$(hostname):$HTTPS_PORT/wushe/   (after $((SECONDS - started)) s)
  Certificate: $dir/$DOMAIN/config/wushe-https.pem
  Server log: $dir/$DOMAIN/logs/server.log      Stop: bash config/server.sh stop
  GlassFish admin (https://localhost:$ADMIN_PORT): user admin, password in $ADMIN_PASSWORD_FILE
  Sign in as $admin_user; there are no demo accounts.
EOT
}

# psql connected as the owner role of the production database (WUSHE_PG_URL's host, port and
# database; WUSHE_PG_OWNER, default wushe_owner; its password from WUSHE_PG_OWNER_PASSWORD_FILE,
# given to psql in its environment only, never on a command line).
owner_psql() {   # psql arguments...
  command -v psql >/dev/null || die "the owner's commands need the PostgreSQL client psql on the PATH"
  local url="${WUSHE_PG_URL:?WUSHE_PG_URL (jdbc:postgresql://host:5432/db) is needed}" rest host port db
  rest="${url#jdbc:postgresql://}"
  db="${rest#*/}"; db="${db%%\?*}"
  host="${rest%%/*}"; port=5432
  case "$host" in *:*) port="${host##*:}"; host="${host%:*}" ;; esac
  local pw=""
  if [ -n "${WUSHE_PG_OWNER_PASSWORD_FILE:-}" ]; then
    [ -f "$WUSHE_PG_OWNER_PASSWORD_FILE" ] || die "no file $WUSHE_PG_OWNER_PASSWORD_FILE"
    pw=$(head -n 1 "$WUSHE_PG_OWNER_PASSWORD_FILE")
  fi
  PGPASSWORD="$pw" psql -h "$host" -p "$port" -U "${WUSHE_PG_OWNER:-wushe_owner}" -d "$db" -X -q \
    -v ON_ERROR_STOP=1 -v app="${WUSHE_PG_USER:?WUSHE_PG_USER, the application role, is needed}" "$@"
}

# The owner takes the audit log over from the application's role (after each deployment: the
# migrations may have created or changed the tables). See docs/operations.md, "The audit log".
cmd_audit_lock() {
  owner_psql -f "$REPO/config/postgresql/audit-lock.sql" || die "the owner role could not lock the audit log"
  log "audit log: INSERT and SELECT only for ${WUSHE_PG_USER}; UPDATE, DELETE and TRUNCATE refused by a trigger"
}

# Removes audit entries past the retention, as the owner role; archive the period first.
cmd_audit_retention() {
  local days="${WUSHE_AUDIT_RETENTION_DAYS:-}"
  if [ -z "$days" ]; then
    days=$(sed -n 's/^wushe\.audit\.retentionDays=[[:space:]]*\([0-9]*\).*/\1/p' "$REPO/config/wushe.properties" | tail -n 1)
  fi
  days="${days:-1095}"
  [[ "$days" =~ ^[0-9]+$ ]] && [ "$days" -ge 183 ] \
    || die "wushe.audit.retentionDays must be a whole number of days, at least 183 (six months), not '$days'"
  log "removing audit entries older than $days days (the chain keeps an anchor)"
  owner_psql -v days="$days" -f "$REPO/config/postgresql/audit-retention.sql" || die "the retention failed; nothing was removed"
}

# Verifies the audit chain through GET /api/audit/verification as an audit administrator; exits 0
# when intact, 1 when broken. The credentials go to curl on its standard input.
cmd_audit_verify() {
  local user="${WUSHE_AUDIT_USER:?WUSHE_AUDIT_USER (an audit administrator) is needed}" pw
  local url="${WUSHE_URL:-https://localhost:$HTTPS_PORT/wushe/}api/audit/verification"
  if [ -n "${WUSHE_AUDIT_PASSWORD_FILE:-}" ]; then
    pw=$(head -n 1 "$WUSHE_AUDIT_PASSWORD_FILE")
  elif [ -t 0 ]; then
    read -r -s -p "Password for $user: " pw; echo
  else
    die "not on a terminal: give the password in a file, WUSHE_AUDIT_PASSWORD_FILE=<file>"
  fi
  local out code
  out=$(mktemp); trap 'rm -f "$out"' RETURN
  code=$(printf 'user = "%s:%s"\n' "$user" "$pw" | curl -sk -K - -o "$out" -w '%{http_code}' "$url" || true)
  cat "$out"; echo
  [ "$code" = 200 ] || die "the server answered HTTP $code"
  grep -q '"intact":true' "$out" && { log "the audit chain is intact"; return 0; }
  log "the audit chain is BROKEN (see the answer above)"; return 1
}

# Creates the first bureau administrator of a new installation (there is no default password).
cmd_admin() {
  local user="${1:?usage: bash config/server.sh admin <username> [display name]}" name="${2:-系统管理员}"
  local gf="$WUSHE_HOME/glassfish7" dir="$WUSHE_HOME/domains"
  use_admin_password
  domain_running "$gf" "$dir" || die "the server is not running: bash config/server.sh install (or run) first"
  local pw pw2
  if [ -n "${WUSHE_ADMIN_PASSWORD_FILE:-}" ]; then
    [ -f "$WUSHE_ADMIN_PASSWORD_FILE" ] || die "no file $WUSHE_ADMIN_PASSWORD_FILE"
    pw=$(head -n 1 "$WUSHE_ADMIN_PASSWORD_FILE")
  elif [ -t 0 ]; then
    read -r -s -p "Password for $user (10+ characters, 3 of: lower case, upper case, digits, others): " pw; echo
    read -r -s -p "Again: " pw2; echo
    [ "$pw" = "$pw2" ] || die "the passwords differ"
  else
    die "not on a terminal: give the password in a file, WUSHE_ADMIN_PASSWORD_FILE=<file>"
  fi
  local kinds=0
  [[ "$pw" =~ [a-z] ]] && kinds=$((kinds + 1))
  [[ "$pw" =~ [A-Z] ]] && kinds=$((kinds + 1))
  [[ "$pw" =~ [0-9] ]] && kinds=$((kinds + 1))
  [[ "$pw" =~ [^A-Za-z0-9] ]] && kinds=$((kinds + 1))
  [ ${#pw} -ge 10 ] && [ $kinds -ge 3 ] \
    || die "the password needs 10 or more characters and 3 of: lower case, upper case, digits, others"
  [[ "$pw" != *:* && "$user" != *:* ]] || die "no ':' in the user name or the password"
  local file="$WUSHE_HOME/bootstrap-admin" log_file="$dir/$DOMAIN/logs/server.log"
  local url="https://localhost:$HTTPS_PORT/wushe/"
  (umask 077; printf '%s:%s:%s\n' "$user" "$pw" "$name" > "$file")
  set_jvm_option "$gf" "$ADMIN_PORT" "-Dwushe.bootstrapAdminFile=$file"
  # Stop and start (restart-domain may time out on a busy machine, leaving it unclear which server
  # read the file), wait until the application answers, then ask it whether the account signs in.
  log "restarting GlassFish to create the administrator $user"
  restart_and_wait "$gf" "$dir" "$DOMAIN" "$ADMIN_PORT"
  local code=000
  for _ in $(seq 1 300); do
    code=$(curl -sk -o /dev/null -w '%{http_code}' "${url}login.xhtml" || true)
    case "$code" in 200|302) break ;; esac
    sleep 1
  done
  rm -f "$file"
  asadmin_in "$gf" --port "$ADMIN_PORT" delete-jvm-options "-Dwushe.bootstrapAdminFile=$(printf '%s' "$file" | sed 's/:/\\:/g')" >/dev/null || true
  case "$code" in 200|302) ;; *) die "the application did not answer within 300 s; see $log_file" ;; esac
  # The credentials go to curl on its standard input, not on its command line.
  # An administrator without a second factor yet is let in only to enrol it (403 secondFactor.enrolFirst).
  local answer
  answer=$(printf 'user = "%s:%s"\n' "$user" "$pw" | curl -sk -K - -w '\n%{http_code}' "${url}api/me" || true)
  code=$(printf '%s' "$answer" | tail -n 1)
  if [ "$code" = 403 ] && printf '%s' "$answer" | grep -q 'secondFactor.enrolFirst'; then
    code=200
    log "$user must enrol the second factor at the first sign-in on the page (docs/security.md)"
  fi
  [ "$code" = 200 ] || die "the administrator $user does not sign in (HTTP $code): one existed already, or see $log_file"
  log "the first administrator $user is created and signs in at $url"
}

cmd_stop() {
  local gf="$WUSHE_HOME/glassfish7" dir="$WUSHE_HOME/domains"
  [ -x "$gf/bin/asadmin" ] || { log "nothing to stop: no server in $WUSHE_HOME"; return 0; }
  [ -f "$ADMIN_PASSWORD_FILE" ] && use_admin_password
  if [ -d "$dir/$DOMAIN" ]; then
    asadmin_in "$gf" stop-domain --domaindir "$dir" "$DOMAIN" || true
  fi
  if [ -f "$DERBY_PROPERTIES" ]; then
    asadmin_with_secrets "$gf" "AS_ADMIN_DBPASSWORD=$(derby_password)" \
      stop-database --dbhost 127.0.0.1 --dbport "$DERBY_PORT" --dbuser wushe >/dev/null 2>&1 && log "Derby stopped" || true
  else
    asadmin_in "$gf" stop-database --dbhost 127.0.0.1 --dbport "$DERBY_PORT" >/dev/null 2>&1 && log "Derby stopped" || true
  fi
}

# Sourced (by config/portability.sh and the bench scripts) it only defines the functions above.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-}" in
    run) cmd_run ;;
    install) cmd_install ;;
    stop) cmd_stop ;;
    admin) shift; cmd_admin "$@" ;;
    prepare-test) shift; cmd_prepare_test "$@" ;;
    audit-verify) cmd_audit_verify ;;
    audit-lock) cmd_audit_lock ;;
    audit-retention) cmd_audit_retention ;;
    *) echo "usage: bash config/server.sh run|install|stop|admin <user>|prepare-test <glassfish7-dir> [derby|postgresql] [port base]|audit-verify|audit-lock|audit-retention" >&2; exit 2 ;;
  esac
fi
