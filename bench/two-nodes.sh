#!/usr/bin/env bash
# Two nodes on one PostgreSQL behind a balancer, and one of them killed: what the users and the
# night see. Not part of the CI suite; run it with nothing else on the machine.
#
#   bash bench/two-nodes.sh
#
# What it does, in order:
#   1. builds the EAR once (or takes ear/target/wushe.ear), fetches Payara 6 through Maven, starts a
#      private PostgreSQL cluster with a fresh database, and installs two Payara domains, node a and
#      node b, on that one database with config/portability.sh's functions (the demo city; the job
#      repository in the application's database, pool jdbc/wushe-batch; the same personal-data keys;
#      one import inbox both nodes see, as a shared directory would be);
#   2. adds the bench city of bench/SettleBench.java with N verified, unbooked service hours, and
#      drops a residents file of IMPORT_LINES new residents into the inbox;
#   3. sets both nodes' nightly run a few minutes ahead (wushe.nightly.at) and restarts them;
#   4. starts HAProxy (Debian's package) in front of them: TLS, sticky sessions by a cookie
#      (WUSHE_NODE), health checks every second, redispatch of a request whose node is gone;
#   5. starts USERS signed-in users (bench/TwoNodeLoad.java) through the balancer;
#   6. when the nightly run's settlement is under way on the node that claimed the night, kills
#      that node with kill -9; the users go on for AFTER_KILL_S seconds;
#   7. as an operator would, through the balancer (now node b): starts points-settle again, then the
#      rest of the night (assessment-run, reports-monthly); starts the killed node again;
#   8. drops a second residents file and starts residents-import on both nodes at the same moment;
#   9. reports: requests failed before, during and after the failover; users who had to sign in
#      again; the night's lease; every service hour booked exactly once (by SQL); each file
#      imported by one run only; both consoles list the same executions.
#
# Environment: USERS (default 30), N (service hours, default 300000), COMMUNITIES (bench city,
# default 100), RESIDENTS (per bench community, default 100), IMPORT_LINES (default 20000),
# RACE_LINES (default 5000), AFTER_KILL_S (default 120), NIGHT_MARGIN_MIN (minutes between the
# restart and the night, default 4), TWO_PORTS (port base of node a, default 32400; node b +200,
# the balancer +900), TWO_PGPORT (default 25446), WUSHE_TWO_HOME (default .wushe-two).
# See docs/operations.md, "Two nodes behind a balancer".
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TWO_HOME="${WUSHE_TWO_HOME:-$REPO/.wushe-two}"
A_BASE="${TWO_PORTS:-32400}"
B_BASE=$((A_BASE + 200))
LB_PORT=$((A_BASE + 900))
USERS="${USERS:-30}"
N="${N:-300000}"
COMMUNITIES="${COMMUNITIES:-100}"
RESIDENTS="${RESIDENTS:-100}"
IMPORT_LINES="${IMPORT_LINES:-20000}"
RACE_LINES="${RACE_LINES:-5000}"
AFTER_KILL_S="${AFTER_KILL_S:-120}"
NIGHT_MARGIN_MIN="${NIGHT_MARGIN_MIN:-4}"
OPERATOR=(-u "operator:Wushe@2026")
CHANGE=(-H 'X-Requested-With: two-nodes' -H 'Content-Type: application/json')

export WUSHE_PORTABILITY_HOME="$TWO_HOME" WUSHE_PORTABILITY_PGPORT="${TWO_PGPORT:-25446}" WUSHE_PORTABILITY_PORTS="$A_BASE"
mkdir -p "$TWO_HOME"
# shellcheck source=config/portability.sh
source "$REPO/config/portability.sh"
two() { printf '[two-nodes] %s\n' "$*"; }
PAYARA="$TWO_HOME/payara6"
INBOX="$TWO_HOME/inbox"
WORK="$TWO_HOME/run"
LB_PID=""
LOAD_PID=""

