#!/usr/bin/env bash
# Sets everything up and runs every test tier, then prints one summary line:
#   checks  - TypeScript, ESLint and Prettier over the whole repo
#   unit    - jest through backstage-cli, against PGlite, a real PostgreSQL and
#             the lakehouse stack (S3Proxy, Nessie, Trino) with real dbt
#   edge    - the edge functions' own tests, under Node and under real Deno
#   catalog - the running backend's catalog API, and "New data pipeline" from
#             the scaffolder to Gitea to a gold row (Playwright request tests)
#   techdocs - every TechDocs site of the catalog, built with the real mkdocs
#   e2e     - browser journeys in headless Debian Chromium (Playwright),
#             the crawler over every in-app page among them
#   superset - real Superset on Trino: dashboards provisioned twice, then one
#             changed; guest tokens with row-level security per group
#   bruno   - the edge functions' HTTP API collection, run by the real bru CLI
#   image   - the backend image's layout carries every path the production
#             config names (no Docker here: the Dockerfile's steps are laid out)
#   stack   - every `scout` command and scripts/bench script stops what it
#             started; `scout stack down` leaves no process of ours running
# The stack and the portal are started here, and stopped on exit.
source "$(dirname "$0")/lib/toolchain.sh"
source "$SCOUT_ROOT/scripts/lib/portal.sh"
source "$SCOUT_ROOT/scripts/lib/postgres.sh"
source "$SCOUT_ROOT/scripts/lib/python.sh"
cd "$SCOUT_ROOT"

ensure_apt chromium-headless-shell unzip prometheus prometheus-alertmanager # unzip: Keycloak's distribution; Prometheus and Alertmanager: scout stack up
# pip (the Python venv) and yarn (and its native builds) side by side.
ensure_venv &
venv_pid=$!
ensure_deps
wait "$venv_pid" || die "the Python venv could not be made (see above)"

results="$SCOUT_ROOT/e2e-test-report"
rm -rf "$results" && mkdir -p "$results"
failed_steps=()
stack_down() { yarn scout stack down >/dev/null 2>&1 || true; }
trap 'portal_stop; stack_down; pg_stop' EXIT

# Each step says when it began, so a slow run shows where its time went.
step() { log "── $1 (at $((SECONDS / 60))m$((SECONDS % 60))s)"; }

# Gitea is built with Go the first time on a machine (8 to 9 minutes with
# Go's caches cold; then kept in the machine cache, $SCOUT_CACHE): build and
# start it now, in the background and niced, while the checks below run; the
# stack step waits for it.
# Superset follows in the same command (one `up` at a time keeps one record
# of what runs): its venv (2 to 4 minutes and 900 MB from PyPI the first time
# on a machine, kept in the machine cache too) and its metadata database on
# the stack's PostgreSQL.
nice -n 10 bash -c 'source scripts/lib/toolchain.sh; yarn scout stack up gitea postgres superset' >"$results/gitea-up.log" 2>&1 &
gitea_up=$!

# The SLO checks are mostly promtool's rule tests, about two minutes of CPU
# on one core per file; tsc uses one core: they run side by side, and the
# SLO step below waits for them and prints what they said.
bash scripts/slo-check.sh >"$results/slo-check.log" 2>&1 &
slo_check=$!

step "typecheck (tsc)"
yarn tsc || failed_steps+=(typecheck)

step "lint (eslint), formatting (prettier) and package metadata (repo fix)"
yarn backstage-cli repo lint || failed_steps+=(lint)
yarn prettier --check . || failed_steps+=(prettier)
yarn backstage-cli repo fix --check || failed_steps+=(package-metadata)

step "SLO rules: fresh, valid, and tested (sloth, promtool, amtool; begun beside the checks)"
wait "$slo_check" || failed_steps+=(slo)
cat "$results/slo-check.log"

step "the local stack: PostgreSQL, S3Proxy, Nessie, Trino, Keycloak, Prometheus, Alertmanager, Gitea, Superset (downloads and builds once)"
wait "$gitea_up" || { tail -n 30 "$results/gitea-up.log"; die "Gitea or Superset did not start (log: e2e-test-report/gitea-up.log)"; }
# Keycloak starts here, with the rest and long before the portal: the
# portal's OIDC provider reads its realm at start-up, and the sign-in journey
# signs in through its login page.
yarn scout stack up || die "the local stack did not start (logs: .scout/logs/)"
pg_start # already up: exports SCOUT_TEST_DATABASE_URL for the database tests
yarn scout lakehouse init || die "lakehouse init failed"

