#!/usr/bin/env bash
# The home page ("my work") at city scale: the city of bench/city-scale.sh (3,004 communities,
# 6,000,000 residents) with the docking data of bench/docking.sh (500,000 needs, ~300,000 docking
# actions), on PostgreSQL, measured as the browser gets it: a page session signed in through the
# sign-in form once, then GET /wushe/index.xhtml N times (the whole JSF page, every line's aggregate
# query, the header's unread count; no password hashing, the session is kept by its cookie).
#
#   bash bench/home.sh            (needs root for apt-get the first time; ~10 minutes on a new machine)
#
# It shares the cluster, the server and the data loads with bench/docking.sh (bench/city.sh) and stops
# the server and the cluster at the end. Each page is timed N times after 5 warm-up requests; the
# times are after the TLS handshake (each curl is a new connection), the whole times in brackets.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_HOME="${BENCH_HOME:-$REPO/.wushe-bench}"
export WUSHE_HOME="$BENCH_HOME"
NAME=home
PGPORT=25433
DATA="$WUSHE_HOME/pgdata"
N="${N:-100}"
log() { printf '[bench] %s\n' "$*"; }

# shellcheck source=bench/city.sh
. "$REPO/bench/city.sh"

BASE="https://localhost:8181/wushe"
CACERT="$WUSHE_HOME/domains/wushe/config/wushe-https.pem"
DEMO_PASSWORD='Wushe@2026'
JARS="$(mktemp -d)"
trap 'rm -rf "$JARS"; cleanup' EXIT

# Signs in through the form (the page's view state, then the form post) and keeps the cookie in a jar.
sign_in() {   # user
  local user="$1" jar="$JARS/$1" state code page
  page=$(curl -s --cacert "$CACERT" -c "$jar" -b "$jar" "$BASE/login.xhtml")
  state=$(printf '%s' "$page" | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | sed -n '1s/.*value="//; 1s/"$//p')
  [ -n "$state" ] || { log "no sign-in form for $user"; exit 1; }
  code=$(curl -s --cacert "$CACERT" -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' \
    --data-urlencode "login=login" --data-urlencode "login:username=$user" \
    --data-urlencode "login:password=$DEMO_PASSWORD" --data-urlencode "login:submit=" \
    --data-urlencode "jakarta.faces.ViewState=$state" "$BASE/login.xhtml")
  page=$(curl -s --cacert "$CACERT" -b "$jar" "$BASE/index.xhtml")
  case "$page" in
    *'id="myWorkTitle"'*) ;;
    *) log "$user: sign-in answered $code but the home page is not shown"; exit 1 ;;
  esac
}

# Times GET page N times in the user's session after 5 warm-up requests; prints p50/p95.
measure_page() {   # label, user, page
  local label="$1" user="$2" page="$3" jar="$JARS/$2" times
  for _ in 1 2 3 4 5; do curl -s -o /dev/null --cacert "$CACERT" -b "$jar" "$BASE/$page"; done
  times=$(for _ in $(seq 1 "$N"); do
    curl -s -o /dev/null --cacert "$CACERT" -b "$jar" -w '%{http_code} %{time_appconnect} %{time_total}\n' "$BASE/$page"
  done)
  local bad
  bad=$(echo "$times" | awk '$1 != 200' | wc -l)
  pct() {   # column (1: after the handshake, 2: whole), fraction
    echo "$times" | awk '{ print ($3 - $2) " " $3 }' | awk -v c="$1" '{ print $c }' | sort -n \
      | awk -v n="$N" -v q="$2" 'NR == (int(n * q + 0.5) < 1 ? 1 : int(n * q + 0.5)) { printf "%.1f", $1 * 1000 }'
  }
  printf '%-58s not 200: %s  p50 %7s ms   p95 %7s ms   (with the TLS handshake: p50 %s ms, p95 %s ms)\n' \
    "$label" "$bad" "$(pct 1 0.50)" "$(pct 1 0.95)" "$(pct 2 0.50)" "$(pct 2 0.95)"
}

log "B0001: $(value "SELECT count(*) FROM need WHERE community_id = 100001 AND status IN ('REGISTERED','REOPENED','ASSESSED')") needs waiting," \
    "$(value "SELECT count(*) FROM docking_action WHERE community_id = 100001 AND owner_username = 'bench.social' AND status IN ('PLANNED','STARTED') AND due_on < current_date") overdue actions of bench.social"
for user in bench.social bench.street operator; do sign_in "$user"; done
log "the lines each one sees (GET /api/me/work):"
for user in bench.social bench.street operator; do
  printf '  %-15s %s\n' "$user" "$(curl -s --cacert "$CACERT" -u "$user:$DEMO_PASSWORD" "$BASE/api/me/work" \
    | jq -c '([.[] | {(.kind): .count}] | add) // "no lines"')"
done
log "cores busy before timing: $(cpu_busy)% of $(nproc)"
log "each page $N times"
measure_page "social worker of B0001, home page (my work)"            bench.social index.xhtml
measure_page "sub-district officer (20 communities), home page"       bench.street index.xhtml
measure_page "IT operator (the demo's), home page (jobs and imports)" operator index.xhtml