node_env() {   # a|b: the node's home, ports and admin password
  NODE="$1"
  NODE_HOME="$TWO_HOME/node-$1"
  WUSHE_HOME="$NODE_HOME"
  if [ "$1" = a ]; then WUSHE_PORT_BASE=$A_BASE; else WUSHE_PORT_BASE=$B_BASE; fi
  export WUSHE_PORT_BASE
  use_port_base
  ADMIN_PASSWORD_FILE="$WUSHE_HOME/admin-password"
  if [ -f "$ADMIN_PASSWORD_FILE" ]; then use_admin_password; else ASADMIN_AUTH=(); fi
  DIR="$NODE_HOME/domains"
  NODE_PEM="$DIR/$DOMAIN/config/wushe-https.pem"
  NODE_URL="https://localhost:$HTTPS_PORT/wushe/"
}
node_pid() { cat "$TWO_HOME/node-$1/domains/$DOMAIN/config/pid" 2>/dev/null || true; }

two_cleanup() {
  [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null || true
  [ -n "$LB_PID" ] && kill "$LB_PID" 2>/dev/null || true
  local n
  for n in a b; do
    node_env "$n"
    [ -d "$DIR/$DOMAIN" ] && asadmin_in "$PAYARA" stop-domain --domaindir "$DIR" "$DOMAIN" >/dev/null 2>&1 || true
  done
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  stop_postgresql
}
trap two_cleanup EXIT

psql_two() { "$PGBIN/psql" -h localhost -p "$PGPORT" -U wushe -d wushe_payara -v ON_ERROR_STOP=1 -qtA -c "$1"; }
bench_sql() { BENCH_DB_PASSWORD=wushe java -cp "$REPO/ear/target/jdbc/postgresql.jar" "$REPO/bench/SettleBench.java" \
  "jdbc:postgresql://localhost:$PGPORT/wushe_payara?reWriteBatchedInserts=true" wushe - "$@"; }

# A residents file of new people in the bench city's communities (valid ID numbers of a region the
# demo and the bench city do not use).
residents_file() {   # path, lines, first sequence
  python3 - "$1" "$2" "$3" "$COMMUNITIES" <<'PY'
import datetime, sys
path, lines, first, communities = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def check(s): return "10X98765432"[sum(int(c) * w for c, w in zip(s, W)) % 11]
with open(path + ".part", "w", encoding="utf-8") as f:
    f.write("id_number,name,gender,birth_date,phone,address,community_code,grid_code,tags\r\n")
    for i in range(first, first + lines):
        birth = datetime.date(1950, 1, 1) + datetime.timedelta(days=(i // 400) % 20000)
        male = i % 2 == 1
        first17 = "469027" + birth.strftime("%Y%m%d") + "%03d" % ((i % 400) * 2 % 1000 + (1 if male else 0))
        c = "ST%04d" % (i % communities + 1)
        name = "王李张刘陈杨赵黄周吴"[i % 10] + "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"[i // 10 % 20] + "华英兰红"[i // 200 % 4]
        f.write("%s,%s,%s,%s,,测试路%d号,%s,%s-G01,\r\n" % (first17 + check(first17), name, "男" if male else "女",
                birth.isoformat(), i % 500, c, c))
import os; os.rename(path + ".part", path)
PY
}

api() {   # base url, method, path, [body]: status on stdout, body in $WORK/api.json
  local pem="$LB_PEM"
  case "$1" in *":$((A_BASE + 181))/"*) pem="$A_PEM" ;; *":$((B_BASE + 181))/"*) pem="$B_PEM" ;; esac
  local body="${4:-}" opts=(-s --cacert "$pem" "${OPERATOR[@]}" -o "$WORK/api.json" -w '%{http_code}' -X "$2")
  [ -n "$body" ] || body='{}'
  [ "$2" != GET ] && opts+=("${CHANGE[@]}" --data-binary "$body")
  curl "${opts[@]}" "${1}api/$3" || true
}
start_job() {   # base url, job: prints the execution id
  local code
  code="$(api "$1" POST "jobs/$2/executions" '{}')"
  case "$code" in 200|201) jq -r .executionId "$WORK/api.json" ;; *) die "starting $2 at $1 answered HTTP $code: $(head -c 300 "$WORK/api.json")" ;; esac
}
await_job() {   # base url, execution id: prints its end status
  local s
  while :; do
    api "$1" GET "jobs/executions/$2" >/dev/null
    s="$(jq -r .status "$WORK/api.json" 2>/dev/null || echo ?)"
    case "$s" in COMPLETED|FAILED|STOPPED|ABANDONED) echo "$s"; return 0 ;; esac
    sleep 2
  done
}

