#!/usr/bin/env bash
# The smoke suite of config/portability.sh, against one running server with the demo city loaded:
#
#   bash config/smoke.sh <https base url, e.g. https://localhost:30981/wushe/> <PEM of the server's certificate>
#
# Prints PASS or FAIL per check and a last line "smoke: N passed, M failed"; exits 1 on a failure.
# Only demo accounts without a second factor (operator, social1, street1, resident1; password
# Wushe@2026). HTTPS only, the certificate trusted through --cacert (never -k); the API gets HTTP
# Basic on every request and X-Requested-With on writes. The jobs run for the month before the
# current one, as the nightly run does.
set -uo pipefail

BASE="${1:?usage: bash config/smoke.sh <https base url ending in /wushe/> <certificate PEM>}"
CACERT="${2:?the certificate of the server (PEM) is needed}"
[ -f "$CACERT" ] || { echo "smoke: no certificate at $CACERT" >&2; exit 2; }
case "$BASE" in */) ;; *) BASE="$BASE/" ;; esac
API="${BASE}api"
PW='Wushe@2026'
JOB_LIMIT="${SMOKE_JOB_LIMIT:-900}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
PASSED=0
FAILED=0

pass() { PASSED=$((PASSED + 1)); printf 'PASS  %s\n' "$*"; }
fail() { FAILED=$((FAILED + 1)); printf 'FAIL  %s\n' "$*"; }
check() {   # description, then a command that succeeds when the check holds
  local what="$1"; shift
  if "$@"; then pass "$what"; else fail "$what${WHY:+ ($WHY)}"; fi
  WHY=""
}
WHY=""

# curl against the server: status code on stdout, body in $WORK/body.
call() {   # user (or - for none), method, path under /api/, [JSON body]
  local user="$1" method="$2" path="$3" body="${4:-}" opts
  opts=(-s --cacert "$CACERT" -o "$WORK/body" -w '%{http_code}' -X "$method")
  [ "$user" != - ] && opts+=(-u "$user:$PW")
  if [ "$method" != GET ]; then opts+=(-H 'X-Requested-With: smoke'); fi
  [ -n "$body" ] && opts+=(-H 'Content-Type: application/json' --data-binary "$body")
  curl "${opts[@]}" "$API/$path"
}
status_is() {   # expected, user, method, path, [body]
  local want="$1" got; shift
  got=$(call "$@")
  [ "$got" = "$want" ] && return 0
  WHY="HTTP $got, wanted $want: $(head -c 300 "$WORK/body" | tr '\n' ' ')"; return 1
}
# No stack trace or server internals in an answer's body.
no_trace() {
  if grep -Eqi 'at (org|java|jakarta|com|io)\.[A-Za-z0-9_.$]+\(|Exception:|\.java:[0-9]+\)|stack ?trace' "$WORK/body"; then
    WHY="the answer shows server internals: $(grep -Eoi '[A-Za-z0-9_.]*Exception[^<]{0,80}' "$WORK/body" | head -n 1)"; return 1
  fi
  return 0
}

# 1. Sign-in through the login page: the form with its JSF ViewState, then a page that needs the session.
page_sign_in() {
  local jar="$WORK/cookies" vs code loc
  curl -s --cacert "$CACERT" -c "$jar" -b "$jar" -o "$WORK/login.html" "${BASE}login.xhtml" || { WHY="no login page"; return 1; }
  vs=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' "$WORK/login.html" | head -n 1 | sed 's/.*value="\([^"]*\)"/\1/')
  [ -n "$vs" ] || { WHY="no ViewState on the login page"; return 1; }
  code=$(curl -s --cacert "$CACERT" -c "$jar" -b "$jar" -o "$WORK/after.html" -w '%{http_code} %{redirect_url}' \
    --data-urlencode "login=login" --data-urlencode "login:username=social1" --data-urlencode "login:password=$PW" \
    --data-urlencode "login:submit=" --data-urlencode "jakarta.faces.ViewState=$vs" "${BASE}login.xhtml")
  loc="${code#* }"; code="${code%% *}"
  case "$code" in 302|303) ;; *) WHY="the form answered $code, not a redirect"; return 1 ;; esac
  case "$loc" in *login.xhtml*) WHY="sent back to the login page: $loc"; return 1 ;; esac
  code=$(curl -s --cacert "$CACERT" -c "$jar" -b "$jar" -o "$WORK/index.html" -w '%{http_code}' "${BASE}residents/list.xhtml")
  [ "$code" = 200 ] || { WHY="residents/list.xhtml answered $code"; return 1; }
  grep -q 'login:password' "$WORK/index.html" && { WHY="the page after sign-in is the login form"; return 1; }
  # Without the session's cookies the same page sends to the login page.
  code=$(curl -s --cacert "$CACERT" -o /dev/null -w '%{http_code}' "${BASE}residents/list.xhtml")
  case "$code" in 302|303|200) ;; *) WHY="without a session: $code"; return 1 ;; esac
  return 0
}
check "sign-in through the login page (social1), then residents/list.xhtml with the session" page_sign_in

