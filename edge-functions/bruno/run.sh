#!/usr/bin/env bash
# Runs the Bruno collection against a running backend's edge functions:
#   edge-functions/bruno/run.sh [base URL]   (default http://localhost:7007/api/scout/functions)
# Tokens come from `scout token` (the dev secret unless SCOUT_JWT_SECRET is set;
# with iss when SCOUT_JWT_ISSUER is set). They always expire: the functions
# refuse a token without exp.
# The JSON report goes to e2e-test-report/bruno.json; any failure exits non-zero.
source "$(dirname "$0")/../../scripts/lib/toolchain.sh"

base_url="${1:-http://localhost:7007/api/scout/functions}"
collection="$SCOUT_ROOT/edge-functions/bruno"
report="$SCOUT_ROOT/e2e-test-report/bruno.json"
mkdir -p "$(dirname "$report")"

issuer=(${SCOUT_JWT_ISSUER:+--issuer "$SCOUT_JWT_ISSUER"})
# stderr carries the dev-secret warning; stdout is only the token.
token="$(cd "$SCOUT_ROOT" && yarn scout token --role service_role --ttl 15m "${issuer[@]}" 2>/dev/null)" \
  || die "scout token --role service_role failed"
# A browser client's token: role authenticated, no ingest scope.
anon_token="$(cd "$SCOUT_ROOT" && yarn scout token --role authenticated --ttl 15m "${issuer[@]}" 2>/dev/null)" \
  || die "scout token --role authenticated failed"

log "running the Bruno collection against $base_url"
# bru resolves bruno.json and environments/ from the working directory; the
# report leaves out the Authorization header so no token lands in a file.
cd "$collection"
"$SCOUT_ROOT/node_modules/.bin/bru" run --env local \
  --env-var "baseUrl=$base_url" \
  --env-var "token=$token" \
  --env-var "anonToken=$anon_token" \
  --reporter-skip-headers Authorization \
  --reporter-json "$report" || status=$?
log "report: e2e-test-report/bruno.json"
[ "${status:-0}" -eq 0 ] || die "the Bruno collection failed (exit ${status})"