# --- 1. the EAR, Payara, the database, two nodes ----------------------------------------------------
command -v jq >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null; }
command -v haproxy >/dev/null || { two "installing HAProxy (Debian)"; DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null;
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null; }
build_once
fetch_payara
rm -rf "$WORK" "$INBOX"; mkdir -p "$WORK" "$INBOX"
start_fresh_postgresql wushe_payara
two "database $PG_URL"
node_env a
two "installing node a (ports $A_BASE+)"
KEEP_DATABASE=yes run_asadmin_server payara postgresql
A_PEM="$NODE_PEM"; A_URL="$NODE_URL"
KEYS="$DIR/$DOMAIN/config/wushe-data.keys"
# The application's id on node a: node b is deployed with the same one, as the instances of a
# Payara deployment group get theirs from the domain. The batch runtime tags each execution with
# the bean that started it and that bean's id, derived from the application's; the same id on both
# nodes lets either node's console see and control the executions of the other.
APP_ID="$(sed -n 's/.*"org.glassfish.ejb.container.application_unique_id" value="\([0-9]*\)".*/\1/p' "$DIR/$DOMAIN/config/domain.xml")"
[ -n "$APP_ID" ] || die "no application id in node a's domain.xml"
node_env b
two "installing node b (ports $B_BASE+) on the same database, with node a's personal-data keys and application id"
WUSHE_DEPLOY_PROPERTIES="org.glassfish.ejb.container.application_unique_id=$APP_ID" DATA_KEYS_FROM="$KEYS" \
  KEEP_DATABASE=yes run_asadmin_server payara postgresql
grep -q "application_unique_id\" value=\"$APP_ID\"" "$DIR/$DOMAIN/config/domain.xml" \
  || die "node b did not take node a's application id $APP_ID"
B_PEM="$NODE_PEM"; B_URL="$NODE_URL"

# --- 2. the night's work --------------------------------------------------------------------------
two "bench city: $COMMUNITIES communities, $N verified service hours; $IMPORT_LINES new residents in the inbox"
bench_sql city "$COMMUNITIES" "$RESIDENTS" >/dev/null
bench_sql hours "$N" > "$WORK/hours"
grep -qx "hours=$N" "$WORK/hours" || die "expected $N bench service hours: $(cat "$WORK/hours")"
RESIDENTS_BEFORE="$(psql_two "SELECT COUNT(*) FROM resident")"
residents_file "$INBOX/residents-two-nodes.csv" "$IMPORT_LINES" 0

# --- 3. the nightly run, the same minute on both nodes --------------------------------------------
NIGHT_AT="$(date -d "+$NIGHT_MARGIN_MIN min" +%H:%M)"
two "both nodes: nightly run at $NIGHT_AT (server time), one inbox ($INBOX); restarting them"
for n in a b; do
  node_env "$n"
  asadmin_in "$PAYARA" --port "$ADMIN_PORT" create-system-properties \
    "wushe.node.name=node-$n:wushe.import.inbox=$INBOX:wushe.trustedProxies=127.0.0.1:wushe.nightly.at=${NIGHT_AT/:/\\:}" >/dev/null
done
(node_env a; restart_and_wait "$PAYARA" "$DIR" "$DOMAIN" "$ADMIN_PORT") & RA=$!
(node_env b; restart_and_wait "$PAYARA" "$DIR" "$DOMAIN" "$ADMIN_PORT") & RB=$!
wait "$RA"; wait "$RB"
for n in a b; do
  node_env "$n"
  for _ in $(seq 1 300); do
    [ "$(curl -s --cacert "$NODE_PEM" -o /dev/null -w '%{http_code}' "${NODE_URL}login.xhtml" || true)" = 200 ] && break
    sleep 1
  done
done
[ "$(date +%s)" -lt "$(( $(date -d "$NIGHT_AT" +%s) - 20 ))" ] \
  || die "the nodes answered too close to the night ($NIGHT_AT): run again with a larger NIGHT_MARGIN_MIN"