# 2. The API: who am I.
me_ok() { status_is 200 social1 GET me && grep -q '"social1"' "$WORK/body" || { WHY="${WHY:-no user name in $(head -c 200 "$WORK/body")}"; return 1; }; }
check "GET /api/me as social1: 200 with the user" me_ok
check "GET /api/me without credentials: 401" status_is 401 - GET me

# 3. Scope: a list keeps to the caller's communities (C002's list is empty for C001's social worker),
# and a C002 resident (found by street1, whose sub-district covers C001 and C002) is refused to him.
scope_refused() {
  local got id
  got=$(call social1 GET "residents?community=C002&size=5")
  [ "$got" = 200 ] && jq -e '.total == 0' "$WORK/body" >/dev/null \
    || { WHY="C002's list for social1: HTTP $got $(head -c 200 "$WORK/body")"; return 1; }
  got=$(call street1 GET "residents?community=C002&size=1")
  id=$(jq -r '.items[0].id // empty' "$WORK/body" 2>/dev/null)
  [ "$got" = 200 ] && [ -n "$id" ] || { WHY="street1 sees no C002 resident: HTTP $got"; return 1; }
  got=$(call social1 GET "residents/$id")
  case "$got" in 403|404) no_trace ;; *) WHY="C002 resident $id for social1: HTTP $got: $(head -c 200 "$WORK/body")"; return 1 ;; esac
}
check "scope: social1 (C001) gets an empty C002 list, and a C002 resident is refused (403/404)" scope_refused

# 4. One call per zone, and the residents.
listed() {   # user, path: 200 and a JSON answer
  status_is 200 "$1" GET "$2" || return 1
  jq -e . "$WORK/body" >/dev/null 2>&1 || { WHY="not JSON: $(head -c 200 "$WORK/body")"; return 1; }
}
residents_listed() {
  listed social1 "residents?community=C001&size=5" || return 1
  jq -e '(.items // .content // .rows // .) | length > 0' "$WORK/body" >/dev/null || { WHY="no resident listed: $(head -c 200 "$WORK/body")"; return 1; }
}
check "residents: social1 lists C001's residents (masked, paged)" residents_listed
check "resource docking: C001's needs" listed social1 "communities/C001/needs"
check "resource docking: need categories" listed social1 "need-categories"
check "volunteering: C001's volunteer positions" listed social1 "communities/C001/positions"
check "volunteering: C001's rewards" listed social1 "communities/C001/rewards"
check "project incubation: C001's micro-fund balance" listed street1 "fund/C001/balance"
check "project incubation: C001's micro-fund ledger" listed street1 "fund/C001/ledger"
check "joint deliberation: C001's issues" listed social1 "communities/C001/issues"
check "casework: social1's referral inbox" listed social1 "referrals/inbox"
check "organisations: C001's organisations" listed social1 "organisations?community=C001"
check "capacity training: C001's courses" listed social1 "communities/C001/courses"

# 5. Bad input: a clear problem document, no stack trace.
bad_body() {
  local got; got=$(call social1 POST needs '{"communityCode": ')
  [ "$got" = 400 ] || { WHY="HTTP $got: $(head -c 200 "$WORK/body")"; return 1; }
  no_trace
}
check "bad input: a malformed JSON body answers 400 without internals" bad_body

