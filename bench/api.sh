# What bench/city-scale.sh and bench/docking.sh share: timing REST requests against the secured demo
# that config/server.sh runs. Sourced after WUSHE_HOME and N (repetitions) are set.
#
# The API answers over HTTPS only, with the domain's self-signed certificate (trusted through
# --cacert, never -k), and is stateless: each request carries HTTP Basic, which the server verifies
# (one PBKDF2 hash) every time; a session cookie is not accepted. Each curl is a new connection, so
# its time_total includes a TLS handshake too: measure prints the times after the handshake
# (time_total - time_appconnect: the request, the Basic verification and the answer) and, in
# brackets, the whole time.

API="https://localhost:8181/wushe/api"
CACERT="$WUSHE_HOME/domains/wushe/config/wushe-https.pem"
DEMO_PASSWORD='Wushe@2026'

api_get() {   # user, path, further curl options (e.g. -w)
  local user="$1" path="$2"
  shift 2
  curl -s -o /dev/null --cacert "$CACERT" -u "$user:$DEMO_PASSWORD" "$@" "$API/$path"
}

# Times GET path N times as user after 5 warm-up calls; prints the HTTP status and p50/p95.
measure() {   # label, user, path
  local label="$1" user="$2" path="$3" code times
  for _ in 1 2 3 4 5; do api_get "$user" "$path"; done   # warm up
  code=$(api_get "$user" "$path" -w '%{http_code}')
  times=$(for _ in $(seq 1 "$N"); do api_get "$user" "$path" -w '%{time_appconnect} %{time_total}\n'; done)
  pct() {   # column (1: after the handshake, 2: whole), fraction
    echo "$times" | awk '{ print ($2 - $1) " " $2 }' | awk -v c="$1" '{ print $c }' | sort -n \
      | awk -v n="$N" -v q="$2" 'NR == (int(n * q + 0.5) < 1 ? 1 : int(n * q + 0.5)) { printf "%.1f", $1 * 1000 }'
  }
  printf '%-62s %s  p50 %7s ms   p95 %7s ms   (with the TLS handshake: p50 %s ms, p95 %s ms)\n' \
    "$label" "$code" "$(pct 1 0.50)" "$(pct 1 0.95)" "$(pct 2 0.50)" "$(pct 2 0.95)"
}