# --- 4. the balancer -------------------------------------------------------------------------------
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/lb.key" -out "$WORK/lb.crt" -days 2 -subj /CN=localhost \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" >/dev/null 2>&1
cat "$WORK/lb.crt" "$WORK/lb.key" > "$WORK/lb.pem"
LB_PEM="$WORK/lb.crt"
cat > "$WORK/haproxy.cfg" <<EOF
# Written by bench/two-nodes.sh: TLS in front, TLS to the nodes (their certificates trusted),
# sticky sessions by a cookie of the balancer's own, a node taken out after two failed checks
# (every 2 s, 5 s each: a node busy with the night answers slower than a second). Each node's
# certificate is trusted on its own (both are self-signed with the same subject).
global
    maxconn 2000
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    retries 2
    timeout check 5s
    option redispatch
    option forwardfor
frontend wushe
    bind 127.0.0.1:$LB_PORT ssl crt $WORK/lb.pem
    http-request set-header X-Forwarded-Proto https
    default_backend nodes
backend nodes
    balance roundrobin
    cookie WUSHE_NODE insert indirect nocache secure httponly
    option httpchk GET /wushe/login.xhtml
    http-check expect status 200
    default-server ssl verify required check inter 2s fall 2 rise 2
    server node-a 127.0.0.1:$((A_BASE + 181)) ca-file $A_PEM cookie a
    server node-b 127.0.0.1:$((B_BASE + 181)) ca-file $B_PEM cookie b
listen stats
    bind 127.0.0.1:$((LB_PORT + 1))
    stats enable
    stats uri /stats
EOF
haproxy -c -f "$WORK/haproxy.cfg" >/dev/null || die "HAProxy refuses its configuration: $WORK/haproxy.cfg"
haproxy -f "$WORK/haproxy.cfg" -D -p "$WORK/haproxy.pid"
LB_PID="$(cat "$WORK/haproxy.pid")"
LB_URL="https://localhost:$LB_PORT/wushe/"
# The balancer's view of the nodes (its CSV statistics: name and status).
lb_state() { curl -s "http://127.0.0.1:$((LB_PORT + 1))/stats;csv" | awk -F, '$1 == "nodes" && $2 ~ /^node-/ {printf "%s %s ", $2, $18}'; }
for _ in $(seq 1 60); do
  [ "$(lb_state)" = "node-a UP node-b UP " ] && break
  sleep 1
done
[ "$(lb_state)" = "node-a UP node-b UP " ] || die "the balancer does not see both nodes up: $(lb_state)"
two "balancer $LB_URL (HAProxy $(haproxy -v | head -n 1 | awk '{print $3}'))"

# --- 5. the users ------------------------------------------------------------------------------------
two "$USERS users sign in through the balancer and work until $AFTER_KILL_S s after the kill"
java "$REPO/bench/TwoNodeLoad.java" run "$LB_URL" "$LB_PEM" "$USERS" 7200 "$WORK/requests.csv" "$WORK/stop" \
  > "$WORK/load.out" 2>&1 &
LOAD_PID=$!

# --- 6. the night, and the kill ----------------------------------------------------------------------
two "waiting for the night ($NIGHT_AT) and its settlement"
booked() { psql_two "SELECT COUNT(*) FROM point_transaction WHERE source_type = 'SERVICE_HOURS' AND community_id IN (SELECT id FROM community WHERE code LIKE 'ST%')"; }
HOLDER=""
for _ in $(seq 1 3600); do
  HOLDER="$(psql_two "SELECT COALESCE(holder, '') FROM node_lease WHERE name = 'nightly'")"
  [ -n "$HOLDER" ] && [ "$(booked)" -gt 0 ] && break
  sleep 0.5