step "unit and database tests (jest)"
# PGlite loads its WASM through import(), which jest allows only with this flag.
NODE_OPTIONS="--experimental-vm-modules ${NODE_OPTIONS:-}" \
  yarn backstage-cli repo test --ci --watchAll=false --json --outputFile="$results/unit.json" || failed_steps+=(unit)

step "building the backend bundle (with the frontend) and checking the image layout"
# The production build: packages/backend/dist/{skeleton,bundle}.tar.gz and
# packages/app/dist, which the portal below serves. Without Docker, the image
# is checked by laying out the Dockerfile's copy steps and looking for every
# path app-config.production.yaml names.
yarn build:backend >"$results/backend-build.log" 2>&1 || { tail -n 30 "$results/backend-build.log"; die "backend build failed"; }
yarn scout image check || failed_steps+=(image-layout)

step "starting the portal backend (serves the built frontend)"
rm -rf .scout/pglite-test .scout/lakehouse-test
# On the stack: the scout database on PostgreSQL, and the lakehouse on
# Trino/Nessie, which the portal's first scheduled pipeline run fills from
# the demo data (the tests above covered PGlite and DuckDB).
# The built frontend from the backend on :7007 (app-config.start.yaml, as
# scripts/start.sh), with the test settings on top; TechDocs' local
# generator finds mkdocs in the venv.
export SCOUT_DATABASE_URL="$SCOUT_TEST_DATABASE_URL" SCOUT_LAKEHOUSE_ENGINE=trino
PATH="$SCOUT_VENV/bin:$PATH" portal_start app-config.start.yaml app-config.test.yaml
unset SCOUT_DATABASE_URL SCOUT_LAKEHOUSE_ENGINE
log "backend answered after $(portal_wait 180)s"
# The portal's first pipeline run fills Iceberg meanwhile.
step "edge functions under Node and under Deno"
mapfile -t edge_tests < <(cd edge-functions && find . -name '*.fn-test.ts' -not -path './node_modules/*' | sort)
node --require @backstage/cli/config/nodeTransform.cjs --test \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$results/edge-node.tap" \
  "${edge_tests[@]/#./edge-functions}" || failed_steps+=(edge-node)
(cd edge-functions && DENO_NO_UPDATE_CHECK=1 ../node_modules/.bin/deno test --sloppy-imports \
  --allow-read --allow-env --allow-net --junit-path="$results/edge-deno.xml" "${edge_tests[@]}") || failed_steps+=(edge-deno)

step "TechDocs: every site the catalog references, built with mkdocs"
bash scripts/techdocs-build.sh --publish .scout/techdocs || failed_steps+=(techdocs)

log "the pipeline published the demo data to Iceberg after $(portal_wait_pipeline 600)s more"

step "Superset: dashboards as code on Trino (twice, then one changed), guest tokens with row-level security"
# Real Superset on the Iceberg tables the pipeline just published, read as
# Trino's user superset; the Dashboards journey below embeds what this
# provisions.
SCOUT_SUPERSET_ENGINE=trino node --require @backstage/cli/config/nodeTransform.cjs --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$results/superset.tap" \
  packages/scout-cli/src/superset/provision.lifecycle.ts \
  plugins/superset-backend/src/services/guestTokens.lifecycle.ts || failed_steps+=(superset)

step "catalog API tests, browser journeys and the crawler (Playwright)"
# The walkthrough journey fails a run on purpose through SQL on
# SCOUT_TEST_DATABASE_URL (exported by pg_start above).
PLAYWRIGHT_URL="$PORTAL_URL" yarn playwright test || failed_steps+=(playwright)

step "edge functions' HTTP API (Bruno collection)"
edge-functions/bruno/run.sh "$PORTAL_URL/api/scout/functions" || failed_steps+=(bruno)
portal_stop

step "commands stop what they started (success, failure, SIGINT, SIGTERM); stack down stops everything"
# One run, so summarize-tests.js counts them all in stack-down.tap; one file
# at a time, in path order, so stack/down.lifecycle.ts (it stops the stack)
# comes last.
node --require @backstage/cli/config/nodeTransform.cjs --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$results/stack-down.tap" \
  packages/scout-cli/src/processes.lifecycle.ts packages/scout-cli/src/bench/scripts.lifecycle.ts \
  packages/scout-cli/src/stack/down.lifecycle.ts || failed_steps+=(stack-down)

log "screenshots and reports: e2e-test-report/"
# One line that sums every tier, for CI.
node scripts/lib/summarize-tests.js "$results"
log "all steps done after $((SECONDS / 60))m$((SECONDS % 60))s"
[ ${#failed_steps[@]} -eq 0 ] || die "failed: ${failed_steps[*]}"
