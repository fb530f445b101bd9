#!/usr/bin/env bash
# Sets everything up and runs every test tier, then prints one summary line:
#   checks  - TypeScript, ESLint and Prettier over the whole repo
#   unit    - jest through backstage-cli
#   catalog - the running backend's catalog API (Playwright request tests)
#   e2e     - browser journeys in headless Debian Chromium (Playwright)
# The portal is built and started here, and stopped on exit.
source "$(dirname "$0")/lib/toolchain.sh"
source "$SCOUT_ROOT/scripts/lib/portal.sh"
cd "$SCOUT_ROOT"

ensure_apt chromium
ensure_deps

results="$SCOUT_ROOT/e2e-test-report"
rm -rf "$results" && mkdir -p "$results"
failed_steps=()
trap portal_stop EXIT

step() { log "── $1"; }

step "typecheck (tsc)"
yarn tsc || failed_steps+=(typecheck)

step "lint (eslint) and formatting (prettier)"
yarn backstage-cli repo lint || failed_steps+=(lint)
yarn prettier --check . || failed_steps+=(prettier)

step "unit tests (jest)"
yarn backstage-cli repo test --ci --watchAll=false --json --outputFile="$results/unit.json" || failed_steps+=(unit)

step "building the frontend"
yarn workspace app build >"$results/app-build.log" 2>&1 || { tail -n 30 "$results/app-build.log"; die "frontend build failed"; }

step "starting the portal backend (serves the built frontend)"
portal_start app-config.test.yaml
log "backend answered after $(portal_wait 180)s"

step "catalog API tests and browser journeys (Playwright)"
PLAYWRIGHT_URL="$PORTAL_URL" yarn playwright test || failed_steps+=(playwright)
portal_stop

log "screenshots and reports: e2e-test-report/"
# One line that sums every tier, for CI.
node scripts/lib/summarize-tests.js "$results/unit.json" "$results/results.json"
[ ${#failed_steps[@]} -eq 0 ] || die "failed: ${failed_steps[*]}"
