# WildFly 37 (standalone-full) for config/portability.sh, which sources this file after
# config/server.sh: run_wildfly_server <derby|postgresql> installs what the EAR needs beside it,
# starts the server on a fresh configuration, deploys ear/target/wushe.ear and sets SMOKE_URL,
# SMOKE_CERT and SERVER_LOG; stop_wildfly_server stops it through its management interface (or
# its process id). What each piece is for: docs/operations.md, "One EAR on three servers".
#
# Ports: -Djboss.socket.binding.port-offset=(port base - 8000), 22800 for the default 30800: HTTP
# 30880, HTTPS 31243, management 32790, transaction recovery 27512/27513 (none of 8080, 8443, 9990).

WF_HOME="$PHOME/wildfly-$WILDFLY_VERSION"
WF_OFFSET=$((PORTS - 8000))
WF_MGMT=$((9990 + WF_OFFSET))
WF_HTTPS=$((8443 + WF_OFFSET))
WF_BASE=""
# The JVM: the heap, and what PDFBox needs on Java 17 (direct buffers, font cache cleaner).
WF_JAVA_OPTS="-Xms256m -Xmx1536m -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true \
-Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true ${PDFBOX_OPTIONS[*]}"

wf_cli() { "$WF_HOME/bin/jboss-cli.sh" "$@"; }

# The EclipseLink GlassFish 7.0.21 ships, from Maven, added to WildFly's org.eclipse.persistence
# module (which holds only WildFly's adapter), with the JDK modules it needs; the JDBC drivers as
# modules of their own. Made once per fetched WildFly.
wf_modules() {
  local el="$WF_HOME/modules/system/layers/base/org/eclipse/persistence/main"
  if ! grep -q "eclipselink-$ECLIPSELINK_VERSION.jar" "$el/module.xml"; then
    mvn_copy "org.eclipse.persistence:eclipselink:$ECLIPSELINK_VERSION:jar" "$el"
    local adapter; adapter=$(cd "$el" && ls jipijapa-eclipselink-*.jar)
    sed -e "s/@ADAPTER@/$adapter/" -e "s/@ECLIPSELINK@/eclipselink-$ECLIPSELINK_VERSION.jar/" \
      "$REPO/config/wildfly/eclipselink-module.xml" > "$el/module.xml"
    say "WildFly: EclipseLink $ECLIPSELINK_VERSION added to the module org.eclipse.persistence"
  fi
  local derby="$WF_HOME/modules/org/apache/derby/client/main"
  if [ ! -f "$derby/module.xml" ]; then
    mkdir -p "$derby"
    cp "$PHOME"/glassfish7/javadb/lib/{derbyclient,derbyshared,derbytools}.jar "$derby/"
    cp "$REPO/config/wildfly/derby-module.xml" "$derby/module.xml"
  fi
  local pg="$WF_HOME/modules/org/postgresql/main"
  if [ ! -f "$pg/module.xml" ]; then
    mkdir -p "$pg"
    cp "$REPO/ear/target/jdbc/postgresql.jar" "$pg/"
    cp "$REPO/config/wildfly/postgresql-module.xml" "$pg/module.xml"
  fi
}

# wushe.cli with the data source's file in place and @NAME@ filled in, run offline (one embedded
# server) on the run's configuration.
wf_apply() {   # datasource file, sed expressions...
  local ds="$REPO/config/wildfly/$1" tmp="$WF_BASE/wushe.cli"; shift
  sed -e "/^# DATASOURCE$/r $ds" -e '/^# DATASOURCE$/d' "$REPO/config/wildfly/wushe.cli" | sed "$@" > "$tmp"
  JAVA_OPTS="-Djboss.server.base.dir=$WF_BASE" wf_cli --file="$tmp" >> "$WF_BASE/cli.log" 2>&1 \
    || die "the WildFly configuration failed; see $WF_BASE/cli.log"
}