done
[ -n "$HOLDER" ] || die "no node claimed the night"
[ "$(booked)" -gt 0 ] || die "the settlement did not start"
KILLED="${HOLDER#node-}"
SURVIVOR=$([ "$KILLED" = a ] && echo b || echo a)
sleep $((RANDOM % 6))
BOOKED_AT_KILL="$(booked)"
KILL_MS="$(date +%s%3N)"
kill -9 "$(node_pid "$KILLED")"
two "killed node $KILLED (it held the night of $(psql_two "SELECT night FROM node_lease WHERE name = 'nightly'")) with $BOOKED_AT_KILL of $N hours booked"
for _ in $(seq 1 30); do
  case "$(lb_state)" in *"node-$KILLED DOWN"*) break ;; esac
  sleep 0.2
done
DOWN_MS=$(( $(date +%s%3N) - KILL_MS ))
sleep "$AFTER_KILL_S"
touch "$WORK/stop"
wait "$LOAD_PID" || true
LOAD_PID=""

# --- 7. the operator finishes the night from the other node, and brings the node back ----------------
node_env "$SURVIVOR"
grep -q 'another node holds it' "$DIR/$DOMAIN/logs/server.log" \
  && OTHER_TIMER="fired and stood aside (another node holds it)" || OTHER_TIMER="no line in its log"
two "operator, through the balancer: points-settle again, then assessment-run and reports-monthly"
T0=$SECONDS
SETTLE_ID="$(start_job "$LB_URL" points-settle)"
SETTLE_END="$(await_job "$LB_URL" "$SETTLE_ID")"
SETTLE_S=$((SECONDS - T0))
REST=""
for job in assessment-run reports-monthly; do
  id="$(start_job "$LB_URL" "$job")"
  REST="$REST $job $(await_job "$LB_URL" "$id")"
done
bench_sql verify "$N" > "$WORK/verify" || true
node_env "$KILLED"
two "starting node $KILLED again"
T0=$SECONDS
start_and_wait "$PAYARA" "$DIR" "$DOMAIN" "$ADMIN_PORT"
for _ in $(seq 1 600); do
  [ "$(curl -s --cacert "$NODE_PEM" -o /dev/null -w '%{http_code}' "${NODE_URL}login.xhtml" || true)" = 200 ] && break
  sleep 1
done
BACK_S=$((SECONDS - T0))

# --- 8. one file, two nodes, the same moment -------------------------------------------------------
residents_file "$INBOX/residents-two-race.csv" "$RACE_LINES" 1000000
RACE_BEFORE="$(psql_two "SELECT COUNT(*) FROM resident")"
(api "$A_URL" POST jobs/residents-import/executions '{}' > "$WORK/race-a.code"; cp "$WORK/api.json" "$WORK/race-a.json") &
(api "$B_URL" POST jobs/residents-import/executions '{}' > "$WORK/race-b.code"; cp "$WORK/api.json" "$WORK/race-b.json") &
wait
RACE=""
for n in a b; do
  url=$([ "$n" = a ] && echo "$A_URL" || echo "$B_URL")
  id="$(jq -r .executionId "$WORK/race-$n.json" 2>/dev/null || echo "")"
  [ -n "$id" ] && [ "$id" != null ] || die "residents-import on node $n was not started: HTTP $(cat "$WORK/race-$n.code")"
  RACE="$RACE node-$n:$(await_job "$url" "$id")"
done
RACE_RUNS="$(psql_two "SELECT COUNT(*) || ' run(s), ' || COALESCE(SUM(inserted), 0) || ' inserted' FROM import_run WHERE file_name LIKE '%residents-two-race%'")"
RACE_ADDED=$(( $(psql_two "SELECT COUNT(*) FROM resident") - RACE_BEFORE ))
NIGHT_RUNS="$(psql_two "SELECT COUNT(*) || ' run(s), ' || COALESCE(SUM(inserted), 0) || ' inserted' FROM import_run WHERE file_name LIKE '%residents-two-nodes.csv%'")"
NIGHT_ADDED=$(( RACE_BEFORE - RESIDENTS_BEFORE ))

# Both consoles list the same executions (the repository both nodes use).
api "$A_URL" GET jobs/executions >/dev/null; jq -r '[.[].id] | sort | join(",")' "$WORK/api.json" > "$WORK/exec-a"
api "$B_URL" GET jobs/executions >/dev/null; jq -r '[.[].id] | sort | join(",")' "$WORK/api.json" > "$WORK/exec-b"
CONSOLES=$(cmp -s "$WORK/exec-a" "$WORK/exec-b" && echo "the same $(tr ',' '\n' < "$WORK/exec-a" | grep -c .) executions on both" \
  || echo "DIFFERENT: a=$(cat "$WORK/exec-a") b=$(cat "$WORK/exec-b")")