# 6. Error pages: a 404 and a broken form post, with no stack trace.
page_404() {   # signed in (the cookies of the first check), else the page would send to the login
  local got; got=$(curl -s --cacert "$CACERT" -b "$WORK/cookies" -o "$WORK/body" -w '%{http_code}' "${BASE}no-such-page-$$.xhtml")
  [ "$got" = 404 ] || { WHY="HTTP $got"; return 1; }
  no_trace
}
check "error page: a missing page answers 404 without a stack trace" page_404
page_broken_post() {
  local got
  got=$(curl -s --cacert "$CACERT" -o "$WORK/body" -w '%{http_code}' --data-urlencode "login=login" \
    --data-urlencode "jakarta.faces.ViewState=-1:broken" --data-urlencode "login:submit=" "${BASE}login.xhtml")
  case "$got" in 2??|3??|4??|500) ;; *) WHY="HTTP $got"; return 1 ;; esac
  no_trace
}
check "error page: a form post with a broken ViewState shows no stack trace" page_broken_post
api_404() {
  local got; got=$(call social1 GET "residents/999999999999")
  case "$got" in 403|404) no_trace ;; *) WHY="HTTP $got"; return 1 ;; esac
}
check "error answer: an unknown resident id answers 403/404 without internals" api_404

# 7. The three nightly jobs, started through the jobs API as the operator, COMPLETED.
MONTH=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)
run_job() {   # job name, JSON parameters
  local name="$1" params="$2" got id status=STARTING started=$SECONDS
  got=$(call operator POST "jobs/$name/executions" "$params")
  case "$got" in 200|201|202) ;; *) WHY="start answered HTTP $got: $(head -c 300 "$WORK/body")"; return 1 ;; esac
  id=$(jq -r '.executionId // .id // empty' "$WORK/body")
  [ -n "$id" ] || { WHY="no execution id in $(head -c 200 "$WORK/body")"; return 1; }
  while [ $((SECONDS - started)) -lt "$JOB_LIMIT" ]; do
    sleep 2
    got=$(call operator GET "jobs/executions/$id")
    [ "$got" = 200 ] || { WHY="execution $id: HTTP $got"; return 1; }
    status=$(jq -r .status "$WORK/body")
    case "$status" in COMPLETED) LAST_EXECUTION=$id; return 0 ;;
      FAILED|STOPPED|ABANDONED) WHY="execution $id $status: $(jq -c '.exitStatus // .steps' "$WORK/body" | head -c 300)"; return 1 ;; esac
  done
  WHY="execution $id still $status after $JOB_LIMIT s"; return 1
}
check "job points-settle COMPLETED" run_job points-settle '{}'
check "job assessment-run ($MONTH) COMPLETED" run_job assessment-run "{\"month\":\"$MONTH\"}"
check "job reports-monthly ($MONTH, C001) COMPLETED" run_job reports-monthly "{\"month\":\"$MONTH\",\"communities\":\"C001\"}"

# 8. A report file downloaded with a non-empty PDF or spreadsheet body.
report_downloaded() {
  local got id type
  got=$(call operator GET "reports?period=$MONTH")
  [ "$got" = 200 ] || { WHY="reports list HTTP $got"; return 1; }
  id=$(jq -r '[.[] | select((.fileName // "") | test("\\.(pdf|xlsx)$"))][0].id // empty' "$WORK/body")
  [ -n "$id" ] || { WHY="no report file for $MONTH: $(head -c 200 "$WORK/body")"; return 1; }
  got=$(curl -s --cacert "$CACERT" -u "operator:$PW" -o "$WORK/report" -w '%{http_code} %{content_type}' "$API/reports/$id/content")
  type="${got#* }"; got="${got%% *}"
  [ "$got" = 200 ] || { WHY="content HTTP $got"; return 1; }
  [ -s "$WORK/report" ] || { WHY="empty body"; return 1; }
  case "$(head -c 4 "$WORK/report" | od -An -c | tr -d ' ')" in
    %PDF*|PK*) REPORT_NOTE="$type, $(stat -c %s "$WORK/report") bytes"; return 0 ;;
  esac
  WHY="neither PDF nor xlsx ($type)"; return 1
}
REPORT_NOTE=""
check "report file downloaded (ReportResource), a non-empty PDF or xlsx" report_downloaded
[ -n "$REPORT_NOTE" ] && printf '      (%s)\n' "$REPORT_NOTE"

printf 'smoke: %d passed, %d failed\n' "$PASSED" "$FAILED"
[ "$FAILED" = 0 ]