run_wildfly_server() {   # derby|postgresql
  local db="$1" password batch_password
  WUSHE_HOME="$PHOME/wildfly-$db"
  WF_BASE="$WUSHE_HOME/standalone"
  stop_wildfly_server
  rm -rf "$WUSHE_HOME"; mkdir -p "$WUSHE_HOME"
  cp -r "$WF_HOME/standalone" "$WF_BASE"
  wf_modules
  local keys="$WF_BASE/configuration/wushe-data.keys"
  make_data_keys "$keys"
  chmod 600 "$keys"
  if [ "$db" = derby ]; then
    start_fresh_derby wushe_batch
    password="$(derby_password)"
    batch_password="$(sed -n 's/^derby\.user\.wushe_batch=//p' "$DERBY_PROPERTIES")"
    wf_apply datasource-derby.cli -e "s|@DERBY_PORT@|$DERBY_PORT|" -e "s|@CONFIG@|$REPO/config/wushe.properties|" -e "s|@KEYS@|$keys|"
  else
    start_fresh_postgresql wushe_wildfly
    password=wushe
    batch_password=wushe
    wf_apply datasource-postgresql.cli -e "s|@PG_URL@|$PG_URL|" -e "s|@PG_USER@|wushe|" -e "s|@CONFIG@|$REPO/config/wushe.properties|" -e "s|@KEYS@|$keys|"
  fi
  # The HTTPS key pair: self-signed for localhost and 127.0.0.1, in the key store WildFly's
  # configuration names (application.keystore, its default password), exported as PEM for clients.
  keytool -genkeypair -alias server -keyalg RSA -keysize 3072 -validity 825 -sigalg SHA256withRSA \
    -dname "CN=localhost, OU=Wushe, O=Wushe" -ext "SAN=dns:localhost,ip:127.0.0.1,dns:$(hostname)" \
    -keystore "$WF_BASE/configuration/application.keystore" -storetype JKS -storepass password -keypass password \
    >/dev/null 2>&1 || die "keytool could not make the HTTPS key pair"
  keytool -exportcert -rfc -alias server -keystore "$WF_BASE/configuration/application.keystore" -storepass password \
    -file "$WF_BASE/configuration/wushe-https.pem" >/dev/null 2>&1
  say "starting WildFly $WILDFLY_VERSION (port offset $WF_OFFSET, HTTPS $WF_HTTPS, management $WF_MGMT)"
  # The database passwords reach the server in its environment only (${env.WUSHE_DB_PASSWORD},
  # ${env.WUSHE_BATCH_DB_PASSWORD}).
  WUSHE_DB_PASSWORD="$password" WUSHE_BATCH_DB_PASSWORD="$batch_password" JAVA_OPTS="$WF_JAVA_OPTS" LAUNCH_JBOSS_IN_BACKGROUND=1 \
    JBOSS_PIDFILE="$WF_BASE/wildfly.pid" nohup "$WF_HOME/bin/standalone.sh" -c standalone-full.xml \
    -Djboss.server.base.dir="$WF_BASE" -Djboss.socket.binding.port-offset="$WF_OFFSET" \
    -b 127.0.0.1 -bmanagement 127.0.0.1 > "$WF_BASE/console.out" 2>&1 < /dev/null &
  local state=""
  for _ in $(seq 1 300); do
    state=$(wf_cli --connect --controller="127.0.0.1:$WF_MGMT" --command=':read-attribute(name=server-state)' 2>/dev/null \
      | sed -n 's/.*"result" => "\([a-z-]*\)".*/\1/p' || true)
    [ "$state" = running ] && break
    sleep 2
  done
  [ "$state" = running ] || die "WildFly did not start; see $WF_BASE/log/server.log"
  say "deploying $(basename "$EAR") to WildFly"
  wf_cli --connect --controller="127.0.0.1:$WF_MGMT" --timeout=600000 --command="deploy $EAR --name=wushe.ear" \
    > "$WF_BASE/deploy.out" 2>&1 || { cat "$WF_BASE/deploy.out" | head -c 3000; die "WildFly did not deploy the EAR; see $WF_BASE/log/server.log"; }
  SMOKE_URL="https://localhost:$WF_HTTPS/wushe/"
  SMOKE_CERT="$WF_BASE/configuration/wushe-https.pem"
  SERVER_LOG="$WF_BASE/log/server.log"
  local code
  for _ in $(seq 1 120); do
    code=$(curl -s --cacert "$SMOKE_CERT" -o /dev/null -w '%{http_code}' "${SMOKE_URL}login.xhtml" || true)
    case "$code" in 200|302) break ;; esac
    sleep 2
  done
}

# Stops the WildFly of $WUSHE_HOME (management :shutdown, else its own process id).
stop_wildfly_server() {
  local base="${WF_BASE:-$WUSHE_HOME/standalone}" pid
  [ -f "$base/wildfly.pid" ] || return 0
  pid=$(cat "$base/wildfly.pid")
  if kill -0 "$pid" 2>/dev/null; then
    wf_cli --connect --controller="127.0.0.1:$WF_MGMT" --command=':shutdown' >/dev/null 2>&1 || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill "$pid" 2>/dev/null || true
  fi
  rm -f "$base/wildfly.pid"
}