KILLED_RUN="$(jq -r --arg job points-settle '[.[] | select(.job == $job) | .status] | group_by(.) | map("\(.[0]) \(length)") | join(", ")' "$WORK/api.json")"

# --- 9. the report --------------------------------------------------------------------------------
java "$REPO/bench/TwoNodeLoad.java" summary "$WORK/requests.csv" "$KILL_MS" "$KILLED" > "$WORK/summary"
verify_line="$(grep -E '^(sources_twice|sources_unbooked|transactions_unbalanced|job_transactions)=' "$WORK/verify" | tr '\n' ' ')"
cat <<EOT | tee "$WORK/report.txt"

  Two Payara $PAYARA_VERSION nodes on PostgreSQL $(psql_two 'SHOW server_version'), HAProxy, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')
  EAR sha256:        $EAR_SHA
  users:             $(sed -n 's/^users=//p' "$WORK/summary") through the balancer, pages every 0.5-1.5 s; $(sed -n 's/^users_on_killed_node=//p' "$WORK/summary") were on node $KILLED when it was killed
  before the kill:   $(sed -n 's/^before_the_kill: //p' "$WORK/summary")
  first 60 s after:  $(sed -n 's/^first_60_s_after: //p' "$WORK/summary")
  later:             $(sed -n 's/^later: //p' "$WORK/summary")
  last failure:      $(sed -n 's/^last_failure_after_kill_s=//p' "$WORK/summary") s after the kill; p95 of the pages $(sed -n 's/^p95_ms_before=\([0-9-]*\) p95_ms_after=\([0-9-]*\)/\1 ms before, \2 ms after/p' "$WORK/summary")
  signed in again:   $(sed -n 's/^users_signed_in_again=//p' "$WORK/summary") users ($(sed -n 's/^users_signed_in_again_not_on_killed_node=//p' "$WORK/summary") of them were not on node $KILLED)
  the night:         claimed by node $KILLED; node $SURVIVOR's timer $OTHER_TIMER
  kill:              node $KILLED with $BOOKED_AT_KILL of $N service hours booked; the balancer marked it down after $DOWN_MS ms
  settlement again:  points-settle from the balancer $SETTLE_END in $SETTLE_S s; then$REST
  ledger (SQL):      $verify_line
  points-settle:     $KILLED_RUN (the killed run stays STARTED: docs/operations.md, "After a crash")
  node $KILLED back:       answered $BACK_S s after its start command
  night's file:      $NIGHT_RUNS; residents added $NIGHT_ADDED of $IMPORT_LINES lines
  one file, 2 nodes: $RACE_RUNS; residents added $RACE_ADDED of $RACE_LINES lines; executions$RACE
  consoles:          $CONSOLES
EOT
fail=0
grep -qx 'sources_twice=0' "$WORK/verify" && grep -qx 'sources_unbooked=0' "$WORK/verify" \
  && grep -qx 'transactions_unbalanced=0' "$WORK/verify" || { two "FAIL: the ledger is not exact"; fail=1; }
[ "$SETTLE_END" = COMPLETED ] || { two "FAIL: the settlement after the kill ended $SETTLE_END"; fail=1; }
[ "$RACE_ADDED" = "$RACE_LINES" ] || { two "FAIL: the file imported from two nodes added $RACE_ADDED residents"; fail=1; }
[ "$NIGHT_ADDED" = "$IMPORT_LINES" ] || { two "FAIL: the night's file added $NIGHT_ADDED residents"; fail=1; }
case "$RACE_RUNS" in "1 run(s),"*) ;; *) two "FAIL: the file imported from two nodes has $RACE_RUNS"; fail=1 ;; esac
case "$CONSOLES" in DIFFERENT*) two "FAIL: the consoles differ"; fail=1 ;; esac
two "requests: $WORK/requests.csv; report: $WORK/report.txt"
exit $fail
